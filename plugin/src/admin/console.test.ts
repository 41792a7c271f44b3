/**
 * The owner console's actions over HTTP, on the product as `bookwell dev`
 * runs it (real database, simulator over HTTP, the bot on the local host, the
 * CLI's own wiring): a chat handed to a person, answered and given back; a
 * booking cancelled and one moved, each at the provider and told to the
 * customer; "sync now"; a message edited into the configuration file and
 * used by the bot; trends; and the CSRF and personal-data rules.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleHarness, startConsoleHarness } from '../../../test/support/console';
import { consoleClient, part } from '../../../test/support/console-client';

let c: ConsoleHarness;
let web: ReturnType<typeof consoleClient>;

beforeAll(async () => {
  c = await startConsoleHarness();
  web = consoleClient(c.admin.url);
});
afterAll(() => c?.close());

const ENGLISH = '+96599001001';
const ARABIC = '+96599001002';
const MOVED = '+96599001004';
const TAKEN = '+96599001005';

/** A booking made the way a customer makes one, on the chat of `phone`. */
async function bookByChat(phone: string, lines: string[]): Promise<string> {
  const said: string[] = [];
  for (const line of lines) said.push(line, ...(await c.say(phone, line)));
  const b = await c.h.db.prisma.booking.findFirst({ where: { businessId: c.businessId, customer: { phone }, status: 'confirmed' }, orderBy: { createdAt: 'desc' } });
  if (!b) throw new Error(`no booking from the chat:\n${said.join('\n')}`);
  return b.id;
}

describe('waiting chats', () => {
  let chatPath: string;

  it('a chat handed to a person is listed with its summary, and opens on its transcript', async () => {
    await c.say(ENGLISH, 'Gel manicure at Avenues tomorrow at 5pm');
    expect((await c.say(ENGLISH, 'can I talk to a real person please')).join('\n')).toContain('member of our team');
    const list = await web.get('chats');
    expect(list.status).toBe(200);
    const waiting = part(list.body, 'waiting', 'table');
    expect(waiting).toContain(ENGLISH);
    expect(waiting).toContain('Gel Manicure');
    expect(list.body).toMatch(/Waiting chats <span class="count">1<\/span>/);
    chatPath = /href="(chats\/[0-9a-f-]{36})"/.exec(waiting)![1]!;
    const chat = await web.get(chatPath);
    const transcript = part(chat.body, 'transcript', 'ol');
    expect(transcript).toContain('Gel manicure at Avenues tomorrow at 5pm');
    expect(transcript).toContain('can I talk to a real person please');
    expect(transcript).toMatch(/<li class="bot">.*member of our team/s);
  });

  it('the owner replies through the outbox and channel; the bot stays silent meanwhile', async () => {
    await web.get(chatPath);
    const before = c.sent.length;
    const r = await web.post(`${chatPath}/reply`, { text: 'Hi, this is Huda from the salon. 5pm is yours, shall I book it?' });
    expect(r.status).toBe(303);
    expect(r.location).toBe(`/${chatPath}?notice=sent`);
    expect(c.sent.slice(before)).toEqual([{ chatId: ENGLISH, text: 'Hi, this is Huda from the salon. 5pm is yours, shall I book it?' }]);
    const stored = await c.h.db.prisma.outboundMessage.findFirstOrThrow({ where: { businessId: c.businessId, author: 'owner' } });
    expect(stored).toMatchObject({ status: 'sent', text: 'Hi, this is Huda from the salon. 5pm is yours, shall I book it?' });
    expect(part((await web.get(r.location!.slice(1))).body, 'transcript', 'ol')).toMatch(/<li class="owner"><span class="who">you /);
    expect(await c.say(ENGLISH, 'yes please')).toEqual([]);
  });

  it('refuses a POST without the CSRF token (another site cannot act), and sends nothing', async () => {
    const before = c.sent.length;
    const forged = await fetch(new URL(`${chatPath}/reply`, c.admin.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ text: 'forged' }),
      redirect: 'manual',
    });
    expect(forged.status).toBe(403);
    const wrong = await web.post(`${chatPath}/reply`, { text: 'forged', _csrf: 'not-the-token' });
    expect(wrong.status).toBe(403);
    expect(c.sent.length).toBe(before);
  });

  it('released, the chat leaves the list and the bot answers the next message', async () => {
    await web.get(chatPath);
    const r = await web.post(`${chatPath}/release`, {});
    expect(r.location).toBe('/chats?notice=released');
    expect((await web.get('chats')).body).toContain('No chat is waiting for a person');
    expect((await c.say(ENGLISH, 'hi')).length).toBeGreaterThan(0);
  });
});

describe('bookings', () => {
  let cancelId: string;

  it('lists today and the next 7 days by branch and staff, and finds a customer by name without putting it in the address', async () => {
    cancelId = await bookByChat(ARABIC, ['أبي جل مناكير في الأفنيوز باجر الساعة ٥ العصر', 'أي موظفة', 'نورة', 'نعم']);
    const week = await web.get('bookings?range=week&location=LOC-AV');
    expect(week.body).toMatch(/<h2>The Avenues <span class="muted">· \d+ lines?<\/span><\/h2>/);
    expect(week.body).toContain(`href="bookings/${cancelId}"`);
    expect((await web.get('bookings?range=week&location=LOC-HT')).body).not.toContain(cancelId);
    await web.get('bookings');
    const found = await web.post('bookings/search', { q: 'نورة' });
    expect(part(found.body, 'results', 'table')).toContain(cancelId);
    expect(found.location).toBeNull(); // answered in place: the name never becomes a URL
  });

  it('cancel: at the provider, in our database, and the customer is told in Arabic on their chat', async () => {
    const order = (await c.h.db.prisma.booking.findUniqueOrThrow({ where: { id: cancelId } })).providerOrderId!;
    await web.get(`bookings/${cancelId}`);
    const before = c.sent.length;
    const r = await web.post(`bookings/${cancelId}/cancel`, {});
    expect(r.location).toBe(`/bookings/${cancelId}?notice=cancelled`);
    expect(c.h.sim.ledger.orders().find((o) => o.orderId === order)?.status).toBe('cancelled');
    expect((await c.h.db.prisma.booking.findUniqueOrThrow({ where: { id: cancelId } })).status).toBe('cancelled');
    const told = c.sent.slice(before);
    expect(told).toHaveLength(1);
    expect(told[0]!.chatId).toBe(ARABIC);
    expect(told[0]!.text).toContain('تم إلغاء حجزك');
    expect(told[0]!.text).toContain('Pearl Nail & Spa');
    // a second click tells nobody twice
    await web.get(`bookings/${cancelId}`);
    expect((await web.post(`bookings/${cancelId}/cancel`, {})).location).toBe(`/bookings/${cancelId}?notice=already_cancelled`);
    expect(c.sent.length).toBe(before + 1);
  });

  it('move: a new order first, the old one cancelled, the customer told the new time with the staff member', async () => {
    const id = await bookByChat(MOVED, ['Gel manicure at Avenues tomorrow at 4pm', 'Sara', 'Laila Hassan', 'yes']);
    const page = await web.get(`bookings/${id}`);
    expect(part(page.body, 'move', 'form')).toContain('name="staff_0"');
    const before = c.sent.length;
    const r = await web.post(`bookings/${id}/move`, { date: '2026-03-02', time: '13:00', staff_0: 'STF-01' });
    expect(r.status).toBe(303);
    const newId = /bookings\/([0-9a-f-]{36})\?notice=moved$/.exec(r.location!)?.[1];
    expect(newId).toBeTruthy();
    expect((await c.h.db.prisma.booking.findUniqueOrThrow({ where: { id } })).status).toBe('cancelled');
    const moved = await c.h.db.prisma.booking.findUniqueOrThrow({ where: { id: newId! }, include: { items: true } });
    expect(moved).toMatchObject({ status: 'confirmed', rescheduledFromId: id });
    expect(moved.items[0]!.start.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    const told = c.sent.slice(before);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ chatId: MOVED });
    expect(told[0]!.text).toMatch(/Pearl Nail & Spa has moved your booking: it is now Gel Manicure with Sara at The Avenues, Monday, March 2 at 1:00 PM/);
  });

  it('move to a time already gone: nothing changes, the nearest free times are shown', async () => {
    const id = await bookByChat(TAKEN, ['Gel manicure at Avenues tomorrow at 1:45pm', 'Sara', 'Fatima Ali', 'yes']);
    await web.get(`bookings/${id}`);
    const r = await web.post(`bookings/${id}/move`, { date: '2026-03-02', time: '13:00', staff_0: 'STF-01' }); // the booking moved above holds it
    expect(r.status).toBe(409);
    expect(r.body).toContain('That time was just taken');
    expect(r.body).toMatch(/The nearest free times: <b>/);
    expect((await c.h.db.prisma.booking.findUniqueOrThrow({ where: { id } })).status).toBe('confirmed');
  });
});

describe('catalog and sync', () => {
  it('"refresh free times now" runs in the background with its progress, then shows the run', async () => {
    await web.get('sync');
    const r = await web.post('sync/run', { kind: 'slots' });
    expect(r.location).toBe('/sync?notice=started');
    const during = await web.get('sync?notice=started');
    expect(part(during.body, 'run')).toMatch(/slots sync/);
    await c.admin.idle();
    const after = await web.get('sync');
    expect(part(after.body, 'run')).toMatch(/<span class="badge good">ok<\/span> slots sync finished/);
    expect(part(after.body, 'runs', 'table')).toMatch(/<td>slots<\/td><td><span class="badge good">ok<\/span>/);
    expect(part(after.body, 'branches')).toContain('The Avenues');
  });
});

describe('messages', () => {
  it('an edit is checked, saved to the configuration file and used by the bot from the next message', async () => {
    await web.get('messages?lang=en');
    const bad = await web.post('messages', { lang: 'en', key: 'greeting', text: 'Hello {customer}!' });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('{customer} is not filled in for this message; it can use {business}');
    const ok = await web.post('messages', { lang: 'en', key: 'greeting', text: 'Welcome to {business}, lovely to hear from you!' });
    expect(ok.location).toBe('/messages?lang=en&notice=saved#t-greeting');
    expect(JSON.parse(readFileSync(c.configPath, 'utf8'))).toMatchObject({ templates: { en: { greeting: 'Welcome to {business}, lovely to hear from you!' } } });
    const page = await web.get('messages?lang=en');
    expect(part(page.body, 't-greeting', 'tr')).toContain('Welcome to Pearl Nail &amp; Spa, lovely to hear from you!');
    expect((await c.say('+96599001003', 'hello')).join('\n')).toContain('Welcome to Pearl Nail & Spa, lovely to hear from you!');
  });
});

describe('trends', () => {
  it('charts chats, handoffs, bookings and provider failures per day, with their figures (counts: trends.db.test.ts)', async () => {
    const page = await web.get('trends?days=7');
    expect(page.status).toBe(200);
    for (const id of ['bookings', 'chats', 'handoffs', 'provider']) expect(part(page.body, id, 'figure')).toMatch(/<svg [^>]*role="img"/);
    // every customer above wrote on the frozen day; one asked for a person
    expect(part(page.body, 'chats', 'figure')).toMatch(/<tr><td>2026-03-01<\/td><td>5<\/td>/);
    expect(part(page.body, 'handoffs', 'figure')).toMatch(/<tr><td>2026-03-01<\/td><td>1<\/td><\/tr>/);
    expect(part(page.body, 'llm')).toContain('No LLM usage is recorded here');
    expect(page.body).not.toContain('<script');
  });
});

describe('access', () => {
  it('no personal data in any URL the console links to', async () => {
    const pages = await Promise.all(['', 'chats', 'bookings?range=week', 'sync', 'messages', 'trends'].map((p) => web.get(p)));
    for (const p of pages) {
      for (const [, href] of p.body.matchAll(/(?:href|action)="([^"]*)"/g)) expect(href).not.toMatch(/\+?965\d{8}|%2B965|نورة|Mona/);
    }
  });
});
