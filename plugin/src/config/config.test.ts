import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfiguration, ConfigurationError } from './parse';
import { withReference } from './reference';
import { DEFAULT_TEMPLATES } from '../conversation/templates';

const business = { id: 'pearl-spa', name: 'Pearl Nail & Spa', country: 'KW', currency: 'KWD', timezone: 'Asia/Kuwait', languages: ['en', 'ar'] };

describe('plugin configuration', () => {
  it('applies every default (the sdk applies none)', () => {
    const c = parseConfiguration({ business });
    expect(c.provider).toEqual({ kind: 'simulator', timeoutMs: 8000 });
    expect(c.booking).toEqual({ requireEmail: true, deadlineMs: 20_000 });
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
    expect(bad).toThrow(/business\.country: .*2 character/);
    expect(bad).toThrow(/business\.languages\.0/);
    expect(bad).toThrow(/sync\.slotRefreshMinutes/);
    expect(() => parseConfiguration({})).toThrow(/^bookwell configuration: business: Required/);
    expect(() => parseConfiguration({ business, provider: { kind: 'nailit' } })).toThrow(/provider\.baseUrl is required/);
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
