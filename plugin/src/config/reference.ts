/**
 * Renders the plugin configuration reference (markdown) from the configuration
 * schema itself, so docs/configuration.md cannot drift from what the studio
 * shows. `npm run docs:config` rewrites the generated part of the doc.
 */
import { configurationSchema } from './schema';

interface JsonSchema {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  'x-zui'?: { title?: string; secret?: boolean };
}

export const BEGIN = '<!-- BEGIN generated: plugin configuration (npm run docs:config) -->';
export const END = '<!-- END generated: plugin configuration -->';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function typeOf(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (s.type === 'array' && s.items) return `list of ${typeOf(s.items)}`;
  const t = Array.isArray(s.type) ? s.type.join(' or ') : (s.type ?? 'any');
  const range = s.minimum !== undefined || s.maximum !== undefined ? ` ${s.minimum ?? ''}–${s.maximum ?? ''}` : '';
  return `${t}${range}`;
}

function rows(schema: JsonSchema, path: string[], out: string[], requiredHere: boolean) {
  for (const [key, s] of Object.entries(schema.properties ?? {})) {
    const p = [...path, key];
    const required = requiredHere && (schema.required ?? []).includes(key) && s.default === undefined;
    if (s.type === 'object' && s.properties && p[0] !== 'templates') {
      out.push(`| **${p.join('.')}** | ${cell(s['x-zui']?.title ?? key)} | section |  | ${cell(s.description ?? '')} |`);
      rows(s, p, out, required);
      continue;
    }
    if (p[0] === 'templates' && p.length === 1) {
      out.push(`| **templates** | ${cell(s['x-zui']?.title ?? key)} | section |  | ${cell(s.description ?? '')} One field per message and language, e.g. \`templates.en.ask_name\`; the studio lists each with its default text. |`);
      continue;
    }
    const dflt = s.default === undefined ? (required ? 'required' : '') : `\`${JSON.stringify(s.default)}\``;
    const secret = s['x-zui']?.secret ? ' (secret)' : '';
    out.push(`| \`${p.join('.')}\` | ${cell(s['x-zui']?.title ?? key)}${secret} | ${typeOf(s)} | ${dflt} | ${cell(s.description ?? '')} |`);
  }
}

export function configurationReference(): string {
  const json = (configurationSchema as unknown as { toJSONSchema(): JsonSchema }).toJSONSchema();
  const out = ['| field | title | type | default | description |', '|---|---|---|---|---|'];
  rows(json, [], out, true);
  return [BEGIN, '', ...out, '', END].join('\n');
}

/** Replaces the generated block of a markdown document. */
export function withReference(doc: string): string {
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`the document has no "${BEGIN}" … "${END}" block`);
  return doc.slice(0, a) + configurationReference() + doc.slice(b + END.length);
}
