/**
 * Recorded LLM answers kept beside a scenario (`<name>.llm.json`), keyed by
 * the normalised request: what the model was told (system and user text, the
 * tool's name) and nothing volatile (client version, sampling settings, the
 * endpoint's model name). A request with no recording is a test failure whose
 * message is a line diff of the prompt against the nearest recorded one, so a
 * prompt change shows exactly what changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { FakeReply, FakeRequest } from './fake-server';

export interface NormalisedRequest {
  messages: Array<{ role: string; content: string }>;
  tools: string[];
}

export interface Recording {
  key: string;
  /** Which scenario first recorded it (for people reading the file). */
  scenario: string;
  request: NormalisedRequest;
  reply: FakeReply;
}

export interface RecordingFile {
  recordings: Recording[];
}

const text = (content: unknown): string =>
  typeof content === 'string' ? content : Array.isArray(content) ? content.map((p) => (typeof p === 'string' ? p : (p as { text?: string }).text ?? '')).join('') : '';

export function normaliseRequest(req: FakeRequest): NormalisedRequest {
  return {
    messages: req.messages.map((m) => ({ role: m.role, content: text(m.content) })),
    tools: (req.tools ?? []).map((t) => t.function.name),
  };
}

export function requestKey(n: NormalisedRequest): string {
  return createHash('sha256').update(JSON.stringify(n)).digest('hex').slice(0, 16);
}

export function readRecordings(path: string): RecordingFile {
  if (!existsSync(path)) return { recordings: [] };
  return JSON.parse(readFileSync(path, 'utf8')) as RecordingFile;
}

/** Writes atomically, sorted by scenario then key, so re-recording gives a readable diff. */
export function writeRecordings(path: string, file: RecordingFile): void {
  const recordings = [...file.recordings].sort((a, b) => a.scenario.localeCompare(b.scenario) || a.key.localeCompare(b.key));
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ recordings }, null, 2)}\n`);
  renameSync(tmp, path);
}

/** The prompt as lines, for diffs. */
const promptLines = (n: NormalisedRequest) => n.messages.flatMap((m) => [`[${m.role}]`, ...m.content.split('\n')]);

/** A line diff ("- recorded", "+ sent") of the request against the recording that shares the most lines with it. */
export function promptDiff(sent: NormalisedRequest, recordings: Recording[]): string {
  const mine = promptLines(sent);
  if (!recordings.length) return mine.map((l) => `+ ${l}`).join('\n');
  const score = (r: Recording) => {
    const theirs = new Set(promptLines(r.request));
    return mine.filter((l) => theirs.has(l)).length;
  };
  const nearest = recordings.reduce((best, r) => (score(r) > score(best) ? r : best));
  return lineDiff(promptLines(nearest.request), mine).join('\n');
}

/** Longest-common-subsequence diff; unchanged lines are shown only next to a change. */
export function lineDiff(a: string[], b: string[]): string[] {
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: Array<{ mark: ' ' | '-' | '+'; line: string }> = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) out.push({ mark: ' ', line: a[i++] }), j++;
    else if (j < m && (i === n || lcs[i][j + 1] > lcs[i + 1][j])) out.push({ mark: '+', line: b[j++] });
    else out.push({ mark: '-', line: a[i++] });
  }
  const near = (k: number) => out.slice(Math.max(0, k - 1), k + 2).some((o) => o.mark !== ' ');
  return out.filter((o, k) => o.mark !== ' ' || near(k)).map((o) => `${o.mark} ${o.line}`);
}

/** What a real endpoint answered, as a reply the fake server can give again. */
export function replyFromCompletion(status: number, body: unknown): FakeReply {
  if (status >= 400) return { status, body };
  const b = body as { choices?: Array<{ message?: { content?: string | null; tool_calls?: Array<{ function: { name: string; arguments: string } }> } }>; usage?: { prompt_tokens: number; completion_tokens: number } };
  const msg = b.choices?.[0]?.message;
  const usage = b.usage ? { prompt_tokens: b.usage.prompt_tokens, completion_tokens: b.usage.completion_tokens } : undefined;
  const call = msg?.tool_calls?.[0];
  if (call) return { tool: { name: call.function.name, arguments: call.function.arguments }, ...(usage ? { usage } : {}) };
  return { content: msg?.content ?? '', ...(usage ? { usage } : {}) };
}
