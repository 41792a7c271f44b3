/**
 * `bookwell` command line: wiring only. Each command lives in cli/commands/
 * and exports `register(program)`.
 */
import { Command } from 'commander';
import { commands } from './commands';

const program = new Command('bookwell').description('Bookwell: WhatsApp booking assistant for Botpress').showHelpAfterError();
for (const register of commands) register(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(`bookwell: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
