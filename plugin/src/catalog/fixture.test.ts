import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { fixturePath, FIXTURES, parseFixture } from './fixture';

const kuwait = () => JSON.parse(readFileSync(fixturePath('kuwait-spa'), 'utf8'));

describe('catalog fixtures', () => {
  test('the built-in ones are valid', () => {
    for (const name of FIXTURES) expect(() => parseFixture(JSON.parse(readFileSync(fixturePath(name), 'utf8')), name)).not.toThrow();
  });

  test('time zones, countries, currencies, hours and day names are checked, every problem named at once', () => {
    const f = kuwait();
    Object.assign(f.business, { timezone: 'Mars/Olympus', country: 'XX', currency: 'KWX' });
    f.locations[1].timezone = 'Asia/Kuwiat';
    f.locations[0].hours = { sunday: ['09:00', '22:00'], mon: ['09:00', '25:00'] };
    const error = () => parseFixture(f, 'bad.json');
    expect(error).toThrow(/^bad\.json: business\.country: "XX" is not an ISO 3166/);
    expect(error).toThrow(/business\.currency: "KWX" is not an ISO 4217/);
    expect(error).toThrow(/business\.timezone: "Mars\/Olympus" is not an IANA time zone/);
    expect(error).toThrow(/locations\.1\.timezone: "Asia\/Kuwiat"/);
    expect(error).toThrow(/locations\.0\.hours\.mon\.1: expected "HH:MM" \(00:00 to 23:59\)/);
  });

  test('every id it refers to must exist in it', () => {
    const f = kuwait();
    f.services[0].locations.push('LOC-ZZ');
    f.staff[0].locationId = 'LOC-XX';
    f.staff[1].categories.push('tattoo');
    f.synonyms = { 'SVC-999': ['mystery'] };
    const error = () => parseFixture(f, 'bad.json');
    expect(error).toThrow(/services\.0\.locations\.\d+: no location "LOC-ZZ" in this fixture \(known: LOC-AV/);
    expect(error).toThrow(/staff\.0\.locationId: no location "LOC-XX"/);
    expect(error).toThrow(/staff\.1\.categories\.\d+: no service category "tattoo"/);
    expect(error).toThrow(/synonyms\.SVC-999: no location, service or staff id "SVC-999"/);
  });
});
