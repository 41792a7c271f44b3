/**
 * One nudge for a booking left half-made: the chats whose last customer turn
 * left one, between nudgeAfterHours and expireAfterHours ago, get one message
 * with what was chosen so far. The claim is the row's nudgedAt (set only while
 * unset), so of several processes ticking one sends it; the next customer turn
 * clears it. A chat a person has (handoff) gets none.
 */
import { botpressConversationOf } from '../assistant/conversation-row';
import type { ConversationState } from '../conversation/state';
import type { Db } from '../store/database';
import { retry } from '../runtime/retry';
import { halfMade } from './activity';

export const SLACK_MS = 60_000;

export interface NudgeDeps {
  prisma: Db;
  businessId: string;
  now: () => Date;
  nudgeAfterMs: number;
  expireAfterMs: number;
  /** The engine state kept for a Botpress conversation. */
  readState(conversationId: string): Promise<ConversationState | null>;
  /** The nudge's text for that state (null: nothing worth saying). */
  text(state: ConversationState): Promise<string | null>;
  send(conversationId: string, text: string): Promise<void>;
}

export async function runNudges(deps: NudgeDeps): Promise<number> {
  const now = deps.now().getTime();
  const chats = await deps.prisma.conversation.findMany({
    where: {
      businessId: deps.businessId, inProgress: true, nudgedAt: null, handoff: false,
      // within a minute: a turn's time runs on a few milliseconds past its message, and ticks come every minute or five
      lastTurnAt: { lte: new Date(now - deps.nudgeAfterMs + SLACK_MS), gt: new Date(now - deps.expireAfterMs + SLACK_MS) },
    },
    select: { id: true, channel: true, externalId: true },
  });
  let sent = 0;
  for (const row of chats) {
    const chat = { id: row.id, botpressId: botpressConversationOf(row) };
    const { count } = await deps.prisma.conversation.updateMany({ where: { id: chat.id, nudgedAt: null, inProgress: true }, data: { nudgedAt: new Date(now) } });
    if (count === 0) continue;
    const state = await deps.readState(chat.botpressId);
    const text = halfMade(state) ? await deps.text(state!) : null;
    if (!text) continue;
    try {
      await retry(() => deps.send(chat.botpressId, text), { retries: 3, initialMs: 500, maxMs: 4000 });
      sent++;
    } catch (err) {
      await deps.prisma.eventLog
        .create({ data: { businessId: deps.businessId, at: new Date(now), level: 'error', kind: 'nudge_failed', message: `nudge not sent: ${err instanceof Error ? err.message : String(err)}`, data: { conversationId: chat.id } } })
        .catch(() => undefined);
    }
  }
  return sent;
}
