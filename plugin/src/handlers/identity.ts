/**
 * Whose bookings an action may touch when it acts for a conversation (an LLM
 * agent or a bot flow passing `conversationId`): only the customer the
 * channel vouched for in that conversation. Our Conversation row holds it —
 * the message handler sets its customer from the channel's number
 * (channelPhone), never from anything typed — so a number an agent was told
 * in the chat opens nobody's bookings.
 */
import type { HandlerContext } from './context';

/** null when the conversation is unknown or its channel asserts no number. */
export async function conversationIdentity(ctx: HandlerContext, botpressConversationId: string): Promise<string | null> {
  // the chat's own row on the local host, the Botpress conversation's row on Cloud (assistant/conversation-row.ts)
  const row = await ctx.services.db.prisma.conversation.findFirst({
    where: { businessId: ctx.services.businessId, OR: [{ id: botpressConversationId }, { channel: 'botpress', externalId: botpressConversationId }] },
    select: { customer: { select: { phone: true } } },
  });
  return row?.customer?.phone ?? null;
}
