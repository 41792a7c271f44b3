/** Small matchers shared by `bot:` and `expect:` checks. */

/** "/.../flags" is a regular expression; anything else a case-sensitive substring. */
export function toMatcher(pattern: string): (text: string) => boolean {
  const re = /^\/(.+)\/([dgimsuvy]*)$/s.exec(pattern);
  if (re) {
    const regex = new RegExp(re[1], re[2].replace('g', ''));
    return (t) => regex.test(t);
  }
  return (t) => t.includes(pattern);
}

export function asList<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** Paths where `actual` does not contain `expected` (objects: listed keys only; arrays: same length, element-wise). */
export function subsetMismatches(expected: unknown, actual: unknown, path = ''): string[] {
  if (expected !== null && typeof expected === 'object') {
    if (Array.isArray(expected)) {
      if (!Array.isArray(actual)) return [`${path || '(state)'}: expected a list, got ${show(actual)}`];
      if (actual.length !== expected.length) return [`${path}: expected ${expected.length} item(s), got ${actual.length}: ${show(actual)}`];
      return expected.flatMap((e, i) => subsetMismatches(e, actual[i], `${path}[${i}]`));
    }
    if (actual === null || typeof actual !== 'object') return [`${path || '(state)'}: expected an object, got ${show(actual)}`];
    return Object.entries(expected).flatMap(([k, e]) => subsetMismatches(e, (actual as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
  }
  // YAML reads 10 and "10" differently; the author means the value.
  const same = expected === actual || (expected !== null && actual !== null && actual !== undefined && String(expected) === String(actual));
  return same ? [] : [`${path}: expected ${show(expected)}, got ${show(actual)}`];
}

export function show(v: unknown): string {
  return v === undefined ? 'nothing' : JSON.stringify(v);
}
