/**
 * What the understanding layer gets out of one customer message. Rule
 * extractors and the optional LLM extractor both produce this shape; every id
 * is validated against the catalog before it lands here.
 */
import type { Language } from '../catalog/types';

export type Intent =
  | 'book'
  | 'cancel'
  | 'reschedule'
  | 'list'
  | 'handoff'
  | 'faq_price'
  | 'faq_hours'
  | 'faq_address'
  | 'faq_services'
  | 'restart'
  | 'greeting';

/**
 * The slot the bot asked about last; it tells ambiguous answers apart ("Sara"
 * = name or staff). `confirm_cancel` is "Shall I cancel your booking?", where
 * a bare "cancel it" agrees; `choice` a pick from a numbered list.
 */
export const EXPECTING = ['location', 'services', 'staff', 'time', 'name', 'phone', 'email', 'confirm', 'confirm_cancel', 'choice'] as const;
export type Expecting = (typeof EXPECTING)[number];

export interface Extraction {
  intent: Intent | null;
  /** Language the message is written in, when it can be told. */
  language: Language | null;
  location: string | null;
  services: string[];
  /** Staff external id, or "any" for "anyone is fine". */
  staff: string | null;
  /** Staff per service, when the message names two or more ("manicure with Sara and pedicure with Maria"). */
  staffFor: Array<{ service: string; staff: string }>;
  /** "YYYY-MM-DD" in the business time zone. */
  date: string | null;
  /** "HH:MM" in the business time zone. */
  time: string | null;
  name: string | null;
  /** E.164. */
  phone: string | null;
  email: string | null;
  yesNo: 'yes' | 'no' | null;
  /** 1-based number picked from a list the bot offered ("2", "the second"). */
  choice: number | null;
}

export const emptyExtraction = (): Extraction => ({
  intent: null,
  language: null,
  location: null,
  services: [],
  staff: null,
  staffFor: [],
  date: null,
  time: null,
  name: null,
  phone: null,
  email: null,
  yesNo: null,
  choice: null,
});
