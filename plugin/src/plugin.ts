/**
 * Builds the Bookwell plugin: wiring only. Every handler parses the
 * configuration, builds its context and hands over to a module in handlers/.
 * A factory, because a plugin instance holds the configuration it was
 * initialised with: the local host runs one instance per bot.
 */
import * as bp from '../.botpress';
import * as actions from './handlers/actions';
import { clockFrom, handlerContext, type PluginEvents } from './handlers/context';
import { handleMessage } from './handlers/message';
import { reminderTick } from './handlers/reminders';
import { clockOf } from './runtime/clock';

/** Actions and scheduled jobs run on the business's clock (see runtime/clock.ts). */
const clock = (configuration: unknown) => clockOf((configuration as { business?: { id?: string } })?.business?.id ?? '');

function rawTags(payload: unknown, of: 'conversation' | 'user'): Record<string, string | undefined> {
  return (payload as Record<string, { tags?: Record<string, string> } | undefined>)[of]?.tags ?? {};
}

export function createPlugin() {
  const plugin = new bp.Plugin({
    actions: {
      syncCatalog: async ({ input, configuration, events }) =>
        actions.syncCatalog(input, await handlerContext(configuration, events as PluginEvents, clock(configuration)), events as PluginEvents, clock(configuration)),
      listServices: async ({ input, configuration, events }) => actions.listServices(input, await handlerContext(configuration, events as PluginEvents, clock(configuration))),
      findAvailability: async ({ input, configuration, events }) =>
        actions.findAvailability(input, await handlerContext(configuration, events as PluginEvents, clock(configuration)), clock(configuration)),
      createBooking: async ({ input, configuration, events }) => actions.createBooking(input, await handlerContext(configuration, events as PluginEvents, clock(configuration))),
      cancelBooking: async ({ input, configuration, events }) => actions.cancelBooking(input, await handlerContext(configuration, events as PluginEvents, clock(configuration))),
      rescheduleBooking: async ({ input, configuration, events }) =>
        actions.rescheduleBooking(input, await handlerContext(configuration, events as PluginEvents, clock(configuration))),
      listBookings: async ({ input, configuration, events }) => actions.listBookings(input, await handlerContext(configuration, events as PluginEvents, clock(configuration))),
      handoff: async ({ input, configuration, events }) => actions.handoff(input, await handlerContext(configuration, events as PluginEvents, clock(configuration))),
      releaseHandoff: async ({ input, configuration, events }) => actions.releaseHandoff(input, await handlerContext(configuration, events as PluginEvents, clock(configuration))),
    },
  });

  plugin.on.message('*', async ({ message, conversation, user, event, client, ctx, configuration, events, states }) => {
    // the message's own time is the turn's clock: frozen in scenarios, real on Botpress Cloud
    const now = clockFrom(new Date(message.createdAt));
    const context = await handlerContext(configuration, events as PluginEvents, now);
    await handleMessage(message as never, context, {
      state: states.conversation.conversation,
      send: async (text) => {
        await client.createMessage({ conversationId: conversation.id, userId: ctx.botId, type: 'text', payload: { text }, tags: {} });
      },
      // the sdk shows a plugin only its own tags; the channel's (phone, profile name) are on the raw event
      conversationTags: rawTags(event.payload, 'conversation'),
      userTags: rawTags(event.payload, 'user'),
      userName: user.name ?? null,
      botId: ctx.botId,
      now,
    });
  });

  plugin.on.event('syncTick', async ({ configuration, events, client, ctx }) => {
    const post = async (conversationId: string, text: string) => {
      await client.createMessage({ conversationId, userId: ctx.botId, type: 'text', payload: { text }, tags: {} });
    };
    await actions.scheduledSync(await handlerContext(configuration, events as PluginEvents, clock(configuration)), events as PluginEvents, clock(configuration), post);
  });

  plugin.on.event('reminderTick', async ({ configuration, events, client, ctx }) => {
    const now = clock(configuration);
    await reminderTick(await handlerContext(configuration, events as PluginEvents, now), {
      now,
      send: async (conversationId, text) => {
        await client.createMessage({ conversationId, userId: ctx.botId, type: 'text', payload: { text }, tags: {} });
      },
      emitDue: async (payload) => {
        await (events as PluginEvents).reminderDue.emit(payload as never);
      },
    });
  });

  return plugin;
}
