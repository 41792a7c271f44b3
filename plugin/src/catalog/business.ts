/** The tenant row. Its settings come from plugin configuration (or a fixture in dev). */
import type { Db } from '../store/database';
import type { CatalogBusiness } from './types';

export async function ensureBusiness(prisma: Db, b: CatalogBusiness): Promise<void> {
  const data = { name: b.name, country: b.country, currency: b.currency, timezone: b.timezone, languages: b.languages };
  await prisma.business.upsert({ where: { id: b.id }, create: { id: b.id, ...data }, update: data });
}
