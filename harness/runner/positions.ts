/** Source positions of YAML nodes, so every step and expectation can say `file:line:col`. */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

export interface SourceLoc {
  file: string;
  line: number;
  col: number;
}

export type YamlPath = ReadonlyArray<string | number>;

/** Relative to the working directory when inside it, which is what VS Code's terminal turns into links. */
export function displayFile(file: string, cwd = process.cwd()): string {
  return file.startsWith(cwd + '/') ? file.slice(cwd.length + 1) : file;
}

export function formatLoc(at: SourceLoc, cwd = process.cwd()): string {
  return `${displayFile(at.file, cwd)}:${at.line}:${at.col}`;
}

export function formatPath(path: YamlPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

export type Locate = (path: YamlPath, opts?: { value?: boolean }) => SourceLoc;

/**
 * Finds the deepest node along `path`. Map entries point at their key, so a
 * step's link lands on `asks:`; `value: true` (errors) points at a scalar
 * value instead, the thing that was wrong.
 */
export function createLocator(file: string, doc: Document, lines: LineCounter): Locate {
  const at = (offset: number): SourceLoc => {
    const { line, col } = lines.linePos(offset);
    return { file, line, col };
  };
  return (path, opts) => {
    let node: unknown = doc.contents;
    let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
    let depth = 0;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === seg);
        if (!pair) break;
        offset = (pair.key as Node).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
        node = node.items[seg];
        offset = (node as Node).range?.[0] ?? offset;
      } else break;
      depth++;
    }
    if (opts?.value && depth === path.length && isScalar(node) && node.range) offset = node.range[0];
    return at(offset);
  };
}
