/**
 * The language a customer last wrote in, kept on their Customer row (per
 * business, like everything about a customer): what the bot writes to them
 * first in, e.g. a reminder.
 */
import type { Language } from '../catalog/types';
import type { Db } from '../store/database';

/** One statement, and a write only when the language changed. */
export async function rememberLanguage(prisma: Db, q: { businessId: string; phone: string; language: Language }): Promise<void> {
  await prisma.customer.updateMany({
    where: { businessId: q.businessId, phone: q.phone, OR: [{ language: null }, { language: { not: q.language } }] },
    data: { language: q.language },
  });
}
