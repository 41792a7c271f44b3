/**
 * The owner console as `bookwell dev` runs it, for its tests (HTTP and
 * browser): a real database, the provider simulator over HTTP, the bot with
 * the plugin on the local host behind the pipeline and the outbox, the
 * console wired by the CLI's own `localConsole`, and a fake WhatsApp channel
 * that records what reaches the customer. The clock is frozen.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localConsole } from '../../cli/admin';
import { startAdminServer, type AdminServer } from '../../plugin/src/admin';
import { NOW, startHarness, type Harness } from '../../plugin/src/booking/testing';
import { ensureBusiness } from '../../plugin/src/catalog/business';
import { loadFixture } from '../../plugin/src/catalog/fixture';
import { fullSync } from '../../plugin/src/catalog/sync';
import type { ChannelSender } from '../../plugin/src/channels/types';
import { startLocal, type Local } from '../../plugin/src/host/local';
import { createNailItClient } from '../../plugin/src/provider/nailit-client';

export { NOW };

export interface ConsoleHarness {
  h: Harness;
  businessId: string;
  local: Local;
  admin: AdminServer;
  /** Where the console saves edited messages. */
  configPath: string;
  /** What the channel delivered to each customer, in order. */
  sent: Array<{ chatId: string; text: string }>;
  /** A customer message on WhatsApp, handled to the end (replies delivered). */
  say(phone: string, text: string): Promise<string[]>;
  close(): Promise<void>;
}

let seq = 0;

export async function startConsoleHarness(opts: { token?: string } = {}): Promise<ConsoleHarness> {
  const h = await startHarness();
  const fixture = loadFixture('kuwait-spa');
  const business = { ...fixture.business, id: `console-${process.pid}-${++seq}` };
  const { prisma } = h.db;
  await ensureBusiness(prisma, business);
  const provider = createNailItClient({ baseUrl: h.sim.url, timeoutMs: 2000 });
  const now = () => NOW;
  await fullSync({ prisma, provider, businessId: business.id, now, slotDays: 3 });
  const sent: ConsoleHarness['sent'] = [];
  const sender: ChannelSender = { send: async (chatId, text) => void sent.push({ chatId, text }) };
  const configuration = { business, provider: { baseUrl: h.sim.url }, booking: { requireEmail: false }, sync: { slotDays: 3 } };
  const configPath = join(mkdtempSync(join(tmpdir(), 'bookwell-console-')), 'bookwell.config.json');
  const wiring = localConsole({ db: h.db, provider, business }, configuration, configPath, now);
  const local = await startLocal({ db: h.db, configuration, senders: { whatsapp: sender }, now, burstWindowMs: 0 });
  wiring.attach(local);
  const admin = await startAdminServer({ ...wiring.ports, port: 0, token: opts.token });
  let n = 0;
  return {
    h,
    businessId: business.id,
    local,
    admin,
    configPath,
    sent,
    async say(phone, text) {
      const before = sent.length;
      await local.pipeline.sink({ integration: 'whatsapp', externalId: `wamid.${business.id}.${++n}`, chatId: phone, userPhone: phone, userName: null, botPhoneNumberId: null, kind: 'text', text, sentAt: NOW });
      await local.pipeline.idle();
      return sent.slice(before).filter((m) => m.chatId === phone).map((m) => m.text);
    },
    async close() {
      await admin.close();
      await local.close();
      await h.close();
    },
  };
}
