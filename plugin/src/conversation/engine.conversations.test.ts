/** Whole conversations through the real rule extractor, one per language, plus the flows the harness relies on. */
import { describe, expect, test } from 'vitest';
import { createRuleExtractor } from '../understanding/index';
import type { EngineDeps } from './engine';
import { at, chat, memoryCatalog, noBookings, NOW, type Busy } from './testing';

const KW_PHONE = '+96599887766';

function deps(fixture: string, busy: Busy[] = [], extra: Partial<EngineDeps> = {}): EngineDeps {
  const catalog = memoryCatalog(fixture, busy);
  return { catalog, bookings: noBookings, extract: createRuleExtractor(catalog.snapshotValue), now: () => NOW, ...extra };
}

describe('English on kuwait-spa', () => {
  test('everything in one message, then only what is missing, then the full summary and yes', async () => {
    const c = chat(deps('kuwait-spa'), { channelPhone: KW_PHONE });
    const first = await c.say('Hi, gel manicure at Avenues tomorrow at 5pm please');
    expect(first.asked).toBe('staff');
    expect(first.replies[0]).toContain('So far: Gel Manicure, The Avenues, Monday, March 2 at 5:00 PM');
    expect((await c.say('anyone is fine')).asked).toBe('name');
    expect((await c.say('Fatima Ali')).asked).toBe('email');
    const summary = await c.say('fatima@example.com');
    expect(summary.outcome).toBe('ready_to_confirm');
    expect(summary.replies[0]).toBe(
      [
        'Here is your booking:',
        '• Monday, March 2 at 5:00 PM: Gel Manicure with anyone (KWD 10.000)',
        'Branch: The Avenues',
        'Total: KWD 10.000',
        'Name: Fatima Ali',
        `Phone: ${KW_PHONE}`,
        'Email: fatima@example.com',
        'Shall I book it?',
      ].join('\n'),
    );
    const yes = await c.say('yes');
    expect(yes.outcome).toBe('confirmed');
    expect(c.turns.map((t) => t.asked)).toEqual(['staff', 'name', 'email', 'confirm', null]);
  });

  test('two services back to back, staff by name for one and anyone for the other', async () => {
    const c = chat(deps('kuwait-spa'), { channelPhone: KW_PHONE });
    const r = await c.say('gel manicure and a haircut at Avenues tomorrow at 5pm');
    expect(r.asked).toBe('staff');
    // Noura is off on Mondays: not offered for a Monday
    expect(r.replies[0]).toContain('Who would you like for Gel Manicure or Haircut: Sara, Maria, Joy or anyone?');
    await c.say('Sara');
    expect(c.state!.slots.services).toEqual([
      { serviceId: 'SVC-102', staffId: 'STF-01' },
      { serviceId: 'SVC-201', staffId: 'any' },
    ]);
    await c.say('Fatima Ali');
    const summary = await c.say('fatima@example.com');
    expect(summary.replies[0]).toContain('• Monday, March 2 at 5:00 PM: Gel Manicure with Sara (KWD 10.000)');
    expect(summary.replies[0]).toContain('• 5:45 PM: Haircut with anyone (KWD 12.000)');
    expect(summary.replies[0]).toContain('Total: KWD 22.000');
  });

  test('the second service must also be free when the first ends', async () => {
    const busy = [
      { staffId: 'STF-03', start: at('2026-03-02T17:30'), end: at('2026-03-02T19:00') },
      { staffId: 'STF-05', start: at('2026-03-02T17:30'), end: at('2026-03-02T20:00') },
    ];
    const c = chat(deps('kuwait-spa', busy), { channelPhone: KW_PHONE });
    const r = await c.say('gel manicure and a haircut at Avenues tomorrow at 5pm');
    expect(r.state.slots.time).toBeNull();
    expect(r.replies[0]).toContain('Sorry, Monday, March 2 at 5:00 PM is not free.');
    expect(r.replies[0]).toContain('The nearest free times are 3:30 PM, 3:45 PM or 4:00 PM.');
  });

  test('a busy time: date kept, 3 nearest free times offered, one picked by number', async () => {
    const busy = [
      { staffId: 'STF-01', start: at('2026-03-02T16:00'), end: at('2026-03-02T18:00') },
      { staffId: 'STF-02', start: at('2026-03-02T14:00'), end: at('2026-03-02T18:30') },
    ];
    const c = chat(deps('kuwait-spa', busy), { channelPhone: KW_PHONE });
    await c.say('gel manicure at Avenues');
    await c.say('anyone');
    const refused = await c.say('tomorrow at 5pm');
    expect(refused.asked).toBe('time');
    expect(refused.state.slots.date).toBe('2026-03-02');
    expect(refused.replies[0]).toContain('Sorry, Monday, March 2 at 5:00 PM is not free.');
    expect(refused.replies[0]).toContain('Here are some free times: 3:15 PM, 6:30 PM or 6:45 PM.');
    const picked = await c.say('2');
    expect(picked.state.slots.time).toBe('18:30');
    expect(picked.asked).toBe('name');
  });

  test('corrections change one slot and invalidate its dependants', async () => {
    const c = chat(deps('kuwait-spa'), { channelPhone: KW_PHONE });
    await c.say('Hi, gel manicure at Avenues tomorrow at 5pm please');
    await c.say('with Sara');
    const moved = await c.say('make it Marina Mall');
    expect(moved.asked).toBe('staff');
    expect(moved.state.slots).toMatchObject({ location: 'LOC-MM', date: '2026-03-02', time: null });
    expect(moved.state.slots.services).toEqual([{ serviceId: 'SVC-102', staffId: null }]);
    expect(moved.replies[0]).toContain('Grace, Ana or anyone');
    expect((await c.say('Ana')).asked).toBe('time');
    expect((await c.say('5pm')).asked).toBe('name');
    await c.say('Fatima Ali');
    const later = await c.say('actually 7pm');
    expect(later.state.slots.time).toBe('19:00');
    expect(later.state.slots.name).toBe('Fatima Ali');
    expect(later.asked).toBe('email');
  });

  test('a service correction clears staff and time but keeps the date', async () => {
    const c = chat(deps('kuwait-spa'), { channelPhone: KW_PHONE });
    await c.say('Hi, gel manicure at Avenues tomorrow at 5pm please');
    await c.say('with Sara');
    const r = await c.say('actually a haircut instead');
    expect(r.state.slots.services).toEqual([{ serviceId: 'SVC-201', staffId: null }]);
    expect(r.state.slots).toMatchObject({ date: '2026-03-02', time: null });
    expect(r.asked).toBe('staff');
  });

  test('interruptions are answered, then the pending question is asked again', async () => {
    const c = chat(deps('kuwait-spa'), { channelPhone: KW_PHONE });
    await c.say('Hi, gel manicure at Avenues tomorrow at 5pm please');
    const price = await c.say('how much is a gel manicure?');
    expect(price.outcome).toBe('answered_interruption');
    expect(price.replies[0]).toContain('Gel Manicure: KWD 10.000');
    expect(price.asked).toBe('staff');
    const hours = await c.say('what are your opening hours?');
    expect(hours.replies[0]).toContain('Opening hours at The Avenues:\nMon–Thu: 10:00–22:00\nFri: 14:00–22:00\nSat–Sun: 10:00–22:00');
    expect(hours.asked).toBe('staff');
    const address = await c.say('where are you?');
    expect(address.replies[0]).toContain('The Avenues: The Avenues Mall, Phase 2, Grand Avenue, Al Rai');
    expect((await c.say('Maria')).asked).toBe('name');
  });

  test('failed answers: reworded, then a numbered list, then a human', async () => {
    const c = chat(deps('kuwait-spa'));
    await c.say('I would like to book please');
    expect(c.state!.asked).toBe('location');
    const retry = await c.say('hmm not sure');
    expect(retry.asked).toBe('location');
    expect(retry.replies[0]).toContain("We're at The Avenues, Marina Mall, Al Kout Mall or Al Hamra Tower");
    const list = await c.say('whatever you think');
    expect(list.replies[0]).toContain('1. The Avenues\n2. Marina Mall\n3. Al Kout Mall\n4. Al Hamra Tower');
    const human = await c.say('i dunno');
    expect(human.outcome).toBe('handoff');
    expect(human.state.phase).toBe('handoff');
    expect((await c.say('hello?')).outcome).toBe('handoff');
    const again = await c.say('start over');
    expect(again.outcome).toBe('restart');
    expect(again.asked).toBe('location');
  });

  test('start over keeps only the language and the channel phone; the phone is never asked', async () => {
    const c = chat(deps('kuwait-spa', [], { requiredFields: { email: false } }), { channelPhone: KW_PHONE });
    await c.say('Hi, gel manicure at Avenues tomorrow at 5pm please');
    await c.say('anyone');
    const restart = await c.say('start over');
    expect(restart.state.slots).toMatchObject({ location: null, services: [], date: null, time: null, phone: KW_PHONE });
    await c.say('Marina Mall');
    await c.say('haircut');
    await c.say('Reem');
    await c.say('tomorrow 4pm');
    const done = await c.say('Fatima');
    expect(done.asked).toBe('confirm');
    expect(c.turns.some((t) => t.asked === 'phone')).toBe(false);
  });
});

test('the WhatsApp profile name is offered and a yes takes it', async () => {
  const c = chat(deps('kuwait-spa', [], { requiredFields: { email: false } }), { channelPhone: KW_PHONE, profileName: 'Fatima' });
  await c.say('Hi, gel manicure at Avenues tomorrow at 5pm please');
  const name = await c.say('anyone');
  expect(name.replies[0]).toContain('Shall I put the booking under Fatima, or another name?');
  const summary = await c.say('yes please');
  expect(summary.state.slots.name).toBe('Fatima');
  expect(summary.asked).toBe('confirm');
  expect(summary.outcome).toBe('ready_to_confirm');
});

describe('Arabic on kuwait-spa', () => {
  test('a whole booking in Gulf Arabic with Arabic names and Arabic-Indic digits', async () => {
    const c = chat(deps('kuwait-spa'), { channelPhone: KW_PHONE });
    const first = await c.say('ابي مانيكير جل في الأفنيوز باجر الساعة ٥ العصر');
    expect(first.asked).toBe('staff');
    expect(first.replies[0]).toContain('اخترت لين الحين: مانيكير جل، الأفنيوز، الاثنين، ٢ مارس في ٥:٠٠ م');
    const price = await c.say('كم سعر المانيكير جل؟');
    expect(price.outcome).toBe('answered_interruption');
    expect(price.replies[0]).toContain('مانيكير جل: ١٠٫٠٠٠ د.ك.');
    expect(price.asked).toBe('staff');
    expect((await c.say('أي وحدة')).asked).toBe('name');
    expect((await c.say('نورة محمد')).asked).toBe('email');
    const summary = await c.say('noura92@example.com');
    expect(summary.asked).toBe('confirm');
    for (const part of ['مانيكير جل', 'الأفنيوز', 'أي موظفة', 'المجموع: ١٠٫٠٠٠ د.ك.', 'نورة محمد', '+٩٦٥٩٩٨٨٧٧٦٦', 'noura92@example.com', 'أأكد الحجز؟'])
      expect(summary.replies[0]).toContain(part);
    expect(summary.replies[0].replace('noura92@example.com', '')).not.toMatch(/[0-9]/);
    expect((await c.say('نعم')).outcome).toBe('confirmed');
  });

  test('a correction in Arabic', async () => {
    const c = chat(deps('kuwait-spa'), { channelPhone: KW_PHONE });
    await c.say('ابي مانيكير جل في الأفنيوز باجر الساعة ٥ العصر');
    const r = await c.say('خليها مارينا مول');
    expect(r.state.slots.location).toBe('LOC-MM');
    expect(r.asked).toBe('staff');
    expect(r.replies[0]).toContain('مارينا مول');
  });

  test('staff are offered, matched and said back by their Arabic names where the catalog has them', async () => {
    const c = chat(deps('kuwait-spa'), { channelPhone: KW_PHONE });
    const staff = await c.say('ابي مانيكير جل في الأفنيوز باجر الساعة ٥ العصر');
    expect(staff.replies[0]).toContain('سارة');
    expect(staff.replies[0]).not.toContain('Sara');
    await c.say('مع سارة');
    expect(c.state!.slots.services[0].staffId).toBe('STF-01');
    await c.say('نورة محمد');
    const summary = await c.say('noura92@example.com');
    expect(summary.replies[0]).toContain('مانيكير جل مع سارة');
    expect(summary.replies[0]).not.toMatch(/Sara|The Avenues/);
  });
});

describe('Spanish on mexico-barber', () => {
  test('a whole booking in Mexican Spanish, phone asked because no channel gave it', async () => {
    const c = chat(deps('mexico-barber'));
    const first = await c.say('Hola, quiero un corte de cabello en Roma Norte mañana a las 5 de la tarde');
    expect(first.replies[0]).toContain('¡Hola! Bienvenido a Barbería Centro.');
    expect(first.replies[0]).toContain('Hasta ahora: Corte de cabello, Roma Norte, el lunes 2 de marzo a las 5:00 p.m.');
    expect(first.asked).toBe('staff');
    const price = await c.say('¿cuánto cuesta el arreglo de barba?');
    expect(price.replies[0]).toContain('Arreglo de barba: MXN 180.00');
    expect(price.asked).toBe('staff');
    expect((await c.say('con Pedro')).asked).toBe('name');
    expect((await c.say('Juan Pérez')).asked).toBe('phone');
    expect((await c.say('55 1234 5678')).asked).toBe('email');
    const summary = await c.say('juan@example.com');
    for (const part of ['Corte de cabello con Pedro', 'Sucursal: Roma Norte', 'Total: MXN 250.00', 'Juan Pérez', '+525512345678', '¿La agendo?'])
      expect(summary.replies[0]).toContain(part);
    expect((await c.say('sí')).outcome).toBe('confirmed');
  });
});

describe('a day the branch does not open', () => {
  test('named before the branch, it is dropped when the branch comes: said in Spanish, with the next day with free times', async () => {
    const c = chat(deps('mexico-barber'), { channelPhone: '+525512345678' });
    const first = await c.say('Quiero un corte de cabello el domingo 8 de marzo a las 12');
    expect(first.asked).toBe('location');
    expect(first.state.slots.date).toBe('2026-03-08');
    const second = await c.say('en Coyoacán');
    expect(second.replies[0]).toContain('Coyoacán está cerrado el domingo');
    expect(second.replies[0]).toContain('El siguiente día con horarios libres es el lunes 9 de marzo: 11:45 a.m., 12:00 p.m. o 12:15 p.m.');
    expect(second.state.slots.date).toBeNull();
    expect(second.asked).toBe('staff');
  });
});

describe('a day asked for that has nothing to offer', () => {
  // Thursday 5 March 2026, 09:00 in Kuwait; Friday the 6th is Sara's and Joy's day off (fixture daysOff)
  const THURSDAY = new Date('2026-03-05T09:00:00+03:00');
  const on = (fixture: string, busy: Busy[] = [], now = THURSDAY) => deps(fixture, busy, { now: () => now });

  test("the person asked for is off that day: said, with her next day's times and who could do it that day", async () => {
    const c = chat(on('kuwait-spa'), { channelPhone: KW_PHONE });
    await c.say('gel manicure with Sara at Avenues');
    const r = await c.say('what time on Friday?');
    expect(r.asked).toBe('time');
    expect(r.replies[0]).toContain('Sara is off on Fridays. On Friday, March 6 you could have Maria.');
    expect(r.replies[0]).toContain('The next day with free times is Saturday, March 7: 10:00 AM, 11:30 AM or 1:00 PM. Which time would you like?');
    expect(r.replies[0]).not.toContain('What time on Friday');
    // not kept as the chosen day, and not a failed answer
    expect(r.state.slots.date).toBeNull();
    expect(r.state.failures).toEqual({});
    // someone else that day: the day comes back
    const maria = await c.say('Maria then');
    expect(maria.state.slots).toMatchObject({ date: '2026-03-06', services: [{ serviceId: 'SVC-102', staffId: 'STF-02' }] });
    expect(maria.replies[0]).toMatch(/What time on Friday, March 6\? Free times include 2:00 PM/);
  });

  test('her next day is picked by number', async () => {
    const c = chat(on('kuwait-spa'), { channelPhone: KW_PHONE });
    await c.say('gel manicure with Sara at Avenues on Friday at 4pm');
    const r = await c.say('1');
    // nearest to the 4pm wanted: 3:45, 4:00 and 4:15 PM on Saturday
    expect(r.state.slots).toMatchObject({ date: '2026-03-07', time: '15:45' });
  });

  test('the day is full: said plainly, the next day with free times offered as such, never as that day', async () => {
    // Noura (the only one doing haircuts there on Fridays) is booked all Friday
    const busy = [{ staffId: 'STF-05', start: at('2026-03-06T00:00'), end: at('2026-03-06T23:59') }];
    const c = chat(on('kuwait-spa', busy), { channelPhone: KW_PHONE });
    await c.say('haircut at Avenues, anyone is fine');
    const r = await c.say('What time on Friday?');
    expect(r.replies[0]).toContain('Sorry, Friday, March 6 is fully booked.');
    expect(r.replies[0]).toContain('The next day with free times is Saturday, March 7:');
    expect(r.outcome).toBe('answered_interruption');
    expect(r.state.offered).toMatchObject({ slot: 'time', after: '2026-03-06' });
    expect(r.state.offered!.options.every((o) => o.startsWith('2026-03-07'))).toBe(true);
  });

  test('everyone who does it is off that day: no one does it then', async () => {
    // at Al Kout only Mona does brows, and she is off on Fridays
    const c = chat(on('kuwait-spa'), { channelPhone: KW_PHONE });
    const r = await c.say('eyebrow threading at Al Kout on Friday');
    expect(r.replies[0]).toContain('Sorry, no one does Eyebrow Threading at Al Kout Mall on Fridays.');
    expect(r.state.slots.date).toBeNull();
    // the staff question that follows offers no one who is off that day, and names the next day with free times
    expect(r.replies[0]).toContain('The next day with free times is Saturday, March 7');
  });

  test('with a day chosen, staff off that day are not offered', async () => {
    const c = chat(on('kuwait-spa'), { channelPhone: KW_PHONE });
    const r = await c.say('gel manicure at Avenues on Friday');
    expect(r.asked).toBe('staff');
    expect(r.replies[0]).toContain('Who would you like for Gel Manicure: Maria or anyone?');
  });

  test('Arabic and Spanish say it in their own words', async () => {
    const ar = chat(on('kuwait-spa'), { channelPhone: KW_PHONE });
    const r = await ar.say('ابي مانيكير جل مع سارة في الأفنيوز يوم الجمعة');
    expect(r.replies[0]).toContain('يوم الجمعة إجازة سارة.');
    expect(r.replies[0]).toContain('يوم الجمعة، ٦ مارس تقدرين تحجزين مع ماريا.');
    expect(r.replies[0]).toContain('أقرب يوم فيه أوقات متاحة هو السبت، ٧ مارس:');
    const es = chat(on('mexico-barber', [], new Date('2026-03-05T09:00:00-06:00')), { channelPhone: '+525512345678' });
    const e = await es.say('corte de cabello en Roma Norte con Luis el lunes');
    expect(e.replies[0]).toContain('Luis descansa los lunes. El lunes 9 de marzo te puede atender Pedro.');
    expect(e.replies[0]).toContain('El siguiente día con horarios libres es el martes 10 de marzo:');
  });
});

describe('a service with a time of its own', () => {
  test('"move the pedicure to 5pm, keep the manicure at 3": said back, each with its time, the others staying', async () => {
    const c = chat(deps('kuwait-spa', [], { requiredFields: { email: false } }), { channelPhone: KW_PHONE });
    await c.say('gel manicure and classic pedicure at Avenues tomorrow at 3pm, anyone');
    await c.say('Dana');
    const r = await c.say('move the pedicure to 5pm, keep the manicure at 3');
    expect(r.asked).toBe('confirm');
    expect(r.replies[0]).toContain('Classic Pedicure now at 5:00 PM. Gel Manicure stays at 3:00 PM.');
    expect(r.replies[0]).toContain('• Monday, March 2 at 3:00 PM: Gel Manicure with anyone');
    expect(r.replies[0]).toContain('• 5:00 PM: Classic Pedicure with anyone');
    expect(r.state.slots).toMatchObject({ time: '15:00', services: [{ serviceId: 'SVC-102' }, { serviceId: 'SVC-104', time: '17:00' }] });
    // one time for the booking again: back to back from it
    const again = await c.say('actually make it 4pm');
    expect(again.state.slots.services.every((i) => !i.time)).toBe(true);
    expect(again.replies[0]).toContain('• 4:45 PM: Classic Pedicure');
  });

  test('one time for several services named together is the booking\'s, back to back', async () => {
    const c = chat(deps('kuwait-spa'), { channelPhone: KW_PHONE });
    const r = await c.say('gel manicure and classic pedicure at Avenues tomorrow at 3pm');
    expect(r.state.slots.time).toBe('15:00');
    expect(r.state.slots.services.every((i) => !i.time)).toBe(true);
  });

  test('a service\'s own time that is not free is refused and the times stay', async () => {
    // Sara and Maria are both busy at 7pm for the pedicure? Maria works until 22:00, Sara until 18:00: make Maria busy
    const busy = [{ staffId: 'STF-02', start: at('2026-03-02T18:30'), end: at('2026-03-02T20:00') }];
    const c = chat(deps('kuwait-spa', busy), { channelPhone: KW_PHONE });
    await c.say('gel manicure and classic pedicure at Avenues tomorrow at 3pm, anyone');
    await c.say('Dana');
    const r = await c.say('the pedicure at 7pm please');
    expect(r.replies[0]).toContain('Sorry, Classic Pedicure at 7:00 PM is not free.');
    expect(r.state.slots.services[1].time).toBeUndefined();
    expect(r.state.slots.time).toBe('15:00');
  });
});
