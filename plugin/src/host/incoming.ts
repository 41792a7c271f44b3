/**
 * Records a customer message as Botpress Cloud would after a channel
 * integration reported it: the user and conversation (found by their tags),
 * the incoming message, and the `message_created` event the bot receives.
 * Integration-owned tags reach a bot prefixed with the integration's name
 * (`whatsapp:userPhone`), so they are stored that way. The message is keyed
 * by the channel's message id: recording it again (a turn handled again after
 * a crash) gives the same Botpress message.
 */
import { cleanInbound } from '../channels/clean';
import type { InboundChannelMessage } from '../channels/types';
import type { HostStore, IncomingRecord, Tags } from './api/store';

/** The channel every chat integration uses, as in Botpress's WhatsApp integration. */
export const CHANNEL = 'channel';

export type { IncomingRecord };

export const integrationTag = (integration: string, tag: string) => `${integration}:${tag}`;

export async function recordIncoming(store: HostStore, raw: InboundChannelMessage): Promise<IncomingRecord> {
  // the host keeps Botpress's records in Postgres: what it cannot store (NUL, lone surrogates) goes first
  const msg = cleanInbound(raw);
  const tag = (name: string) => integrationTag(msg.integration, name);
  // one statement on the database (host/sql.ts): user, conversation, message and event
  return store.recordIncoming({
    user: {
      integration: msg.integration,
      name: msg.userName ?? undefined,
      tags: compact({ [tag('userId')]: msg.userPhone ?? msg.chatId, [tag('name')]: msg.userName }),
    },
    userBy: [tag('userId')],
    conversation: {
      integration: msg.integration,
      channel: CHANNEL,
      tags: compact({ [tag('chatId')]: msg.chatId, [tag('userPhone')]: msg.userPhone, [tag('botPhoneNumberId')]: msg.botPhoneNumberId }),
    },
    conversationBy: [tag('chatId'), tag('botPhoneNumberId')],
    message: {
      type: 'text',
      // not a Botpress payload field: lets the bot tell "sent a photo" from "sent nothing"
      payload: msg.kind === 'text' ? { text: msg.text } : { text: msg.text, kind: msg.kind },
      tags: { [tag('id')]: msg.externalId },
    },
    key: `in:${msg.integration}:${msg.externalId}`,
  });
}

function compact(tags: Record<string, string | null | undefined>): Tags {
  return Object.fromEntries(Object.entries(tags).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
}
