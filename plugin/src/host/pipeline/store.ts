/**
 * Storage port of the inbound pipeline and the outbox. `saveInbound` is the
 * exactly-once gate: it must be atomic on (integration, externalId), so a
 * message delivered twice, even concurrently, is stored — and handled — once.
 */
import type { InboundChannelMessage } from '../../channels/types';

export interface StoredInbound {
  id: string;
  message: InboundChannelMessage;
}

export interface OutboundDraft {
  integration: string;
  chatId: string;
  text: string;
  /** Absent: the bot. 'owner': a person answering from the owner console. */
  author?: 'owner';
  /** Identity of a reply that may be delivered twice (the bot's Botpress message id): stored and sent once. */
  key?: string;
}

export type OutboundStatus = 'pending' | 'sent' | 'failed';

export interface OutboundUpdate {
  status: OutboundStatus;
  attempts: number;
  lastError?: string;
  sentAt?: Date;
}

export interface StoredOutbound extends OutboundDraft {
  id: string;
}

export interface PipelineStore {
  saveInbound(message: InboundChannelMessage, receivedAt: Date): Promise<{ stored: StoredInbound; duplicate: boolean }>;
  markHandled(ids: string[], at: Date): Promise<void>;
  /** The bot failed on these: not retried on restart (a failing turn would fail again), and recorded. */
  markFailed(ids: string[], error: string, at: Date): Promise<void>;
  /** Stored but neither handled nor failed, in arrival order: what a restart must still handle. */
  listUnhandled(): Promise<StoredInbound[]>;

  /** A new pending row; with a `key` already stored, that row as it is (`created: false`). */
  saveOutbound(draft: OutboundDraft, at: Date): Promise<{ id: string; status: OutboundStatus; created: boolean }>;
  updateOutbound(id: string, update: OutboundUpdate): Promise<void>;
  /** Outbound messages never sent nor given up on (the process stopped mid-delivery). */
  listPendingOutbound(): Promise<StoredOutbound[]>;
}
