/**
 * Writes every provider call to ProviderCall for the admin view. Writes are
 * queued so the caller never waits on them; `flush()` waits for the queue
 * (tests, shutdown). A failed write is logged, never thrown into a booking.
 */
import type { ProviderCallRecord, ProviderCallRecorder } from '../provider/port';
import type { Db } from './database';

export function createProviderCallLog(prisma: Db, businessId: string, onError: (err: unknown) => void = () => undefined) {
  let pending = Promise.resolve();
  const record: ProviderCallRecorder = (c: ProviderCallRecord) => {
    pending = pending
      .then(() =>
        prisma.providerCall.create({
          data: {
            businessId, endpoint: c.endpoint, startedAt: c.startedAt, durationMs: Math.round(c.durationMs), outcome: c.outcome,
            errorKind: c.errorKind ?? null, status: c.status ?? null, message: c.message?.slice(0, 500) ?? null, attempt: c.attempt,
          },
        }),
      )
      .then(() => undefined, onError);
  };
  return { record, flush: () => pending };
}
