/**
 * What a channel hands us is cleaned where it comes in, before anything
 * stores it: Postgres refuses NUL in text and in jsonb, and jsonb refuses a
 * lone UTF-16 surrogate (half an emoji, e.g. from a message cut mid-character),
 * so one such message used to make the inbound insert throw and was never
 * stored nor answered. Everything else is kept as sent; what the bot reads is
 * cleaned further by the engine (conversation/input.ts).
 */
import type { InboundChannelMessage } from './types';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` as Postgres and JSON can store it: lone surrogates become U+FFFD (as UTF-8 encoders do), NUL goes. */
export function storableText(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(/\u0000/g, '');
}

export function storableOrNull(text: string | null): string | null {
  return text === null ? null : storableText(text);
}

/** Every string of an inbound message made storable (ids too: a channel's ids are text it chose). */
export function cleanInbound(m: InboundChannelMessage): InboundChannelMessage {
  return {
    ...m,
    integration: storableText(m.integration),
    externalId: storableText(m.externalId),
    chatId: storableText(m.chatId),
    userPhone: storableOrNull(m.userPhone),
    userName: storableOrNull(m.userName),
    botPhoneNumberId: storableOrNull(m.botPhoneNumberId),
    text: storableText(m.text),
  };
}
