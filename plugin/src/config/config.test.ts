import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfiguration, ConfigurationError } from './parse';
import { withReference } from './reference';
import { DEFAULT_TEMPLATES } from '../conversation/templates';

const business = { id: 'pearl-spa', name: 'Pearl Nail & Spa', country: 'KW', currency: 'KWD', timezone: 'Asia/Kuwait', languages: ['en', 'ar'] };

describe('plugin configuration', () => {
  it('applies every default (the sdk applies none)', () => {
    const c = parseConfiguration({ business });
    expect(c.provider).toEqual({ timeoutMs: 8000 });
    expect(c.booking).toEqual({ requireEmail: true, deadlineMs: 20_000, reconcileMinutes: 1 });
    expect(c.sync).toEqual({ fullSyncCron: '0 3 * * *', slotRefreshMinutes: 20, slotDays: 14 });
    expect(c.handoff).toEqual({ enabled: true });
    expect(c.channels).toEqual({});
    expect(c.templates).toEqual({});
  });

  it('takes a Chat profile secret only long enough to be one', () => {
    expect(parseConfiguration({ business, channels: { chatProfileSecret: 'x'.repeat(16) } }).channels.chatProfileSecret).toBe('x'.repeat(16));
    expect(() => parseConfiguration({ business, channels: { chatProfileSecret: 'secret' } })).toThrow(/channels\.chatProfileSecret/);
  });

  it('keeps owner overrides of single templates', () => {
    const c = parseConfiguration({ business, templates: { ar: { ask_name: 'شنو اسمك؟' } } });
    expect(c.templates.ar).toEqual({ ask_name: 'شنو اسمك؟' });
  });

  it('names every wrong field in one clear error', () => {
    const bad = () => parseConfiguration({ business: { ...business, country: 'KWT', languages: ['fr'] }, sync: { slotRefreshMinutes: 0 } });
    expect(bad).toThrow(ConfigurationError);
    expect(bad).toThrow(/business\.country: "KWT" is not an ISO 3166 country code/);
    expect(bad).toThrow(/business\.languages\.0/);
    expect(bad).toThrow(/sync\.slotRefreshMinutes/);
    expect(() => parseConfiguration({})).toThrow(/^bookwell configuration: business: Required/);
  });

  it('refuses every value outside its domain, naming the field and what is wrong with the value', () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ databaseUrl: 'mysql://root@db:3306/bookwell' }, /databaseUrl: the scheme is "mysql", but only Postgres is supported/],
      [{ databaseUrl: 'not a url' }, /databaseUrl: not a URL/],
      [{ business: { ...business, timezone: 'Mars/Olympus' } }, /business\.timezone: "Mars\/Olympus" is not an IANA time zone/],
      [{ business: { ...business, country: 'XX' } }, /business\.country: "XX" is not an ISO 3166 country code/],
      [{ business: { ...business, country: 'kw' } }, /business\.country: "kw"/],
      [{ business: { ...business, currency: 'KWX' } }, /business\.currency: "KWX" is not an ISO 4217 currency code/],
      [{ provider: { baseUrl: 'ftp://nailit.example.com' } }, /provider\.baseUrl: "ftp:\/\/nailit\.example\.com\/" is not an http:\/\/ or https:\/\/ URL/],
      [{ sync: { fullSyncCron: 'every night' } }, /sync\.fullSyncCron: "every night" is not a cron schedule/],
      [{ sync: { fullSyncCron: '0 25 * * *' } }, /sync\.fullSyncCron: .*hour/],
      [{ llm: { baseUrl: 'file:///etc/passwd', apiKey: 'k', model: 'm' } }, /llm\.baseUrl: .* is not an http:\/\/ or https:\/\/ URL/],
      [{ synonyms: { 'SVC-101': [''] } }, /synonyms\.SVC-101\.0/],
    ];
    for (const [over, error] of cases) expect(() => parseConfiguration({ business, ...over }), JSON.stringify(over)).toThrow(error);
    // a password in a bad URL is not echoed into logs
    expect(() => parseConfiguration({ business, provider: { baseUrl: 'ftp://u:hunter2@x.example.com' } })).toThrow(/\*\*\*/);
    expect(() => parseConfiguration({ business, provider: { baseUrl: 'ftp://u:hunter2@x.example.com' } })).not.toThrow(/hunter2/);
    expect(parseConfiguration({ business, databaseUrl: 'postgres://bookwell@db:5432/bookwell', sync: { fullSyncCron: '30 2 * * 1-5' } }).databaseUrl).toBe('postgres://bookwell@db:5432/bookwell');
  });

  it('refuses unknown fields anywhere, each named in full (a typo is not silently ignored)', () => {
    const bad = () =>
      parseConfiguration({ business, bussiness: {}, booking: { requireEmails: false }, templates: { en: { ask_nmae: 'Name?' }, fr: { ask_name: 'Nom ?' } } });
    expect(bad).toThrow(/bussiness: unknown field/);
    expect(bad).toThrow(/booking\.requireEmails: unknown field/);
    expect(bad).toThrow(/templates\.en\.ask_nmae: unknown field/);
    expect(bad).toThrow(/templates\.fr: unknown field/);
  });

  it('refuses a message with a placeholder the bot never fills; keeps the default for an empty one', () => {
    expect(() => parseConfiguration({ business, templates: { en: { greeting: 'Hi, welcome to {buisness}!' } } })).toThrow(
      /templates\.en\.greeting: unknown placeholder \{buisness\}; this message can use \{business\}/,
    );
    expect(() => parseConfiguration({ business, templates: { ar: { ask_name: 'اسمك {name}؟' } } })).toThrow(/templates\.ar\.ask_name: unknown placeholder \{name\}/);
    expect(parseConfiguration({ business, templates: { en: { greeting: 'Welcome to {business}!', ask_name: '', ask_email: '  ' } } }).templates.en).toEqual({
      greeting: 'Welcome to {business}!',
    });
  });

  it('an older configuration that still names a provider kind is read as before (the setting is gone, nothing read it)', () => {
    expect(parseConfiguration({ business, provider: { kind: 'nailit', baseUrl: 'https://nailit.example.com/api' } }).provider).toEqual({ baseUrl: 'https://nailit.example.com/api', timeoutMs: 8000 });
  });

  it('offers every engine template, in every language, for the studio', () => {
    const c = parseConfiguration({ business, templates: { es: { ...DEFAULT_TEMPLATES.es } } });
    expect(Object.keys(c.templates.es!).sort()).toEqual(Object.keys(DEFAULT_TEMPLATES.es).sort());
  });

  it('docs/configuration.md holds the reference generated from the schema (npm run docs:config)', () => {
    const doc = readFileSync(new URL('../../../docs/configuration.md', import.meta.url), 'utf8');
    expect(withReference(doc)).toBe(doc);
  });
});
