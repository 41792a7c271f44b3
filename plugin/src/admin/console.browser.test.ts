/**
 * The owner console in a real browser: Debian's Chromium driven by
 * playwright-core, on the product as `bookwell dev` runs it (real database,
 * simulator, the bot on the local host). An owner opens the console, sees a
 * waiting chat, replies, gives it back to the bot, cancels a booking and
 * starts a sync; a screenshot of each page goes to reports/ (git-ignored).
 * Without Chromium these tests are skipped, and say so in their name and on
 * stderr (install it: apt-get install chromium; .ci/run does).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHarness, startConsoleHarness } from '../../../test/support/console';

const CHROMIUM = process.env.BOOKWELL_CHROMIUM ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const REPORTS = join(process.cwd(), 'reports');
const CUSTOMER = '+96599002001';
const BOOKER = '+96599002002';

if (!haveChromium) process.stderr.write(`browser tests SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set BOOKWELL_CHROMIUM)\n`);

describe.skipIf(!haveChromium)(`owner console in a browser${haveChromium ? '' : ` (SKIPPED: no Chromium at ${CHROMIUM})`}`, () => {
  let c: ConsoleHarness;
  let browser: BrowserContext;
  let page: Page;
  let profile: string;

  beforeAll(async () => {
    c = await startConsoleHarness();
    profile = mkdtempSync(join(tmpdir(), 'bookwell-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    mkdirSync(REPORTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await c?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: join(REPORTS, `console-${name}.png`), fullPage: true });

  it('browser: open the console, see the waiting chat, reply, give it back to the bot', async () => {
    await c.say(CUSTOMER, 'Gel manicure at Avenues tomorrow at 5pm');
    await c.say(CUSTOMER, 'can I talk to a real person please');

    await page.goto(c.admin.url);
    await expect.poll(() => page.locator('#today').innerText()).toContain('1\nchats waiting for a person');
    await shot('overview');

    await page.getByRole('link', { name: /Waiting chats/ }).click();
    const row = page.locator('#waiting tbody tr', { hasText: CUSTOMER });
    expect(await row.innerText()).toContain('Gel Manicure');
    await shot('chats');

    await row.getByRole('link', { name: 'Open' }).click();
    expect(await page.locator('#transcript').innerText()).toContain('can I talk to a real person please');
    await page.getByLabel(/Your reply/).fill('Hello from Huda at the salon: 5pm tomorrow is yours.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    expect(await page.getByRole('status').innerText()).toContain('Reply sent');
    expect(c.sent.filter((m) => m.chatId === CUSTOMER).at(-1)?.text).toBe('Hello from Huda at the salon: 5pm tomorrow is yours.');
    expect(await page.locator('#transcript li.owner').last().innerText()).toContain('Hello from Huda');
    await shot('chat');

    await page.getByRole('button', { name: 'Give back to the bot' }).click();
    expect(await page.getByRole('status').innerText()).toContain('back with the bot');
    expect(await page.locator('main').innerText()).toContain('No chat is waiting for a person');
    expect((await c.say(CUSTOMER, 'hi again')).length).toBeGreaterThan(0);
  });

  it('browser: find a booking, cancel it: cancelled at the provider and the customer told', async () => {
    for (const line of ['Gel manicure at Avenues tomorrow at 4pm', 'Sara', 'Laila Hassan', 'yes']) await c.say(BOOKER, line);
    const booking = await c.h.db.prisma.booking.findFirstOrThrow({ where: { businessId: c.businessId, customer: { phone: BOOKER }, status: 'confirmed' } });

    await page.getByRole('link', { name: 'Bookings' }).click();
    await page.getByLabel('When').selectOption('week');
    await page.getByRole('button', { name: 'Show' }).click();
    const line = page.locator('section.branch', { hasText: 'The Avenues' }).locator('tr', { hasText: BOOKER });
    expect(await line.innerText()).toContain('Gel Manicure');
    await shot('bookings');

    await line.getByRole('link', { name: 'Open' }).click();
    await page.getByRole('button', { name: 'Cancel booking' }).click();
    expect(await page.getByRole('status').innerText()).toContain('Booking cancelled with the provider, and the customer was told');
    expect(c.h.sim.ledger.orders().find((o) => o.orderId === booking.providerOrderId)?.status).toBe('cancelled');
    expect(c.sent.filter((m) => m.chatId === BOOKER).at(-1)?.text).toContain('has been cancelled by Pearl Nail & Spa');
    expect(page.url()).not.toContain(BOOKER.slice(1));
    await shot('booking');
  });

  it('browser: start a sync and follow it to the end; messages and trends pages', async () => {
    await page.getByRole('link', { name: 'Catalog & sync' }).click();
    await page.getByRole('button', { name: 'Refresh free times now' }).click();
    expect(await page.getByRole('status').first().innerText()).toContain('Sync started');
    await c.admin.idle();
    await page.reload();
    expect(await page.locator('#progress').innerText()).toMatch(/ok slots sync finished/);
    await shot('sync');

    await page.getByRole('link', { name: 'Messages' }).click();
    expect(await page.locator('#t-greeting').innerText()).toContain('Hi! Welcome to Pearl Nail & Spa.');
    await shot('messages');

    await page.getByRole('link', { name: 'Trends' }).click();
    expect(await page.locator('#bookings svg rect').count()).toBeGreaterThan(0);
    await shot('trends');
  });
});
