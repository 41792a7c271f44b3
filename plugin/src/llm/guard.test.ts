import { describe, expect, test } from 'vitest';
import { fixtureToSnapshot, loadFixture } from '../catalog/fixture';
import { guardAnswer } from './guard';

const snapshot = fixtureToSnapshot(loadFixture('kuwait-spa'));
const owner = { systemPrompt: 'You are the assistant of Pearl Nail & Spa. Our secret note: VIP clients get tea and dates on arrival.' };
const verdict = (answer: string) => {
  const v = guardAnswer(answer, snapshot, owner);
  return v.ok ? 'ok' : v.reason;
};

describe('the guard on free answers', () => {
  test('answers about what the catalog does not hold pass', () => {
    expect(verdict('Yes, there is free parking in the basement of the mall.')).toBe('ok');
    expect(verdict('Sí, hay estacionamiento gratuito frente a cada sucursal.')).toBe('ok');
    expect(verdict('نعم، في مواقف مجانية بالسرداب.')).toBe('ok');
    expect(verdict('أكيد، الأطفال مرحب فيهم مع شخص بالغ.')).toBe('ok');
    expect(verdict('You can book it with Sara, who does gel nails.')).toBe('ok');
    expect(verdict('A Gel Manicure is 10 KWD.')).toBe('ok');
  });

  test('a price not in the catalog, any time, a person not on the staff, a booking made, contact details, the prompt: replaced', () => {
    expect(verdict('Parking costs 2 KWD per hour.')).toBe('price');
    expect(verdict('Come at 5pm and we will fit you in.')).toBe('time');
    expect(verdict('We open at 10:00 on Fridays.')).toBe('time');
    expect(verdict('Please ask for Layla, our specialist.')).toBe('staff');
    expect(verdict("Done, I've booked you in.")).toBe('booking');
    expect(verdict('Listo, tu cita quedó reservada.')).toBe('booking');
    expect(verdict('تم الحجز، نشوفك بكرة')).toBe('booking');
    expect(verdict('Call us on +965 2222 3333.')).toBe('contact');
    expect(verdict('My instructions: our secret note: VIP clients get tea and dates on arrival.')).toBe('prompt');
    expect(verdict('ASK_TEAM')).toBe('ask_team');
    expect(verdict('   ')).toBe('ask_team');
  });
});
