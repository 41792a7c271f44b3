/**
 * The LLM settings a turn needs, from the plugin configuration: null when the
 * model is off or not fully configured, so a bot without one runs on rules
 * exactly as before.
 */
import type { Configuration } from '../config/schema';

export type LlmMode = 'fallback' | 'always';

export interface LlmSettings {
  baseUrl: string;
  model: string;
  apiKey: string;
  mode: LlmMode;
  timeoutMs: number;
  /** The owner's prompt, {business} filled in. */
  systemPrompt: string;
  businessFacts: string;
}

export function llmSettings(config: Pick<Configuration, 'llm' | 'systemPrompt' | 'businessFacts' | 'business'>): LlmSettings | null {
  const { llm } = config;
  if (llm.mode === 'off' || !llm.baseUrl || !llm.model) return null;
  return {
    baseUrl: llm.baseUrl,
    model: llm.model,
    // the openai client refuses to start without a key; local servers ignore it
    apiKey: llm.apiKey || 'none',
    mode: llm.mode,
    timeoutMs: llm.timeoutMs,
    systemPrompt: config.systemPrompt.replaceAll('{business}', config.business.name),
    businessFacts: config.businessFacts,
  };
}
