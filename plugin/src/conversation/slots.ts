/** What "filled" means for each slot. Validation happens on the way in (update.ts). */
import type { ConversationState, SlotName } from './state';

export function isFilled(state: ConversationState, slot: SlotName): boolean {
  const s = state.slots;
  switch (slot) {
    case 'location':
      return s.location !== null;
    case 'services':
      return s.services.length > 0;
    case 'staff':
      return s.services.length > 0 && s.services.every((i) => i.staffId !== null);
    case 'time':
      return s.date !== null && s.time !== null;
    case 'name':
      return s.name !== null;
    case 'phone':
      return s.phone !== null;
    case 'email':
      return s.email !== null;
  }
}

/** Slot values, for comparing before/after a turn. */
export function slotValue(state: ConversationState, slot: SlotName): string {
  const s = state.slots;
  switch (slot) {
    case 'services':
      return s.services.map((i) => i.serviceId).join(',');
    case 'staff':
      return s.services.map((i) => i.staffId ?? '').join(',');
    case 'time':
      // a service's own time is part of the booking's times
      return `${s.date ?? ''}T${s.time ?? ''}${s.services.map((i) => (i.time ? `|${i.serviceId}@${i.time}` : '')).join('')}`;
    default:
      return s[slot] ?? '';
  }
}
