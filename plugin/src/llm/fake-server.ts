/**
 * A fake OpenAI-compatible endpoint on loopback, for tests, scenarios and
 * bench:llm: `POST /chat/completions` (with or without `/v1`), answered by a
 * script. It speaks the wire format the real `@langchain/openai` client reads
 * (tool calls, usage), and can fail the ways real endpoints do: HTTP errors,
 * slow answers past the client's timeout, malformed bodies.
 */
import Fastify, { type FastifyReply } from 'fastify';
import { realHold, type Hold } from '../provider/simulator/server';

/** What the fake answers to one request. */
export type FakeReply =
  | { tool: { name?: string; arguments: unknown }; usage?: FakeUsage; delayMs?: number }
  | { content: string; usage?: FakeUsage; delayMs?: number }
  | { status: number; body?: unknown }
  /** Never answers until the server closes: the client's timeout fires. */
  | { hang: true }
  /** A 200 whose body is not a chat completion. */
  | { malformed: true };

export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

/** The request as the endpoint received it (OpenAI chat completions body). */
export interface FakeRequest {
  model: string;
  messages: Array<{ role: string; content: unknown; tool_calls?: unknown; tool_call_id?: string }>;
  tools?: Array<{ type: string; function: { name: string; description?: string; parameters: unknown } }>;
  tool_choice?: unknown;
  [k: string]: unknown;
}

export type FakeScript = (req: FakeRequest, n: number) => FakeReply | Promise<FakeReply>;

export interface FakeLlmServer {
  url: string;
  /** Every request received, in order. */
  requests: FakeRequest[];
  /** Replaces the script (tests change it between turns). */
  script(fn: FakeScript): void;
  close(): Promise<void>;
}

/** Rough token count, so usage looks like a real endpoint's when the script gives none: ~4 characters a token. */
export const estimateTokens = (value: unknown) => Math.ceil(JSON.stringify(value ?? '').length / 4);

export interface FakeLlmOptions {
  /** How `hang` and `delayMs` hold a reply back (as the provider simulator's): real time by default, a scenario's clock in the harness. */
  hold?: Hold;
}

export async function startFakeLlm(script: FakeScript = () => ({ content: '' }), opts: FakeLlmOptions = {}): Promise<FakeLlmServer> {
  const hold = opts.hold ?? realHold;
  let current = script;
  const requests: FakeRequest[] = [];
  /** Held replies, released when the caller hangs up or the server closes. */
  const held = new Set<AbortController>();
  const holdReply = async (res: FastifyReply, ms: number | null) => {
    const released = new AbortController();
    const release = () => released.abort();
    held.add(released);
    res.raw.once('close', release);
    try {
      await hold(ms, released.signal);
    } finally {
      held.delete(released);
      res.raw.off('close', release);
    }
  };
  const app = Fastify({ logger: false, bodyLimit: 10 * 1024 * 1024 });

  const complete = async (body: FakeRequest) => {
    requests.push(body);
    const reply = await current(body, requests.length);
    return reply;
  };

  const handler = async (req: { body: unknown }, res: import('fastify').FastifyReply) => {
    const body = req.body as FakeRequest;
    const reply = await complete(body);
    if ('hang' in reply) {
      await holdReply(res, null);
      return res.code(503).send({ error: { message: 'closed' } });
    }
    if ('malformed' in reply) return res.code(200).header('content-type', 'application/json').send('{"choices": [ {"message": ');
    if ('status' in reply) return res.code(reply.status).send(reply.body ?? { error: { message: `fake error ${reply.status}`, type: 'server_error' } });
    if (reply.delayMs) await holdReply(res, reply.delayMs);
    const message =
      'tool' in reply
        ? {
            role: 'assistant',
            content: null,
            tool_calls: [
              {
                id: `call_${requests.length}`,
                type: 'function',
                function: { name: reply.tool.name ?? body.tools?.[0]?.function.name ?? 'tool', arguments: typeof reply.tool.arguments === 'string' ? reply.tool.arguments : JSON.stringify(reply.tool.arguments) },
              },
            ],
          }
        : { role: 'assistant', content: reply.content };
    const usage = reply.usage ?? { prompt_tokens: estimateTokens(body.messages) + estimateTokens(body.tools), completion_tokens: estimateTokens('tool' in reply ? reply.tool.arguments : reply.content) };
    return res.send({
      id: `chatcmpl-fake-${requests.length}`,
      object: 'chat.completion',
      created: 1_700_000_000,
      model: body.model,
      choices: [{ index: 0, message, finish_reason: 'tool' in reply ? 'tool_calls' : 'stop', logprobs: null }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    });
  };
  app.post('/chat/completions', handler);
  app.post('/v1/chat/completions', handler);
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: `${address}/v1`,
    requests,
    script(fn) {
      current = fn;
    },
    async close() {
      for (const released of held) released.abort();
      held.clear();
      await app.close();
    },
  };
}
