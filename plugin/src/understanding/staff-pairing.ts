/**
 * Which staff member goes with which service when a message gives them per
 * service: "gel manicure with Sara and classic pedicure with Maria", "Maria
 * for the pedicure", "sara for the lashes and tint, joy for my mom's blow
 * dry", "pedro para el corte y el que sea para la barba", "سارة للمانيكير واي
 * وحدة للباديكير". "Anyone" phrases count as a staff choice of their own.
 */
import { normalize, tokenize } from './normalize';

/** Words before a staff name that make it one ("with Sara", "مع سارة", "con Pedro"). */
export const STAFF_CUES = new Set(['with', 'by', 'ask', 'prefer', 'con', 'مع', 'عند', 'وياها', 'ويا']);

/** Words after a staff name that point at the services that follow ("Maria for the pedicure", "Luis para la barba"). */
export const FOR_CUES = new Set(['for', 'para', 'on', 'doing', 'do', 'pa']);

/** "for", or an Arabic word with the joined preposition "ل" ("للمانيكير", "لاستشوار"). */
export const isForCue = (token: string | undefined): boolean => !!token && (FOR_CUES.has(token) || /^ل[\u0621-\u064a]{2,}/.test(token));

/** "any staff" phrases valid anywhere; the second list only when the bot asked about staff. */
const ANY_STAFF = [
  'anyone', 'any one', 'anybody', 'any staff', 'any stylist', 'any therapist', 'any of them', 'any girl', 'any lady', 'any barber', 'any technician',
  'whoever', "whoever's", 'whoevers', 'whomever', 'no preference', 'first available', 'whoever is free', "don't mind who", 'dont mind who', "don't care who",
  'dont care who', "doesn't matter who", 'doesnt matter who', 'anyone available', 'no one in particular', 'nobody in particular', 'anyone is fine',
  'no one specific', 'nobody specific', 'no one in specific', 'no specific person', 'ninguno en especial', 'ninguna en especial', 'nadie en especial', 'ninguno en particular', 'nadie en particular', 'el que este libre', 'la que este libre',
  'مو شرط احد معين', 'ماعندي احد معين', 'ما عندي احد معين',
  'cualquiera', 'quien sea', 'quién sea', 'la que sea', 'el que sea', 'el q sea', 'la q sea', 'sin preferencia', 'cualquier barbero', 'cualquier estilista',
  'el que este', 'el que esté', 'la que este', 'el que tenga', 'el que me toque', 'la que me toque', 'quien este', 'quien esté', 'me es indiferente', 'me da igual el', 'me da igual quien', 'no importa quien', 'no tengo preferencia',
  'أي أحد', 'اي احد', 'أي وحدة', 'اي وحده', 'اي وحدة', 'أي واحد', 'اي واحده', 'اي موظفه', 'أي موظفة', 'اي شخص', 'اللي فاضي', 'اللي فاضيه', 'اي حد',
  'اللي موجوده', 'اللي تبونه', 'اللي تشوفونه', 'ما يفرق منو', 'مايفرق منو', 'منو ما كان', 'وما يفرق منو', 'واي وحده', 'واي احد', 'واي وحدة', 'واي موظفه',
];
const ANY_STAFF_WHEN_ASKED = [
  'any', 'either', 'either one', 'either is fine', 'whichever', 'up to you', 'doesnt matter', "doesn't matter", 'does not matter', 'dont mind', "don't mind",
  'dont care', "don't care", 'not important', 'i dont mind', "i don't mind", 'i dont care', "i don't care",
  'me da igual', 'da igual', 'me da lo mismo', 'da lo mismo', 'no importa', 'lo que sea', 'la neta me da igual', 'me vale',
  'مو مهم', 'ما يهم', 'مايهم', 'ما تفرق', 'ماتفرق', 'عادي', 'على راحتكم', 'مافي فرق', 'ما يفرق', 'مايفرق', 'مو فارقه', 'ما عندي مشكله', 'ماتفرق معاي',
];

const phraseRx = (phrases: string[]) => {
  const alts = [...new Set(phrases.map((p) => tokenize(normalize(p)).join(' ')))].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?:^| )(?:${alts.join('|')})(?= |$)`, 'gu');
};
const ANY_ALWAYS = phraseRx(ANY_STAFF);
const ANY_ASKED = phraseRx(ANY_STAFF_WHEN_ASKED);
/** Words around an "any" answer that change nothing ("anyone is fine", "any is ok"). */
const AROUND = new Set([
  'is', 'fine', 'ok', 'okay', 'please', 'pls', 'es', 'esta', 'bien', 'تمام', 'honestly', 'really', 'who', 'quien', 'منو', 'la', 'neta', 'for', 'me', 'to', 'معاي',
  // openers said before the answer: "والله ما يفرق", "pues me da igual", "tbh doesn't matter"
  'tbh', 'hmm', 'um', 'well', 'oh', 'والله', 'بصراحه', 'يعني', 'امم', 'pues', 'bueno', 'este', 'la verdad', 'verdad',
]);

/** Token spans [first, last] of "anyone" phrases. */
export function anyStaffSpans(tokens: readonly string[], expectingStaff: boolean): Array<[number, number]> {
  const joined = tokens.join(' ');
  const spans: Array<[number, number]> = [];
  const tokenAt = (offset: number) => joined.slice(0, offset).split(' ').length - 1;
  const collect = (re: RegExp) => {
    re.lastIndex = 0;
    for (let m = re.exec(joined); m; m = re.exec(joined)) {
      const start = m.index + (m[0].startsWith(' ') ? 1 : 0);
      spans.push([tokenAt(start), tokenAt(m.index + m[0].length - 1)]);
    }
  };
  collect(ANY_ALWAYS);
  if (expectingStaff && !spans.length && tokens.length <= 10) {
    // when asked "who would you like?", "doesn't matter" opening the answer means anyone
    let i = 0;
    while (i < tokens.length - 1 && AROUND.has(tokens[i])) i++;
    ANY_ASKED.lastIndex = 0;
    const m = ANY_ASKED.exec(tokens.slice(i).join(' '));
    if (m && m.index === 0) spans.push([i, i + m[0].trim().split(' ').length - 1]);
  }
  return spans;
}

export interface Named {
  kind: 'service' | 'staff';
  /** Service id, staff id, or 'any'. */
  id: string;
  first: number;
  last: number;
}

/**
 * Services paired with staff. Each name's own words say which services are hers: "with Sara" goes with the
 * services before it, "Maria for …" with those after; without a cue, the services still waiting before her,
 * else those after. With two or more staff (or "anyone") named, every pairing counts; with one, only when
 * she is given some of the chosen services and not the others ("Maria for the pedicure").
 */
export function pairStaff(named: readonly Named[], tokens: readonly string[], current: readonly string[]): Array<{ service: string; staff: string }> {
  const items = [...named].sort((a, b) => a.first - b.first);
  const staff = new Set(items.filter((n) => n.kind === 'staff').map((n) => n.id));
  const services = items.filter((n) => n.kind === 'service').map((n) => n.id);
  const oneForSome = staff.size === 1 && !staff.has('any') && services.length > 0 && current.some((c) => !services.includes(c));
  if (staff.size < 2 && !oneForSome) return [];
  const pairs: Array<{ service: string; staff: string }> = [];
  let waiting: string[] = [];
  let holder: string | null = null;
  for (const n of items) {
    if (n.kind === 'service') {
      if (holder) pairs.push({ service: n.id, staff: holder });
      else waiting.push(n.id);
      continue;
    }
    const takesBefore = STAFF_CUES.has(tokens[n.first - 1] ?? '') || (!isForCue(tokens[n.last + 1]) && waiting.length > 0);
    if (takesBefore) {
      pairs.push(...waiting.map((service) => ({ service, staff: n.id })));
      holder = null;
    } else {
      holder = n.id;
    }
    waiting = [];
  }
  const seen = new Set<string>();
  return pairs.filter((p) => !seen.has(p.service) && seen.add(p.service));
}

/** Every word the staff rules know (leftover.ts). */
export const STAFF_VOCABULARY: readonly string[] = [...ANY_STAFF, ...ANY_STAFF_WHEN_ASKED, ...STAFF_CUES, ...FOR_CUES, ...AROUND];
