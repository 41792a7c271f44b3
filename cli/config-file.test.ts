/** `--config <file.json>`: read, checked with the plugin's schema (errors name the file and field), templates written back without losing the rest. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localConfiguration, readConfigFile, saveTemplates } from './config-file';

const dir = () => mkdtempSync(join(tmpdir(), 'bookwell-config-'));
const fromEnv = {
  business: { id: 'pearl', name: 'Pearl', country: 'KW', currency: 'KWD', timezone: 'Asia/Kuwait', languages: ['en' as const] },
  provider: { baseUrl: 'http://127.0.0.1:4010' },
};

describe('--config file', () => {
  it('a missing file is an empty configuration; the environment decides business and provider address', () => {
    const path = join(dir(), 'none.json');
    expect(readConfigFile(path)).toEqual({});
    const file = join(dir(), 'c.json');
    writeFileSync(file, JSON.stringify({ business: { id: 'other' }, provider: { timeoutMs: 3000, baseUrl: 'http://elsewhere' }, booking: { requireEmail: false } }));
    expect(localConfiguration(file, fromEnv)).toMatchObject({ business: { id: 'pearl' }, provider: { baseUrl: 'http://127.0.0.1:4010', timeoutMs: 3000 }, booking: { requireEmail: false } });
  });

  it('bad JSON or a bad value stops with the file and the field named', () => {
    const file = join(dir(), 'bad.json');
    writeFileSync(file, '{"booking": ');
    expect(() => localConfiguration(file, fromEnv)).toThrow(new RegExp(`${file}: not valid JSON`));
    writeFileSync(file, JSON.stringify({ booking: { deadlineMs: 'soon' } }));
    expect(() => localConfiguration(file, fromEnv)).toThrow(new RegExp(`${file}: bookwell configuration: booking.deadlineMs`));
    writeFileSync(file, '[]');
    expect(() => readConfigFile(file)).toThrow(/one JSON object/);
  });

  it('saving templates keeps every other setting in the file', () => {
    const file = join(dir(), 'c.json');
    writeFileSync(file, JSON.stringify({ booking: { requireEmail: false }, templates: { en: { greeting: 'old' } } }));
    saveTemplates(file, { ar: { greeting: 'هلا {business}' } });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ booking: { requireEmail: false }, templates: { ar: { greeting: 'هلا {business}' } } });
  });
});
