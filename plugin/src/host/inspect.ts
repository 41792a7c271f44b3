/** Reads what the plugin keeps in Botpress state (for `--debug` and the harness) and which chat a conversation is (for the owner console). */
import type { ConversationState } from '../conversation/state';
import type { HostStore } from './api/store';
import { integrationTag } from './incoming';

/** The plugin's state name as Botpress prefixes it with the plugin's alias. */
export const ENGINE_STATE = 'bookwell#conversation';

export async function engineState(store: HostStore, conversationId: string): Promise<ConversationState | null> {
  const s = await store.getState({ type: 'conversation', id: conversationId, name: ENGINE_STATE });
  return ((s?.payload as { engine?: ConversationState | null } | undefined)?.engine ?? null) as ConversationState | null;
}

/** The channel chat (integration and chat id) a Botpress conversation of this host stands for; null when unknown here. */
export async function chatOf(store: HostStore, conversationId: string): Promise<{ integration: string; chatId: string } | null> {
  const conversation = await store.getConversation(conversationId);
  const integration = conversation?.integration;
  const chatId = integration ? conversation.tags[integrationTag(integration, 'chatId')] : undefined;
  return integration && chatId ? { integration, chatId } : null;
}
