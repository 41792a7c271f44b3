import { describe, expect, test } from 'vitest';
import { formatDate, formatWhen } from './format';

describe('dates as people read them', () => {
  test('Spanish: "el lunes 7 de diciembre a las 10:00 a.m.", "a la 1", the day alone without a comma', () => {
    expect(formatWhen('2026-12-07', '10:00', 'America/Mexico_City', 'es')).toBe('el lunes 7 de diciembre a las 10:00 a.m.');
    expect(formatWhen('2026-12-07', '13:30', 'America/Mexico_City', 'es')).toBe('el lunes 7 de diciembre a la 1:30 p.m.');
    expect(formatDate('2026-12-07', 'America/Mexico_City', 'es')).toBe('lunes 7 de diciembre');
  });

  test('English and Arabic keep their locale pattern', () => {
    expect(formatWhen('2026-03-02', '17:00', 'Asia/Kuwait', 'en')).toBe('Monday, March 2 at 5:00 PM');
    expect(formatDate('2026-03-02', 'Asia/Kuwait', 'ar')).toContain('الاثنين');
  });
});
