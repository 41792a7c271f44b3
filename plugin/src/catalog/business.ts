/**
 * The tenant row. Its settings come from plugin configuration (or a fixture in
 * dev). Its `catalogVersion` keys the cached catalog snapshot: bumped when
 * these settings or any synced catalog row change, never by slots.
 */
import type { Prisma } from '../../../generated/prisma/client';
import type { Db } from '../store/database';
import type { CatalogBusiness } from './types';

/** One statement; the version moves only when a setting actually changed (every services build calls this). */
export async function ensureBusiness(prisma: Db, b: CatalogBusiness): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO "Business" (id, name, country, currency, timezone, languages, "updatedAt")
    VALUES (${b.id}, ${b.name}, ${b.country}, ${b.currency}, ${b.timezone}, ${b.languages}::text[], now())
    ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, country = EXCLUDED.country, currency = EXCLUDED.currency,
      timezone = EXCLUDED.timezone, languages = EXCLUDED.languages, "updatedAt" = now(), "catalogVersion" = "Business"."catalogVersion" + 1
    WHERE ("Business".name, "Business".country, "Business".currency, "Business".timezone, "Business".languages)
      IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.country, EXCLUDED.currency, EXCLUDED.timezone, EXCLUDED.languages)`;
}

export async function bumpCatalogVersion(tx: Prisma.TransactionClient | Db, businessId: string): Promise<void> {
  await tx.business.update({ where: { id: businessId }, data: { catalogVersion: { increment: 1 } } });
}
