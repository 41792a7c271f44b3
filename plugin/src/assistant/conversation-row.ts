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
import type { Db } from '../store/database';

export async function conversationRow(
  prisma: Db,
  q: { businessId: string; botpressConversationId: string; phone: string | null; name: string | null },
): Promise<string> {
  const customer = q.phone
    ? await prisma.customer.upsert({
        where: { businessId_phone: { businessId: q.businessId, phone: q.phone } },
        create: { businessId: q.businessId, phone: q.phone, name: q.name },
        update: {},
        select: { id: true },
      })
    : null;
  const own = await prisma.conversation.findFirst({ where: { id: q.botpressConversationId, businessId: q.businessId }, select: { id: true, customerId: true } });
  if (own) {
    if (customer && own.customerId !== customer.id) await prisma.conversation.update({ where: { id: own.id }, data: { customerId: customer.id } });
    return own.id;
  }
  const row = await prisma.conversation.upsert({
    where: { businessId_channel_externalId: { businessId: q.businessId, channel: 'botpress', externalId: q.botpressConversationId } },
    create: { businessId: q.businessId, channel: 'botpress', externalId: q.botpressConversationId, customerId: customer?.id ?? null },
    // a row an action made first gets its customer with the first message from the channel
    update: customer ? { customerId: customer.id } : {},
    select: { id: true },
  });
  return row.id;
}

/**
 * The Botpress conversation a Conversation row stands for, to post a message on it (booking notices,
 * reminders): on the local host the row is the chat itself and its id is the conversation id; on
 * Botpress Cloud the row is keyed by the Botpress conversation id.
 */
export const botpressConversationOf = (row: { id: string; channel: string; externalId: string }): string =>
  row.channel === 'botpress' ? row.externalId : row.id;
