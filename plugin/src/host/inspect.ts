/** Reads what the plugin keeps in Botpress state, for `--debug` and the harness. */
import type { ConversationState } from '../conversation/state';
import type { HostStore } from './api/store';

/** The plugin's state name as Botpress prefixes it with the plugin's alias. */
export const ENGINE_STATE = 'bookwell#conversation';

export async function engineState(store: HostStore, conversationId: string): Promise<ConversationState | null> {
  const s = await store.getState({ type: 'conversation', id: conversationId, name: ENGINE_STATE });
  return ((s?.payload as { engine?: ConversationState | null } | undefined)?.engine ?? null) as ConversationState | null;
}
