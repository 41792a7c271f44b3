import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/database';
import type { Database } from '../store/database';
import { BotCallError } from './bot-call';
import { startHost, type BotReply, type Host, type HostOptions } from './host';
import { COUNTER_STATE, counterBot, echoBot, hostStoreFor, inbound, textBot } from './testing';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const hosts: Host[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

/** Each host on a business of its own in the test database, unless given a store. */
async function host(opts: Omit<HostOptions, 'store'> & { store?: HostOptions['store'] }) {
  const h = await startHost({ ...opts, store: opts.store ?? (await hostStoreFor(db.prisma)) });
  hosts.push(h);
  return h;
}

describe('local host', () => {
  it('runs a customer message through the real bot handler and delivers the reply', async () => {
    const delivered: BotReply[] = [];
    const h = await host({ bot: echoBot(), botId: 'bot-1', deliver: async (r) => void delivered.push(r) });
    const turn = await h.handleIncoming(inbound({ text: 'hi', integration: 'whatsapp', chatId: '+96590000001' }));
    expect(turn.replies.map((r) => r.text)).toEqual(['echo: hi']);
    expect(delivered).toEqual(turn.replies);
    expect(delivered[0]).toMatchObject({ integration: 'whatsapp', chatId: '+96590000001', conversationId: turn.conversationId });
    expect(delivered[0]!.message).toMatchObject({ direction: 'outgoing', userId: 'bot-1', type: 'text' });
  });

  it('sends the bot what Botpress Cloud sends: conversation, user and message with integration tags', async () => {
    let seen: unknown;
    const bot = echoBot();
    bot.on.message('*', async (props) => void (seen = { conversation: props.conversation, user: props.user, message: props.message, type: props.event.type }));
    const h = await host({ bot, botId: 'bot-1' });
    await h.handleIncoming(inbound({ text: 'hola', integration: 'whatsapp', externalId: 'wamid.1', chatId: '+5215512345678', userPhone: '+525512345678', userName: 'Ana' }));
    expect(seen).toMatchObject({
      type: 'message_created',
      conversation: { integration: 'whatsapp', channel: 'channel', tags: { 'whatsapp:userPhone': '+525512345678', 'whatsapp:botPhoneNumberId': '+96511112222' } },
      user: { name: 'Ana', tags: { 'whatsapp:userId': '+525512345678', 'whatsapp:name': 'Ana' } },
      message: { direction: 'incoming', type: 'text', payload: { text: 'hola' }, tags: { 'whatsapp:id': 'wamid.1' } },
    });
  });

  it('keeps conversation state across turns, per conversation', async () => {
    const store = await hostStoreFor(db.prisma);
    const h = await host({ bot: counterBot(), botId: 'bot-1', store });
    const a1 = await h.handleIncoming(inbound({ text: 'one', chatId: 'A' }));
    const b1 = await h.handleIncoming(inbound({ text: 'uno', chatId: 'B' }));
    const a2 = await h.handleIncoming(inbound({ text: 'two', chatId: 'A' }));
    expect([a1, b1, a2].map((t) => t.replies[0]!.text)).toEqual(['1: one', '1: uno', '2: two']);
    expect(a2.conversationId).toBe(a1.conversationId);
    const state = await store.getState({ type: 'conversation', id: a1.conversationId, name: COUNTER_STATE });
    expect(state?.payload).toEqual({ turns: 2 });
  });

  it("answers a turn's first read of its conversation state from the state read with the message; after a write, from the database", async () => {
    const store = await hostStoreFor(db.prisma);
    const bot = textBot(async (text, reply, { client, conversationId }) => {
      const key = { type: 'conversation' as const, id: conversationId, name: COUNTER_STATE };
      const first = await client.getOrSetState({ ...key, payload: { seen: [] } });
      const seen = [...(first.state.payload.seen as string[]), text];
      await client.setState({ ...key, payload: { seen } });
      const again = await client.getState(key);
      await reply(JSON.stringify({ cached: first.meta.cached, seen: again.state.payload.seen, againCached: again.meta.cached }));
    });
    const h = await host({ bot, botId: 'bot-1', store });
    const one = await h.handleIncoming(inbound({ text: 'one', chatId: 'R' }));
    // another process (or the owner console) writes the state between turns: the next turn reads that
    await store.setState({ type: 'conversation', id: one.conversationId, name: COUNTER_STATE }, { botId: 'bot-1', type: 'conversation', name: COUNTER_STATE, payload: { seen: ['elsewhere'] } });
    const two = await h.handleIncoming(inbound({ text: 'two', chatId: 'R' }));
    expect(JSON.parse(one.replies[0]!.text)).toEqual({ cached: false, seen: ['one'], againCached: false });
    expect(JSON.parse(two.replies[0]!.text)).toEqual({ cached: true, seen: ['elsewhere', 'two'], againCached: false });
  });

  it('serves the chat routes a plugin uses through the real client', async () => {
    const bot = textBot(async (text, reply, { client, conversationId }) => {
      const { conversation } = await client.getConversation({ id: conversationId });
      const { conversations } = await client.listConversations({ tags: { 'test:chatId': conversation.tags['test:chatId']! } });
      const all = await client.listConversations({ integrationName: 'test' });
      const { messages } = await client.listMessages({ conversationId });
      const { users } = await client.listUsers({ conversationId });
      const { state } = await client.getOrSetState({ type: 'user', id: users[0]!.id, name: 'p#s', payload: { a: 1 } });
      await client.patchState({ type: 'user', id: users[0]!.id, name: 'p#s', payload: { b: 2 } });
      const patched = await client.getState({ type: 'user', id: users[0]!.id, name: 'p#s' });
      const { event } = await client.createEvent({ type: 'p#thing', payload: { x: 1 }, conversationId });
      const got = await client.getEvent({ id: event.id });
      await reply(JSON.stringify({ found: conversations.length, all: all.conversations.length, messages: messages.length, state: state.payload, patched: patched.state.payload, event: got.event.type, text }));
    });
    const h = await host({ bot, botId: 'bot-1' });
    await h.handleIncoming(inbound({ text: 'first', chatId: 'D', userPhone: '+96500000000' }));
    const turn = await h.handleIncoming(inbound({ text: 'x', chatId: 'C' }));
    expect(JSON.parse(turn.replies[0]!.text)).toEqual({ found: 1, all: 2, messages: 1, state: { a: 1 }, patched: { a: 1, b: 2 }, event: 'p#thing', text: 'x' });
  });

  it('fails a turn at once, naming the route, when the bot calls something not emulated', async () => {
    const bot = textBot(async (_text, _reply, { client }) => {
      await client.listWorkflows({});
    });
    const h = await host({ bot, botId: 'bot-1' });
    const started = Date.now();
    const err = await h.handleIncoming(inbound({ text: 'x' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotCallError);
    expect((err as Error).message).toMatch(/not emulated: GET \/v1\/chat\/workflows/);
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('answers a missing state with 404 ResourceNotFound', async () => {
    const bot = textBot(async (_text, reply, { client, conversationId }) => {
      const err = await client.getState({ type: 'conversation', id: conversationId, name: 'nope' }).catch((e: { code: number; type: string }) => e);
      await reply(JSON.stringify({ code: (err as { code: number }).code, type: (err as { type: string }).type }));
    });
    const h = await host({ bot, botId: 'bot-1' });
    const turn = await h.handleIncoming(inbound({ text: 'x' }));
    expect(JSON.parse(turn.replies[0]!.text)).toEqual({ code: 404, type: 'ResourceNotFound' });
  });

  it('a reply whose delivery fails fails its own turn only: the next reply of that chat still goes out', async () => {
    const delivered: string[] = [];
    let failures = 1;
    const deliver = async (r: BotReply) => {
      if (failures-- > 0) throw new Error('channel hiccup');
      delivered.push(r.text);
    };
    const h = await host({ bot: echoBot(), botId: 'bot-1', deliver });
    await expect(h.handleIncoming(inbound({ text: 'one' }))).rejects.toThrow('channel hiccup');
    const second = await h.handleIncoming(inbound({ text: 'two' }));
    expect(second.replies.map((r) => r.text)).toEqual(['echo: two']);
    expect(delivered).toEqual(['echo: two']);
  });

  it('a reply posted to a conversation that does not exist is a 404, and nothing is stored or delivered', async () => {
    const store = await hostStoreFor(db.prisma);
    const delivered: string[] = [];
    const bot = textBot(async (_text, reply, { client }) => {
      const err = await client
        .createMessage({ conversationId: 'no-such-conversation', userId: 'bot-1', type: 'text', payload: { text: 'lost' }, tags: {} })
        .catch((e: { code: number; type: string }) => e);
      await reply(JSON.stringify({ code: (err as { code: number }).code, type: (err as { type: string }).type }));
    });
    const h = await host({ bot, botId: 'bot-1', store, deliver: async (r) => void delivered.push(r.text) });
    await h.handleIncoming(inbound({ text: 'x' }));
    expect(delivered.map((t) => JSON.parse(t))).toEqual([{ code: 404, type: 'ResourceNotFound' }]);
    expect((await store.listMessages({})).map((m) => m.payload.text)).toEqual(['x', delivered[0]]);
  });

  it('runs two hosts in one process, each bot talking to its own API', async () => {
    const one = await host({ bot: counterBot(), botId: 'one' });
    const two = await host({ bot: counterBot(), botId: 'two' });
    const turns = await Promise.all([one.handleIncoming(inbound({ text: 'a' })), two.handleIncoming(inbound({ text: 'b' })), one.handleIncoming(inbound({ text: 'c', chatId: 'X' }))]);
    expect(turns.map((t) => t.replies[0]!.text)).toEqual(['1: a', '1: b', '1: c']);
  });
});
