/**
 * The conversation state: plain JSON, stored in the DB (Conversation.state)
 * and in Botpress state, so every field is serialisable and versioned.
 */
import type { Language } from '../catalog/types';
import type { PartOfDay } from '../understanding/types';

/** 2: `flow` and `bookingId` (cancel, reschedule). */
export const STATE_VERSION = 2;

/** Slot names as the harness YAML spells them. `time` covers date and time. */
export type SlotName = 'location' | 'services' | 'staff' | 'time' | 'name' | 'phone' | 'email';
/** `booking`: which of the customer's bookings (cancel, reschedule); `confirm_cancel`: yes to cancelling it. */
export type AskedSlot = SlotName | 'confirm' | 'booking' | 'confirm_cancel';

/** What the conversation is doing: a new booking, or cancelling / moving an existing one ("my bookings" is a one-turn answer). */
export type Flow = 'book' | 'cancel' | 'reschedule';

export const SLOT_ORDER: readonly SlotName[] = ['location', 'services', 'staff', 'time', 'name', 'phone', 'email'];

export const isSlotName = (asked: AskedSlot | null): asked is SlotName => SLOT_ORDER.includes(asked as SlotName);

export interface ServiceItem {
  serviceId: string;
  /** Staff external id, 'any' (no preference), or null (not chosen yet). */
  staffId: string | 'any' | null;
  /**
   * Its own start ("HH:MM", on the booking's day) when the customer gave this service a time of its own
   * ("move the pedicure to 5, keep the manicure at 3"); absent: right after the service before it. The first
   * service starts at `slots.time`.
   */
  time?: string | null;
}

export interface Slots {
  location: string | null;
  /** Booked back to back in this order, except a service with a time of its own. */
  services: ServiceItem[];
  /** "YYYY-MM-DD" in the location's time zone. */
  date: string | null;
  /** "HH:MM" in the location's time zone; only kept when free (or not checkable yet). */
  time: string | null;
  name: string | null;
  /** E.164. */
  phone: string | null;
  phoneFromChannel: boolean;
  email: string | null;
}

export type Phase = 'collecting' | 'ready_to_confirm' | 'confirmed' | 'handoff';

/** Choices the last reply offered; "2" or "the second" picks one. */
export interface Offer {
  slot: SlotName | 'booking';
  /** Location/service/staff ids, 'any', "YYYY-MM-DDTHH:MM" for time, or booking ids. */
  options: string[];
  /** Times only: they are the next day with free times after this day ("YYYY-MM-DD"), which had none. */
  after?: string;
}

export interface ConversationState {
  version: number;
  language: Language;
  /** False until the customer's own words told us the language (then it sticks). */
  languageSettled: boolean;
  phase: Phase;
  flow: Flow;
  /** The booking being cancelled or moved; in a reschedule, `slots` hold its new time. */
  bookingId: string | null;
  slots: Slots;
  /** A time the customer wanted that was not free ("HH:MM"); later offers are the times nearest to it. */
  wantedTime: string | null;
  /**
   * A day the customer wanted that could not be kept ("YYYY-MM-DD": the branch is closed, it is full, or the
   * person chosen is off): a change of branch, services or staff tries it again.
   */
  wantedDate?: string | null;
  /** A part of the day the customer wants ("after work", "العصر"): the times offered are in it. */
  partOfDay?: PartOfDay | null;
  /** The customer has no email address: the confirmation comes in the chat, and email is not asked again. */
  noEmail?: boolean;
  /** Staff named before any service was chosen; applied once services are known. */
  pendingStaff: string | null;
  /** What the last reply asked for. */
  asked: AskedSlot | null;
  /** Failed answers per asked slot; reset when the slot is filled. */
  failures: Partial<Record<AskedSlot, number>>;
  offered: Offer | null;
  /** WhatsApp profile name, offered as the booking name. */
  profileName: string | null;
  turns: number;
}

export function emptySlots(): Slots {
  return {
    location: null,
    services: [],
    date: null,
    time: null,
    name: null,
    phone: null,
    phoneFromChannel: false,
    email: null,
  };
}

export function newConversationState(init: {
  language: Language;
  languageSettled?: boolean;
  channelPhone?: string | null;
  profileName?: string | null;
}): ConversationState {
  const slots = emptySlots();
  if (init.channelPhone) {
    slots.phone = init.channelPhone;
    slots.phoneFromChannel = true;
  }
  return {
    version: STATE_VERSION,
    language: init.language,
    languageSettled: init.languageSettled ?? false,
    phase: 'collecting',
    flow: 'book',
    bookingId: null,
    slots,
    wantedTime: null,
    pendingStaff: null,
    asked: null,
    failures: {},
    offered: null,
    profileName: init.profileName ?? null,
    turns: 0,
  };
}

/** "Start over": everything goes except the language and the phone the channel gave us. */
export function restartState(s: ConversationState): ConversationState {
  const next = newConversationState({
    language: s.language,
    languageSettled: s.languageSettled,
    channelPhone: s.slots.phoneFromChannel ? s.slots.phone : null,
    profileName: s.profileName,
  });
  next.turns = s.turns;
  return next;
}

/** A new booking for the same person, after one was made (or cancelled): the name carries over too. */
export function nextBookingState(s: ConversationState): ConversationState {
  const next = restartState(s);
  next.slots.name = s.slots.name;
  return next;
}

/** A copy, brought up to the current version (a state saved before `flow` existed was booking). */
export function cloneState(s: ConversationState): ConversationState {
  const copy = structuredClone(s);
  if (copy.version < 2) Object.assign(copy, { version: STATE_VERSION, flow: 'book', bookingId: null });
  return copy;
}
