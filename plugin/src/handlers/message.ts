/**
 * A customer message: load the conversation state, respond (engine → booking),
 * save the state, send the replies. The state is saved before the replies go
 * out, so a crash in between never repeats a booking; it records which
 * message it answers and with what, so the same message handled again (the
 * host replays what a crash left unhandled) is not answered against the state
 * it produced — its replies are sent again instead, and the host and the
 * outbox send each of them once (host/host.ts).
 */
import type { ConversationState } from '../conversation/state';
import { respond } from '../assistant/respond';
import { profilePhone, type ProfileKey } from '../channels/botpress-cloud/profile';
import { storableOrNull, storableText } from '../channels/clean';
import { toE164 } from '../channels/phone';
import { crashPoint } from '../runtime/crash';
import { attachCallsToBooking } from '../llm/calls';
import { rememberLanguage } from '../customers/language';
import { answerReminder } from '../reminders/answer';
import { bookingLabel } from '../conversation/manage/labels';
import { recordTurn } from '../followup/activity';
import type { Offer } from '../followup/offer';
import { afterTurn, beforeTurn } from '../followup/turn';
import { emptyExtraction } from '../understanding/types';
import type { HandlerContext } from './context';
import { openTurn } from './turn-context';

export interface IncomingMessage {
  /** Botpress's message id: the same when the message is handled again. */
  id?: string;
  conversationId: string;
  type: string;
  payload: { text?: string; kind?: string };
  tags: Record<string, string | undefined>;
}

/** What the plugin keeps per conversation in Botpress state. */
export interface StoredConversation {
  engine: Record<string, unknown> | null;
  /** Outcome of the last turn, and what its last reply asked, for `--debug`, the harness and support. */
  lastOutcome?: string | null;
  lastAsked?: string | null;
  /** The message this state answers and the replies it got. */
  turn?: { messageId: string; replies: string[] } | null;
  /** A choice offered beside the last reply ("same as last time", "continue"), taken by the next message (an Offer). */
  offer?: Record<string, unknown> | null;
}

export interface ConversationStateRepo {
  getOrSet(id: string, payload: StoredConversation): Promise<StoredConversation>;
  set(id: string, payload: StoredConversation): Promise<void>;
}

export interface MessagePorts {
  state: ConversationStateRepo;
  send(text: string): Promise<void>;
  /** Tags of the conversation and user, as the channel integration set them. */
  conversationTags: Record<string, string | undefined>;
  userTags: Record<string, string | undefined>;
  userName: string | null;
  /** The bot this plugin runs in: a signed Chat profile is trusted only when signed for it. */
  botId: string;
  now: () => Date;
}

/** A tag by its name, with or without the integration's prefix ("whatsapp:userPhone"). */
export function tag(tags: Record<string, string | undefined>, name: string): string | null {
  for (const [k, v] of Object.entries(tags)) if ((k === name || k.endsWith(`:${name}`)) && v) return v;
  return null;
}

/**
 * The customer's number as the channel asserts it, E.164: the `userPhone`
 * conversation tag (WhatsApp integration, bridge); else the number in the
 * Chat user's `profile` (bridge forwarding to a Cloud bot through the Chat
 * API, which sets no conversation tags of ours), only when signed for this
 * bot with the configured secret and not expired, since any Chat API client
 * can write a profile. Nothing else: a channel that asserts no number (a web
 * chat, the terminal without --phone) gives null, and its customers cannot
 * list, cancel or move bookings, whatever number they type.
 */
export function channelPhone(
  conversationTags: Record<string, string | undefined>,
  userTags: Record<string, string | undefined>,
  profile?: { key: ProfileKey | null; now: Date },
): string | null {
  const tagged = tag(conversationTags, 'userPhone');
  // Meta's integration gives the number as digits, the bridge as +digits
  if (tagged) return /^\+?\d{7,15}$/.test(tagged) ? toE164(tagged) : null;
  return profile ? profilePhone(tag(userTags, 'profile'), profile.key, profile.now) : null;
}

export async function handleMessage(message: IncomingMessage, handler: HandlerContext, ports: MessagePorts) {
  const { config } = handler;
  const secret = config.channels.chatProfileSecret;
  const phone = channelPhone(ports.conversationTags, ports.userTags, { key: secret ? { secret, botId: ports.botId } : null, now: ports.now() });
  // on Botpress Cloud this is the plugin's inbound boundary: nothing unstorable reaches our database
  const profileName = storableOrNull(tag(ports.userTags, 'name') ?? ports.userName);
  const stored = await ports.state.getOrSet(message.conversationId, { engine: null });
  if (message.id && stored.turn?.messageId === message.id) {
    // answered already, and the state moved on: the same replies, not a turn against the new state
    for (const text of stored.turn.replies) await ports.send(text);
    return;
  }
  const prev = stored.engine as ConversationState | null;
  // one statement reads the conversation row, its handoff flag and the catalog's version and freshness;
  // the rows are written only on first contact (or when the channel's customer is new to the row)
  const ctx = await openTurn(handler, { conversationExternalId: message.conversationId, phone, profileName, prev, now: ports.now });
  const { services, row } = ctx;
  const conversationId = row.id;

  const isText = message.type === 'text' && (!message.payload.kind || message.payload.kind === 'text');
  if (!isText) {
    // a person has the chat: the bot says nothing, not even "text only, please" (respond() does the same for text)
    if (row.handoff) return;
    return ports.send(ctx.t()('only_text'));
  }

  const text = storableText(message.payload.text ?? '');
  // the first message after a reminder answers it: a confirmation is recorded and thanked for here
  const answer = phone && !row.handoff && ctx.read.reminderOpen
    ? await answerReminder(services.db.prisma, { businessId: ctx.businessId, conversationId: message.conversationId, text, now: ports.now() })
    : null;
  if (answer?.kind === 'confirm') {
    const view = await services.booking.view(answer.bookingId);
    const lang = prev?.language ?? answer.language;
    const t = ctx.t(lang);
    return ports.send(t('reminder_confirmed', { booking: view ? bookingLabel(view, lang, t) : '' }));
  }

  const { snapshot } = ctx;
  const before = await beforeTurn(
    services.db.prisma,
    { businessId: ctx.businessId, phone, profileName, text, now: ports.now(), prev, offer: (stored.offer as Offer | null | undefined) ?? null, activity: { at: row.lastTurnAt ?? null, inProgress: row.inProgress ?? false }, defaultLanguage: config.business.languages[0]! },
    config.followUp,
  );
  // a choice taken is the whole message: the engine starts from it and asks what is missing
  const extract = before.took ? () => emptyExtraction() : ctx.extract;
  // "cancel" or "move" in answer to a reminder means that booking, even when the customer has others
  let intent: string | null = null;
  const focused = answer?.kind === 'other' ? answer : null;
  const result = await respond(
    before.start,
    { text, channelPhone: phone, profileName, conversationId, handedOff: row.handoff },
    {
      ...ctx,
      bookings: focused
        ? { ...services.booking, list: async (q) => {
            const all = await services.booking.list(q);
            const one = all.filter((v) => v.id === focused.bookingId);
            return (intent === 'cancel' || intent === 'reschedule') && one.length ? one : all;
          } }
        : services.booking,
      extract: focused
        ? (t, c) => {
            const x = extract(t, c);
            const read = x.intent ?? focused.intent;
            intent = read;
            return read === x.intent ? x : { ...x, intent: read };
          }
        : extract,
    },
  );
  const { replies, offer } = afterTurn(before, result, { snapshot, templates: config.templates, phone });
  await ports.state.set(message.conversationId, {
    engine: result.state as unknown as Record<string, unknown> | null,
    lastOutcome: result.outcome,
    lastAsked: result.asked,
    offer: offer as unknown as Record<string, unknown> | null,
    turn: message.id ? { messageId: message.id, replies } : null,
  });
  await crashPoint('after-state-saved');
  if (result.paymentLink && ctx.llm) {
    // the model calls that led here are this booking's cost
    const booked = await services.db.prisma.booking.findFirst({ where: { conversationId, paymentLink: result.paymentLink }, orderBy: { createdAt: 'desc' }, select: { id: true } });
    if (booked) await attachCallsToBooking(services.db.prisma, { conversationId, bookingId: booked.id });
  }
  // written when the language is first settled or changes, not every turn
  const languageNews = !prev?.languageSettled || prev.language !== result.state?.language;
  if (phone && result.state?.languageSettled && languageNews) await rememberLanguage(services.sql, { businessId: ctx.businessId, phone, language: result.state.language });
  await recordTurn(services.sql, conversationId, ports.now(), result.state);
  for (const text of replies) await ports.send(text);
  // the turn's provider calls (a yes: re-check, order, day refresh) in one write, after the replies
  await services.flushProviderCalls();
  return { ...result, replies };
}
