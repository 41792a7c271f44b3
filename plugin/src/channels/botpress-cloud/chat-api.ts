/**
 * The slice of Botpress's Chat API (`@botpress/chat`) the forwarder uses, as
 * a port, and its adapter over the real client. The Chat API is how an
 * external channel talks to a Cloud bot that has the "Chat" integration:
 * https://chat.botpress.cloud/<webhookId>. Every failure comes out as a
 * `ChatApiError` saying which call failed, with the HTTP status if there was
 * one, so callers can tell a transient outage from a dead user key.
 */
import { ChatHTTPError, Client, isApiError, type SignalListener, type Signals } from '@botpress/chat';
import { closeAll, withEventSources } from './event-sources';

export const DEFAULT_CHAT_API_URL = 'https://chat.botpress.cloud';

/** A message as the Chat API shows it (signal `message_created`, or an item of `listMessages`). */
export type ChatMessage = Omit<Signals['message_created'], 'isBot'> & { isBot?: boolean };
export type ChatPayload = ChatMessage['payload'];

/** A live `listenConversation` stream (server-sent events). */
export interface ChatStream {
  /** Every message created in the conversation, the user's own included. */
  onMessage(listener: (message: ChatMessage) => void): void;
  /** The stream broke (network, server, or 60 s without a keep-alive); it stays closed until `reconnect()`. */
  onError(listener: (error: ChatApiError) => void): void;
  /** Opens the stream again; a failed attempt can simply be tried again. */
  reconnect(): Promise<void>;
  /** Never rejects. */
  close(): Promise<void>;
}

export interface ChatApi {
  /** The Chat API's own connection test (`GET <apiUrl>/hello`): a 4xx means a wrong webhook id or URL. */
  hello(): Promise<void>;
  /** A new Chat user; the key authenticates every later call as that user. */
  createUser(input: { name?: string; profile?: string }): Promise<{ userId: string; userKey: string }>;
  updateUser(userKey: string, input: { name?: string; profile?: string }): Promise<void>;
  createConversation(userKey: string): Promise<string>;
  /** Fails with 401/403/404 when the key or conversation is no longer valid. */
  getConversation(userKey: string, conversationId: string): Promise<void>;
  createMessage(userKey: string, conversationId: string, text: string, metadata: Record<string, unknown>): Promise<ChatMessage>;
  listMessages(userKey: string, conversationId: string, nextToken?: string): Promise<{ messages: ChatMessage[]; nextToken?: string }>;
  listen(userKey: string, conversationId: string): Promise<ChatStream>;
}

export class ChatApiError extends Error {
  constructor(
    readonly operation: string,
    /** HTTP status, or null when no response came (network, timeout). */
    readonly status: number | null,
    detail: string,
  ) {
    super(`Botpress Chat API ${operation} failed (${status ?? 'no response'}): ${detail}`);
    this.name = 'ChatApiError';
  }

  /** Worth retrying: no response, timeout, rate limit, or a server error. */
  get transient(): boolean {
    return this.status === null || this.status === 408 || this.status === 429 || this.status >= 500;
  }

  /** The user key or conversation is not (or no longer) valid for this bot, e.g. the Chat integration was reinstalled. */
  get staleLink(): boolean {
    return this.status === 401 || this.status === 403 || this.status === 404;
  }
}

export interface ChatApiOptions {
  webhookId: string;
  /** Default https://chat.botpress.cloud; the API lives at `<baseUrl>/<webhookId>`. */
  baseUrl?: string;
  /** Per request; default 15 s. */
  timeoutMs?: number;
}

export function createChatApi(opts: ChatApiOptions): ChatApi {
  const baseApiUrl = opts.baseUrl ?? DEFAULT_CHAT_API_URL;
  const timeout = opts.timeoutMs ?? 15_000;
  const client = new Client({ webhookId: opts.webhookId, baseApiUrl, timeout });

  return {
    async hello() {
      // the client tests the connection only lazily, on its first call; this asks the same route up front
      const url = `${baseApiUrl}/${opts.webhookId}/hello`;
      const res = await call('hello', () => fetch(url, { signal: AbortSignal.timeout(timeout) }));
      if (!res.ok) throw new ChatApiError('hello', res.status, `${res.statusText || 'error'} from ${url}`);
    },
    async createUser(input) {
      const { user, key } = await call('createUser', () => client.createUser(input));
      return { userId: user.id, userKey: key };
    },
    async updateUser(userKey, input) {
      await call('updateUser', () => client.updateUser({ 'x-user-key': userKey, ...input }));
    },
    async createConversation(userKey) {
      const { conversation } = await call('createConversation', () => client.createConversation({ 'x-user-key': userKey }));
      return conversation.id;
    },
    async getConversation(userKey, id) {
      await call('getConversation', () => client.getConversation({ 'x-user-key': userKey, id }));
    },
    async createMessage(userKey, conversationId, text, metadata) {
      const { message } = await call('createMessage', () => client.createMessage({ 'x-user-key': userKey, conversationId, payload: { type: 'text', text }, metadata }));
      return message;
    },
    async listMessages(userKey, conversationId, nextToken) {
      const { messages, meta } = await call('listMessages', () => client.listMessages({ 'x-user-key': userKey, conversationId, nextToken }));
      return { messages, nextToken: meta.nextToken };
    },
    listen: (userKey, conversationId) => openStream(() => client.listenConversation({ 'x-user-key': userKey, id: conversationId })),
  };
}

/**
 * A stream over a fresh SignalListener per (re)connect. Reusing one is no
 * good in 0.5.5: after a failed `connect()` it stays "connecting" with the
 * failed promise, so every later `connect()` and `disconnect()` re-throws that
 * old error without a new request.
 */
async function openStream(listen: () => Promise<SignalListener>): Promise<ChatStream> {
  const messageFns: Array<(m: ChatMessage) => void> = [];
  const errorFns: Array<(e: ChatApiError) => void> = [];
  let closed = false;
  let current: SignalListener | null = null;

  const attach = (listener: SignalListener) => {
    current = listener;
    // a discarded listener's late events are not ours any more
    listener.on('message_created', (m) => listener === current && messageFns.forEach((fn) => fn(m)));
    listener.on('error', (e) => listener === current && errorFns.forEach((fn) => fn(toChatApiError('listenConversation', e))));
  };
  const detach = async () => {
    const listener = current;
    current = null;
    if (!listener) return;
    listener.cleanup();
    await listener.disconnect().catch(() => undefined);
  };

  attach(await openListener(listen));
  return {
    onMessage: (fn) => void messageFns.push(fn),
    onError: (fn) => void errorFns.push(fn),
    async reconnect() {
      await detach();
      const listener = await openListener(listen);
      if (!closed) return attach(listener);
      // closed while connecting
      listener.cleanup();
      await listener.disconnect().catch(() => undefined);
    },
    async close() {
      closed = true;
      await detach();
    },
  };
}

/** One listen; when it fails, the EventSource the library made for it is closed too, or it would retry in the background. */
async function openListener(listen: () => Promise<SignalListener>): Promise<SignalListener> {
  const { result, sources } = withEventSources(listen);
  try {
    return await result;
  } catch (thrown) {
    closeAll(sources);
    throw toChatApiError('listenConversation', thrown);
  }
}

async function call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (thrown) {
    throw toChatApiError(operation, thrown);
  }
}

/**
 * The client throws API errors (`code`, `type`; network failures come as
 * "Unknown" with code 500), `ChatHTTPError`s, `ChatClientError`s when its
 * connection test fails, and from `listen` raw EventSource error events
 * (`{ type, status, message }`: HTTP status and status text) or, once the
 * stream is open, Errors whose message is empty when the server ended it.
 */
export function toChatApiError(operation: string, thrown: unknown): ChatApiError {
  if (thrown instanceof ChatApiError) return thrown;
  if (isApiError(thrown)) return new ChatApiError(operation, thrown.code, `${thrown.type}: ${thrown.message}`);
  // VError's typings are not installed, hence the cast
  if (thrown instanceof ChatHTTPError) return new ChatApiError(operation, thrown.status ?? null, (thrown as unknown as Error).message);
  if (thrown instanceof Error) {
    // fetch says only "fetch failed"; the reason is its cause
    const cause = (thrown as { cause?: unknown }).cause;
    const message = thrown.message || 'event stream closed by the server or the network';
    return new ChatApiError(operation, null, cause instanceof Error ? `${message}: ${cause.message}` : message);
  }
  const event = (thrown ?? {}) as { type?: unknown; status?: unknown; message?: unknown };
  const status = typeof event.status === 'number' ? event.status : null;
  const text = typeof event.message === 'string' && event.message ? event.message : null;
  const kind = typeof event.type === 'string' && event.type ? event.type : 'error';
  return new ChatApiError(operation, status, text ?? `event stream ${kind}${status === null ? '' : ` (HTTP ${status})`}`);
}
