/**
 * When each chat last had a customer turn, on the business clock, and whether
 * that turn left a booking half-made: one statement per turn on the
 * Conversation row. The tick nudges what was left (nudge.ts); the next message
 * after expireAfterHours finds it expired.
 */
import type { ConversationState } from '../conversation/state';
import { writeTurnActivity, type Sql } from '../store/sql';

/** A booking in the making: the booking flow, not yet confirmed, something chosen. */
export const halfMade = (s: ConversationState | null): boolean =>
  !!s && s.flow === 'book' && (s.phase === 'collecting' || s.phase === 'ready_to_confirm') && (s.slots.location !== null || s.slots.services.length > 0 || s.slots.date !== null);

export async function recordTurn(sql: Sql, conversationId: string, now: Date, state: ConversationState | null): Promise<void> {
  await writeTurnActivity(sql, { conversationId, at: now, inProgress: halfMade(state) });
}
