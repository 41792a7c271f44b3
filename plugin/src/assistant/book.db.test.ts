/**
 * Booking through `respond` when the customer leaves the staff to us: the
 * confirmation names the person the order was placed with (the one the owner
 * sees on the booking), never "anyone".
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from '../booking/testing';
import { assistantChat } from './testing';

const h = useHarness();
const PHONE = '+96599887766';

const chat = () => assistantChat(h, PHONE);

/** The staff names of the one booking made, in the order of its lines (in Arabic where the catalog has them, as Arabic replies name them). */
async function bookedStaff(c: Awaited<ReturnType<typeof chat>>, lang: 'en' | 'ar' = 'en'): Promise<string[]> {
  const b = await c.t.deps.prisma.booking.findFirstOrThrow({
    where: { businessId: c.t.businessId, status: 'confirmed' },
    include: { items: { orderBy: { start: 'asc' }, include: { staff: true } } },
  });
  return b.items.map((i) => (lang === 'ar' ? i.staff.nameAr ?? i.staff.name : i.staff.name));
}

describe('a booking with "anyone"', () => {
  it('en: the confirmation names the staff member the booking was made with', async () => {
    const c = await chat();
    expect((await c.say('Hi, gel manicure at Avenues tomorrow at 5pm please')).asked).toBe('staff');
    expect((await c.say('anyone is fine')).asked).toBe('name');
    expect((await c.say('Fatima Ali')).text).toContain('with anyone'); // the summary before the yes: nobody is chosen yet
    const done = await c.say('yes');
    expect(done.paymentLink).toMatch(/\/pay\//);
    const [staff] = await bookedStaff(c);
    expect(done.text).toContain(`Gel Manicure with ${staff}`);
    expect(done.text).not.toContain('anyone');
  });

  it('ar, two services: each line named with its own staff member', async () => {
    const c = await chat();
    expect((await c.say('أبي خيط الحواجب وصبغة الحواجب في الأفنيوز')).asked).toBe('staff');
    expect((await c.say('أي موظفة')).asked).toBe('time');
    const when = await c.say('باجر الساعة ٤ العصر');
    expect(when.asked, when.text).toBe('name');
    expect((await c.say('مريم العلي')).asked).toBe('confirm');
    const done = await c.say('نعم');
    expect(done.paymentLink).toMatch(/\/pay\//);
    const staff = await bookedStaff(c, 'ar');
    expect(staff).toHaveLength(2);
    for (const name of staff) expect(done.text).toContain(name);
    expect(done.text).not.toContain('أي موظفة');
  });
});
