/** `--config <file.json>`: read, checked with the plugin's schema (errors name the file and field), templates written back without losing the rest. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfiguration } from '../plugin/src/config/parse';
import { llmSettings } from '../plugin/src/llm/settings';
import { localConfiguration, readConfigFile, saveTemplates } from './config-file';
import { llmFromEnv, readEnv } from './runtime';

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

  it('BOOKWELL_LLM_* override the file\'s llm section; an endpoint from the environment with no mode anywhere means fallback', () => {
    const file = join(dir(), 'llm.json');
    writeFileSync(file, JSON.stringify({ llm: { model: 'gpt-4o-mini', timeoutMs: 5000 }, systemPrompt: 'Be brief, {business}.' }));
    const llmEnv = readEnv({ BOOKWELL_LLM_BASE_URL: 'http://127.0.0.1:8000/v1', BOOKWELL_LLM_API_KEY: 'sk-test' });
    const c = localConfiguration(file, { ...fromEnv, llm: llmFromEnv(llmEnv) });
    expect(c).toMatchObject({ llm: { baseUrl: 'http://127.0.0.1:8000/v1', apiKey: 'sk-test', model: 'gpt-4o-mini', timeoutMs: 5000, mode: 'fallback' } });
    expect(llmSettings(parseConfiguration(c))).toMatchObject({ mode: 'fallback', systemPrompt: 'Be brief, Pearl.', timeoutMs: 5000 });
    expect(llmSettings(parseConfiguration(localConfiguration(file, fromEnv)))).toBeNull();
    const off = localConfiguration(file, { ...fromEnv, llm: llmFromEnv(readEnv({ BOOKWELL_LLM_BASE_URL: 'http://127.0.0.1:8000/v1', BOOKWELL_LLM_MODE: 'off' })) });
    expect(llmSettings(parseConfiguration(off))).toBeNull();
    expect(() => readEnv({ BOOKWELL_LLM_BASE_URL: 'api.openai.com' })).toThrow(/BOOKWELL_LLM_BASE_URL/);
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
