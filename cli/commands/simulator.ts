/**
 * `bookwell simulator`: runs the provider simulator on its own, e.g. to point a
 * deployed bot or curl at it. Faults, clock and orders are driven through its
 * /__admin routes.
 */
import type { Command } from 'commander';
import { startSimulator } from '../../plugin/src/provider/simulator';

const integer = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`not a whole number: ${value}`);
  return n;
};

export function register(program: Command): void {
  program
    .command('simulator')
    .description('run the simulated booking provider (Nail It-shaped API with fault injection)')
    .option('-p, --port <n>', 'port to listen on (0 = any free port)', integer, 4010)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--fixture <name>', 'catalog fixture name or path to a .json file', 'kuwait-spa')
    .option('--seed <n>', 'seed of the pre-existing bookings', integer, 1)
    .option('--now <iso>', 'freeze the clock at this instant (e.g. 2026-03-01T09:00:00+03:00)')
    .option('--token <token>', 'require this bearer token on provider calls')
    .action(async (opts: { port: number; host: string; fixture: string; seed: number; now?: string; token?: string }) => {
      let now: (() => Date) | undefined;
      if (opts.now) {
        const frozen = new Date(opts.now);
        if (Number.isNaN(frozen.getTime())) throw new Error(`--now: not an ISO date-time: ${opts.now}`);
        now = () => frozen;
      }
      const sim = await startSimulator({ ...opts, now });
      console.log(`provider simulator (${opts.fixture}, seed ${opts.seed}) listening on ${sim.url}`);
      console.log(`admin: POST ${sim.url}/__admin/faults | DELETE ${sim.url}/__admin/faults | GET ${sim.url}/__admin/orders`);
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
      await sim.close();
    });
}
