/**
 * Runs one scenario against a ScenarioTarget: each step, its `bot:`
 * expectations and the invariants, then `expect:` on the world. It stops at
 * the first failing step but reports every failure of that step.
 */
import { checkBot, type ExpectationFailure } from './expectations';
import { checkExpect } from './expect';
import { checkInvariants, type Violation } from './invariants';
import type { Language } from './language';
import type { BotLocs, LoadedScenario, LoadedStep, UserTurnStep } from './load';
import type { SourceLoc } from './positions';
import type { Failure, ScenarioResult, TranscriptTurn } from './result';
import type { BotExpect } from './schema';
import type { ScenarioSession, ScenarioTarget, TargetGiven, TurnObservation } from './target';

export interface ExecuteOptions {
  /** Tenant id for the target; must be unique among concurrent runs. */
  scenarioId?: string;
  /** A target call that takes longer fails the step (default 30 s). */
  stepTimeoutMs?: number;
}

interface CustomerRun {
  phone: string;
  previous: TurnObservation | null;
  lastAsked: string;
  lastMessage: { externalId: string; text: string } | null;
  language: Language;
  questions: number;
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
  let clock = Date.parse(s.given.now);
  let messages = 0;
  const call = <T>(what: string, p: Promise<T>) => withTimeout(p, timeout, what);

  /** Invariants (and, unless the caller matches them itself, `bot:`) for one observed delivery. */
  const turn = (step: { at: SourceLoc; customer: string; bot?: BotExpect; botAt?: BotLocs }, kind: TranscriptTurn['kind'], text: string, o: TurnObservation, checkExpectations = true): TranscriptTurn => {
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
  };

  const send = async (session: ScenarioSession, customer: string, text: string, sentAt = clock): Promise<TurnObservation> => {
    const externalId = `${scenarioId}-m${++messages}`;
    customers[customer].lastMessage = { externalId, text };
    return call('send', session.send(customers[customer].phone, text, { externalId, sentAt: new Date(sentAt).toISOString() }));
  };

  const runStep = async (session: ScenarioSession, step: LoadedStep): Promise<TranscriptTurn[]> => {
    switch (step.kind) {
      case 'user':
        return [turn(step, 'user', step.text, await send(session, step.customer, step.text))];
      case 'duplicate': {
        const last = customers[step.customer].lastMessage;
        if (!last) throw new StepError('duplicate: this customer has sent nothing yet');
        const o = await call('deliverAgain', session.deliverAgain(customers[step.customer].phone, last.externalId));
        return [turn(step, 'duplicate', `(again) ${last.text}`, o)];
      }
      case 'outOfOrder': {
        // Written first → earlier timestamp, but delivered last.
        const sent = step.texts.map((text, i) => ({ text, sentAt: clock - (step.texts.length - i) * 1000 }));
        const turns: TranscriptTurn[] = [];
        for (const m of [...sent].reverse()) turns.push(turn(step, 'outOfOrder', m.text, await send(session, step.customer, m.text, m.sentAt), false));
        const merged = mergeObservations(turns.map((t) => t.observation!));
        turns[turns.length - 1].failures.push(...checkBot(step.bot, merged, step.botAt, step.at).map(expectationFailure));
        return turns;
      }
      case 'restart':
        await call('restart', session.restart());
        return [{ at: step.at, customer: s.mainCustomer, kind: 'restart', text: '(restart the host)', failures: [], relaxed: [] }];
      case 'advanceClock':
        await call('advanceClock', session.advanceClock(step.ms));
        clock += step.ms;
        return [{ at: step.at, customer: s.mainCustomer, kind: 'advanceClock', text: `(clock +${step.text})`, failures: [], relaxed: [] }];
      case 'simultaneous': {
        const observed = await Promise.all(step.parts.map((p) => send(session, p.customer, p.text)));
        const turns = step.parts.map((p, i) => turn(p, 'simultaneous', p.text, observed[i], !step.anyOrder));
        if (step.anyOrder) matchAnyOrder(step.parts, observed).forEach((f, i) => turns[i].failures.push(...f));
        return turns;
      }
    }
  };

  let session: ScenarioSession | null = null;
  try {
    session = await call('open', target.open(targetGiven(s), { scenarioId }));
    for (const step of s.chat) {
      let turns: TranscriptTurn[];
      try {
        turns = await runStep(session, step);
      } catch (err) {
        turns = [{ at: step.at, customer: 'customer' in step ? step.customer : s.mainCustomer, kind: step.kind, text: stepText(step), failures: [errorFailure(err, step.at)], relaxed: [] }];
      }
      transcript.push(...turns);
      if (turns.some((t) => t.failures.length)) break;
    }
    if (!transcript.some((t) => t.failures.length) && s.expect) {
      const world = await call('observe', session.observe());
      const questions = Object.fromEntries(Object.entries(customers).map(([k, c]) => [k, c.questions]));
      endFailures.push(...checkExpect(s, world, questions).map((f) => ({ ...expectationFailure(f), kind: 'expect' as const })));
    }
  } catch (err) {
    endFailures.push(errorFailure(err, s.at));
  } finally {
    await session?.close().catch((err: unknown) => endFailures.push(errorFailure(err, s.at)));
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
  };
}

export function targetGiven(s: LoadedScenario): TargetGiven {
  const { customer: _main, ...rest } = s.given;
  const keys = [s.mainCustomer, ...Object.keys(s.customers).filter((k) => k !== s.mainCustomer)];
  return { ...rest, customers: keys.map((key) => ({ key, ...s.customers[key] })) };
}

/** Tries every assignment of `bot:` expectations to the racing customers; reports the in-order failures if none fits. */
function matchAnyOrder(parts: UserTurnStep[], observed: TurnObservation[]): Failure[][] {
  const check = (order: number[]) => order.map((p, i) => checkBot(parts[p].bot, observed[i], parts[p].botAt, parts[p].at).map(expectationFailure));
  for (const order of permutations(parts.map((_, i) => i))) {
    const failures = check(order);
    if (failures.every((f) => f.length === 0)) return failures;
  }
  return check(parts.map((_, i) => i));
}

function permutations(xs: number[]): number[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

function mergeObservations(os: TurnObservation[]): TurnObservation {
  const last = os[os.length - 1];
  return {
    ...last,
    replies: os.flatMap((o) => o.replies),
    handoff: os.some((o) => o.handoff),
    paymentLink: os.find((o) => o.paymentLink)?.paymentLink ?? null,
    liveCatalogCalls: os.reduce((n, o) => n + o.liveCatalogCalls, 0),
    ordersCreated: os.reduce((n, o) => n + o.ordersCreated, 0),
    confirmedByYes: os.some((o) => o.confirmedByYes),
  };
}

class StepError extends Error {}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepError(`target.${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([p, expired]).finally(() => clearTimeout(timer));
}

function stepText(step: LoadedStep): string {
  switch (step.kind) {
    case 'user':
      return step.text;
    case 'outOfOrder':
      return step.texts.join(' / ');
    case 'advanceClock':
      return `(clock +${step.text})`;
    case 'simultaneous':
      return step.parts.map((p) => `${p.customer}: ${p.text}`).join(' | ');
    default:
      return `(${step.kind})`;
  }
}

function invariantFailure(v: Violation, at: SourceLoc): Failure {
  return { kind: 'invariant', name: v.invariant, message: v.message, at };
}

function expectationFailure(f: ExpectationFailure): Failure {
  return { kind: 'expectation', ...f };
}

function errorFailure(err: unknown, at: SourceLoc): Failure {
  const message = err instanceof StepError ? err.message : `target error: ${err instanceof Error ? err.message : String(err)}`;
  return { kind: 'error', name: 'error', message, at };
}
