/**
 * The clock of each business's handlers. Message handlers take the message's
 * own time; actions and scheduled jobs have none, so they read this. It is the
 * wall clock unless a host registers another (the local host does, with the
 * frozen clock of a scenario or a test). Kept on globalThis, so a bundled copy
 * of the plugin loaded into the host reads the host's clock too.
 */
import { processShared } from './process-shared';

const clocks = processShared('clocks', () => new Map<string, () => Date>());
const wall = () => new Date();

export function registerClock(businessId: string, now: () => Date): () => void {
  clocks.set(businessId, now);
  return () => {
    if (clocks.get(businessId) === now) clocks.delete(businessId);
  };
}

export const clockOf = (businessId: string): (() => Date) => clocks.get(businessId) ?? wall;
