/**
 * The port the conversation engine sees: one call per message at most, which
 * reads the message (the same Extraction the rules give) and, for a question
 * the catalog cannot answer, gives a short free answer. null: no usable
 * result (failure, timeout, invalid output); the engine goes on with its rules.
 */
import type { CatalogSnapshot, Language } from '../catalog/types';
import type { Expecting, Extraction } from '../understanding/types';
import type { LlmMode } from './settings';

export interface LlmTurnContext {
  now: Date;
  /** The question pending. */
  expecting: Expecting | null;
  /** The conversation's language: the free answer is written in it. */
  language: Language;
  /** What is chosen so far (ids), never the phone or e-mail. */
  chosen: { location: string | null; services: string[]; staff: string | null; date: string | null; time: string | null };
  snapshot: CatalogSnapshot;
  /** Our Conversation row, for the usage log. */
  conversationId?: string | null;
}

export interface LlmUnderstanding {
  extraction: Extraction;
  /** A free answer that passed the guard, or the polite "I'll ask the team" that replaced it; null when none was asked for. */
  answer: string | null;
  /** True when the guard replaced the model's answer (the engine then offers a human). */
  guarded: boolean;
}

export interface LlmPort {
  mode: LlmMode;
  understand(text: string, ctx: LlmTurnContext): Promise<LlmUnderstanding | null>;
}

/** One model call, as the usage log keeps it. */
export interface LlmCallRecord {
  conversationId: string | null;
  purpose: 'understand' | 'agent';
  model: string;
  ok: boolean;
  /** timeout | http_<status> | invalid_output | refusal | error */
  failure: string | null;
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
  detail?: string | null;
}

export type LlmCallSink = (call: LlmCallRecord) => void | Promise<void>;
