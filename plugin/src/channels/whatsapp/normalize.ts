/**
 * whatsapp-web.js `Message` → `InboundChannelMessage`, or null for what the
 * bot must never answer: our own messages, groups, status updates, broadcast
 * lists, channels, and system messages (revokes, notifications, reactions).
 */
import { toE164 } from '../phone';
import { DEFAULT_TEMPLATES } from '../../conversation/templates';
import type { InboundChannelMessage } from '../types';
import type { WaMessage } from './client-port';

export { toE164 };

export const INTEGRATION = 'whatsapp';

type Kind = InboundChannelMessage['kind'];

/** whatsapp-web.js `MessageTypes` (src/util/Constants.js) we pass on; any other type is a system message. */
const KINDS: Record<string, Kind> = {
  chat: 'text',
  // Taps on buttons/lists carry the chosen option's text in `body`.
  buttons_response: 'text',
  list_response: 'text',
  template_button_reply: 'text',
  image: 'media',
  video: 'media',
  album: 'media',
  document: 'media',
  audio: 'voice',
  ptt: 'voice',
  sticker: 'sticker',
  location: 'location',
  vcard: 'other',
  multi_vcard: 'other',
  poll_creation: 'other',
  order: 'other',
  product: 'other',
  payment: 'other',
  groups_v4_invite: 'other',
  interactive: 'other',
  scheduled_event_creation: 'other',
};

/** Groups (`@g.us`), status and broadcast lists (`@broadcast`), channels (`@newsletter`). */
export function isIgnoredChatId(wid: string): boolean {
  return /@(g\.us|broadcast|newsletter)$/.test(wid);
}

export function isCustomerMessage(msg: WaMessage): boolean {
  return !msg.fromMe && !msg.id.fromMe && !msg.isStatus && !msg.broadcast && !isIgnoredChatId(msg.from) && msg.type in KINDS;
}

export interface NormalizeContext {
  /** Our own number, E.164, once the client is ready. */
  botPhone: string | null;
  /** `<lid>@lid` → the phone-number id (`<digits>@c.us`), or null when WhatsApp does not say. */
  phoneIdOfLid(lid: string): Promise<string | null>;
  now(): Date;
}

/** The customer's number behind a 1:1 chat id; WhatsApp increasingly hides it behind an `@lid` id. */
export async function senderPhone(from: string, ctx: Pick<NormalizeContext, 'phoneIdOfLid'>): Promise<string | null> {
  if (from.endsWith('@c.us')) return toE164(from);
  if (from.endsWith('@lid')) {
    const pn = await ctx.phoneIdOfLid(from);
    return pn ? toE164(pn) : null;
  }
  return null;
}

/** Null when the message is not a customer's, or when no phone number can be found for its sender. */
export async function normalizeMessage(msg: WaMessage, ctx: NormalizeContext): Promise<InboundChannelMessage | null> {
  if (!isCustomerMessage(msg)) return null;
  const phone = await senderPhone(msg.from, ctx);
  if (!phone) return null;
  const kind = KINDS[msg.type];
  const notifyName = (msg.rawData as { notifyName?: unknown }).notifyName;
  return {
    integration: INTEGRATION,
    externalId: msg.id._serialized,
    chatId: phone,
    userPhone: phone,
    userName: typeof notifyName === 'string' && notifyName.trim() ? notifyName.trim() : null,
    botPhoneNumberId: ctx.botPhone,
    kind,
    text: kind === 'text' ? msg.body : '',
    sentAt: msg.timestamp ? new Date(msg.timestamp * 1000) : ctx.now(),
  };
}

export type ReplyLanguage = 'en' | 'ar' | 'es';

/**
 * The polite answer to a voice note, image, sticker or location where no plugin answers (the bridge's own
 * option, Cloud forwarding): the plugin's `only_text` template in its default wording.
 */
export function mediaReply(language: ReplyLanguage): string {
  return DEFAULT_TEMPLATES[language].only_text;
}

// Arab-world calling codes: Gulf, Levant, Egypt, Maghreb.
const ARABIC_CODES = ['965', '966', '971', '973', '974', '968', '962', '961', '963', '964', '967', '970', '20', '212', '213', '216', '218', '249'];

/** Best guess before any text was exchanged: Mexico → es, Arab countries → ar, else en. */
export function languageForPhone(phone: string | null): ReplyLanguage {
  if (!phone) return 'en';
  if (phone.startsWith('+52')) return 'es';
  return ARABIC_CODES.some((code) => phone.startsWith(`+${code}`)) ? 'ar' : 'en';
}
