/**
 * A stand-in for Botpress's Chat API (a Cloud bot's "Chat" integration) on
 * 127.0.0.1, for tests. It serves exactly what @botpress/chat 0.5.5 sends —
 * routes, `x-user-key` header and bodies of src/gen/client/operations, the
 * `/hello` connection test, the server-sent event stream of
 * `listenConversation` — and answers in the Chat integration's shapes
 * (botpress/botpress integrations/chat: users' `profile`, conversation
 * owner checks, `message_created` signals with `isBot`, API errors as
 * `{ id, code, type, message }`). A scripted bot answers user messages.
 */
import type { ServerResponse } from 'node:http';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { ChatPayload } from '../chat-api';

export interface FakeUser {
  id: string;
  key: string;
  name?: string;
  profile?: string;
  createdAt: string;
  updatedAt: string;
}

export interface FakeMessage {
  id: string;
  createdAt: string;
  conversationId: string;
  userId: string;
  payload: ChatPayload;
  metadata?: Record<string, unknown>;
}

/** What the bot answers to one user message: texts or any Chat payload, in order; [] for silence. */
export type FakeBot = (input: { text: string; user: FakeUser; metadata?: Record<string, unknown> }) => Array<string | ChatPayload>;

export type FakeOperation = 'hello' | 'createUser' | 'getUser' | 'updateUser' | 'createConversation' | 'getConversation' | 'listMessages' | 'listenConversation' | 'createMessage';

export interface FakeChatApi {
  /** Base URL, as `baseApiUrl`/`--botpress-chat-url`; the API itself is at `<url>/<webhookId>`. */
  url: string;
  webhookId: string;
  users: Map<string, FakeUser>;
  conversations: Map<string, { id: string; ownerId: string; createdAt: string }>;
  messages: FakeMessage[];
  /** Every request: operation and the user it authenticated as. */
  calls: Array<{ operation: FakeOperation; userId: string | null }>;
  bot: FakeBot;
  /**
   * The next `times` calls of `operation` answer with `status` (default 500)
   * and an API error body; for `listenConversation` (GET …/listen) the
   * client's EventSource sees the status and its text, e.g. 503 "Service Unavailable".
   */
  fail(operation: FakeOperation, times?: number, status?: number): void;
  /** The bot says something on its own (e.g. while nobody listens). */
  say(conversationId: string, text: string): FakeMessage;
  /** Cuts every open listen stream, like a dropped connection. */
  dropStreams(): void;
  openStreams(): number;
  close(): Promise<void>;
}

const BOT_USER_ID = 'bot_fake';
const PAGE_SIZE = 3;
const ERROR_TYPES: Record<number, string> = { 400: 'InvalidPayload', 401: 'Unauthorized', 403: 'Forbidden', 404: 'ResourceNotFound', 429: 'RateLimited', 500: 'Internal', 503: 'Unavailable' };

class ApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startFakeChatApi(opts: { webhookId?: string; bot?: FakeBot } = {}): Promise<FakeChatApi> {
  const webhookId = opts.webhookId ?? 'wh_fake_0001';
  const users = new Map<string, FakeUser>();
  const conversations: FakeChatApi['conversations'] = new Map();
  const messages: FakeMessage[] = [];
  const calls: FakeChatApi['calls'] = [];
  const failures: Array<{ operation: FakeOperation; status: number }> = [];
  const streams = new Set<{ conversationId: string; res: ServerResponse }>();
  let seq = 0;
  // a clock of its own: every record is 1 ms after the previous one, so order and ties are deterministic
  const t0 = Date.parse('2026-03-01T06:00:00.000Z');
  const stamp = () => new Date(t0 + ++seq).toISOString();
  const id = (prefix: string) => `${prefix}_${String(++seq).padStart(6, '0')}`;

  /** Records the call and answers an injected failure, if one is due. */
  const gate = (operation: FakeOperation, userId: string | null) => {
    calls.push({ operation, userId });
    const due = failures.findIndex((f) => f.operation === operation);
    if (due >= 0) throw new ApiError(failures.splice(due, 1)[0]!.status, `injected failure of ${operation}`);
  };
  const auth = (req: FastifyRequest, operation: FakeOperation): FakeUser => {
    const key = req.headers['x-user-key'];
    const user = typeof key === 'string' ? [...users.values()].find((u) => u.key === key) : undefined;
    gate(operation, user?.id ?? null);
    if (!user) throw new ApiError(401, 'Invalid user key');
    return user;
  };
  const owned = (user: FakeUser, conversationId: string) => {
    const c = conversations.get(conversationId);
    if (!c) throw new ApiError(404, `Conversation ${conversationId} not found`);
    if (c.ownerId !== user.id) throw new ApiError(403, 'You are not a participant in this conversation');
    return c;
  };
  const emit = (conversationId: string, signal: object) => {
    const chunk = ['event: message', `data: ${JSON.stringify(signal)}`, '', ''].join('\n');
    for (const s of streams) if (s.conversationId === conversationId) s.res.write(chunk);
  };
  const post = (conversationId: string, userId: string, payload: ChatPayload, metadata?: Record<string, unknown>) => {
    const message: FakeMessage = { id: id('msg'), createdAt: stamp(), conversationId, userId, payload, ...(metadata ? { metadata } : {}) };
    messages.push(message);
    emit(conversationId, { type: 'message_created', data: { ...message, isBot: userId === BOT_USER_ID } });
    return message;
  };

  const app = Fastify();
  app.setErrorHandler((err, _req, reply) => {
    const code = err instanceof ApiError ? err.code : ((err as { statusCode?: number }).statusCode ?? 500);
    void reply.code(code).send({ id: `err_${++seq}`, code, type: ERROR_TYPES[code] ?? 'Unknown', message: (err as Error).message });
  });
  app.setNotFoundHandler((req, reply) => void reply.code(404).send({ id: `err_${++seq}`, code: 404, type: 'ResourceNotFound', message: `no route ${req.method} ${req.url}` }));

  await app.register(
    async (api) => {
      const hello = async () => {
        gate('hello', null);
        return 'Hello, Botpress User 🤖';
      };
      // the client's connection test asks for `<apiUrl>/hello/`
      api.get('/hello', hello);
      api.get('/hello/', hello);

      api.post('/users', async (req) => {
        gate('createUser', null);
        const body = (req.body ?? {}) as { name?: string; profile?: string; id?: string };
        if (body.id && users.has(body.id)) throw new ApiError(409, `User with id ${body.id} already exists`);
        const now = stamp();
        const user: FakeUser = { id: body.id ?? id('user'), key: `key_${id('k')}_${Math.random().toString(36).slice(2)}`, name: body.name, profile: body.profile, createdAt: now, updatedAt: now };
        users.set(user.id, user);
        return { user: publicUser(user), key: user.key };
      });
      api.get('/users/me', async (req) => ({ user: publicUser(auth(req, 'getUser')) }));
      api.put('/users/me', async (req) => {
        const user = auth(req, 'updateUser');
        const body = (req.body ?? {}) as { name?: string; profile?: string };
        Object.assign(user, { name: body.name ?? user.name, profile: body.profile ?? user.profile, updatedAt: stamp() });
        return { user: publicUser(user) };
      });

      api.post('/conversations', async (req) => {
        const user = auth(req, 'createConversation');
        const c = { id: id('conv'), ownerId: user.id, createdAt: stamp() };
        conversations.set(c.id, c);
        return { conversation: { id: c.id, createdAt: c.createdAt, updatedAt: c.createdAt } };
      });
      api.get('/conversations/:id', async (req) => {
        const c = owned(auth(req, 'getConversation'), (req.params as { id: string }).id);
        return { conversation: { id: c.id, createdAt: c.createdAt, updatedAt: c.createdAt } };
      });
      api.get('/conversations/:id/messages', async (req) => {
        const c = owned(auth(req, 'listMessages'), (req.params as { id: string }).id);
        const offset = Number((req.query as { nextToken?: string }).nextToken ?? 0);
        const all = messages.filter((m) => m.conversationId === c.id).reverse(); // newest first
        const page = all.slice(offset, offset + PAGE_SIZE);
        return { messages: page, meta: offset + PAGE_SIZE < all.length ? { nextToken: String(offset + PAGE_SIZE) } : {} };
      });
      api.get('/conversations/:id/listen', async (req: FastifyRequest, reply: FastifyReply) => {
        const c = owned(auth(req, 'listenConversation'), (req.params as { id: string }).id);
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
        res.flushHeaders();
        const stream = { conversationId: c.id, res };
        streams.add(stream);
        res.on('close', () => streams.delete(stream));
      });

      api.post('/messages', async (req) => {
        const user = auth(req, 'createMessage');
        const body = req.body as { conversationId: string; payload: ChatPayload; metadata?: Record<string, unknown> };
        owned(user, body.conversationId);
        if (body.payload?.type !== 'text' || !body.payload.text) throw new ApiError(400, 'payload must be a non-empty text');
        const message = post(body.conversationId, user.id, body.payload, body.metadata);
        // the bot answers after the request returns, as a Cloud bot's turn does
        setImmediate(() => {
          for (const out of fake.bot({ text: body.payload.type === 'text' ? body.payload.text : '', user, metadata: body.metadata })) {
            post(body.conversationId, BOT_USER_ID, typeof out === 'string' ? { type: 'text', text: out } : out);
          }
        });
        return { message };
      });
    },
    { prefix: `/${webhookId}` },
  );

  const base = await app.listen({ host: '127.0.0.1', port: 0 });

  const fake: FakeChatApi = {
    url: base,
    webhookId,
    users,
    conversations,
    messages,
    calls,
    bot: opts.bot ?? (({ text }) => [`echo: ${text}`]),
    fail(operation, times = 1, status = 500) {
      for (let i = 0; i < times; i++) failures.push({ operation, status });
    },
    say: (conversationId, text) => post(conversationId, BOT_USER_ID, { type: 'text', text }),
    dropStreams() {
      // out of the set at once, so what the bot says next reaches nobody
      for (const s of [...streams]) {
        streams.delete(s);
        s.res.destroy();
      }
    },
    openStreams: () => streams.size,
    async close() {
      fake.dropStreams();
      await app.close();
    },
  };
  return fake;
}

function publicUser(u: FakeUser) {
  return { id: u.id, name: u.name, profile: u.profile, createdAt: u.createdAt, updatedAt: u.updatedAt };
}
