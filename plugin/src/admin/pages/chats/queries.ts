/**
 * Chats handed to a person, read from the database: the conversation rows
 * flagged `handoff`, oldest request first, each with the reason and the
 * summary the bot wrote when it handed over (EventLog `handoff_requested`),
 * and the transcript of its channel chat: inbound messages as the pipeline
 * stored them and replies as the outbox stored them (the bot's and the
 * owner's).
 *
 * A conversation row names its chat in one of two ways: by the chat itself
 * (channel = integration, externalId = chat id: the pipeline's and the
 * outbox's rows), or by the Botpress conversation the plugin saw (channel
 * 'botpress'), whose chat only the host knows (`ports.botpressChat`).
 */
import type { Language } from '../../../catalog/types';
import { detectLanguage } from '../../../understanding/language';
import type { AdminPorts, ChatAddress } from '../../ports';

export const HANDOFF_REQUESTED = 'handoff_requested';
/** The plugin's rows name a Botpress conversation, not a channel chat. */
const BOTPRESS_CHANNEL = 'botpress';

export interface ChatSummary {
  id: string;
  /** When the chat was handed over (the latest request), else when the row last changed. */
  since: Date;
  reason: string | null;
  /** What the customer had chosen when the bot handed over. */
  summary: string | null;
  customer: { name: string | null; phone: string } | null;
  handoff: boolean;
}

export interface TranscriptLine {
  at: Date;
  from: 'customer' | 'bot' | 'owner';
  text: string;
  /** Replies: pending, sent or failed. */
  status: string | null;
}

export interface ChatDetail extends ChatSummary {
  /** Null: this process cannot tell which channel chat it is (no transcript, no reply). */
  address: ChatAddress | null;
  transcript: TranscriptLine[];
}

type Row = { id: string; channel: string; externalId: string; handoff: boolean; updatedAt: Date; customer: { name: string | null; phone: string } | null };
const ROW = { id: true, channel: true, externalId: true, handoff: true, updatedAt: true, customer: { select: { name: true, phone: true } } } as const;

export async function waitingChats(ports: AdminPorts): Promise<ChatSummary[]> {
  const rows = await ports.prisma.conversation.findMany({ where: { businessId: ports.businessId, handoff: true }, select: ROW });
  const chats = await Promise.all(rows.map((r) => summarize(ports, r)));
  return chats.sort((a, b) => a.since.getTime() - b.since.getTime() || a.id.localeCompare(b.id));
}

export async function countWaiting(ports: AdminPorts): Promise<number> {
  return ports.prisma.conversation.count({ where: { businessId: ports.businessId, handoff: true } });
}

/** One chat of the business (waiting or not), with its transcript; null when there is no such row. */
export async function chatDetail(ports: AdminPorts, id: string, limit = 100): Promise<ChatDetail | null> {
  const row = await ports.prisma.conversation.findFirst({ where: { id, businessId: ports.businessId }, select: ROW });
  if (!row) return null;
  const address = await addressOf(ports, row);
  const [summary, transcript] = await Promise.all([summarize(ports, row), address ? transcriptOf(ports, address, limit) : []]);
  return { ...summary, address, transcript };
}

/** The channel chat of a conversation row (see the header). */
export async function addressOf(ports: Pick<AdminPorts, 'botpressChat'>, row: { channel: string; externalId: string }): Promise<ChatAddress | null> {
  if (row.channel !== BOTPRESS_CHANNEL) return { integration: row.channel, chatId: row.externalId };
  return (await ports.botpressChat?.(row.externalId)) ?? null;
}

async function summarize(ports: AdminPorts, row: Row): Promise<ChatSummary> {
  const event = await ports.prisma.eventLog.findFirst({
    where: { businessId: ports.businessId, kind: HANDOFF_REQUESTED, data: { path: ['conversationId'], equals: row.id } },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    select: { at: true, data: true },
  });
  const data = (event?.data ?? {}) as { reason?: unknown; summary?: unknown };
  return {
    id: row.id,
    since: event?.at ?? row.updatedAt,
    reason: typeof data.reason === 'string' ? data.reason : null,
    summary: typeof data.summary === 'string' && data.summary ? data.summary : null,
    customer: row.customer,
    handoff: row.handoff,
  };
}

/** The last `limit` messages of a chat, oldest first. */
export async function transcriptOf(ports: AdminPorts, address: ChatAddress, limit: number): Promise<TranscriptLine[]> {
  const { prisma, businessId } = ports;
  const [inbound, outbound] = await Promise.all([
    prisma.inboundMessage.findMany({
      where: { businessId, channel: address.integration, payload: { path: ['chatId'], equals: address.chatId } },
      orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
      take: limit,
      select: { receivedAt: true, text: true, payload: true },
    }),
    prisma.outboundMessage.findMany({
      where: { businessId, conversation: { channel: address.integration, externalId: address.chatId } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
      select: { createdAt: true, text: true, author: true, status: true },
    }),
  ]);
  const lines: TranscriptLine[] = [
    ...inbound.map((m) => ({ at: m.receivedAt, from: 'customer' as const, text: m.text || `(${kindOf(m.payload)})`, status: null })),
    ...outbound.map((m) => ({ at: m.createdAt, from: m.author === 'owner' ? ('owner' as const) : ('bot' as const), text: m.text, status: m.status })),
  ];
  return lines.sort((a, b) => a.at.getTime() - b.at.getTime()).slice(-limit);
}

function kindOf(payload: unknown): string {
  const kind = (payload as { kind?: unknown } | null)?.kind;
  return typeof kind === 'string' && kind !== 'text' ? `sent a ${kind === 'media' ? 'photo or file' : kind}` : 'empty message';
}

/** The language the customer last wrote in, for what the business tells them; `fallback` when no message tells. */
export async function customerLanguage(ports: AdminPorts, address: ChatAddress | null, fallback: Language): Promise<Language> {
  if (!address) return fallback;
  const recent = await ports.prisma.inboundMessage.findMany({
    where: { businessId: ports.businessId, channel: address.integration, payload: { path: ['chatId'], equals: address.chatId } },
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take: 10,
    select: { text: true },
  });
  for (const m of recent) {
    const lang = detectLanguage(m.text);
    if (lang) return lang;
  }
  return fallback;
}
