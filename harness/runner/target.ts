/**
 * The port between the runner and the system under test. The runner talks to
 * nothing else; the real implementation (harness/target/) drives the plugin on
 * the local host, and testing/fake-target.ts is a tiny scripted bot for the
 * runner's own tests.
 */
import type { Askable, CrashKind, CustomerSpec, Given } from './schema';

/** `given` as the target receives it: every customer resolved, the main one first. */
export interface TargetGiven extends Omit<Given, 'customer' | 'llm'> {
  customers: Array<CustomerSpec & { key: string }>;
  /** `given.llm`, with where its recordings are and which scenario asks. */
  llm?: NonNullable<Given['llm']> & { recordings: string; scenario: string };
}

export interface ScenarioTarget {
  /** Set up an isolated world (own tenant) for one scenario run. */
  open(given: TargetGiven, ctx: { scenarioId: string }): Promise<ScenarioSession>;
  /** Make ready what these scenarios will share (catalog templates), so their `open` is quick; optional. */
  prepare?(givens: TargetGiven[]): Promise<void>;
  /** Release what all sessions share (database, simulator) after the run. */
  close?(): Promise<void>;
}

export interface SendOptions {
  /** Channel message id, unique per scenario run; reused by deliverAgain. */
  externalId: string;
  /** How long before its delivery the customer wrote it, on the scenario's clock: out-of-order deliveries carry an earlier time than a message already delivered. */
  writtenMsAgo: number;
  /** The host dies at this point while handling the message, and is restarted (schema.ts). */
  crash?: CrashKind;
}

export interface ScenarioSession {
  /** Deliver one customer message (`customer` = phone) and wait until the turn's replies are out. */
  send(customer: string, text: string, opts: SendOptions): Promise<TurnObservation>;
  /** Deliver an already delivered message again (same externalId). */
  deliverAgain(customer: string, externalId: string): Promise<TurnObservation>;
  /** Restart the host process state; the database survives. */
  restart(): Promise<void>;
  /** Move the frozen clock forward (runs whatever is due: refreshes, reminders). */
  advanceClock(ms: number): Promise<void>;
  /** What the bot sent this customer (phone) on its own since their last turn or the last call, e.g. reminders after advanceClock. */
  unsolicited(customer: string): Promise<TurnObservation>;
  /** The world after the chat. */
  observe(): Promise<WorldObservation>;
  close(): Promise<void>;
  /** What the target measured of its own set-up, in ms (bench:harness reports it). */
  readonly timings?: Record<string, number>;
}

export interface TurnObservation {
  /** Bot messages produced by this turn, in order (may be []). */
  replies: string[];
  /** What the last reply asks for; null when it asks nothing. */
  asked: Askable | null;
  /** Slots filled and valid after the turn. */
  filled: string[];
  /** Slots whose value this turn set or changed (answers and corrections). */
  changed: string[];
  /** Slots cleared by this turn (a correction invalidated them). */
  invalidated: string[];
  /** The answer to the previous question failed validation this turn (a re-ask is then allowed). */
  answerFailedValidation: boolean;
  /** Engine outcome of the turn (asked, answered_interruption, ready_to_confirm, confirmed, declined, handoff, invalid_input, restart) or null (nothing ran, e.g. duplicate). Used for coverage and to allow re-asking after an interruption. */
  outcome: string | null;
  /** Engine state after the turn, for `state: {subset}` checks. */
  state: Record<string, unknown>;
  /** Conversation language after the turn. */
  language: 'en' | 'ar' | 'es';
  /** The turn handed the chat to a human. */
  handoff: boolean;
  /** Payment link sent this turn, if any. */
  paymentLink: string | null;
  /** Provider catalog calls (GetLocations/Services/Staff/ItemsByDate) this turn that neither a JIT refresh nor the booking re-check explains. */
  liveCatalogCalls: number;
  /** Provider orders created during this turn. */
  ordersCreated: number;
  /** The customer said an explicit yes to a full summary in this turn. */
  confirmedByYes: boolean;
}

export interface ObservedBooking {
  service: string;
  /** Ids work too; matching accepts a name or an id. */
  serviceId?: string;
  location: string;
  locationId?: string;
  staff: string | null;
  staffId?: string | null;
  /** Local time at the location, "YYYY-MM-DDTHH:MM". */
  start: string;
  status: string;
  /** Phone of the customer. */
  customer: string;
}

export interface WorldObservation {
  bookings: ObservedBooking[];
  /** Orders in the provider's ledger for this scenario. */
  providerOrders: number;
  /** Live provider calls after open() (the setup sync excluded), in order. */
  providerCalls: Array<{ endpoint: string }>;
  /** Events the plugin emitted, in order. */
  events: Array<{ name: string; payload?: unknown }>;
}
