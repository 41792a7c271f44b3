/**
 * Our Conversation row for a Botpress conversation (bookings and the handoff
 * flag hang on it) and the Customer behind it, created on first sight. On the
 * local host the Botpress conversation is our row of the chat itself (its id
 * is the conversation id: one row per chat, shared with the outbox and the
 * owner console); on Botpress Cloud it is a row keyed by the Botpress
 * conversation id (channel 'botpress'), made here. `phone`
 * is only ever the number the channel asserts: the row's customer is whose
 * bookings this conversation may list, cancel or move (handlers/identity.ts).
 */
import { writeConversationRow, type Sql } from '../store/sql';

/** Actions acting for a conversation use this; a message reads its row with its turn (store/sql.ts readTurnRow) and writes it only when needed. */
export async function conversationRow(sql: Sql, q: { businessId: string; botpressConversationId: string; phone: string | null; name: string | null }): Promise<string> {
  const row = await writeConversationRow(sql, { businessId: q.businessId, conversationExternalId: q.botpressConversationId, phone: q.phone, name: q.name });
  return row.id;
}

/**
 * The Botpress conversation a Conversation row stands for, to post a message on it (booking notices,
 * reminders): on the local host the row is the chat itself and its id is the conversation id; on
 * Botpress Cloud the row is keyed by the Botpress conversation id.
 */
export const botpressConversationOf = (row: { id: string; channel: string; externalId: string }): string =>
  row.channel === 'botpress' ? row.externalId : row.id;
