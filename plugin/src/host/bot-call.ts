/**
 * Invokes a bot the way Botpress Cloud does: one `bot.handler(req)` call with
 * the `x-bp-*` headers and a JSON body. The handler builds its own
 * `@botpress/client` on every call, synchronously before its first await,
 * reading `BP_API_URL` (and BP_TOKEN / BP_BOT_ID / BP_INTEGRATION_ID /
 * BP_WORKSPACE_ID if set). So the env var is set right before each call: the
 * only process-global in the host, and it lets several hosts share a process.
 */
import type { Request, Response } from '@botpress/sdk';

/** Anything with Botpress's bot handler, e.g. an `sdk.Bot`. */
export interface BotLike {
  handler(req: Request): Promise<Response | void>;
}

export type BotOperation = 'event_received' | 'action_triggered' | 'register' | 'unregister' | 'ping';

export interface BotCall {
  apiUrl: string;
  botId: string;
  configuration: Record<string, unknown>;
  operation: BotOperation;
  /** `x-bp-type`: the event type (e.g. "message_created") or the action name. */
  type: string;
  body: unknown;
}

/** The bot answered with an error status; `message` is the RuntimeError message it returned. */
export class BotCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'BotCallError';
  }
}

export async function callBot(bot: BotLike, call: BotCall): Promise<unknown> {
  const req: Request = {
    method: 'POST',
    path: '/',
    query: '',
    headers: {
      'content-type': 'application/json',
      'x-bot-id': call.botId,
      'x-bp-operation': call.operation,
      'x-bp-type': call.type,
      'x-bp-configuration': Buffer.from(JSON.stringify(call.configuration)).toString('base64'),
    },
    body: JSON.stringify(call.body),
  };
  process.env.BP_API_URL = call.apiUrl;
  const res = await bot.handler(req);
  const status = res?.status ?? 200;
  const body = parseJson(res?.body);
  if (status >= 400) {
    const message = (body as { message?: string } | undefined)?.message ?? `status ${status}`;
    throw new BotCallError(status, `bot ${call.operation} ${call.type} failed (${status}): ${message}`, body);
  }
  return body;
}

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
