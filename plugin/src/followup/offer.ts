/**
 * One choice the bot offers beside its question, kept with the conversation
 * (Botpress state, next to the engine's): "same as last time" for a returning
 * customer, or "continue" the booking that expired. Taking it starts the turn
 * from that choice (what was chosen, never its time: a slot is not assumed
 * still free) and the engine asks what is still missing.
 */
import type { Language } from '../catalog/types';
import { newConversationState, restartState, type ConversationState, type ServiceItem } from '../conversation/state';

export interface Offer {
  kind: 'same' | 'resume';
  /** The state the turn starts from when it is taken. */
  state: ConversationState;
}

const fold = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[.!?¡¿,،؟"'\s]+/g, ' ')
    .trim();

const ACCEPT: Record<Offer['kind'], Set<string>> = {
  same: new Set(
    ['same', 'same please', 'the same', 'same as last time', 'yes same', 'same again', 'نفس', 'نفسه', 'نفس الشي', 'نفس المرة', 'نفس المره', 'نفس اللي فات', 'lo mismo', 'igual', 'lo de siempre', 'lo mismo por favor', 'sí lo mismo', 'si lo mismo'].map(fold),
  ),
  resume: new Set(['continue', 'carry on', 'yes continue', 'pick up', 'كمل', 'كملي', 'نكمل', 'أكمل', 'اكمل', 'continuar', 'sí continuar', 'si continuar', 'seguir', 'continúa', 'continua'].map(fold)),
};

export const takesOffer = (offer: Offer, text: string): boolean => ACCEPT[offer.kind].has(fold(text));

/** A state that has chosen `choice` (place, services and staff), nothing else, in `language`. */
export function chosenState(base: ConversationState | null, choice: { location: string; services: ServiceItem[] }, init: { language: Language; channelPhone: string | null; profileName: string | null }): ConversationState {
  const next = base ? restartState(base) : newConversationState(init);
  next.language = init.language;
  next.slots.location = choice.location;
  next.slots.services = choice.services.map((s) => ({ ...s }));
  // counted as a later turn: the greeting was said when the offer was made
  next.turns = Math.max(1, next.turns);
  return next;
}

/** The half-made booking, as it can be picked up again: its time dropped (never assumed still free). */
export function resumable(state: ConversationState): ConversationState {
  const next = structuredClone(state);
  Object.assign(next.slots, { date: null, time: null });
  Object.assign(next, { phase: 'collecting', asked: null, offered: null, failures: {}, wantedTime: null });
  next.turns = Math.max(1, next.turns);
  return next;
}
