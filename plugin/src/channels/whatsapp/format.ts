/**
 * Replies are written in Markdown (templates, LLM output); WhatsApp has its
 * own markup (*bold*, _italic_, ~strike~, ```mono```) and a size limit, so
 * text is converted, then split where a reader would pause.
 */

const CODE = /```[\s\S]*?```|`[^`\n]+`/g;
const URL = /\bhttps?:\/\/[^\s<>()]+[^\s<>().,;:!?'"]/g;
// Private-use characters never typed by people: placeholders for protected spans and for bold's star.
const HOLE = '\uE000';
const STAR = '\uE001';

/** Markdown → WhatsApp formatting; code and URLs pass through untouched. */
export function toWhatsAppFormat(markdown: string): string {
  const kept: string[] = [];
  const keep = (s: string) => `${HOLE}${kept.push(s) - 1}${HOLE}`;
  let text = markdown.replace(/\r\n/g, '\n').replace(CODE, keep);
  text = text
    .replace(/!\[[^\]]*\]\(([^)\s]+)[^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g, (_, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(URL, keep);
  text = text
    .split('\n')
    .map((line) => {
      const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
      if (heading) return heading[1] ? `${STAR}${heading[1].replace(/\*\*|__|\*/g, '')}${STAR}` : '';
      return line.replace(/^(\s*)[*+]\s+/, '$1- ');
    })
    .join('\n');
  text = text
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, `${STAR}$1${STAR}`)
    .replace(/__(?=\S)(.+?)(?<=\S)__/g, '_$1_')
    .replace(/(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])/g, '_$1_')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '~$1~')
    .replaceAll(STAR, '*');
  return text.replace(new RegExp(`${HOLE}(\\d+)${HOLE}`, 'g'), (_, i: string) => kept[Number(i)]);
}

// Sentence ends in en/es/ar: . ! ? … and the Arabic question mark, followed by a space.
const SENTENCE_END = /[.!?…؟](?=\s)/g;

/** Where to cut, given the next `max + 1` characters: paragraph, then line, then sentence, then word; never in the first third. */
function cutPoint(window: string, max: number): number {
  const floor = Math.floor(max / 3);
  const para = window.lastIndexOf('\n\n');
  if (para > floor) return para;
  const line = window.lastIndexOf('\n');
  if (line > floor) return line;
  let sentence = -1;
  for (const m of window.matchAll(SENTENCE_END)) sentence = m.index + 1;
  if (sentence > floor) return sentence;
  const space = window.lastIndexOf(' ');
  if (space > floor) return space;
  // No boundary at all: a hard cut, but not between the halves of a surrogate pair (emoji).
  const code = window.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/** Splits `text` into parts of at most `max` characters at the most natural boundary. */
export function splitMessage(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const at = cutPoint(rest.slice(0, max + 1), max);
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}
