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
import type { CatalogSnapshot } from '../../plugin/src/catalog/types';
import { createChatModel } from '../../plugin/src/llm/client';
import { sideBySideLine } from '../../plugin/src/llm/side-by-side';
import { createLlmUnderstanding } from '../../plugin/src/llm/understand';
import { llmFromEnv, readEnv } from '../runtime';

interface Options {
  catalog?: string;
  now?: string;
  all?: boolean;
  eval?: string[];
  split?: string;
  lang?: string;
  misses?: string;
  llm?: boolean;
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
    .option('--llm', 'also read each line with the model in BOOKWELL_LLM_BASE_URL / _MODEL / _API_KEY and print both, with the fields where they differ (docs/llm.md)')
    .action(async (opts: Options) => {
      if (opts.eval) return runEval(opts);
      if (!opts.catalog) throw new Error('--catalog is required (or --eval <file>)');
      const now = opts.now ? new Date(opts.now) : new Date();
      if (Number.isNaN(now.getTime())) throw new Error(`--now: not an ISO date-time: ${opts.now}`);
      const snapshot = fixtureToSnapshot(loadFixture(opts.catalog));
      const extract = createRuleExtractor(snapshot);
      const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
      if (opts.llm) return runSideBySide(input, extract, snapshot, now);
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

async function runSideBySide(input: AsyncIterable<string>, extract: ReturnType<typeof createRuleExtractor>, snapshot: CatalogSnapshot, now: Date): Promise<void> {
  const llm = llmFromEnv(readEnv());
  if (!llm?.baseUrl || !llm.model) throw new Error('--llm needs BOOKWELL_LLM_BASE_URL and BOOKWELL_LLM_MODEL (and BOOKWELL_LLM_API_KEY): see docs/llm.md');
  let failure: string | null = null;
  const understanding = createLlmUnderstanding({
    settings: { mode: 'always', model: llm.model, systemPrompt: '', businessFacts: '' },
    model: createChatModel({ baseUrl: llm.baseUrl, model: llm.model, apiKey: llm.apiKey || 'none', timeoutMs: 20_000 }),
    record: (c) => {
      failure = c.ok ? null : `${c.failure}${c.detail ? `: ${c.detail}` : ''}`;
    },
  });
  let n = 0;
  for await (const line of input) {
    const out = await sideBySideLine(line, ++n, extract, understanding, { now, snapshot, lastFailure: () => failure });
    if (out !== null) process.stdout.write(`${out}\n`);
  }
}
