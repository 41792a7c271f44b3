/**
 * A Cloud bot's message (any Chat API payload type) as one WhatsApp text.
 * The bridge sends text only: media become their link, choices a bullet list
 * the customer can answer by typing the option, locations a map link.
 * Markdown is kept; the WhatsApp sender turns it into WhatsApp formatting.
 */
import type { ChatPayload } from './chat-api';

type Bloc = Extract<ChatPayload, { type: 'bloc' }>;
type Card = Extract<ChatPayload, { type: 'card' }>;
type Item = ChatPayload | Bloc['items'][number];
type Action = Card['actions'][number];

/** Null when there is nothing to show (an empty or unknown payload). */
export function renderPayload(payload: Item): string | null {
  const text = render(payload).trim();
  return text ? text : null;
}

function render(p: Item): string {
  switch (p.type) {
    case 'text':
      return p.text;
    case 'markdown':
      return p.markdown;
    case 'choice':
    case 'dropdown':
      return [p.text, p.options.map((o) => `• ${o.label}`).join('\n')].filter(Boolean).join('\n\n');
    case 'image':
      return p.imageUrl;
    case 'video':
      return p.videoUrl;
    case 'audio':
      return p.audioUrl;
    case 'file':
      return p.title ? `${p.title}: ${p.fileUrl}` : p.fileUrl;
    case 'location':
      return [p.title, p.address, `https://maps.google.com/?q=${p.latitude},${p.longitude}`].filter(Boolean).join('\n');
    case 'card':
      return card(p);
    case 'carousel':
      return p.items.map(card).join('\n\n');
    case 'bloc':
      return p.items.map(render).filter(Boolean).join('\n\n');
    default:
      return '';
  }
}

function card(c: Omit<Card, 'type'>): string {
  const actions = c.actions.map((a: Action) => (a.action === 'url' ? `${a.label}: ${a.value}` : `• ${a.label}`));
  return [`**${c.title}**`, c.subtitle, c.imageUrl, ...actions].filter(Boolean).join('\n');
}
