/** Just enough of Source Map v3 to map generated lines to YAML lines. */
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function vlq(n: number): string {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let out = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v > 0) digit |= 32;
    out += B64[digit];
  } while (v > 0);
  return out;
}

/** One entry per generated line: null (unmapped) or the 0-based source line/column it comes from, mapped at the given generated columns. */
export interface LineMapping {
  columns: number[];
  source: { line: number; col: number };
}

export function encodeMappings(lines: Array<LineMapping | null>): string {
  let prevLine = 0;
  let prevCol = 0;
  return lines
    .map((m) => {
      if (!m) return '';
      let prevGenCol = 0;
      return m.columns
        .map((genCol) => {
          const seg = vlq(genCol - prevGenCol) + vlq(0) + vlq(m.source.line - prevLine) + vlq(m.source.col - prevCol);
          prevGenCol = genCol;
          prevLine = m.source.line;
          prevCol = m.source.col;
          return seg;
        })
        .join(',');
    })
    .join(';');
}
