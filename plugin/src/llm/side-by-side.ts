/**
 * `bookwell understand --llm`: each JSON line {"id","text"} read by the rules
 * and by the model, printed side by side with the fields where they differ,
 * so an owner or builder sees what the model adds before turning it on.
 */
import type { CatalogSnapshot, Language } from '../catalog/types';
import type { RuleExtractor } from '../understanding';
import { toOutput } from '../understanding/understand-lines';
import { EXPECTING, type Expecting } from '../understanding/types';
import type { LlmPort } from './types';

export interface SideBySideOptions {
  now: Date;
  snapshot: CatalogSnapshot;
  /** The failure of the last call, when the model gave nothing (set by the call log). */
  lastFailure: () => string | null;
}

export async function sideBySideLine(line: string, lineNo: number, extract: RuleExtractor, llm: LlmPort, opts: SideBySideOptions): Promise<string | null> {
  if (!line.trim()) return null;
  let input: { id?: unknown; text?: unknown; expecting?: unknown };
  try {
    input = JSON.parse(line);
  } catch {
    return JSON.stringify({ id: null, error: `line ${lineNo}: not valid JSON` });
  }
  const id = typeof input.id === 'string' || typeof input.id === 'number' ? input.id : null;
  if (typeof input.text !== 'string') return JSON.stringify({ id, error: `line ${lineNo}: text: expected a string` });
  const expecting = (EXPECTING as readonly string[]).includes(String(input.expecting)) ? (input.expecting as Expecting) : null;
  const rules = extract(input.text, { now: opts.now, expecting });
  const language: Language = rules.language ?? opts.snapshot.business.languages[0] ?? 'en';
  const model = await llm.understand(input.text, { now: opts.now, expecting, language, chosen: { location: null, services: [], staff: null, date: null, time: null }, snapshot: opts.snapshot });
  const { id: _r, ...r } = toOutput(id ?? lineNo, rules);
  if (!model) return JSON.stringify({ id, rules: r, llm: null, error: opts.lastFailure() ?? 'no answer' });
  const { id: _m, phone: _p, email: _e, ...m } = toOutput(id ?? lineNo, model.extraction);
  const differs = Object.keys(m).filter((k) => JSON.stringify(m[k]) !== JSON.stringify(r[k]));
  return JSON.stringify({ id, rules: r, llm: m, ...(model.answer || model.guarded ? { answer: model.answer ?? "(guarded: I'll ask the team)" } : {}), differs });
}
