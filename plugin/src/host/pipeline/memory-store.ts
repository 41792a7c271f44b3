/** In-memory PipelineStore for tests, the harness and `bookwell dev --memory`. */
import type { InboundChannelMessage } from '../../channels/types';
import type { OutboundDraft, OutboundUpdate, PipelineStore, StoredInbound, StoredOutbound } from './store';

export interface InboundRow extends StoredInbound {
  status: 'received' | 'handled' | 'failed';
  receivedAt: Date;
  handledAt?: Date;
  error?: string;
}

export interface OutboundRow extends StoredOutbound, OutboundUpdate {
  createdAt: Date;
}

export interface MemoryPipelineStore extends PipelineStore {
  /** Snapshots, for tests and debugging. */
  inbound(): InboundRow[];
  outbound(): OutboundRow[];
}

export function createMemoryPipelineStore(): MemoryPipelineStore {
  const inbound = new Map<string, InboundRow>();
  const byExternalId = new Map<string, string>();
  const outbound = new Map<string, OutboundRow>();
  let seq = 0;

  return {
    async saveInbound(message: InboundChannelMessage, receivedAt: Date) {
      const key = `${message.integration}\u0000${message.externalId}`;
      const existing = byExternalId.get(key);
      if (existing) return { stored: inbound.get(existing)!, duplicate: true };
      const row: InboundRow = { id: `in_${++seq}`, message, status: 'received', receivedAt };
      inbound.set(row.id, row);
      byExternalId.set(key, row.id);
      return { stored: row, duplicate: false };
    },
    async markHandled(ids, at) {
      for (const id of ids) Object.assign(inbound.get(id)!, { status: 'handled', handledAt: at });
    },
    async markFailed(ids, error, at) {
      for (const id of ids) Object.assign(inbound.get(id)!, { status: 'failed', handledAt: at, error });
    },
    async listUnhandled() {
      return [...inbound.values()].filter((r) => r.status === 'received');
    },
    async saveOutbound(draft: OutboundDraft, at: Date) {
      const same = draft.key ? [...outbound.values()].find((r) => r.key === draft.key) : undefined;
      if (same) return { id: same.id, status: same.status, created: false };
      const row: OutboundRow = { ...draft, id: `out_${++seq}`, status: 'pending', attempts: 0, createdAt: at };
      outbound.set(row.id, row);
      return { id: row.id, status: row.status, created: true };
    },
    async updateOutbound(id, update) {
      Object.assign(outbound.get(id)!, update);
    },
    async listPendingOutbound() {
      return [...outbound.values()].filter((r) => r.status === 'pending');
    },
    inbound: () => [...inbound.values()].map((r) => ({ ...r })),
    outbound: () => [...outbound.values()].map((r) => ({ ...r })),
  };
}
