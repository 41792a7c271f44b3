/**
 * The contract between channels (WhatsApp bridge, terminal chat, harness) and
 * the inbound pipeline of the local host. Messages take the shape of
 * Botpress's official WhatsApp integration, so the plugin sees the same tags
 * from either path: channel "channel"; conversation tags `userPhone` and
 * `botPhoneNumberId`; user tags `userId` and `name`; message tag `id`.
 */

/** What a channel delivers for one customer message. */
export interface InboundChannelMessage {
  /** Integration name, e.g. "whatsapp", "terminal", "harness". */
  integration: string;
  /** The channel's own message id: the pipeline handles each (integration, externalId) once. */
  externalId: string;
  /** The channel's id of the chat (for WhatsApp: the customer's number, E.164). */
  chatId: string;
  /** Customer's phone number, E.164, when the channel knows it. */
  userPhone: string | null;
  /** Customer's profile name, when the channel knows it. */
  userName: string | null;
  /** The business's number / account on that channel. */
  botPhoneNumberId: string | null;
  /** Text of the message; for anything else, `kind` says what it was and `text` is "". */
  kind: 'text' | 'media' | 'location' | 'sticker' | 'voice' | 'other';
  text: string;
  /** When the channel says it was sent (ordering, burst merge). */
  sentAt: Date;
}

/** Where a channel hands its messages: the host's inbound pipeline. Resolves once the message is stored. */
export type InboundSink = (message: InboundChannelMessage) => Promise<{ duplicate: boolean }>;

/** How the pipeline sends replies back out through a channel. */
export interface ChannelSender {
  /** Sends one text message to the chat; throws on failure (the pipeline retries). */
  send(chatId: string, text: string): Promise<void>;
  /** Shows or clears "typing…" while a turn is handled; optional. */
  typing?(chatId: string, on: boolean): Promise<void>;
}
