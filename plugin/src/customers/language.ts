/**
 * The language a customer last wrote in, kept on their Customer row (per
 * business, like everything about a customer): what the bot writes to them
 * first in, e.g. a reminder.
 */
import type { Language } from '../catalog/types';
import { writeCustomerLanguage, type Sql } from '../store/sql';

/** One statement, and a write only when the language changed. */
export async function rememberLanguage(sql: Sql, q: { businessId: string; phone: string; language: Language }): Promise<void> {
  await writeCustomerLanguage(sql, q);
}
