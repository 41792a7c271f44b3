/**
 * What the owner console runs on, passed in by whoever starts it (`bookwell
 * dev`, `bookwell whatsapp`, tests). Only the database and the business are
 * required: the pages read everything else from there. Each optional port
 * switches on the actions that need it, and a page without it says why its
 * buttons are missing rather than failing.
 */
import type { createBookingService } from '../booking';
import type { FreshnessPolicy } from '../catalog/freshness';
import type { SyncDeps } from '../catalog/sync';
import type { BridgeStatus } from '../channels/whatsapp/bridge';
import type { TemplateOverrides } from '../conversation/templates';
import type { Db } from '../store/database';

/** A chat on a channel: where the outbox sends (integration as the pipeline names it, the channel's chat id). */
export interface ChatAddress {
  integration: string;
  chatId: string;
}

export type BookingService = ReturnType<typeof createBookingService>;

export interface MessagesPort {
  /** The owner's template overrides the bot uses now. */
  overrides(): TemplateOverrides;
  /** Where edits are saved (`bookwell dev --config <file>`), applied to the running bot too. Absent: not editable here. */
  file?: { path: string; save(next: TemplateOverrides): Promise<void> };
  /** The bot runs on Botpress Cloud: its messages are edited in the studio, not here. */
  studio?: boolean;
}

/** LLM calls and tokens of one business-local day. */
export interface LlmUsageDay {
  day: string;
  calls: number;
  tokens: number;
}

/** Where the LLM layer keeps its usage; the trends page charts it when given. */
export interface LlmUsageSource {
  perDay(q: { from: Date; to: Date; timezone: string }): Promise<LlmUsageDay[]>;
}

export interface AdminPorts {
  prisma: Db;
  businessId: string;
  now: () => Date;
  /** The running bridge's status; absent or null when this process has no WhatsApp bridge. */
  whatsapp?: () => BridgeStatus | null;
  /** The policy the sync writes with (default: the sync's default). */
  freshness?: FreshnessPolicy;
  /** Rows per list (default 20). */
  limit?: number;
  /** Cancelling, moving bookings and giving chats back to the bot go through it. */
  booking?: BookingService;
  /** Sends a text to a chat through the outbox the bot's replies use (so it is stored, retried and shown like them). */
  send?: (message: ChatAddress & { text: string; author: 'owner' }) => Promise<{ sent: boolean }>;
  /**
   * The channel chat of a conversation row the plugin keyed by its Botpress conversation id
   * (channel 'botpress'): the local host knows it. Rows keyed by the chat itself need no lookup.
   */
  botpressChat?: (botpressConversationId: string) => Promise<ChatAddress | null>;
  /** The sync "sync now" runs: provider and clock of this process. */
  sync?: () => SyncDeps;
  messages?: MessagesPort;
  llmUsage?: LlmUsageSource;
}
