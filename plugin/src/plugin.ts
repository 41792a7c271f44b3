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
import { flushOwners, reminderTick } from './handlers/reminders';
import type { HandlerContext } from './handlers/context';
import type { Configuration } from './config/schema';
import type { ConversationState } from './conversation/state';
import { clockOf } from './runtime/clock';

/** Actions and scheduled jobs run on the business's clock (see runtime/clock.ts). */
const clock = (configuration: unknown) => clockOf((configuration as { business?: { id?: string } })?.business?.id ?? '');

function rawTags(payload: unknown, of: 'conversation' | 'user'): Record<string, string | undefined> {
  return (payload as Record<string, { tags?: Record<string, string> } | undefined>)[of]?.tags ?? {};
}

type BotClient = {
  getOrCreateConversation(x: unknown): Promise<{ conversation: { id: string } }>;
  createMessage(x: unknown): Promise<unknown>;
};

/**
 * An owner number's chat on the owners' channel (owners.integration), found or made by its chat id the way
 * the channel's own conversations are tagged (host/incoming.ts), then the text posted in it.
 */
const ownerSender = (client: unknown, botId: string, config: Configuration) => async (number: string, text: string) => {
  const c = client as BotClient;
  const tag = (name: string) => `${config.owners.integration}:${name}`;
  const { conversation } = await c.getOrCreateConversation({
    channel: 'channel', integrationName: config.owners.integration, tags: { [tag('chatId')]: number, [tag('userPhone')]: number }, discriminateByTags: [tag('chatId')],
  });
  await c.createMessage({ conversationId: conversation.id, userId: botId, type: 'text', payload: { text }, tags: {} });
};

/** An action that may book, cancel, move or hand off: what the owners are to be told goes out after it. */
async function withOwners<T>(props: { configuration: unknown; events: unknown; client: unknown; ctx: { botId: string } }, run: (context: HandlerContext) => Promise<T>): Promise<T> {
  const now = clock(props.configuration);
  const context = await handlerContext(props.configuration, props.events as PluginEvents, now);
  const out = await run(context);
  await flushOwners(context, { now, sendOwner: ownerSender(props.client, props.ctx.botId, context.config) });
  return out;
}

export function createPlugin() {
  const plugin = new bp.Plugin({
    actions: {
      syncCatalog: async ({ input, configuration, events }) =>
        actions.syncCatalog(input, await handlerContext(configuration, events as PluginEvents, clock(configuration)), events as PluginEvents, clock(configuration)),
      listServices: async ({ input, configuration, events }) => actions.listServices(input, await handlerContext(configuration, events as PluginEvents, clock(configuration))),
      findAvailability: async ({ input, configuration, events }) =>
        actions.findAvailability(input, await handlerContext(configuration, events as PluginEvents, clock(configuration)), clock(configuration)),
      createBooking: async (props) => withOwners(props, (context) => actions.createBooking(props.input, context)),
      cancelBooking: async (props) => withOwners(props, (context) => actions.cancelBooking(props.input, context)),
      rescheduleBooking: async (props) => withOwners(props, (context) => actions.rescheduleBooking(props.input, context)),
      listBookings: async ({ input, configuration, events }) => actions.listBookings(input, await handlerContext(configuration, events as PluginEvents, clock(configuration))),
      handoff: async (props) => withOwners(props, (context) => actions.handoff(props.input, context)),
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
    await flushOwners(context, { now, sendOwner: ownerSender(client, ctx.botId, context.config) });
  });

  plugin.on.event('syncTick', async ({ configuration, events, client, ctx }) => {
    const post = async (conversationId: string, text: string) => {
      await client.createMessage({ conversationId, userId: ctx.botId, type: 'text', payload: { text }, tags: {} });
    };
    await actions.scheduledSync(await handlerContext(configuration, events as PluginEvents, clock(configuration)), events as PluginEvents, clock(configuration), post);
  });

  plugin.on.event('reminderTick', async ({ configuration, events, client, ctx, states }) => {
    const now = clock(configuration);
    const context = await handlerContext(configuration, events as PluginEvents, now);
    await reminderTick(context, {
      now,
      events: events as PluginEvents,
      sendOwner: ownerSender(client, ctx.botId, context.config),
      readState: async (id) => ((await states.conversation.conversation.get(id).catch(() => null))?.engine ?? null) as ConversationState | null,
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
