/**
 * The chat model, built from the settings through `@langchain/openai` against
 * any OpenAI-compatible endpoint (OpenAI, Kimi, DeepSeek, vLLM). A timeout and
 * a single retry (the library's defaults are no timeout and six retries), so a
 * slow endpoint costs the customer seconds, not minutes.
 *
 * The timeout and the retry's backoff are ours, in the transport, on the
 * system clock (runtime/clock.ts) through the one retry helper: the library's
 * own are real timers (LangChain's retry waits 1–2 s on p-retry's defaults),
 * which a scenario's virtual clock could not skip. The library keeps a real
 * timeout only as a backstop well past ours.
 */
import { ChatOpenAI } from '@langchain/openai';
import { systemClock } from '../runtime/clock';
import { retry } from '../runtime/retry';
import type { LlmSettings } from './settings';

export interface ClientOptions {
  /** Replaces the HTTP transport (recording and replay in the harness). */
  fetch?: typeof globalThis.fetch;
}

/** Attempts after the first. */
const RETRIES = 1;
const BACKOFF = { initialMs: 500, maxMs: 8_000 };

/** Statuses worth one more try (the OpenAI SDK's list): request timeout, lock timeout, rate limit, server errors. */
const retryableStatus = (status: number) => status === 408 || status === 409 || status === 429 || status >= 500;

/** An answer worth another try; the last attempt's is handed back as it is. */
class RetryableAnswer extends Error {
  constructor(readonly response: Response) {
    super(`HTTP ${response.status}`);
  }
}

/** `fetch` with a per-attempt timeout (until the headers, as the SDK's) and one retry, waiting on the system clock. */
export function timedFetch(transport: typeof globalThis.fetch, timeoutMs: number): typeof globalThis.fetch {
  const attempt = async (input: Parameters<typeof fetch>[0], init: RequestInit | undefined): Promise<Response> => {
    const ctrl = new AbortController();
    const answered = new AbortController();
    const outer = init?.signal;
    const stop = () => ctrl.abort();
    if (outer?.aborted) ctrl.abort();
    outer?.addEventListener('abort', stop, { once: true });
    // a timeout aborts without a reason: the SDK reads the AbortError as a connection timeout
    void systemClock.sleep(timeoutMs, { signal: answered.signal, guard: true }).then(() => answered.signal.aborted || ctrl.abort());
    try {
      const res = await transport(input, { ...init, signal: ctrl.signal });
      if (retryableStatus(res.status)) throw new RetryableAnswer(res);
      return res;
    } finally {
      answered.abort();
      outer?.removeEventListener('abort', stop);
    }
  };
  return (input, init) =>
    retry(() => attempt(input, init), {
      ...BACKOFF,
      retries: RETRIES,
      // the caller giving up is not worth another try
      retryable: () => !init?.signal?.aborted,
      // a retried answer's body is never read: free its connection
      onAttempt: (n, e) => void (e instanceof RetryableAnswer && n <= RETRIES && e.response.body?.cancel().catch(() => undefined)),
    }).catch((e: unknown) => {
      if (e instanceof RetryableAnswer) return e.response;
      throw e;
    }) as Promise<Response>;
}

export function createChatModel(s: Pick<LlmSettings, 'baseUrl' | 'model' | 'apiKey' | 'timeoutMs'>, opts: ClientOptions = {}): ChatOpenAI {
  return new ChatOpenAI({
    model: s.model,
    apiKey: s.apiKey,
    temperature: 0,
    // a backstop past both attempts and the wait between them; the real timeout is timedFetch's
    timeout: (RETRIES + 1) * s.timeoutMs + BACKOFF.maxMs + 5_000,
    maxRetries: 0,
    configuration: { baseURL: s.baseUrl, fetch: timedFetch(opts.fetch ?? ((input, init) => globalThis.fetch(input, init)), s.timeoutMs) },
  });
}
