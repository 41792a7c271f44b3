import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/database';
import { loadFixture } from '../catalog/fixture';
import { parseConfiguration } from '../config/parse';
import type { Database } from '../store/database';
import { forgetDatabase, registerDatabase } from '../store/registry';
import { resetServices, servicesFor } from './services';

const now = () => new Date('2026-03-01T06:00:00Z');
let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  registerDatabase(db);
});
afterAll(async () => {
  resetServices();
  forgetDatabase(db);
  await db?.close();
});

describe('services per configuration', () => {
  const config = (synonyms: Record<string, string[]> = {}) =>
    parseConfiguration({
      databaseUrl: db.url,
      business: { ...loadFixture('kuwait-spa').business, id: 'services-test' },
      provider: { baseUrl: 'http://127.0.0.1:9' },
      synonyms,
    });

  it('calls of one configuration share one registry of confirmations in flight, so two yeses at once are one', async () => {
    const [a, b] = [await servicesFor(config(), { now }), await servicesFor(config(), { now })];
    expect(a.flights).toBe(b.flights);
  });

  it('a studio change to the synonyms builds afresh', async () => {
    const [a, b] = [await servicesFor(config(), { now }), await servicesFor(config({ 'SVC-403': ['golden glow'] }), { now })];
    expect(a.flights).not.toBe(b.flights);
  });

  it('a provider without an address is a configuration error naming the field, not a crash at the first call', async () => {
    const noUrl = { ...config(), provider: { timeoutMs: 8000 } };
    await expect(servicesFor(noUrl, { now })).rejects.toThrow(/provider\.baseUrl is required/);
  });
});
