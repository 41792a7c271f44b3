/**
 * Our Conversation row for a Botpress conversation (bookings and the handoff
 * flag hang on it) and the Customer behind it, created on first sight.
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
  const row = await prisma.conversation.upsert({
    where: { businessId_channel_externalId: { businessId: q.businessId, channel: 'botpress', externalId: q.botpressConversationId } },
    create: { businessId: q.businessId, channel: 'botpress', externalId: q.botpressConversationId, customerId: customer?.id ?? null },
    update: {},
    select: { id: true },
  });
  return row.id;
}
