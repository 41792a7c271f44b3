/**
 * Parses the query strings the Botpress client sends: it encodes with
 * `qs.stringify(q, { allowDots: true, arrayFormat: 'repeat' })`, so tags
 * arrive as `tags.userPhone=...` and arrays as repeated keys.
 */
export type ParsedQuery = Record<string, string | string[] | Record<string, string>>;

export function parseQuery(raw: string): ParsedQuery {
  const out: ParsedQuery = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const dot = key.indexOf('.');
    if (dot > 0) {
      const head = key.slice(0, dot);
      const group = out[head];
      const record = group && typeof group === 'object' && !Array.isArray(group) ? group : {};
      record[key.slice(dot + 1)] = value;
      out[head] = record;
      continue;
    }
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev as string, value];
  }
  return out;
}
