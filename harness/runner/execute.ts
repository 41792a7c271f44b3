/**
 * Runs one scenario against a ScenarioTarget: each step (steps.ts says what
 * each kind does), its `bot:` expectations and the invariants, then `expect:`
 * on the world. It stops at the first failing step but reports every failure
 * of that step.
 */
import { checkBot } from './expectations';
import { checkExpect } from './expect';
import { checkInvariants, type Violation } from './invariants';
import type { Language } from './language';
import type { BotLocs, LoadedScenario } from './load';
import type { SourceLoc } from './positions';
import type { Failure, ScenarioResult, TranscriptTurn } from './result';
import type { BotExpect, CrashKind } from './schema';
import { expectationFailure, STEPS, StepError, type StepDefinition } from './steps';
import type { ScenarioSession, ScenarioTarget, TargetGiven, TurnObservation } from './target';

export interface ExecuteOptions {
  /** Tenant id for the target; must be unique among concurrent runs. */
  scenarioId?: string;
  /** A target call that takes longer fails the step (default 30 s). */
  stepTimeoutMs?: number;
}

export interface CustomerRun {
  phone: string;
  previous: TurnObservation | null;
  lastAsked: string;
  lastMessage: { externalId: string; text: string } | null;
  language: Language;
  questions: number;
}

type Checked = { at: SourceLoc; customer: string; bot?: BotExpect; botAt?: BotLocs };

/** What a step (steps.ts) works with: the session, the customers, and the checks every delivery goes through. */
export interface ScenarioRun {
  scenario: LoadedScenario;
  session: ScenarioSession;
  customers: Record<string, CustomerRun>;
  /** Delivers one message from a customer (by key) and waits for the turn; `writtenMsAgo` dates it earlier (out of order). */
  send(customer: string, text: string, opts?: { writtenMsAgo?: number; crash?: CrashKind }): Promise<TurnObservation>;
  /** Invariants (and, unless the step matches them itself, `bot:`) for one observed delivery. */
  turn(step: Checked, kind: TranscriptTurn['kind'], text: string, o: TurnObservation, checkExpectations?: boolean): TranscriptTurn;
  /** A transcript line for a step that delivers nothing. */
  note(step: { at: SourceLoc }, kind: TranscriptTurn['kind'], text: string): TranscriptTurn;
  /** A target call under the step timeout. */
  call<T>(what: string, p: Promise<T>): Promise<T>;
}

let runCounter = 0;

/** A tenant id unique within this process. */
export function newScenarioId(name: string): string {
  return `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40)}-${++runCounter}`;
}

export async function executeScenario(s: LoadedScenario, target: ScenarioTarget, opts: ExecuteOptions = {}): Promise<ScenarioResult> {
  const started = performance.now();
  const scenarioId = opts.scenarioId ?? newScenarioId(s.name);
  const timeout = opts.stepTimeoutMs ?? 30_000;
  const transcript: TranscriptTurn[] = [];
  const transitions: string[] = [];
  const outcomes: string[] = [];
  const relaxHits = new Map(s.relax.map((r) => [r, 0]));
  const endFailures: Failure[] = [];
  const customers: Record<string, CustomerRun> = Object.fromEntries(
    Object.entries(s.customers).map(([key, c]) => [key, { phone: c.phone, previous: null, lastAsked: 'start', lastMessage: null, language: c.language, questions: 0 }]),
  );
  let messages = 0;
  let session: ScenarioSession | null = null;

  const run: ScenarioRun = {
    scenario: s,
    get session() {
      return session!;
    },
    customers,
    call: (what, p) => withTimeout(p, timeout, what),
    async send(customer, text, sendOpts = {}) {
      const externalId = `${scenarioId}-m${++messages}`;
      customers[customer].lastMessage = { externalId, text };
      return run.call('send', session!.send(customers[customer].phone, text, { externalId, writtenMsAgo: sendOpts.writtenMsAgo ?? 0, ...(sendOpts.crash ? { crash: sendOpts.crash } : {}) }));
    },
    turn(step, kind, text, o, checkExpectations = true) {
      const c = customers[step.customer];
      const violations = checkInvariants({ observation: o, previous: c.previous, language: step.bot?.language ? null : c.language });
      const relaxed = violations.filter((v) => relaxHits.has(v.invariant));
      for (const v of relaxed) relaxHits.set(v.invariant, relaxHits.get(v.invariant)! + 1);
      const failures: Failure[] = violations.filter((v) => !relaxHits.has(v.invariant)).map((v) => invariantFailure(v, step.at));
      if (checkExpectations) failures.push(...checkBot(step.bot, o, step.botAt ?? {}, step.at).map(expectationFailure));
      if (step.bot?.language) c.language = step.bot.language;
      if (o.replies.length) {
        transitions.push(`${c.lastAsked}→${o.asked ?? 'none'}`);
        c.lastAsked = o.asked ?? 'none';
        c.previous = o;
        if (o.asked) c.questions++;
      }
      if (o.outcome) outcomes.push(o.outcome);
      return { at: step.at, customer: step.customer, kind, text, observation: o, failures, relaxed };
    },
    note: (step, kind, text) => ({ at: step.at, customer: s.mainCustomer, kind, text, failures: [], relaxed: [] }),
  };

  const timings: Record<string, number> = {};
  const timed = async <T>(key: string, p: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await p();
    } finally {
      timings[key] = Math.round((performance.now() - t0) * 10) / 10;
    }
  };
  try {
    session = await timed('openMs', () => run.call('open', target.open(targetGiven(s), { scenarioId })));
    for (const step of s.chat) {
      const kind = STEPS[step.kind] as StepDefinition<typeof step.kind>;
      let turns: TranscriptTurn[];
      try {
        turns = await kind.run(step as never, run);
      } catch (err) {
        turns = [{ at: step.at, customer: 'customer' in step ? step.customer : s.mainCustomer, kind: step.kind, text: kind.describe(step as never), failures: [errorFailure(err, step.at)], relaxed: [] }];
      }
      transcript.push(...turns);
      if (turns.some((t) => t.failures.length)) break;
    }
    if (!transcript.some((t) => t.failures.length) && s.expect) {
      const world = await run.call('observe', session.observe());
      const questions = Object.fromEntries(Object.entries(customers).map(([k, c]) => [k, c.questions]));
      endFailures.push(...checkExpect(s, world, questions).map((f) => ({ ...expectationFailure(f), kind: 'expect' as const })));
    }
  } catch (err) {
    endFailures.push(errorFailure(err, s.at));
  } finally {
    if (session) await timed('closeMs', () => session!.close()).catch((err: unknown) => endFailures.push(errorFailure(err, s.at)));
  }

  const failedTurn = transcript.findIndex((t) => t.failures.length);
  const failures = [...transcript.flatMap((t) => t.failures), ...endFailures];
  return {
    id: s.id,
    name: s.name,
    file: s.file,
    at: s.at,
    tags: s.tags,
    status: failures.length ? 'failed' : 'passed',
    failures,
    failedTurn: failedTurn < 0 ? null : failedTurn,
    transcript,
    relax: [...relaxHits].map(([invariant, hits]) => ({ invariant, hits })),
    transitions,
    outcomes,
    durationMs: Math.round(performance.now() - started),
    timings: { ...session?.timings, ...timings },
  };
}

export function targetGiven(s: LoadedScenario): TargetGiven {
  const { customer: _main, llm, ...rest } = s.given;
  const keys = [s.mainCustomer, ...Object.keys(s.customers).filter((k) => k !== s.mainCustomer)];
  return {
    ...rest,
    customers: keys.map((key) => ({ key, ...s.customers[key] })),
    ...(llm ? { llm: { ...llm, recordings: recordingsPath(s.file), scenario: s.name } } : {}),
  };
}

/** `<name>.llm.json` beside `<name>.scenario.yaml`. */
export function recordingsPath(file: string): string {
  return file.replace(/(\.scenario)?\.ya?ml$/, '') + '.llm.json';
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepError(`target.${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([p, expired]).finally(() => clearTimeout(timer));
}

function invariantFailure(v: Violation, at: SourceLoc): Failure {
  return { kind: 'invariant', name: v.invariant, message: v.message, at };
}

function errorFailure(err: unknown, at: SourceLoc): Failure {
  const message = err instanceof StepError ? err.message : `target error: ${err instanceof Error ? err.message : String(err)}`;
  return { kind: 'error', name: 'error', message, at };
}
