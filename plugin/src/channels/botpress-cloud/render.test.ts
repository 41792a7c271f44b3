import { describe, expect, it } from 'vitest';
import { renderPayload } from './render';

describe('renderPayload', () => {
  it('keeps text and markdown (the WhatsApp sender formats markdown)', () => {
    expect(renderPayload({ type: 'text', text: 'Hello' })).toBe('Hello');
    expect(renderPayload({ type: 'markdown', markdown: '**Booked** for 5pm' })).toBe('**Booked** for 5pm');
  });

  it('lists choices so the customer can type one', () => {
    const choice = { type: 'choice' as const, text: 'Which branch?', options: [{ label: 'Avenues', value: 'av' }, { label: 'Salmiya', value: 'sa' }] };
    expect(renderPayload(choice)).toBe('Which branch?\n\n• Avenues\n• Salmiya');
    expect(renderPayload({ ...choice, type: 'dropdown' })).toBe('Which branch?\n\n• Avenues\n• Salmiya');
  });

  it('turns media into links and locations into a map link', () => {
    expect(renderPayload({ type: 'image', imageUrl: 'https://x.test/a.png' })).toBe('https://x.test/a.png');
    expect(renderPayload({ type: 'file', fileUrl: 'https://x.test/menu.pdf', title: 'Price list' })).toBe('Price list: https://x.test/menu.pdf');
    expect(renderPayload({ type: 'location', latitude: 29.37, longitude: 47.97, title: 'Avenues' })).toBe('Avenues\nhttps://maps.google.com/?q=29.37,47.97');
  });

  it('renders cards, carousels and blocs as text blocks', () => {
    const card = { type: 'card' as const, title: 'Gel Manicure', subtitle: '8 KWD', actions: [{ action: 'url' as const, label: 'Pay', value: 'https://pay.test/1' }, { action: 'postback' as const, label: 'Book', value: 'book' }] };
    expect(renderPayload(card)).toBe('**Gel Manicure**\n8 KWD\nPay: https://pay.test/1\n• Book');
    expect(renderPayload({ type: 'carousel', items: [card, { ...card, title: 'Pedicure', subtitle: undefined, actions: [] }] })).toBe(
      '**Gel Manicure**\n8 KWD\nPay: https://pay.test/1\n• Book\n\n**Pedicure**',
    );
    expect(renderPayload({ type: 'bloc', items: [{ type: 'text', text: 'Here:' }, { type: 'image', imageUrl: 'https://x.test/b.png' }] })).toBe('Here:\n\nhttps://x.test/b.png');
  });

  it('has nothing to show for an empty or unknown payload', () => {
    expect(renderPayload({ type: 'text', text: '  ' })).toBeNull();
    expect(renderPayload({ type: 'something-new' } as never)).toBeNull();
  });
});
