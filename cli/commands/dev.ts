/**
 * `bookwell dev` (= `npm start`): the product on its embedded defaults.
 * Embedded database, built-in simulator, a full sync when the catalog is
 * missing or stale (a fresh one is left to the schedule), then the bot with
 * the Bookwell plugin on the local host, chatting in the terminal. Without a
 * TTY it reads one customer message per stdin line and prints `bot: <text>`.
 * The owner console (admin page) is served on 127.0.0.1:4400; `--config`
 * reads a plugin configuration file, where the console saves edited messages.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { toE164 } from '../../plugin/src/channels/phone';
import { loadPluginBundle } from '../../plugin/src/host/bundle';
import type { AdminServer } from '../../plugin/src/admin';
import { addAdminOptions, localConsole, openAdminPage, type AdminCliOptions } from '../admin';
import { addConfigOption, type ConfigFileOption } from '../config-file';
import { loggerFor } from '../../plugin/src/runtime/log';
import { openRuntime, readEnv } from '../runtime';

/** The bot's modules, loaded (tsx transforms them on its own thread) while the database starts. */
const botModules = () =>
  Promise.all([import('../../plugin/src/host/local'), import('../../plugin/src/host/terminal'), import('../../plugin/src/host/inspect'), import('../schedule'), import('../startup')]);

function parsePhone(value: string): string {
  const phone = /^\+\d{7,15}$/.test(value) ? toE164(value) : null;
  if (!phone) throw new InvalidArgumentError('an international number in E.164 form, e.g. +96599887766');
  return phone;
}

export function register(program: Command) {
  const dev = program
    .command('dev')
    .description('chat with the booking bot locally: embedded database, provider simulator, catalog sync, terminal chat, admin page')
    .option('--debug', 'print the conversation state and filled slots after each turn')
    .option('--phone <e164>', "the customer's phone number, as WhatsApp would give it", parsePhone, '+96599887766')
    .option('--no-phone', 'chat as on a channel that gives no number (a web chat): the bot asks for it, and shows nobody\'s bookings')
    .option('--bundle <file>', 'run the plugin from a bundle built by npm run build:plugin (dist/plugin.cjs) instead of the sources')
    .option('--chats', 'without a terminal: each stdin line is "<phone> <text>" from that customer; replies print as "bot <phone>: <text>", each turn ends with "ok"');
  addConfigOption(addAdminOptions(dev))
    .action(async (opts: { debug?: boolean; phone: string | false; bundle?: string; chats?: boolean } & AdminCliOptions & ConfigFileOption) => {
      const plugin = opts.bundle ? loadPluginBundle(opts.bundle) : undefined;
      const loading = botModules();
      const rt = await openRuntime(readEnv(), { configPath: opts.config });
      const [{ startLocal }, { runTerminalChat, terminalSender }, { engineState }, { startSchedule }, { startUpSync }] = await loading;
      // status lines on stderr through the one logger (redacted: a sync error may quote a customer's order)
      const devLog = loggerFor('dev');
      const log = (line: string) => devLog.info(line);
      let stop = async () => rt.close();
      let adminOpening: Promise<AdminServer | null> = Promise.resolve(null);
      try {
        const interactive = !!process.stdin.isTTY && !!process.stdout.isTTY;
        log(`database: ${rt.db.embedded ? `embedded (PGlite, .bookwell/db, ${Math.round((rt.db.memoryBytes?.() ?? 0) / 2 ** 20)} MiB)` : 'Postgres server (DATABASE_URL)'}`);
        log(`provider: ${rt.simulator ? `built-in simulator at ${rt.simulator.url}` : 'Nail It API'}`);
        log(`plugin: ${opts.bundle ? `bundle ${opts.bundle}` : 'sources'}`);
        const { configuration } = rt;
        if (opts.config) log(`configuration: ${opts.config}`);
        const ownerConsole = localConsole(rt, configuration, opts.config);
        // its modules load and it starts while the catalog's freshness is checked (and a sync runs, which it shows running)
        // and the bot starts; it is up before the prompt
        adminOpening = openAdminPage(opts, ownerConsole.ports, log);
        log(await startUpSync(rt));
        const local = await startLocal({
          db: rt.db,
          plugin,
          configuration,
          senders: { terminal: terminalSender(process.stdout, { chats: !!opts.chats && !interactive }) },
          // a script's lines are separate messages; a person typing fast is one turn
          burstWindowMs: interactive ? undefined : 0,
        });
        ownerConsole.attach(local);
        // what a crash left: replies not sent, then messages not handled (each against the state it was sent in);
        // done before new input is read, so the chat goes on in order
        await local.resume();
        await local.pipeline.idle();
        const scheduler = startSchedule(rt, log, local);
        stop = async () => {
          scheduler.stop();
          await local.close();
          await rt.close();
        };
        await adminOpening;
        log(interactive ? `${rt.business.name}: say hi (Ctrl-D to quit)` : `${rt.business.name}: ready, one message per line`);
        await runTerminalChat({
          sink: local.pipeline.sink,
          idle: local.pipeline.idle,
          userPhone: opts.phone || null,
          // the chat is the customer's number, as on WhatsApp: each number keeps its own conversation across runs
          chatId: opts.phone || undefined,
          chats: !!opts.chats && !interactive,
          afterTurn: opts.debug
            ? async () => {
                const [conversation] = await local.host.store.listConversations({ integration: 'terminal', tags: { 'terminal:chatId': opts.phone || 'terminal' } });
                const state = conversation ? await engineState(local.host.store, conversation.id) : null;
                log(`[debug] ${JSON.stringify({ phase: state?.phase, asked: state?.asked, language: state?.language, slots: state?.slots })}`);
              }
            : undefined,
        });
      } finally {
        await (await adminOpening)?.close();
        await stop();
      }
    });
}
