/** Plain text for a bot message, for channels that only carry text (WhatsApp bridge, terminal). */
import type { Message } from '@botpress/client';

interface Option {
  label?: string;
  value?: string;
}

export function messageText({ type, payload }: Pick<Message, 'type' | 'payload'>): string {
  switch (type) {
    case 'text':
      return String(payload.text ?? '');
    case 'markdown':
      return String(payload.markdown ?? '');
    case 'choice':
    case 'dropdown': {
      const options = (payload.options as Option[] | undefined) ?? [];
      return [String(payload.text ?? ''), ...options.map((o, i) => `${i + 1}. ${o.label ?? o.value ?? ''}`)].join('\n');
    }
    case 'image':
      return String(payload.imageUrl ?? '');
    default:
      return `[${type}] ${JSON.stringify(payload)}`;
  }
}
