/**
 * Safe HTML building: every value interpolated into `html\`…\`` is escaped
 * unless it is already `Html` (built by this tag, or marked with `raw` — used
 * only for markup we generate ourselves, such as the QR code's SVG). Customer
 * names, message texts and error messages come from outside, so escaping is
 * the default rather than something each call site has to remember.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Markup trusted as is. Never pass anything that came from a customer, the provider or the database. */
export const raw = (markup: string): Html => new Html(markup);

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

function piece(v: Value): string {
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(piece).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => (out += piece(v) + strings[i + 1]));
  return new Html(out);
}

/** The URL when it is http(s), else null: a `javascript:` link must never become clickable. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}
