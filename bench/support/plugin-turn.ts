/**
 * The plugin's message handler alone, as Botpress Cloud calls it: the
 * configuration parsed and the services looked up per message, the
 * conversation's Botpress state kept in memory (Botpress holds it), replies
 * collected. For bench:turns' "plugin work" figures.
 */
import { handlerContext, type PluginEvents } from '../../plugin/src/handlers/context';
import { handleMessage, type StoredConversation } from '../../plugin/src/handlers/message';

const events = new Proxy({}, { get: () => ({ emit: async () => undefined }) }) as PluginEvents;

export function pluginTurn(configuration: unknown, chat: { conversationId: string; phone: string; now: Date }) {
  let stored: StoredConversation | undefined;
  const state = {
    getOrSet: async (_id: string, payload: StoredConversation) => (stored ??= payload),
    set: async (_id: string, payload: StoredConversation) => void (stored = payload),
  };
  return {
    async say(text: string): Promise<string[]> {
      const replies: string[] = [];
      const now = () => chat.now;
      const ctx = await handlerContext(configuration, events, now);
      await handleMessage({ conversationId: chat.conversationId, type: 'text', payload: { text }, tags: {} }, ctx, {
        state,
        send: async (t) => void replies.push(t),
        conversationTags: { 'bench:userPhone': chat.phone },
        userTags: {},
        userName: null,
        botId: 'bench',
        now,
      });
      return replies;
    },
  };
}
