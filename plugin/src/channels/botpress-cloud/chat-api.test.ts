/**
 * The Chat API adapter's event stream over the real @botpress/chat 0.5.5
 * client and the fake Chat API: refused (re)connects, and what they leave
 * behind. The library's EventSource retries a refused stream after 1 s by
 * itself, hence the waits of 1.3 s before counting open streams.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ChatApiError, createChatApi, toChatApiError, type ChatApi } from './chat-api';
import { startFakeChatApi, type FakeChatApi } from './testing/fake-chat-api';

let fake: FakeChatApi;
let api: ChatApi;

beforeAll(async () => {
  fake = await startFakeChatApi();
  api = createChatApi({ webhookId: fake.webhookId, baseUrl: fake.url });
});

afterAll(async () => {
  await fake?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const listens = () => fake.calls.filter((c) => c.operation === 'listenConversation').length;

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

async function conversation() {
  const { userKey } = await api.createUser({ name: 'Noura' });
  return { userKey, conversationId: await api.createConversation(userKey) };
}

describe('Chat API event stream', () => {
  test('a refused listen rejects with the status and its text, and leaves no EventSource retrying behind', async () => {
    const { userKey, conversationId } = await conversation();
    const before = listens();
    fake.fail('listenConversation', 1, 503);
    const error = await api.listen(userKey, conversationId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatApiError);
    expect((error as ChatApiError).message).toBe('Botpress Chat API listenConversation failed (503): Service Unavailable');
    expect((error as ChatApiError).transient).toBe(true);
    await sleep(1_300);
    expect(listens() - before).toBe(1);
    expect(fake.openStreams()).toBe(0);
  });

  test('a broken stream says why; after a refused reconnect the next one opens a fresh stream and messages flow again', async () => {
    const { userKey, conversationId } = await conversation();
    const stream = await api.listen(userKey, conversationId);
    const texts: string[] = [];
    const errors: ChatApiError[] = [];
    stream.onMessage((m) => m.payload.type === 'text' && texts.push(m.payload.text));
    stream.onError((e) => errors.push(e));

    fake.dropStreams();
    await until(() => errors.length === 1, 'the stream error');
    expect(errors[0]!.message).toBe('Botpress Chat API listenConversation failed (no response): event stream closed by the server or the network');

    fake.fail('listenConversation', 1, 503);
    await expect(stream.reconnect()).rejects.toThrow('listenConversation failed (503): Service Unavailable');
    // 0.5.5's listener re-throws its old error here, without a request
    await stream.reconnect();
    fake.say(conversationId, 'back again');
    await until(() => texts.includes('back again'), 'the message on the reopened stream');

    await sleep(1_300);
    expect(fake.openStreams()).toBe(1);
    await stream.close();
    await until(() => fake.openStreams() === 0, 'the stream to close');
  });

  test('close resolves after a refused reconnect, and leaves nothing open', async () => {
    const { userKey, conversationId } = await conversation();
    const stream = await api.listen(userKey, conversationId);
    let broke = false;
    stream.onError(() => (broke = true));
    fake.dropStreams();
    await until(() => broke, 'the stream error');
    fake.fail('listenConversation', 1, 503);
    await expect(stream.reconnect()).rejects.toThrow(/\(503\)/);
    await expect(stream.close()).resolves.toBeUndefined();
    await sleep(1_300);
    expect(fake.openStreams()).toBe(0);
  });

  test('errors of the event stream carry their text, or say what happened', () => {
    expect(toChatApiError('listenConversation', new Error('')).message).toMatch(/\(no response\): event stream closed by the server or the network$/);
    expect(toChatApiError('listenConversation', new Error('Client connection timed out')).message).toMatch(/\(no response\): Client connection timed out$/);
    expect(toChatApiError('listenConversation', { type: 'error', status: 502, message: 'Bad Gateway' }).message).toMatch(/\(502\): Bad Gateway$/);
    expect(toChatApiError('listenConversation', { type: 'error', status: 502 }).message).toMatch(/\(502\): event stream error \(HTTP 502\)$/);
    expect(toChatApiError('listenConversation', { type: 'error' }).message).toMatch(/\(no response\): event stream error$/);
  });
});
