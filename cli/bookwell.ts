/**
 * `bookwell` command line: wiring only. Each command lives in cli/commands/
 * and exports `register(program)`; only the one named on the command line is
 * loaded (all of them for the help).
 */
import { Command } from 'commander';
import { loggerFor, rootLog } from '../plugin/src/runtime/log';
import { commands } from './commands';

try {
  // the logger's settings (BOOKWELL_LOG_LEVEL, BOOKWELL_LOG_FORMAT) are checked before anything runs
  rootLog();
} catch (err) {
  process.stderr.write(`bookwell: ${(err as Error).message}\n`);
  process.exit(1);
}

const program = new Command('bookwell').description('Bookwell: WhatsApp booking assistant for Botpress').showHelpAfterError();
const named = commands[process.argv[2] ?? ''];
for (const load of named ? [named] : Object.values(commands)) (await load()).register(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  loggerFor('bookwell').error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
