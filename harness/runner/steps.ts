/**
 * What each kind of chat step does. To add a kind: its zod schema in
 * schema.ts (STEP_KINDS), its loaded shape and expansion in load.ts
 * (LoadedStep), and an entry here; what it needs from the system under test
 * goes on ScenarioSession (target.ts). The executor only walks the steps.
 */
import { checkBot } from './expectations';
import type { LoadedStep, UserTurnStep } from './load';
import type { Failure, TranscriptTurn } from './result';
import type { ScenarioRun } from './execute';
import type { TurnObservation } from './target';

export type StepKind = LoadedStep['kind'];
type StepOf<K extends StepKind> = Extract<LoadedStep, { kind: K }>;

export interface StepDefinition<K extends StepKind> {
  /** Runs the step; returns its transcript lines (each with its failures). Throwing fails the step with the error. */
  run(step: StepOf<K>, run: ScenarioRun): Promise<TranscriptTurn[]>;
  /** How the step reads in a transcript when it could not run. */
  describe(step: StepOf<K>): string;
}

export class StepError extends Error {}

export const STEPS: { [K in StepKind]: StepDefinition<K> } = {
  user: {
    run: async (step, run) => [run.turn(step, 'user', step.crash ? `${step.text} (crash ${step.crash}, restart)` : step.text, await run.send(step.customer, step.text, step.crash ? { crash: step.crash } : {}))],
    describe: (step) => (step.crash ? `${step.text} (crash ${step.crash})` : step.text),
  },
  duplicate: {
    async run(step, run) {
      const last = run.customers[step.customer].lastMessage;
      if (!last) throw new StepError('duplicate: this customer has sent nothing yet');
      const o = await run.call('deliverAgain', run.session.deliverAgain(run.customers[step.customer].phone, last.externalId));
      return [run.turn(step, 'duplicate', `(again) ${last.text}`, o)];
    },
    describe: () => '(duplicate)',
  },
  outOfOrder: {
    async run(step, run) {
      // written first → earlier timestamp, but delivered last
      const turns: TranscriptTurn[] = [];
      for (const [i, text] of [...step.texts.entries()].reverse()) {
        turns.push(run.turn(step, 'outOfOrder', text, await run.send(step.customer, text, { writtenMsAgo: (step.texts.length - i) * 1000 }), false));
      }
      const merged = mergeObservations(turns.map((t) => t.observation!));
      turns[turns.length - 1].failures.push(...checkBot(step.bot, merged, step.botAt, step.at).map(expectationFailure));
      return turns;
    },
    describe: (step) => step.texts.join(' / '),
  },
  restart: {
    async run(step, run) {
      await run.call('restart', run.session.restart());
      return [run.note(step, 'restart', '(restart the host)')];
    },
    describe: () => '(restart)',
  },
  advanceClock: {
    async run(step, run) {
      await run.call('advanceClock', run.session.advanceClock(step.ms));
      return [run.note(step, 'advanceClock', `(clock +${step.text})`)];
    },
    describe: (step) => `(clock +${step.text})`,
  },
  bot: {
    async run(step, run) {
      const o = await run.call('unsolicited', run.session.unsolicited(run.customers[step.customer].phone));
      return [run.turn(step, 'bot', '(the bot writes first)', o)];
    },
    describe: () => '(the bot writes first)',
  },
  simultaneous: {
    async run(step, run) {
      const observed = await Promise.all(step.parts.map((p) => run.send(p.customer, p.text)));
      const turns = step.parts.map((p, i) => run.turn(p, 'simultaneous', p.text, observed[i], !step.anyOrder));
      if (step.anyOrder) matchAnyOrder(step.parts, observed).forEach((f, i) => turns[i].failures.push(...f));
      return turns;
    },
    describe: (step) => step.parts.map((p) => `${p.customer}: ${p.text}`).join(' | '),
  },
};

export function expectationFailure(f: ReturnType<typeof checkBot>[number]): Failure {
  return { kind: 'expectation', ...f };
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
