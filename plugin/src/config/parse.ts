/**
 * Parses the plugin configuration (sdk 5.4.3 applies no defaults) and turns a
 * failure into one clear sentence naming each wrong field. Every handler call
 * brings the configuration again (Botpress decodes the same base64 header each
 * time), so a configuration is parsed once per text: the parsed result is kept
 * by its JSON text and handed out again, never to be changed by its readers. The schema says the shape; the values with a domain of their own
 * (time zones, countries, currencies, URLs, schedules, message placeholders)
 * are checked here, because Botpress's JSON Schema cannot carry the checks.
 */
import { DEFAULT_TEMPLATES, type TemplateKey } from '../conversation/templates';
import * as domain from './domains';
import { configurationSchema, type Configuration } from './schema';

export class ConfigurationError extends Error {
  readonly name = 'ConfigurationError';
}

const DOMAIN_CHECKS: Array<[path: string, check: domain.Check]> = [
  ['provider.baseUrl', domain.httpUrl],
  ['databaseUrl', domain.postgresUrl],
  ['business.country', domain.country],
  ['business.currency', domain.currency],
  ['business.timezone', domain.timeZone],
  ['sync.fullSyncCron', domain.cron],
  ['llm.baseUrl', domain.httpUrl],
];

/** One wrong field: where, and what is wrong. */
export interface ConfigurationProblem {
  path: string;
  message: string;
}

function domainProblems(raw: unknown): ConfigurationProblem[] {
  return DOMAIN_CHECKS.flatMap(([path, check]) => {
    const value = path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), raw);
    const message = typeof value === 'string' ? check(value) : null;
    return message ? [{ path, message }] : [];
  });
}

const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
const LANGUAGES = Object.keys(DEFAULT_TEMPLATES) as Array<keyof typeof DEFAULT_TEMPLATES>;

/** A message may use the placeholders its default uses in any language: the bot fills only those. */
function templateProblems(raw: unknown): ConfigurationProblem[] {
  const problems: ConfigurationProblem[] = [];
  const templates = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  for (const lang of LANGUAGES) {
    const messages = templates[lang];
    for (const [key, text] of Object.entries(messages && typeof messages === 'object' ? messages : {}) as Array<[TemplateKey, unknown]>) {
      // unknown keys and non-strings are the schema's to report
      if (typeof text !== 'string' || !(key in DEFAULT_TEMPLATES[lang])) continue;
      const allowed = new Set(LANGUAGES.flatMap((l) => [...placeholders(DEFAULT_TEMPLATES[l][key])]));
      const unknown = [...placeholders(text)].filter((p) => !allowed.has(p));
      if (unknown.length) {
        const can = allowed.size ? `this message can use ${[...allowed].map((p) => `{${p}}`).join(', ')}` : 'this message takes none';
        problems.push({ path: `templates.${lang}.${key}`, message: `unknown placeholder ${unknown.map((p) => `{${p}}`).join(', ')}; ${can}` });
      }
    }
  }
  return problems;
}

/** An empty (or blank) message keeps the default, as the studio says; it is never sent empty. */
function withoutBlankTemplates(templates: Configuration['templates']): Configuration['templates'] {
  return Object.fromEntries(
    Object.entries(templates).map(([lang, messages]) => [lang, messages && Object.fromEntries(Object.entries(messages).filter(([, text]) => text?.trim()))]),
  ) as Configuration['templates'];
}

/** provider.kind was read by nothing and is gone; configurations saved before still carry it. */
function withoutRetiredFields(raw: unknown): unknown {
  const provider = (raw as { provider?: unknown } | null)?.provider;
  if (!provider || typeof provider !== 'object' || !('kind' in provider)) return raw;
  const { kind: _retired, ...rest } = provider as Record<string, unknown>;
  return { ...(raw as object), provider: rest };
}

type Parsed = { config: Configuration; problems: [] } | { config: null; problems: ConfigurationProblem[] };

/** The configuration, or every wrong field: the shape first, then each value's domain. */
export function checkConfiguration(raw: unknown): Parsed {
  const parsed = configurationSchema.safeParse(withoutRetiredFields(raw ?? {}));
  // read from the raw input, so every wrong value is named even when another field broke the schema
  const domains = [...domainProblems(raw), ...templateProblems((raw as { templates?: unknown } | null)?.templates)];
  if (!parsed.success) {
    const shape = parsed.error.issues.flatMap((i): ConfigurationProblem[] => {
      const at = i.path.join('.');
      // one problem per unknown field, named in full: "templates.en.ask_nmae: unknown field"
      if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ path: at ? `${at}.${k}` : k, message: 'unknown field' }));
      return [{ path: at || '(root)', message: i.message }];
    });
    return { config: null, problems: [...domains, ...shape.filter((p) => !domains.some((d) => d.path === p.path))] };
  }
  const c = parsed.data;
  const problems = [...domains];
  return problems.length ? { config: null, problems } : { config: { ...c, templates: withoutBlankTemplates(c.templates) }, problems: [] };
}

/** Parsed configurations by their JSON text; a few at most (a studio edit, a test's variants). */
const parsed = new Map<string, Configuration>();
const PARSED_KEPT = 32;

export function parseConfiguration(raw: unknown): Configuration {
  const text = JSON.stringify(raw ?? {});
  const hit = parsed.get(text);
  if (hit) return hit;
  const { config, problems } = checkConfiguration(raw);
  if (!config) throw new ConfigurationError(`bookwell configuration: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  if (parsed.size >= PARSED_KEPT) parsed.delete(parsed.keys().next().value!);
  parsed.set(text, config);
  return config;
}
