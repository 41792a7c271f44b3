/**
 * `bookwell understand`: run the rule extractor over JSON lines on stdin.
 * Wiring only; the loop is plugin/src/understanding/understand-lines.ts.
 */
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { fixtureToSnapshot, loadFixture } from '../../plugin/src/catalog/fixture';
import { createRuleExtractor } from '../../plugin/src/understanding';
import { understandLines } from '../../plugin/src/understanding/understand-lines';

export function register(program: Command): void {
  program
    .command('understand')
    .description('Extract intent, location, services, staff, date, time, name, phone and email from JSON lines {"id","text"} on stdin')
    .requiredOption('--catalog <fixture>', 'fixture name (kuwait-spa, mexico-barber) or path to a .json fixture')
    .option('--now <iso>', 'frozen clock, ISO 8601 with offset (default: the current time)')
    .option('--all', 'also print staffFor (staff per service), language, yesNo and choice')
    .action(async (opts: { catalog: string; now?: string; all?: boolean }) => {
      const now = opts.now ? new Date(opts.now) : new Date();
      if (Number.isNaN(now.getTime())) throw new Error(`--now: not an ISO date-time: ${opts.now}`);
      const extract = createRuleExtractor(fixtureToSnapshot(loadFixture(opts.catalog)));
      const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of understandLines(input, extract, { now, all: opts.all })) process.stdout.write(`${line}\n`);
    });
}
