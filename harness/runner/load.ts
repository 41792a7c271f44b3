/**
 * Loads *.scenario.yaml files: YAML with source positions, zod validation,
 * includes expanded (relative to the including file, cycles refused). A bad
 * document becomes a LoadError `file:line:col: what was expected there`; the
 * other documents and files still load.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { explainIssues } from './explain';
import { createLocator, displayFile, formatLoc, type Locate, type SourceLoc, type YamlPath } from './positions';
import { parseDuration } from './duration';
import { checkReferences } from './references';
import { partialSchema, scenarioSchema, type BotExpect, type CustomerSpec, type Expect, type Given, type CrashKind, type InvariantName, type Step, type UserStep } from './schema';

export type BotLocs = Partial<Record<keyof BotExpect | 'bot', SourceLoc>>;

interface Located {
  at: SourceLoc;
}
export interface UserTurnStep extends Located {
  kind: 'user';
  customer: string;
  text: string;
  crash?: CrashKind;
  bot?: BotExpect;
  botAt: BotLocs;
}
export type LoadedStep =
  | UserTurnStep
  | (Located & { kind: 'duplicate'; customer: string; bot?: BotExpect; botAt: BotLocs })
  | (Located & { kind: 'outOfOrder'; customer: string; texts: string[]; bot?: BotExpect; botAt: BotLocs })
  | (Located & { kind: 'restart' })
  | (Located & { kind: 'advanceClock'; ms: number; text: string })
  | (Located & { kind: 'simultaneous'; parts: UserTurnStep[]; anyOrder: boolean })
  | (Located & { kind: 'bot'; customer: string; bot: BotExpect; botAt: BotLocs });

export interface LoadedScenario {
  /** `file#name`, stable across runs. */
  id: string;
  name: string;
  file: string;
  at: SourceLoc;
  tags: string[];
  given: Given;
  /** Every customer by key; `mainCustomer` is the one steps default to. */
  customers: Record<string, CustomerSpec>;
  mainCustomer: string;
  chat: LoadedStep[];
  expect?: Expect;
  /** Locations of `expect` entries: "bookings", "bookings[0]", "providerOrders", ... */
  expectAt: Record<string, SourceLoc>;
  relax: InvariantName[];
}

export interface LoadError {
  file: string;
  at: SourceLoc;
  message: string;
}

export interface LoadedFile {
  file: string;
  scenarios: LoadedScenario[];
  errors: LoadError[];
}

export const MAIN_CUSTOMER = 'main';

type ReadFile = (path: string) => string;
const readUtf8: ReadFile = (p) => readFileSync(p, 'utf8');

interface ParsedDoc {
  doc: Document;
  locate: Locate;
}

function parseDocs(file: string, source: string): { docs: ParsedDoc[]; errors: LoadError[] } {
  const lines = new LineCounter();
  const docs = parseAllDocuments(source, { lineCounter: lines, prettyErrors: false });
  if (!Array.isArray(docs)) return { docs: [], errors: [] };
  const errors: LoadError[] = [];
  for (const d of docs)
    for (const e of d.errors) {
      const { line, col } = lines.linePos(e.pos[0]);
      errors.push(error({ file, line, col }, `YAML syntax: ${e.message.split('\n')[0]}`));
    }
  return { docs: docs.map((doc) => ({ doc, locate: createLocator(file, doc, lines) })), errors };
}

function error(at: SourceLoc, message: string): LoadError {
  return { file: at.file, at, message: `${formatLoc(at)}: ${message}` };
}

export function loadScenarioFile(file: string, source?: string, read: ReadFile = readUtf8): LoadedFile {
  file = resolve(file);
  let text: string;
  try {
    text = source ?? read(file);
  } catch (err) {
    return { file, scenarios: [], errors: [error({ file, line: 1, col: 1 }, `cannot read: ${(err as Error).message}`)] };
  }
  const { docs, errors } = parseDocs(file, text);
  if (errors.length) return { file, scenarios: [], errors };
  const scenarios: LoadedScenario[] = [];
  for (const { doc, locate } of docs) {
    // an empty document (nothing, or only `---` and comments)
    if (doc.contents === null || doc.toJS() === null) continue;
    const loaded = loadDocument(file, doc, locate, read);
    if ('errors' in loaded) errors.push(...loaded.errors);
    else if (scenarios.some((s) => s.name === loaded.name)) errors.push(error(loaded.at, `scenario "${loaded.name}" appears twice in this file; names must be unique`));
    else scenarios.push(loaded);
  }
  // an empty or comment-only file would otherwise pass as "0 passed"
  if (!scenarios.length && !errors.length) errors.push(error({ file, line: 1, col: 1 }, 'no scenario in this file (it is empty or only comments): write one, or delete the file'));
  return { file, scenarios, errors };
}

function loadDocument(file: string, doc: Document, locate: Locate, read: ReadFile): LoadedScenario | { errors: LoadError[] } {
  const input = doc.toJS();
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) return { errors: explainIssues(parsed.error.issues, input).map((e) => error(locate(e.path, { value: !e.atKey }), e.message)) };
  const s = parsed.data;
  const customers: Record<string, CustomerSpec> = { ...(s.given.customer ? { [MAIN_CUSTOMER]: s.given.customer } : {}), ...s.customers };
  const mainCustomer = s.given.customer ? MAIN_CUSTOMER : Object.keys(customers)[0];
  const errors: LoadError[] = checkReferences(s, customers).map((e) => error(locate(e.path, { value: !e.atKey }), e.message));
  const ctx: ExpandCtx = { read, errors, customers, mainCustomer, stack: [file] };
  const chat = expand(s.chat, ['chat'], file, locate, ctx);
  if (errors.length) return { errors };
  const expectAt: Record<string, SourceLoc> = {};
  for (const key of Object.keys(s.expect ?? {})) expectAt[key] = locate(['expect', key]);
  (s.expect?.bookings ?? []).forEach((_, i) => (expectAt[`bookings[${i}]`] = locate(['expect', 'bookings', i])));
  const at = locate(['scenario']);
  return { id: `${file}#${s.scenario}`, name: s.scenario, file, at, tags: s.tags, given: s.given, customers, mainCustomer, chat, expect: s.expect, expectAt, relax: s.relax };
}

interface ExpandCtx {
  read: ReadFile;
  errors: LoadError[];
  customers: Record<string, CustomerSpec>;
  mainCustomer: string;
  /** Files being expanded, outermost first (cycle detection). */
  stack: string[];
}

function expand(steps: Step[], base: YamlPath, file: string, locate: Locate, ctx: ExpandCtx): LoadedStep[] {
  return steps.flatMap((step, i): LoadedStep[] => {
    const path = [...base, i];
    const at = locate(path);
    if ('include' in step) return include(resolve(dirname(file), step.include), at, ctx);
    if ('restart' in step) return [{ kind: 'restart', at }];
    if ('advanceClock' in step) return [{ kind: 'advanceClock', at, ms: parseDuration(step.advanceClock), text: step.advanceClock }];
    if ('simultaneous' in step) {
      const parts = step.simultaneous.map((p, j) => userStep(p, [...path, 'simultaneous', j], locate, ctx));
      const customers = parts.map((p) => p.customer);
      if (new Set(customers).size !== customers.length) ctx.errors.push(error(at, 'simultaneous: each message must come from a different customer'));
      return [{ kind: 'simultaneous', at, parts, anyOrder: step.anyOrder }];
    }
    if ('user' in step) return [userStep(step, path, locate, ctx)];
    const customer = customerOf(step.customer, [...path, 'customer'], locate, ctx);
    const botAt = botLocs(path, locate, step.bot);
    if ('duplicate' in step) return [{ kind: 'duplicate', at, customer, bot: step.bot, botAt }];
    if (!('outOfOrder' in step)) return [{ kind: 'bot', at, customer, bot: step.bot, botAt }];
    return [{ kind: 'outOfOrder', at, customer, texts: step.outOfOrder, bot: step.bot, botAt }];
  });
}

function userStep(step: UserStep, path: YamlPath, locate: Locate, ctx: ExpandCtx): UserTurnStep {
  const customer = customerOf(step.customer, [...path, 'customer'], locate, ctx);
  return { kind: 'user', at: locate(path), customer, text: step.user, ...(step.crash ? { crash: step.crash } : {}), bot: step.bot, botAt: botLocs(path, locate, step.bot) };
}

function botLocs(path: YamlPath, locate: Locate, bot: BotExpect | undefined): BotLocs {
  const locs: BotLocs = { bot: locate([...path, 'bot']) };
  for (const key of Object.keys(bot ?? {}) as Array<keyof BotExpect>) locs[key] = locate([...path, 'bot', key]);
  return locs;
}

function customerOf(key: string | undefined, path: YamlPath, locate: Locate, ctx: ExpandCtx): string {
  if (key === undefined) return ctx.mainCustomer;
  if (!ctx.customers[key]) ctx.errors.push(error(locate(path, { value: true }), `customer: expected one of ${Object.keys(ctx.customers).join(', ')}, got "${key}"`));
  return key;
}

function include(target: string, at: SourceLoc, ctx: ExpandCtx): LoadedStep[] {
  if (ctx.stack.includes(target)) {
    ctx.errors.push(error(at, `include cycle: ${[...ctx.stack.slice(ctx.stack.indexOf(target)), target].map((f) => displayFile(f)).join(' → ')}`));
    return [];
  }
  let text: string;
  try {
    text = ctx.read(target);
  } catch {
    ctx.errors.push(error(at, `include: no such file ${displayFile(target)}`));
    return [];
  }
  const { docs, errors } = parseDocs(target, text);
  ctx.errors.push(...errors);
  const first = docs[0];
  if (errors.length || !first) return [];
  const input = first.doc.toJS();
  const parsed = partialSchema.safeParse(input);
  if (!parsed.success) {
    for (const e of explainIssues(parsed.error.issues, input)) ctx.errors.push(error(first.locate(e.path, { value: !e.atKey }), `${e.message} (a partial chat is a YAML list of steps)`));
    return [];
  }
  return expand(parsed.data, [], target, first.locate, { ...ctx, stack: [...ctx.stack, target] });
}

/** Every *.scenario.yaml under the given files and directories, sorted. */
export function findScenarioFiles(paths: string[]): string[] {
  const out = new Set<string>();
  for (const p of paths) {
    const abs = resolve(p);
    if (statSync(abs, { throwIfNoEntry: false })?.isDirectory()) {
      for (const f of readdirSync(abs, { recursive: true, encoding: 'utf8' })) if (f.endsWith('.scenario.yaml')) out.add(resolve(abs, f));
    } else out.add(abs);
  }
  return [...out].sort();
}
