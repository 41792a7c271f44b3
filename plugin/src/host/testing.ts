/**
 * Small real bots for the host's tests and bench: an echo bot, and a counter
 * bot that keeps a conversation state through the client the way a plugin
 * does (`getOrSetState`, `setState`, prefixed state name).
 */
import * as sdk from '@botpress/sdk';
import { randomUUID } from 'node:crypto';
import type { InboundChannelMessage } from '../channels/types';
import type { Db } from '../store/database';
import { createDatabaseHostStore } from './api/database-store';
import type { HostStore } from './api/store';

type Reply = (text: string) => Promise<unknown>;
type BotClient = Parameters<Parameters<sdk.Bot['on']['message']>[1]>[0]['client'];
type OnText = (text: string, reply: Reply, ctx: { client: BotClient; conversationId: string }) => Promise<void>;

export function textBot(onText: OnText): sdk.Bot {
  const bot = new sdk.Bot({ actions: {}, plugins: {} });
  bot.on.message('*', async ({ message, client, ctx, conversation }) => {
    const reply: Reply = (text) =>
      client.createMessage({ conversationId: conversation.id, userId: ctx.botId, type: 'text', payload: { text }, tags: {} });
    await onText(String(message.payload.text ?? ''), reply, { client, conversationId: conversation.id });
  });
  return bot;
}

export const echoBot = () => textBot((text, reply) => reply(`echo: ${text}`).then(() => undefined));

export const COUNTER_STATE = 'bookwell#conversationState';

/** Replies "<n>: <text>", n counting this conversation's turns in a conversation state. */
export const counterBot = () =>
  textBot(async (text, reply, { client, conversationId }) => {
    const key = { type: 'conversation' as const, id: conversationId, name: COUNTER_STATE };
    const { state } = await client.getOrSetState({ ...key, payload: { turns: 0 } });
    const turns = Number(state.payload.turns) + 1;
    await client.setState({ ...key, payload: { turns } });
    await reply(`${turns}: ${text}`);
  });

let seq = 0;
/** An inbound message with defaults; `sentAt` steps one second per call unless given. */
export function inbound(over: Partial<InboundChannelMessage> & { text: string }): InboundChannelMessage {
  seq += 1;
  return {
    integration: 'test',
    externalId: `ext-${seq}`,
    chatId: '+96599887766',
    userPhone: '+96599887766',
    userName: 'Sara',
    botPhoneNumberId: '+96511112222',
    kind: 'text',
    sentAt: new Date(Date.UTC(2026, 2, 1, 6, 0, seq)),
    ...over,
  };
}

/** A HostStore on `prisma` for a business of its own (created here), as the local host keeps it. */
export async function hostStoreFor(prisma: Db, businessId = `host-${randomUUID()}`, botId = 'bot-1'): Promise<HostStore> {
  await prisma.business.upsert({
    where: { id: businessId },
    create: { id: businessId, name: 'Spa', country: 'KW', currency: 'KWD', timezone: 'Asia/Kuwait', languages: ['en'] },
    update: {},
  });
  return createDatabaseHostStore({ prisma, businessId, botId });
}
