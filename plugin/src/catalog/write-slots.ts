/**
 * Writes the free windows of one location on one date (the unit of slot sync)
 * in one transaction: new windows inserted, vanished ones deactivated, changed
 * ones updated, unchanged ones left alone.
 */
import type { Prisma } from '../../../generated/prisma/client';
import type { ProviderSlot } from '../provider/port';
import { reconcile, planWrites } from './reconcile';
import type { Stamp } from './write-catalog';

type Tx = Prisma.TransactionClient;

export const slotExternalId = (staffExternalId: string, startIso: string) => `${staffExternalId}@${new Date(startIso).toISOString()}`;

export async function writeSlots(
  tx: Tx,
  args: { businessId: string; locationId: string; date: string; windows: ProviderSlot[]; staffIds: Map<string, string>; stamp: Stamp },
): Promise<{ written: number; unknownStaff: string[] }> {
  const { businessId, locationId, date, stamp: s } = args;
  const unknownStaff = [...new Set(args.windows.filter((w) => !args.staffIds.has(w.staffId)).map((w) => w.staffId))];
  const windows = args.windows.filter((w) => args.staffIds.has(w.staffId));
  const existing = await tx.slot.findMany({ where: { businessId, locationId, date } });
  const plan = reconcile({
    existing,
    incoming: windows,
    key: (w) => slotExternalId(w.staffId, w.start),
    same: (r, w) => r.end.getTime() === new Date(w.end).getTime(),
    confirmBefore: s.confirmBefore,
  });
  if (plan.create.length) {
    await tx.slot.createMany({
      data: plan.create.map((w) => ({
        businessId, locationId, date, staffId: args.staffIds.get(w.staffId)!, externalId: slotExternalId(w.staffId, w.start),
        start: new Date(w.start), end: new Date(w.end), lastSyncedAt: s.now, validUntil: s.validUntil,
      })),
    });
  }
  for (const { row, item } of plan.update) {
    await tx.slot.update({ where: { id: row.id }, data: { end: new Date(item.end), active: true, lastSyncedAt: s.now, validUntil: s.validUntil } });
  }
  if (plan.deactivate.length) {
    await tx.slot.updateMany({ where: { id: { in: plan.deactivate.map((r) => r.id) } }, data: { active: false, lastSyncedAt: s.now } });
  }
  if (plan.confirm.length) {
    await tx.slot.updateMany({ where: { id: { in: plan.confirm.map((r) => r.id) } }, data: { lastSyncedAt: s.now, validUntil: s.validUntil } });
  }
  return { written: planWrites(plan), unknownStaff };
}
