/** Which slot to ask next: the seed order, skipping what is optional or already known. */
import { SLOT_ORDER, type ConversationState, type SlotName } from './state';
import { isFilled } from './slots';

export interface RequiredFields {
  email: boolean;
}

export const DEFAULT_REQUIRED: RequiredFields = { email: true };

export function isRequired(slot: SlotName, required: RequiredFields): boolean {
  return slot === 'email' ? required.email : true;
}

export function nextMissingSlot(state: ConversationState, required: RequiredFields = DEFAULT_REQUIRED): SlotName | null {
  for (const slot of SLOT_ORDER) {
    if (slot === 'email' && state.noEmail) continue; // "I don't have an email": the chat is the way forward
    if (isRequired(slot, required) && !isFilled(state, slot)) return slot;
  }
  return null;
}
