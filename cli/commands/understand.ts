/**
 * `bookwell understand`: run the rule extractor over JSON lines on stdin, or
 * score it against a labelled corpus (`--eval`). Wiring only; the loops are
 * plugin/src/understanding/understand-lines.ts and eval.ts.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { fixtureToSnapshot, loadFixture } from '../../plugin/src/catalog/fixture';
import { createRuleExtractor } from '../../plugin/src/understanding';
import { evaluate, formatReport } from '../../plugin/src/understanding/eval';
import { understandLines } from '../../plugin/src/understanding/understand-lines';

interface Options {
  catalog?: string;
  now?: string;
  all?: boolean;
  eval?: string[];
  split?: string;
  lang?: string;
  misses?: string;
}

export function register(program: Command): void {
  program
    .command('understand')
    .description('Extract intent, location, services, staff, date, time, name, phone and email from JSON lines {"id","text"} on stdin; or score a labelled corpus with --eval')
    .option('--catalog <fixture>', 'fixture name (kuwait-spa, mexico-barber) or path to a .json fixture (needed without --eval)')
    .option('--now <iso>', 'frozen clock, ISO 8601 with offset (default: the current time)')
    .option('--all', 'also print staffFor, language, yesNo, choice, alsoAsks, serviceEdit, removeServices, partOfDay and same')
    .option('--eval <files...>', 'labelled corpus files (JSON lines, see plugin/src/understanding/corpus/README.md): per-field precision/recall, exact match per language, misses')
    .option('--split <split>', 'with --eval: only lines of this split (tuned or heldout)')
    .option('--lang <lang>', 'with --eval: only lines in this language (en, ar, es)')
    .option('--misses <n>', 'with --eval: print at most n misses (default: all)')
    .action(async (opts: Options) => {
      if (opts.eval) return runEval(opts);
      if (!opts.catalog) throw new Error('--catalog is required (or --eval <file>)');
      const now = opts.now ? new Date(opts.now) : new Date();
      if (Number.isNaN(now.getTime())) throw new Error(`--now: not an ISO date-time: ${opts.now}`);
      const extract = createRuleExtractor(fixtureToSnapshot(loadFixture(opts.catalog)));
      const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of understandLines(input, extract, { now, all: opts.all })) process.stdout.write(`${line}\n`);
    });
}

function runEval(opts: Options): void {
  if (opts.split && opts.split !== 'tuned' && opts.split !== 'heldout') throw new Error(`--split: tuned or heldout, not ${opts.split}`);
  const maxMisses = opts.misses === undefined ? Infinity : Number(opts.misses);
  if (Number.isNaN(maxMisses)) throw new Error(`--misses: not a number: ${opts.misses}`);
  const lines = opts.eval!.flatMap((file) => readFileSync(file, 'utf8').split('\n'));
  const report = evaluate(lines, { split: opts.split as 'tuned' | 'heldout' | undefined, lang: opts.lang });
  process.stdout.write(`${formatReport(report, maxMisses)}\n`);
  if (report.errors.length) process.exitCode = 1;
}
