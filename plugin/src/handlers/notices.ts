/**
 * The booking reconciler's messages to customers (booking/reconcile.ts
 * decides who is owed one): the payment link of a booking confirmed after
 * the chat could not say, or that it did not go through. In the customer's
 * language at the "yes", from the owner's templates; posted as a bot message
 * on the booking's Botpress conversation, which the channel delivers (the
 * local host: through the outbox).
 */
import { botpressConversationOf } from '../assistant/conversation-row';
import type { BookingNotice, Notify } from '../booking';
import type { Language } from '../catalog/types';
import { DEFAULT_TEMPLATES, templater, withArabicGender, type TemplateOverrides } from '../conversation/templates';
import type { HandlerContext } from './context';

/** Posts `text` as the bot on a Botpress conversation. */
export type PostMessage = (botpressConversationId: string, text: string) => Promise<void>;

export function noticeText(notice: BookingNotice, lang: Language, templates: TemplateOverrides | undefined): string {
  const t = templater(lang, templates);
  return notice.outcome === 'confirmed' && notice.paymentLink ? t('booking_confirmed_later', { link: notice.paymentLink }) : t('booking_not_made');
}

export function bookingNotifier(ctx: HandlerContext, post: PostMessage): Notify {
  const { config, services } = ctx;
  return async (notice) => {
    const row = await services.db.prisma.conversation.findFirst({ where: { id: notice.conversationId, businessId: services.businessId }, select: { id: true, channel: true, externalId: true } });
    if (!row) throw new Error(`conversation ${notice.conversationId} not found`);
    const lang = notice.language && notice.language in DEFAULT_TEMPLATES ? (notice.language as Language) : config.business.languages[0];
    await post(botpressConversationOf(row), noticeText(notice, lang, withArabicGender(config.templates, config.replies.arabicGender)));
  };
}
