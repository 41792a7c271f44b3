/**
 * One message's turn context, built once per message and handed down: the
 * configuration (parsed once per configuration text), the business's services
 * (built once per configuration), the turn's clock, its conversation row (read
 * with the catalog's version in one statement, written on first contact only),
 * the catalog snapshot (reused while the catalog version stands), the language
 * and templates. The engine, the assistant's steps and the follow-up each read
 * their slice of it (EngineDeps, AssistantDeps, BookingStepDeps are views of
 * this one object); nothing below builds dependencies of its own.
 */
import type { CatalogSnapshot, Language } from '../catalog/types';
import type { DbCatalog } from '../catalog/queries';
import type { AssistantDeps } from '../assistant/respond';
import type { Configuration } from '../config/schema';
import type { ConversationState } from '../conversation/state';
import { templater, withArabicGender, type Render, type TemplateOverrides } from '../conversation/templates';
import type { Services } from '../runtime/services';
import { readTurnRow, writeConversationRow, type ConversationRow, type TurnRow } from '../store/sql';
import type { HandlerContext } from './context';

export interface TurnContext extends AssistantDeps {
  config: Configuration;
  services: Services;
  businessId: string;
  now: () => Date;
  catalog: DbCatalog;
  /** The number the channel asserts (handlers/message.ts channelPhone), E.164, or null. */
  phone: string | null;
  /** The name the channel gives the customer, if storable. */
  profileName: string | null;
  /** Our Conversation row: its id, handoff flag, customer and last activity. */
  row: ConversationRow;
  /** What the turn's one read found besides the row: a reminder waiting for its answer, the catalog's version. */
  read: Pick<TurnRow, 'reminderOpen' | 'catalogVersion' | 'catalogStale'>;
  /** The state the last turn left (Botpress state), and the language it was in (else the business's first). */
  prev: ConversationState | null;
  language: Language;
  /** The owner's template overrides with the Arabic gender applied. */
  templates: TemplateOverrides | undefined;
  /** The catalog snapshot for the version the turn read: no statement while that version stands. */
  snapshot: CatalogSnapshot;
  /** A renderer in `lang` (default: the turn's language). */
  t(lang?: Language): Render;
}

/** Per configuration: the templates with the Arabic gender applied (the configuration object is cached by its text). */
const templatesOf = new WeakMap<Configuration, TemplateOverrides | undefined>();
function configuredTemplates(config: Configuration): TemplateOverrides | undefined {
  if (!templatesOf.has(config)) templatesOf.set(config, withArabicGender(config.templates, config.replies.arabicGender));
  return templatesOf.get(config);
}

export interface OpenTurn {
  conversationExternalId: string;
  phone: string | null;
  profileName: string | null;
  prev: ConversationState | null;
  now: () => Date;
}

/**
 * The turn's context: one statement reads the row and the catalog's version (one more on first contact
 * writes the row); the snapshot and the extractor come from memory while that version stands.
 */
export async function openTurn(handler: HandlerContext, q: OpenTurn): Promise<TurnContext> {
  const { config, services } = handler;
  const { businessId } = services;
  const read = await readTurnRow(services.sql, { businessId, conversationExternalId: q.conversationExternalId, now: q.now() });
  let row = read.conversation;
  if (!row || (q.phone && row.customerPhone !== q.phone)) {
    // an existing row keeps its last activity; only its customer is written
    row = { ...row, ...(await writeConversationRow(services.sql, { businessId, conversationExternalId: q.conversationExternalId, phone: q.phone, name: q.profileName })) };
  }
  const templates = configuredTemplates(config);
  const language = q.prev?.language ?? config.business.languages[0]!;
  const catalog = services.catalog;
  // no statement while the memo holds the version just read; a stale catalog is refreshed first
  const snapshot = await catalog.snapshotAt(read);
  return {
    config,
    services,
    businessId,
    now: q.now,
    catalog,
    phone: q.phone,
    profileName: q.profileName,
    row,
    read,
    prev: q.prev,
    language,
    templates,
    snapshot,
    t: (lang = language) => templater(lang, templates),
    // the engine's, the assistant's and the booking step's slices
    bookings: services.booking,
    booking: services.booking,
    // built once per snapshot, i.e. per catalog version (runtime/services.ts)
    extract: services.extractor(snapshot),
    llm: services.llm(row.id),
    requiredFields: { email: config.booking.requireEmail },
    businessLanguages: config.business.languages,
    handoffEnabled: config.handoff.enabled,
  };
}
