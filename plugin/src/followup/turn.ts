/**
 * Follow-up around one customer turn. Before it: the state the turn starts
 * from — the offered choice when the customer takes it; a fresh start when the
 * half-made booking expired (the old choice is then offered); for a returning
 * customer's first message, a state in the language they last wrote in. After
 * it: the welcome back by name, and the one offered choice appended to the
 * reply and kept for the next turn.
 */
import type { CatalogSnapshot, Language } from '../catalog/types';
import { newConversationState, restartState, type ConversationState } from '../conversation/state';
import { chosenItems } from '../conversation/summary';
import { templater, type Render, type TemplateOverrides } from '../conversation/templates';
import type { Db } from '../store/database';
import { SLACK_MS } from './nudge';
import { chosenState, resumable, takesOffer, type Offer } from './offer';
import { returningCustomer, type Returning } from './returning';

export interface FollowUpConfig {
  returningCustomers: boolean;
  expireAfterHours: number;
}

export interface Before {
  /** The state the engine starts from. */
  start: ConversationState | null;
  /** The customer took the offered choice: the engine reads nothing more from the message. */
  took: boolean;
  welcome: Returning | null;
  /** The expired half-made booking, offered again after the reply. */
  expiredChoice: ConversationState | null;
}

export async function beforeTurn(
  prisma: Db,
    /** `activity`: the chat's last customer turn, read with the turn's row (store/sql.ts readTurnRow). */
  q: { businessId: string; phone: string | null; profileName: string | null; text: string; now: Date; prev: ConversationState | null; offer: Offer | null; activity: { at: Date | null; inProgress: boolean }; defaultLanguage: Language },
  config: FollowUpConfig,
): Promise<Before> {
  const none: Before = { start: q.prev, took: false, welcome: null, expiredChoice: null };
  if (q.offer && takesOffer(q.offer, q.text)) return { ...none, start: q.offer.state, took: true };
  const expireMs = config.expireAfterHours * 3_600_000;
  const activity = q.activity;
  const away = !activity.at || q.now.getTime() - activity.at.getTime() >= expireMs - SLACK_MS;
  if (q.prev && activity.inProgress && away) {
    const fresh = restartState(q.prev);
    fresh.turns = 0; // greeted again, as a new chat
    return { ...none, start: fresh, expiredChoice: resumable(q.prev) };
  }
  // a customer this business knows, back after a while (or in a new chat): welcomed by name, in their last language
  if ((!q.prev || (away && !activity.inProgress)) && q.phone && config.returningCustomers) {
    const welcome = await returningCustomer(prisma, { businessId: q.businessId, phone: q.phone });
    if (welcome) {
      const start = newConversationState({ language: welcome.language ?? q.defaultLanguage, channelPhone: q.phone, profileName: q.profileName ?? welcome.name });
      if (q.prev) start.slots.name = q.prev.slots.name;
      return { ...none, start, welcome };
    }
  }
  return none;
}

export function afterTurn(
  before: Before,
  result: { state: ConversationState | null; replies: string[]; asked: string | null },
  ctx: { snapshot: CatalogSnapshot; templates?: TemplateOverrides; phone: string | null },
): { replies: string[]; offer: Offer | null } {
  const state = result.state;
  if (!state || !result.replies.length) return { replies: result.replies, offer: null };
  const lang = state.language;
  const t = templater(lang, ctx.templates);
  const replies = [...result.replies];
  const business = lang === 'ar' && ctx.snapshot.business.nameAr ? ctx.snapshot.business.nameAr : ctx.snapshot.business.name;
  let offer: Offer | null = null;
  if (before.welcome) {
    const hello = t('greeting', { business });
    replies[0] = replies[0]!.replace(hello, t('greeting_returning', { business, name: before.welcome.name }));
    const last = before.welcome.last;
    const nothingChosen = !state.slots.location && !state.slots.services.length;
    if (last && nothingChosen && (result.asked === 'location' || result.asked === 'services')) {
      offer = { kind: 'same', state: chosenState(state, { location: last.location.id, services: last.items.map((i) => ({ serviceId: i.serviceId, staffId: i.staffId })) }, { language: lang, channelPhone: ctx.phone, profileName: state.profileName }) };
      replies.push(t('same_as_last', { choice: choiceLabel(last, lang, t) }));
    }
  }
  if (before.expiredChoice) {
    const summary = chosenItems(before.expiredChoice, ctx.snapshot, lang, t);
    if (summary) {
      const resume = structuredClone(before.expiredChoice);
      resume.language = lang;
      offer = { kind: 'resume', state: resume };
      replies.push(t('resume_offer', { summary }));
    }
  }
  return { replies, offer };
}

function choiceLabel(view: NonNullable<Returning['last']>, lang: Language, t: Render): string {
  const services = view.items.map((i) => t('item_with_staff', { service: lang === 'ar' && i.serviceNameAr ? i.serviceNameAr : i.serviceName, staff: lang === 'ar' && i.staffNameAr ? i.staffNameAr : i.staffName })).join(' + ');
  return t('choice_label', { services, location: lang === 'ar' && view.location.nameAr ? view.location.nameAr : view.location.name });
}
