/**
 * The fault run (bench/support/fault-run.ts): customers say yes while the
 * provider fails a share of its calls, the booking reconciler settles what is
 * left, and what every customer was told is checked against the provider.
 * Exit 1 when any customer was told something false.
 * Database: in-memory PGlite, or DATABASE_URL.
 * Run: npm run bench:faults -- [bookings=300] [faultRate=0.3] [seed=1]
 */
import { openDatabase } from '../plugin/src/store/database';
import { formatFaultRun, runFaults } from './support/fault-run';

const bookings = Number(process.argv[2] ?? 300);
const faultRate = Number(process.argv[3] ?? 0.3);
const seed = Number(process.argv[4] ?? 1);

const db = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: null });
try {
  const report = await runFaults(db, { bookings, faultRate, seed, reconcileEvery: 50 });
  for (const line of formatFaultRun(report)) console.log(line);
  if (report.falseStatements.length) process.exitCode = 1;
} finally {
  await db.close();
}
