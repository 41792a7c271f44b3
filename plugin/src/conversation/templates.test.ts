import { describe, expect, test } from 'vitest';
import { templater } from './templates';

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
