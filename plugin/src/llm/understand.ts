/**
 * One structured-output call through @langchain/openai: the message (phone and
 * e-mail removed), the pending question, what is chosen and the catalog names
 * that matter go in; the same Extraction the rules give comes out, every id
 * checked against the catalog, plus a guarded free answer when one was asked
 * for. Function calling, not the default json_schema mode, which Kimi,
 * DeepSeek and vLLM reject. Any failure is recorded and returns null.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage, type AIMessage } from '@langchain/core/messages';
import { z } from 'zod';
import type { CatalogSnapshot } from '../catalog/types';
import { INTENTS, PARTS_OF_DAY, emptyExtraction, type Extraction } from '../understanding/types';
import { guardAnswer } from './guard';
import { buildPrompt, type PromptMessage } from './prompt';
import { redactContact } from './redact';
import type { LlmSettings } from './settings';
import type { LlmCallSink, LlmPort, LlmTurnContext, LlmUnderstanding } from './types';

export const extractionSchema = z.object({
  intent: z.enum(INTENTS).nullable().describe('What the customer wants; null when the message only answers the pending question'),
  location: z.string().nullable().describe('Branch id'),
  services: z.array(z.string()).describe('Service ids, in the order named'),
  staff: z.string().nullable().describe('Staff id, or "any"'),
  date: z.string().nullable().describe('YYYY-MM-DD'),
  time: z.string().nullable().describe('HH:MM, 24h'),
  partOfDay: z.enum(PARTS_OF_DAY).nullable().describe('When no exact time is given'),
  name: z.string().nullable().describe("The customer's name, if given as the booking name"),
  yesNo: z.enum(['yes', 'no']).nullable(),
  choice: z.number().int().nullable().describe('1-based number picked from a list the assistant offered'),
  answer: z.string().nullable().describe('Short free answer to a question the catalog cannot answer, or ASK_TEAM'),
});
export type ModelExtraction = z.infer<typeof extractionSchema>;

export const EXTRACT_TOOL = 'extract';

/** The model's output as an Extraction: ids not in the catalog, malformed dates and times are dropped, like rule output never has them. */
export function toExtraction(out: ModelExtraction, snapshot: CatalogSnapshot): Extraction {
  const x = emptyExtraction();
  const locations = new Set(snapshot.locations.map((l) => l.id));
  const services = new Set(snapshot.services.map((s) => s.id));
  const staff = new Set(snapshot.staff.map((s) => s.id));
  x.intent = out.intent && (INTENTS as readonly string[]).includes(out.intent) ? out.intent : null;
  x.location = out.location && locations.has(out.location) ? out.location : null;
  x.services = [...new Set((out.services ?? []).filter((id) => services.has(id)))];
  x.staff = out.staff === 'any' || (out.staff && staff.has(out.staff)) ? out.staff : null;
  x.date = out.date && /^\d{4}-\d{2}-\d{2}$/.test(out.date) && !Number.isNaN(Date.parse(`${out.date}T00:00:00Z`)) ? out.date : null;
  x.time = out.time && /^([01]\d|2[0-3]):[0-5]\d$/.test(out.time) ? out.time : null;
  x.partOfDay = x.time ? null : out.partOfDay ?? null;
  x.name = out.name?.trim() && out.name.trim().length <= 60 && !/[@\d]/.test(out.name) ? out.name.trim() : null;
  x.yesNo = out.yesNo ?? null;
  x.choice = typeof out.choice === 'number' && out.choice >= 1 && out.choice <= 50 ? out.choice : null;
  return x;
}

export interface LlmUnderstandingDeps {
  settings: Pick<LlmSettings, 'mode' | 'model' | 'systemPrompt' | 'businessFacts'>;
  model: BaseChatModel;
  record: LlmCallSink;
}

/** A failure, named for the log: timeout, http_<status>, or error. */
export function failureKind(err: unknown): string {
  const e = err as { name?: string; message?: string; status?: number; constructor?: { name?: string } };
  const name = `${e?.name ?? ''} ${e?.constructor?.name ?? ''}`;
  if (/Timeout|Abort/i.test(name) || /timed? ?out|aborted/i.test(e?.message ?? '')) return 'timeout';
  if (typeof e?.status === 'number') return `http_${e.status}`;
  return 'error';
}

export function createLlmUnderstanding(deps: LlmUnderstandingDeps): LlmPort {
  const { settings, model, record } = deps;
  const structured = model.withStructuredOutput(extractionSchema, { name: EXTRACT_TOOL, method: 'functionCalling', includeRaw: true });
  return {
    mode: settings.mode,
    async understand(text: string, ctx: LlmTurnContext): Promise<LlmUnderstanding | null> {
      const started = performance.now();
      const base = { conversationId: ctx.conversationId ?? null, purpose: 'understand' as const, model: settings.model };
      const messages = buildPrompt(redactContact(text), ctx, settings);
      let raw: AIMessage | undefined;
      try {
        const res = (await structured.invoke(toLangChain(messages))) as { raw: AIMessage; parsed: ModelExtraction | null; parsingError?: unknown };
        raw = res.raw;
        const usage = tokens(raw);
        const latencyMs = Math.round(performance.now() - started);
        if (!res.parsed) {
          const refusal = !raw?.tool_calls?.length && typeof raw?.content === 'string' && raw.content.trim() !== '';
          await record({ ...base, ok: false, failure: refusal ? 'refusal' : 'invalid_output', ...usage, latencyMs, detail: describe(res.parsingError) });
          return null;
        }
        await record({ ...base, ok: true, failure: null, ...usage, latencyMs });
        const extraction = toExtraction(res.parsed, ctx.snapshot);
        const answer = res.parsed.answer?.trim() || null;
        if (!answer) return { extraction, answer: null, guarded: false };
        const verdict = guardAnswer(answer, ctx.snapshot, settings);
        return verdict.ok ? { extraction, answer, guarded: false } : { extraction, answer: null, guarded: true };
      } catch (err) {
        await record({ ...base, ok: false, failure: failureKind(err), ...tokens(raw), latencyMs: Math.round(performance.now() - started), detail: describe(err) });
        return null;
      }
    },
  };
}

function tokens(raw: AIMessage | undefined): { promptTokens: number; completionTokens: number } {
  const u = raw?.usage_metadata;
  return { promptTokens: u?.input_tokens ?? 0, completionTokens: u?.output_tokens ?? 0 };
}

function describe(err: unknown): string | null {
  const s = err instanceof Error ? err.message : err == null ? null : String(err);
  return s ? s.slice(0, 300) : null;
}

export const toLangChain = (messages: PromptMessage[]) => messages.map((m) => (m.role === 'system' ? new SystemMessage(m.content) : new HumanMessage(m.content)));
