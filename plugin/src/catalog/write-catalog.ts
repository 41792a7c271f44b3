/**
 * Writes one location's part of the catalog (the location row, its services,
 * staff and their links) in one transaction, writing only what changed.
 */
import { Prisma } from '../../../generated/prisma/client';
import type { ProviderLocation, ProviderService, ProviderStaff } from '../provider/port';
import { reconcile, planWrites, type ExistingRow } from './reconcile';

type Tx = Prisma.TransactionClient;

export interface Stamp {
  now: Date;
  validUntil: Date;
  confirmBefore: Date;
}

const sameHours = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Upserts the locations list; deactivates locations gone upstream. Returns externalId → id and rows written. */
export async function writeLocations(tx: Tx, businessId: string, items: ProviderLocation[], s: Stamp) {
  const existing = await tx.location.findMany({ where: { businessId } });
  const plan = reconcile({
    existing,
    incoming: items,
    key: (l) => l.id,
    confirmBefore: s.confirmBefore,
    same: (r, l) =>
      r.name === l.name && (r.nameAr ?? null) === (l.nameAr ?? null) && (r.area ?? null) === (l.area ?? null) &&
      r.address === l.address && (r.phone ?? null) === (l.phone ?? null) && r.timezone === l.timezone && sameHours(r.hours, l.hours),
  });
  const fields = (l: ProviderLocation) => ({
    name: l.name, nameAr: l.nameAr ?? null, area: l.area ?? null, address: l.address, phone: l.phone ?? null,
    timezone: l.timezone, hours: l.hours as unknown as Prisma.InputJsonValue, lastSyncedAt: s.now, validUntil: s.validUntil, active: true,
  });
  for (const l of plan.create) await tx.location.create({ data: { businessId, externalId: l.id, ...fields(l) } });
  for (const { row, item } of plan.update) await tx.location.update({ where: { id: row.id }, data: fields(item) });
  await deactivate(tx.location, plan.deactivate, s);
  await confirm(tx.location, plan.confirm, s);
  const ids = new Map((await tx.location.findMany({ where: { businessId }, select: { id: true, externalId: true } })).map((r) => [r.externalId, r.id]));
  return { ids, written: planWrites(plan) };
}

/**
 * Services are business-wide rows; the same service arrives once per location
 * that offers it. `seen` carries services already written in this run.
 */
export async function writeLocationCatalog(
  tx: Tx,
  args: { businessId: string; locationId: string; services: ProviderService[]; staff: ProviderStaff[]; seenServices: Set<string>; stamp: Stamp },
) {
  const { businessId, locationId, stamp: s } = args;
  let written = 0;

  const fresh = args.services.filter((x) => !args.seenServices.has(x.id));
  const serviceRows = await tx.service.findMany({ where: { businessId, externalId: { in: fresh.map((x) => x.id) } } });
  const svcPlan = reconcile({
    existing: serviceRows,
    incoming: fresh,
    key: (x) => x.id,
    confirmBefore: s.confirmBefore,
    same: (r, x) =>
      r.name === x.name && (r.nameAr ?? null) === (x.nameAr ?? null) && r.category === x.category &&
      r.durationMin === x.durationMin && Number(r.price) === x.price && r.currency === x.currency,
  });
  svcPlan.deactivate = []; // services missing here may be offered elsewhere: decided after all locations
  const svcFields = (x: ProviderService) => ({
    name: x.name, nameAr: x.nameAr ?? null, category: x.category, durationMin: x.durationMin, price: x.price,
    currency: x.currency, lastSyncedAt: s.now, validUntil: s.validUntil, active: true,
  });
  if (svcPlan.create.length) await tx.service.createMany({ data: svcPlan.create.map((x) => ({ businessId, externalId: x.id, ...svcFields(x) })) });
  for (const { row, item } of svcPlan.update) await tx.service.update({ where: { id: row.id }, data: svcFields(item) });
  await confirm(tx.service, svcPlan.confirm, s);
  written += planWrites(svcPlan);
  for (const x of fresh) args.seenServices.add(x.id);

  const serviceIds = new Map(
    (await tx.service.findMany({ where: { businessId, externalId: { in: args.services.map((x) => x.id) } }, select: { id: true, externalId: true } })).map(
      (r) => [r.externalId, r.id],
    ),
  );

  // location ↔ service links
  const links = (await tx.locationService.findMany({ where: { locationId }, include: { service: { select: { externalId: true } } } })).map((r) => ({
    ...r, id: r.serviceId, externalId: r.service.externalId,
  }));
  const linkPlan = reconcile({ existing: links, incoming: args.services, key: (x) => x.id, same: () => true, confirmBefore: s.confirmBefore });
  if (linkPlan.create.length) {
    await tx.locationService.createMany({
      data: linkPlan.create.map((x) => ({ businessId, locationId, serviceId: serviceIds.get(x.id)!, lastSyncedAt: s.now, validUntil: s.validUntil })),
    });
  }
  const linkWhere = (rows: typeof links) => ({ locationId, serviceId: { in: rows.map((r) => r.serviceId) } });
  if (linkPlan.update.length) {
    await tx.locationService.updateMany({ where: linkWhere(linkPlan.update.map((u) => u.row)), data: { active: true, lastSyncedAt: s.now, validUntil: s.validUntil } });
  }
  if (linkPlan.deactivate.length) await tx.locationService.updateMany({ where: linkWhere(linkPlan.deactivate), data: { active: false, lastSyncedAt: s.now } });
  if (linkPlan.confirm.length) await tx.locationService.updateMany({ where: linkWhere(linkPlan.confirm), data: { lastSyncedAt: s.now, validUntil: s.validUntil } });
  written += planWrites(linkPlan);

  // staff of this location
  const staffRows = await tx.staff.findMany({ where: { businessId, OR: [{ locationId }, { externalId: { in: args.staff.map((p) => p.id) } }] } });
  const staffPlan = reconcile({
    existing: staffRows,
    incoming: args.staff,
    key: (p) => p.id,
    confirmBefore: s.confirmBefore,
    same: (r, p) => r.name === p.name && (r.nameAr ?? null) === (p.nameAr ?? null) && sameHours(r.hours ?? null, p.hours ?? null) && r.locationId === locationId,
  });
  // someone listed at another location is not gone: only this location's staff can disappear here
  staffPlan.deactivate = staffPlan.deactivate.filter((r) => r.locationId === locationId);
  const staffFields = (p: ProviderStaff) => ({
    name: p.name, nameAr: p.nameAr ?? null, hours: p.hours ? (p.hours as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
    locationId, lastSyncedAt: s.now, validUntil: s.validUntil, active: true,
  });
  if (staffPlan.create.length) await tx.staff.createMany({ data: staffPlan.create.map((p) => ({ businessId, externalId: p.id, ...staffFields(p) })) });
  for (const { row, item } of staffPlan.update) await tx.staff.update({ where: { id: row.id }, data: staffFields(item) });
  await deactivate(tx.staff, staffPlan.deactivate, s);
  await confirm(tx.staff, staffPlan.confirm, s);
  written += planWrites(staffPlan);

  // staff ↔ service links
  const staffIds = new Map(
    (await tx.staff.findMany({ where: { businessId, externalId: { in: args.staff.map((p) => p.id) } }, select: { id: true, externalId: true } })).map((r) => [r.externalId, r.id]),
  );
  const allLinks = await tx.staffService.findMany({
    where: { staffId: { in: [...staffIds.values()] } },
    include: { service: { select: { externalId: true } } },
  });
  const create: Prisma.StaffServiceCreateManyInput[] = [];
  const reactivate: Array<{ staffId: string; serviceId: string }> = [];
  const gone: Array<{ staffId: string; serviceId: string }> = [];
  const stale: Array<{ staffId: string; serviceId: string }> = [];
  for (const p of args.staff) {
    const staffId = staffIds.get(p.id)!;
    const existing = allLinks.filter((r) => r.staffId === staffId).map((r) => ({ ...r, id: r.serviceId, externalId: r.service.externalId }));
    const offered = p.serviceIds.filter((id) => serviceIds.has(id));
    const plan = reconcile({ existing, incoming: offered, key: (id) => id, same: () => true, confirmBefore: s.confirmBefore });
    create.push(...plan.create.map((id) => ({ businessId, staffId, serviceId: serviceIds.get(id)!, lastSyncedAt: s.now, validUntil: s.validUntil })));
    reactivate.push(...plan.update.map((u) => u.row));
    gone.push(...plan.deactivate);
    stale.push(...plan.confirm);
    written += planWrites(plan);
  }
  if (create.length) await tx.staffService.createMany({ data: create });
  const pairs = (rows: Array<{ staffId: string; serviceId: string }>) => ({ OR: rows.map((r) => ({ staffId: r.staffId, serviceId: r.serviceId })) });
  if (reactivate.length) await tx.staffService.updateMany({ where: pairs(reactivate), data: { active: true, lastSyncedAt: s.now, validUntil: s.validUntil } });
  if (gone.length) await tx.staffService.updateMany({ where: pairs(gone), data: { active: false, lastSyncedAt: s.now } });
  if (stale.length) await tx.staffService.updateMany({ where: pairs(stale), data: { lastSyncedAt: s.now, validUntil: s.validUntil } });
  return { written, services: args.services.length, staff: args.staff.length };
}

/** After every location answered: services offered nowhere become inactive. */
export async function deactivateServicesNotIn(tx: Tx, businessId: string, offered: Set<string>, s: Stamp): Promise<number> {
  const gone = await tx.service.findMany({ where: { businessId, active: true, externalId: { notIn: [...offered] } } });
  await deactivate(tx.service, gone, s);
  return gone.length;
}

interface Stampable {
  updateMany(args: { where: { id: { in: string[] } }; data: Record<string, unknown> }): Promise<unknown>;
}

async function deactivate(model: Stampable, rows: ExistingRow[], s: Stamp) {
  if (rows.length) await model.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { active: false, lastSyncedAt: s.now } });
}

async function confirm(model: Stampable, rows: ExistingRow[], s: Stamp) {
  if (rows.length) await model.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { lastSyncedAt: s.now, validUntil: s.validUntil } });
}
