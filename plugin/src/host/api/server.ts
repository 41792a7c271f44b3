/**
 * The emulated Botpress API: the chat routes the sdk and client call, served
 * by fastify on 127.0.0.1 (random port). Every failure, including a route it
 * does not serve and its own bugs, is a 4xx so the bot fails at once instead
 * of sitting in the client's retry loop.
 */
import type { Conversation, Message } from '@botpress/client';
import Fastify from 'fastify';
import { ApiFailure, notEmulated } from './errors';
import { parseQuery } from './query';
import { registerChatRoutes } from './routes-chat';
import { registerStateRoutes, type StateReadAhead } from './routes-states';
import type { HostStore } from './store';

export interface ApiServerOptions {
  store: HostStore;
  botId: string;
  onOutgoing(message: Message, conversation: Conversation): void;
  /** The key of a message the bot creates now in a conversation (see host.ts), if any. */
  outgoingKey?(conversationId: string): string | undefined;
  /** States the host read ahead for the turns running (host.ts). */
  readAhead?: StateReadAhead;
}

export interface ApiServer {
  url: string;
  close(): Promise<void>;
}

export async function startApiServer({ store, botId, onOutgoing, outgoingKey, readAhead }: ApiServerOptions): Promise<ApiServer> {
  const app = Fastify({ logger: false, routerOptions: { querystringParser: parseQuery } });
  registerStateRoutes(app, store, botId, readAhead);
  registerChatRoutes(app, { store, onOutgoing, outgoingKey });

  app.setNotFoundHandler((req, reply) => {
    const failure = notEmulated(req.method, req.url.split('?')[0]!);
    void reply.code(failure.code).send(failure.toJSON());
  });
  app.setErrorHandler((err, _req, reply) => {
    const failure = err instanceof ApiFailure ? err : asFailure(err);
    void reply.code(failure.code).send(failure.toJSON());
  });

  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, close: () => app.close() };
}

function asFailure(err: unknown): ApiFailure {
  const status = (err as { statusCode?: number }).statusCode;
  const message = err instanceof Error ? err.message : String(err);
  if (status && status >= 400 && status < 500) return new ApiFailure(400, 'InvalidPayload', message);
  return new ApiFailure(400, 'Unknown', `host API error: ${message}`);
}
