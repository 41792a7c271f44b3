/**
 * The forwarder and its chat sessions over the real Chat API client and the
 * fake Chat API, with links in memory and the outbox as a stub: closing,
 * forgetting closed sessions, and replies the outbox could not send.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { OutboundDraft } from '../../host/pipeline/store';
import type { InboundChannelMessage } from '../types';
import { recordingLogger } from '../whatsapp/testing/logger';
import { createChatApi, type ChatApi } from './chat-api';
import { createCloudForwarder, type CloudForwarder, type ForwarderDeps } from './forwarder';
import type { ChatKey, ChatLink, ChatLinkStore } from './links';
import { startFakeChatApi, type FakeChatApi } from './testing/fake-chat-api';

const FAST = { retry: { retries: 1, initialMs: 1, maxMs: 1 }, session: { backoff: { initialMs: 1, maxMs: 5 } }, replyTimeoutMs: 10_000 };

let fake: FakeChatApi;
let api: ChatApi;
const open: CloudForwarder[] = [];

beforeAll(async () => {
  fake = await startFakeChatApi();
  api = createChatApi({ webhookId: fake.webhookId, baseUrl: fake.url });
});
afterEach(async () => {
  for (const f of open.splice(0)) await f.close();
  fake.bot = ({ text }) => [`echo: ${text}`];
});
afterAll(async () => {
  await fake?.close();
});

function memoryLinks(): ChatLinkStore & { saved: Map<string, ChatLink> } {
  const saved = new Map<string, ChatLink>();
  const id = (k: ChatKey) => `${k.integration}/${k.chatId}`;
  return {
    saved,
    get: async (k) => structuredClone(saved.get(id(k)) ?? null),
    save: async (k, link) => void saved.set(id(k), structuredClone(link)),
    remove: async (k) => void saved.delete(id(k)),
  };
}

/** A forwarder whose outbox sends when `send` says so (default: always), recording every attempt. */
function forwarder(over: Partial<ForwarderDeps> & { send?: (draft: OutboundDraft) => boolean } = {}) {
  const logger = recordingLogger();
  const links = memoryLinks();
  const attempts: Array<{ text: string; sent: boolean }> = [];
  const send = over.send ?? (() => true);
  const deliver = async (draft: OutboundDraft) => {
    const sent = send(draft);
    attempts.push({ text: draft.text, sent });
    return { sent };
  };
  const f = createCloudForwarder({ api, links, deliver, logger, ...FAST, ...over });
  open.push(f);
  const sent = () => attempts.filter((a) => a.sent).map((a) => a.text);
  return { f, logger, links, attempts, sent };
}

let ids = 0;
const message = (text: string, chat = '+96599887766'): InboundChannelMessage => ({
  integration: 'whatsapp',
  externalId: `wamid.${++ids}`,
  chatId: chat,
  userPhone: chat,
  userName: 'Noura',
  botPhoneNumberId: '+96522000000',
  kind: 'text',
  text,
  sentAt: new Date(),
});

/** The Chat API, except that closing a stream fails. */
const closeFails: ChatApi = new Proxy({} as ChatApi, {
  get: (_t, name: keyof ChatApi) =>
    name === 'listen'
      ? async (userKey: string, conversationId: string) => {
          const stream = await api.listen(userKey, conversationId);
          return { ...stream, close: async () => (await stream.close(), Promise.reject(new Error('socket already destroyed'))) };
        }
      : api[name],
});

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('Cloud forwarder sessions', () => {
  test('a stream that fails to close, on the idle timer, is logged; the waiting turn ends at once and nothing is left unhandled', async () => {
    fake.bot = () => []; // the turn waits for a reply that does not come
    const { f, logger } = forwarder({ api: closeFails, session: { ...FAST.session, idleCloseMs: 30 } });
    const started = Date.now();
    await f.handle(message('anyone there?'));
    expect(Date.now() - started).toBeLessThan(FAST.replyTimeoutMs / 2);
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: 'closing the Botpress Chat stream failed', data: expect.objectContaining({ error: 'socket already destroyed' }) }));
  });

  test('close() resolves even when closing a stream fails', async () => {
    const { f, logger } = forwarder({ api: closeFails });
    await f.handle(message('hi'));
    await f.handle(message('hi', '+96511111111'));
    await expect(f.close()).resolves.toBeUndefined();
    expect(logger.lines.filter((l) => l.message === 'closing the Botpress Chat stream failed')).toHaveLength(2);
  });

  test('a session closed for idleness leaves the forwarder; the next message opens one again and catches up', async () => {
    const { f, sent } = forwarder({ session: { ...FAST.session, idleCloseMs: 30 } });
    await f.handle(message('hi'));
    expect(f.openChats()).toBe(1);
    await until(() => f.openChats() === 0, 'the idle session to be forgotten');
    await f.handle(message('back'));
    expect(f.openChats()).toBe(1);
    expect(sent()).toEqual(['echo: hi', 'echo: back']);
  });

  test('a reply the outbox gave up on is not remembered: with the next message it and those after it go out, in order, once', async () => {
    let down = true;
    const { f, links, attempts, sent } = forwarder({ send: () => !down });
    fake.bot = ({ text }) => (text === 'book it' ? ['Booked ✅', 'See you tomorrow'] : [`echo: ${text}`]);
    await f.handle(message('book it'));
    await f.idle();
    expect(attempts).toEqual([{ text: 'Booked ✅', sent: false }]);
    expect([...links.saved.values()][0]!.lastReply).toBeNull();

    down = false;
    await f.handle(message('thanks'));
    await f.idle();
    expect(sent()).toEqual(['Booked ✅', 'See you tomorrow', 'echo: thanks']);
    const echo = fake.messages.find((m) => m.payload.type === 'text' && m.payload.text === 'echo: thanks')!;
    expect([...links.saved.values()][0]!.lastReply).toEqual({ createdAt: echo.createdAt, ids: [echo.id] });
  });
});
