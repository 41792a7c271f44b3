import { describe, expect, test } from 'vitest';
import { arabicDefault, DEFAULT_TEMPLATES, templater, withArabicGender, type TemplateKey } from './templates';

describe('templates', () => {
  test('a value ending in an abbreviation does not double the full stop', () => {
    const t = templater('es');
    const text = t('ask_time_date', { date: 'lunes 2 de marzo', options: '5:00 p.m. o 5:30 p.m.' });
    expect(text).toContain('5:30 p.m.');
    expect(text).not.toContain('p.m..');
    // only the stop after the value goes; dots inside a value stay
    expect(templater('en')('booked_again', { link: 'http://pay.example/a..b' })).toContain('http://pay.example/a..b');
  });

  test('an owner override wins and keeps unknown placeholders visible', () => {
    const t = templater('en', { en: { ask_name: 'Your name, {who}? {missing}' } });
    expect(t('ask_name', { who: 'please' })).toBe('Your name, please? {missing}');
  });
});

describe('Arabic replies keep one grammatical gender', () => {
  // second-person forms that give the gender away: feminine verbs and suffixes, and their masculine pairs
  const FEMININE = /(?:^|[\s"(])(?:تبين|تبينها|تبينه|تقدرين|تختارين|تغيرين|تحجزين|تقولين|تلغينه|تغيرينه|تقصدين|تكلميني|اكتبي|أرسليه|ردي|قولي|ادفعي|سمحتي|عندج|أمانج|رقمج|وياج|عليج|تساعدج|بتساعدج|حياج|نشوفج)(?=$|[\s.,،؟:!"])/u;
  const MASCULINE = /(?:^|[\s"(])(?:تبي|تبيها|تبيه|تقدر|تختار|تغير|تحجز|تقول|تلغيه|تغيره|تقصد|تكلمني|اكتب|أرسله|رد|قول|ادفع|سمحت|وياك|حياك)(?=$|[\s.,،؟:!"])/u;
  const keys = Object.keys(DEFAULT_TEMPLATES.ar) as TemplateKey[];

  test('feminine (the default): no masculine form in any Arabic reply', () => {
    const slips = keys.filter((k) => MASCULINE.test(arabicDefault(k, 'feminine'))).map((k) => `${k}: ${arabicDefault(k, 'feminine')}`);
    expect(slips).toEqual([]);
  });

  test('masculine: no feminine form in any Arabic reply', () => {
    const slips = keys.filter((k) => FEMININE.test(arabicDefault(k, 'masculine'))).map((k) => `${k}: ${arabicDefault(k, 'masculine')}`);
    expect(slips).toEqual([]);
  });

  test('the setting picks the defaults; an owner\'s own Arabic wins over both', () => {
    expect(templater('ar', withArabicGender(undefined, 'masculine'))('ask_change')).toBe('ولا يهمك. شنو تبي تغير؟');
    expect(templater('ar', withArabicGender(undefined, 'feminine'))('ask_change')).toBe('ولا يهمك. شنو تبين تغيرين؟');
    expect(templater('ar', withArabicGender({ ar: { ask_change: 'شنو نغير؟' } }, 'masculine'))('ask_change')).toBe('شنو نغير؟');
    expect(templater('en', withArabicGender(undefined, 'masculine'))('ask_change')).toBe(DEFAULT_TEMPLATES.en.ask_change);
  });
});
