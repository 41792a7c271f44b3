/**
 * The WhatsApp linking QR code as inline SVG (the `qrcode` package), so the
 * admin page needs no image request and no external asset. The bridge
 * re-emits the same string across page refreshes, so the last one is kept.
 */
import QRCode from 'qrcode';

export type QrRenderer = (text: string) => Promise<string>;

export function createQrRenderer(): QrRenderer {
  let last: { text: string; svg: Promise<string> } | null = null;
  return (text) => {
    if (last?.text !== text) {
      const svg = QRCode.toString(text, { type: 'svg', margin: 2 });
      // a failed render is retried on the next request, not cached
      svg.catch(() => (last = null));
      last = { text, svg };
    }
    return last.svg;
  };
}
