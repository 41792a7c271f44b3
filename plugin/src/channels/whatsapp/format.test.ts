import { describe, expect, test } from 'vitest';
import { splitMessage, toWhatsAppFormat } from './format';

describe('toWhatsAppFormat', () => {
  test('bold, italic and strikethrough', () => {
    expect(toWhatsAppFormat('**Gel Manicure** at __Avenues__, *tomorrow*, _5pm_, ~~4pm~~')).toBe('*Gel Manicure* at _Avenues_, _tomorrow_, _5pm_, ~4pm~');
  });

  test('headings become bold lines, bullets stay lists', () => {
    expect(toWhatsAppFormat('## Your booking\n* Gel Manicure\n- Pedicure\n+ **Hair** cut')).toBe('*Your booking*\n- Gel Manicure\n- Pedicure\n- *Hair* cut');
  });

  test('links keep their URL, untouched', () => {
    expect(toWhatsAppFormat('[Pay here](https://pay.example/o/a_b__c*d*) or <https://x.example/__y__>')).toBe(
      'Pay here (https://pay.example/o/a_b__c*d*) or https://x.example/__y__',
    );
    expect(toWhatsAppFormat('[https://pay.example/1](https://pay.example/1).')).toBe('https://pay.example/1.');
  });

  test('code is left alone', () => {
    expect(toWhatsAppFormat('ref `**A1**` and ```\n**raw**\n```')).toBe('ref `**A1**` and ```\n**raw**\n```');
  });

  test('plain text, arithmetic stars and snake_case are unchanged', () => {
    for (const s of ['Hello, how can I help?', '2 * 3 * 4', 'use my_name_here', 'مرحبا بك']) expect(toWhatsAppFormat(s)).toBe(s);
  });
});

describe('splitMessage', () => {
  test('short text is one part', () => {
    expect(splitMessage('Hi there.', 1500)).toEqual(['Hi there.']);
  });

  test('long text is cut at sentence ends, every part within the limit', () => {
    const sentence = 'Your gel manicure at Avenues is confirmed for tomorrow at 5pm. ';
    const text = sentence.repeat(60);
    const parts = splitMessage(text, 500);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(500);
      expect(p.endsWith('5pm.')).toBe(true);
    }
    expect(parts.join(' ')).toBe(text.trim());
  });

  test('paragraphs are preferred over sentences; Arabic question marks count', () => {
    expect(splitMessage('First paragraph. Still first.\n\nSecond one.', 40)).toEqual(['First paragraph. Still first.', 'Second one.']);
    expect(splitMessage('هل تريدين الحجز غدًا؟ لدينا مواعيد متاحة كثيرة', 30)).toEqual(['هل تريدين الحجز غدًا؟', 'لدينا مواعيد متاحة كثيرة']);
  });

  test('a text with no boundary is cut hard, never inside an emoji', () => {
    const parts = splitMessage('a'.repeat(9) + '😀' + 'b'.repeat(10), 10);
    expect(parts[0]).toBe('a'.repeat(9));
    expect(parts.join('')).toBe('a'.repeat(9) + '😀' + 'b'.repeat(10));
    expect(parts.every((p) => p.length <= 10)).toBe(true);
  });
});
