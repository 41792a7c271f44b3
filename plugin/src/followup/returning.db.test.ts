/**
 * What a business knows of a customer stays in that business: the same number
 * with a booking at one business is a stranger at another.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openTestDatabase } from '../../../test/support/database';
import { ensureBusiness } from '../catalog/business';
import { loadFixture } from '../catalog/fixture';
import type { Database } from '../store/database';
import { returningCustomer } from './returning';

const fixture = loadFixture('kuwait-spa');
const PHONE = '+96599887766';
let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  for (const id of ['returning-a', 'returning-b']) await ensureBusiness(db.prisma, { ...fixture.business, id });
  const customer = await db.prisma.customer.create({ data: { businessId: 'returning-a', phone: PHONE, name: 'Fatima', language: 'ar' } });
  await db.prisma.booking.create({ data: { businessId: 'returning-a', customerId: customer.id, idempotencyKey: 'returning-a-1', status: 'confirmed', locationExternalId: 'LOC-AV' } });
  // known at b by name only (a profile name), never booked there
  await db.prisma.customer.create({ data: { businessId: 'returning-b', phone: PHONE, name: 'Fatima' } });
});

afterAll(async () => {
  await db?.close();
});

test('returning only where the number booked before; nothing of it at another business', async () => {
  expect(await returningCustomer(db.prisma, { businessId: 'returning-a', phone: PHONE })).toMatchObject({ name: 'Fatima', language: 'ar' });
  expect(await returningCustomer(db.prisma, { businessId: 'returning-b', phone: PHONE })).toBeNull();
  expect(await returningCustomer(db.prisma, { businessId: 'returning-c', phone: PHONE })).toBeNull();
});
