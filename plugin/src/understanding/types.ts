/**
 * What the understanding layer gets out of one customer message. Rule
 * extractors and the optional LLM extractor both produce this shape; every id
 * is validated against the catalog before it lands here.
 */
import type { Language } from '../catalog/types';

/** Questions answered from the catalog in the middle of a booking. */
export const FAQ_INTENTS = ['faq_price', 'faq_duration', 'faq_hours', 'faq_address', 'faq_services'] as const;
export type FaqIntent = (typeof FAQ_INTENTS)[number];

export const INTENTS = ['book', 'cancel', 'reschedule', 'list', 'handoff', ...FAQ_INTENTS, 'restart', 'greeting', 'thanks'] as const;
/** `thanks`: thanks or goodbye ("thanks!", "شكراً حبيبتي", "gracias, nos vemos"). */
export type Intent = (typeof INTENTS)[number];

/** A part of the day the customer wants, when no exact time is given ("after work", "العصر", "en la tarde"). */
export const PARTS_OF_DAY = ['morning', 'afternoon', 'evening'] as const;
export type PartOfDay = (typeof PARTS_OF_DAY)[number];

/**
 * How the services named change the ones already chosen: `add` ("a pedicure too"),
 * `replace` ("gel pedi instead of the classic one", "just the manicure"),
 * `remove` ("without the tint"). null: no edit word; the services are the ones wanted.
 */
export const SERVICE_EDITS = ['add', 'replace', 'remove'] as const;
export type ServiceEdit = (typeof SERVICE_EDITS)[number];

/**
 * The slot the bot asked about last; it tells ambiguous answers apart ("Sara"
 * = name or staff). `confirm_cancel` is "Shall I cancel your booking?", where
 * a bare "cancel it" agrees; `choice` a pick from a numbered list.
 */
export const EXPECTING = ['location', 'services', 'staff', 'time', 'name', 'phone', 'email', 'confirm', 'confirm_cancel', 'choice'] as const;
export type Expecting = (typeof EXPECTING)[number];

export interface Extraction {
  intent: Intent | null;
  /** More questions in the same message, after `intent` ("how much is it and how long does it take?"). */
  alsoAsks: FaqIntent[];
  /** Language the message is written in, when it can be told. */
  language: Language | null;
  location: string | null;
  /** Services wanted, in the order named (service external ids). */
  services: string[];
  /** How `services` change the chosen ones; null = no edit word. */
  serviceEdit: ServiceEdit | null;
  /** Chosen services the message takes away ("without the tint", "instead of the classic one"). */
  removeServices: string[];
  /** Staff external id, or "any" for "anyone is fine". */
  staff: string | null;
  /** Staff per service, when the message names two or more ("manicure with Sara and pedicure with Maria"). */
  staffFor: Array<{ service: string; staff: string }>;
  /** "YYYY-MM-DD" in the business time zone. */
  date: string | null;
  /** "HH:MM" in the business time zone. */
  time: string | null;
  /**
   * A time per service, when the message gives each its own clause by clause ("move the pedicure to 5, keep
   * the manicure at 3"). Absent or empty: none.
   */
  timeFor?: Array<{ service: string; time: string }>;
  /** Part of the day wanted when no exact time is given. */
  partOfDay: PartOfDay | null;
  /** "same time" / "same day": kept from the booking being moved, or from the current choice. */
  same: Array<'date' | 'time'>;
  name: string | null;
  /** E.164. */
  phone: string | null;
  email: string | null;
  yesNo: 'yes' | 'no' | null;
  /** 1-based number picked from a list the bot offered ("2", "the second"). */
  choice: number | null;
  /**
   * Content words no rule explained ("parking", "shiny", "descuento"): not a stop word, filler or greeting of any of
   * the three languages, and not used by a catalog, date, time, name, contact, yes/no or intent match. Read by the LLM
   * fallback (llm/merge.ts `unexplained`); not a field of the labelled corpus.
   */
  leftover: string[];
}

export const emptyExtraction = (): Extraction => ({
  intent: null,
  alsoAsks: [],
  language: null,
  location: null,
  services: [],
  serviceEdit: null,
  removeServices: [],
  staff: null,
  staffFor: [],
  date: null,
  time: null,
  partOfDay: null,
  same: [],
  name: null,
  phone: null,
  email: null,
  yesNo: null,
  choice: null,
  leftover: [],
});
