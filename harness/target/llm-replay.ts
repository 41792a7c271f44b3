/**
 * The LLM endpoint a scenario with `given.llm` talks to: a loopback server
 * that answers each request from the recordings beside the YAML
 * (`<name>.llm.json`). A request with no recording gets an HTTP error (the
 * plugin then falls back to its rules, as with any failure) and is kept as a
 * miss: the session fails the turn with the prompt's diff. With `record`
 * (`bookwell test --record`), a miss is sent to the real endpoint instead
 * and its answer saved.
 */
import { startFakeLlm, type FakeRequest } from '../../plugin/src/llm/fake-server';
import type { Hold } from '../../plugin/src/provider/simulator/server';
import { normaliseRequest, promptDiff, readRecordings, replyFromCompletion, requestKey, writeRecordings } from '../../plugin/src/llm/recordings';

export interface RecordTarget {
  baseUrl: string;
  model: string;
  apiKey?: string;
}

export interface LlmReplay {
  url: string;
  /** Prompt diffs of the requests that matched no recording since the last call; emptied by it. */
  takeMisses(): string[];
  close(): Promise<void>;
}

/** BOOKWELL_LLM_RECORD=1 (set by `bookwell test --record`) with BOOKWELL_LLM_BASE_URL / _MODEL / _API_KEY. */
export function recordTargetFromEnv(env: NodeJS.ProcessEnv = process.env): RecordTarget | null {
  if (env.BOOKWELL_LLM_RECORD !== '1') return null;
  if (!env.BOOKWELL_LLM_BASE_URL || !env.BOOKWELL_LLM_MODEL) throw new Error('--record needs BOOKWELL_LLM_BASE_URL and BOOKWELL_LLM_MODEL (and BOOKWELL_LLM_API_KEY) of the real endpoint');
  return { baseUrl: env.BOOKWELL_LLM_BASE_URL.replace(/\/$/, ''), model: env.BOOKWELL_LLM_MODEL, apiKey: env.BOOKWELL_LLM_API_KEY };
}

/** `hold`: how a recorded `hang` or delay is held back (the scenario's clock). */
export async function startLlmReplay(opts: { path: string; scenario: string; record?: RecordTarget | null; hold?: Hold }): Promise<LlmReplay> {
  const misses: string[] = [];
  const server = await startFakeLlm(async (req: FakeRequest) => {
    const file = readRecordings(opts.path);
    const request = normaliseRequest(req);
    const key = requestKey(request);
    const hit = file.recordings.find((r) => r.key === key);
    if (hit) return hit.reply;
    if (opts.record) {
      const res = await fetch(`${opts.record.baseUrl}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(opts.record.apiKey ? { authorization: `Bearer ${opts.record.apiKey}` } : {}) },
        body: JSON.stringify({ ...req, model: opts.record.model }),
      });
      const reply = replyFromCompletion(res.status, await res.json().catch(() => null));
      const again = readRecordings(opts.path);
      writeRecordings(opts.path, { recordings: [...again.recordings.filter((r) => r.key !== key), { key, scenario: opts.scenario, request, reply }] });
      return reply;
    }
    misses.push(`LLM request matches no recording in ${opts.path} (key ${key}); record it with \`bookwell test --record\`. Prompt diff (- nearest recording, + sent):\n${promptDiff(request, file.recordings)}`);
    return { status: 400, body: { error: { message: 'no recording for this request', type: 'invalid_request_error' } } };
  }, { hold: opts.hold });
  return {
    url: server.url,
    takeMisses: () => misses.splice(0),
    close: () => server.close(),
  };
}
