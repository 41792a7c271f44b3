/**
 * The product on one machine: the bot with the Bookwell plugin on the local
 * host, behind the inbound pipeline and the outbox, on a database the caller
 * opened (embedded or server). `bookwell dev`, `bookwell whatsapp` and the
 * harness all start here, so they run the same code path as Botpress Cloud.
 */
import type { ChannelSender } from '../channels/types';
import { parseConfiguration } from '../config/parse';
import type { ConfigurationInput } from '../config/schema';
import { registerClock } from '../runtime/clock';
import { resetServices, servicesFor } from '../runtime/services';
import type { Database } from '../store/database';
import { registerDatabase } from '../store/registry';
import { sqlOf } from '../store/sql';
import { createDatabaseHostStore } from './api/database-store';
import { startHost, type Host } from './host';
import { createLocalBot, type BookwellPlugin } from './local-bot';
import { createPipeline, type Pipeline } from './pipeline';
import { createOutbox, type Outbox } from './pipeline/outbox';
import { createPrismaPipelineStore } from './pipeline/prisma-store';
import type { PipelineStore } from './pipeline/store';

export interface LocalOptions {
  db: Database;
  /** Plugin configuration; `databaseUrl` is set to `db` here. */
  configuration: ConfigurationInput;
  senders: Record<string, ChannelSender>;
  now?: () => Date;
  burstWindowMs?: number;
  /** Chats the pipeline handles at once (default 32). */
  concurrency?: number;
  /** Default: the database's (prisma-store.ts); a test may wrap it. */
  pipelineStore?: PipelineStore;
  /** The plugin to run: from the sources unless given (a bundle, see bundle.ts). */
  plugin?: BookwellPlugin;
}

export interface Local {
  host: Host;
  pipeline: Pipeline;
  pipelineStore: PipelineStore;
  /** Where every reply goes out, the bot's and the owner's (owner console) alike. */
  outbox: Outbox;
  configuration: ConfigurationInput;
  /**
   * Sends the replies and handles the messages an earlier process left unfinished. Call it once the
   * channels can send (for WhatsApp: once the bridge is ready), not before, or the replies fail.
   */
  resume(): Promise<void>;
  /** What is due on the clock now, as Botpress Cloud's recurring events run it: the reminders. Delivered when it resolves. */
  tick(): Promise<void>;
  close(): Promise<void>;
  /**
   * Stops as a killed process would, finishing nothing (turns in flight stay where they are); for
   * tests of crash recovery in one process (the harness's `crash:`). A new startLocal on the same
   * database then recovers what was left.
   */
  crash(): Promise<void>;
}

export async function startLocal(opts: LocalOptions): Promise<Local> {
  registerDatabase(opts.db);
  const configuration: ConfigurationInput = { ...opts.configuration, databaseUrl: opts.db.url };
  const config = parseConfiguration(configuration);
  const now = opts.now ?? (() => new Date());
  const businessId = config.business.id;
  const unregisterClock = registerClock(businessId, now);
  const pipelineStore = opts.pipelineStore ?? createPrismaPipelineStore({ prisma: opts.db.prisma, sql: sqlOf(opts.db), businessId });

  // bookings left pending by a crash between the provider's answer and our write; not those another
  // process on the same database is confirming right now (its deadline has not run out twice)
  await (await servicesFor(config, { now })).booking.reconcile({ olderThanMs: 2 * config.booking.deadlineMs });

  const outbox = createOutbox({ store: pipelineStore, senders: opts.senders, now });
  const botId = `bookwell-${businessId}`;
  // Botpress's records in our database: a restart, or another process on it, finds the same conversations
  const hostStore = createDatabaseHostStore({ prisma: opts.db.prisma, sql: sqlOf(opts.db), businessId, botId, now });
  const host: Host = await startHost({
    bot: createLocalBot(configuration, opts.plugin),
    botId,
    store: hostStore,
    // the reply's Botpress message id: a reply sent again by a repeated turn goes out once
    deliver: (reply) => outbox.deliver({ integration: reply.integration, chatId: reply.chatId, text: reply.text, key: reply.messageId }),
  });
  const pipeline = createPipeline({ store: pipelineStore, handle: host.handleIncoming, senders: opts.senders, burstWindowMs: opts.burstWindowMs, concurrency: opts.concurrency, now });
  return {
    host,
    pipeline,
    pipelineStore,
    outbox,
    configuration,
    async resume() {
      await outbox.resume();
      await pipeline.resume();
    },
    tick: () => host.tick('bookwell#reminderTick'),
    async close() {
      await pipeline.idle();
      await host.close();
      unregisterClock();
      resetServices();
    },
    async crash() {
      await host.close({ drain: false });
      unregisterClock();
      resetServices();
    },
  };
}
