/**
 * The chat model, built from the settings through `@langchain/openai` against
 * any OpenAI-compatible endpoint (OpenAI, Kimi, DeepSeek, vLLM). A timeout and
 * a single retry (the library's defaults are no timeout and six retries), so a
 * slow endpoint costs the customer seconds, not minutes.
 */
import { ChatOpenAI } from '@langchain/openai';
import type { LlmSettings } from './settings';

export interface ClientOptions {
  /** Replaces the HTTP transport (recording and replay in the harness). */
  fetch?: typeof globalThis.fetch;
}

export function createChatModel(s: Pick<LlmSettings, 'baseUrl' | 'model' | 'apiKey' | 'timeoutMs'>, opts: ClientOptions = {}): ChatOpenAI {
  return new ChatOpenAI({
    model: s.model,
    apiKey: s.apiKey,
    temperature: 0,
    timeout: s.timeoutMs,
    maxRetries: 1,
    configuration: { baseURL: s.baseUrl, ...(opts.fetch ? { fetch: opts.fetch } : {}) },
  });
}
