import { describe, expect, test } from 'vitest';
import { businessFromEnv, readEnv } from './runtime';

const BUSINESS = { id: 'pearl-spa', name: 'Pearl Nail & Spa', country: 'KW', currency: 'KWD', timezone: 'Asia/Kuwait', languages: ['en', 'ar'] };

describe('settings from the environment', () => {
  test('a database URL that is not Postgres is refused at start-up, naming the variable and the scheme', () => {
    expect(() => readEnv({ DATABASE_URL: 'mysql://root@db:3306/bookwell' })).toThrow(
      /^environment variable DATABASE_URL: the scheme is "mysql", but only Postgres is supported: expected postgresql:\/\//,
    );
    expect(() => readEnv({ DATABASE_URL: 'localhost:5432' })).toThrow(/DATABASE_URL: the scheme is "localhost"/);
    expect(readEnv({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/postgres' }).DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/postgres');
    expect(readEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  test('every wrong variable is named at once: provider URL, fixture', () => {
    const bad = () => readEnv({ BOOKWELL_PROVIDER_URL: 'nailit.example.com', BOOKWELL_FIXTURE: 'paris-salon' });
    expect(bad).toThrow(/environment variable BOOKWELL_PROVIDER_URL: "nailit\.example\.com" is not an http:\/\/ or https:\/\/ URL/);
    expect(bad).toThrow(/environment variable BOOKWELL_FIXTURE: catalog fixture not found: .*paris-salon\.json \(built in: kuwait-spa, mexico-barber\)/);
  });

  test('BOOKWELL_BUSINESS: time zone, country and currency checked, unknown fields refused', () => {
    const env = (business: unknown) => readEnv({ BOOKWELL_BUSINESS: JSON.stringify(business) });
    expect(businessFromEnv(env(BUSINESS))).toEqual(BUSINESS);
    expect(() => businessFromEnv(env({ ...BUSINESS, timezone: 'Mars/Olympus' }))).toThrow(/BOOKWELL_BUSINESS: timezone: "Mars\/Olympus" is not an IANA time zone/);
    expect(() => businessFromEnv(env({ ...BUSINESS, country: 'KWT', currency: 'dinar' }))).toThrow(/country: "KWT" .*; environment variable BOOKWELL_BUSINESS: currency: "dinar"/);
    expect(() => businessFromEnv(env({ ...BUSINESS, timeZone: 'Asia/Kuwait' }))).toThrow(/BOOKWELL_BUSINESS: .*timeZone/);
    expect(() => businessFromEnv(readEnv({ BOOKWELL_BUSINESS: '{id: pearl}' }))).toThrow(/BOOKWELL_BUSINESS: not valid JSON/);
  });
});

describe('opening a database', () => {
  test('a URL that is not Postgres fails before any connection, whichever way it came in (the plugin databaseUrl, tests, benches)', async () => {
    const { openDatabase } = await import('../plugin/src/store/database');
    await expect(openDatabase({ url: 'mysql://root@127.0.0.1:3306/bookwell' })).rejects.toThrow(/^database URL: the scheme is "mysql", but only Postgres is supported/);
    await expect(openDatabase({ url: 'sqlite:bookwell.db' })).rejects.toThrow(/the scheme is "sqlite"/);
  });
});
