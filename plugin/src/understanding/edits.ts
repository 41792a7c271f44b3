/**
 * How a message changes the services already chosen: adds ("a pedicure too",
 * "ابي بعد مانيكير جل", "también barba"), takes away ("without the tint",
 * "شيلي الباديكير", "quítale la barba", "just the manicure"), or replaces
 * ("gel pedi instead of the classic one", "بدال الكلاسيك", "en vez del corte").
 * Read from cue words around each service mention, in any language; what a
 * replacement takes the place of, when not said, is the nearest chosen
 * service (service-index.ts).
 */
import type { MatchDetail, ServiceMention } from './catalog-matcher';
import { normalize, tokenize } from './normalize';
import type { ServiceIndex } from './service-index';
import type { ServiceEdit } from './types';

const words = (list: string[]) => list.map((p) => tokenize(normalize(p)));

/** Before a service: it goes ("without", "sin", "بدون", "ما ابي"). */
const TAKE_AWAY = words([
  'without', 'no', 'not', 'remove', 'drop', 'skip', 'forget', 'forget about', 'minus', 'take off', 'get rid of', 'delete', 'except', 'but not', "don't want", 'dont want',
  'sin', 'quita', 'quitale', 'quitame', 'quitar', 'quiten', 'no quiero', 'ya no quiero', 'borra', 'menos', 'excepto',
  'بدون', 'شيلي', 'شيل', 'شيلوا', 'ما ابي', 'مابي', 'ما ابغي', 'ما ابغا', 'من غير', 'بلاش', 'ماله داعي', 'مو لازم', 'لا تسوون',
]);
/** Cancel verbs take a chosen service away; with nothing chosen they act on a booking ("cancel the pedicure on tuesday"). */
const CANCEL_ONE = words(['cancel', 'cancela', 'cancelar', 'cancelame', 'الغي', 'الغوا', 'الغاء']);
/** After a service: it goes ("the lash lift is a bit much", "رفع الرموش وايد"). */
const TOO_MUCH = words(['is a bit much', 'is too much', 'too much', 'is a lot', 'is too expensive', 'no', 'not', 'ya no', 'mejor no', 'no me convence', 'وايد', 'كثير', 'غالي', 'لا', 'ما ابيه', 'ما ابيها']);
/** Before a service: it is what the new one replaces ("instead of", "en vez de", "بدال"). */
const REPLACED = words(['instead of', 'rather than', 'in place of', 'en vez de', 'en vez del', 'en lugar de', 'en lugar del', 'بدل', 'بدال', 'عوض']);
/** "swap X for Y", "change X to Y", "cambia X por Y", "غيري X ل Y": X is replaced. */
const SWAP_VERB = words(['swap', 'switch', 'change', 'replace', 'cambia', 'cambiar', 'cambiame', 'reemplaza', 'غيري', 'غير', 'بدلي', 'make']);
const SWAP_TO = new Set(['for', 'to', 'with', 'into', 'por', 'a', 'al', 'ل', 'الي', 'a', 'be']);
/** Before a service: it stays ("keep the pedicure", "وخلي الباديكير"). */
const KEEP = words(['keep', 'still', 'mantener', 'mantén', 'deja', 'dejame', 'خلي', 'وخلي', 'خل']);
/** Only these ("just the manicure", "nomás barba", "بس المانيكير", "the pedicure only"). */
const ONLY_BEFORE = words(['just', 'only', 'solo', 'sólo', 'nomas', 'nomás', 'nada mas', 'nada más', 'unicamente', 'únicamente', 'بس', 'فقط', 'خلي بس']);
const ONLY_AFTER = words(['only', 'solamente', 'nada mas', 'بس', 'فقط']);
/** Anywhere: something comes in addition. */
const ADD = words([
  'also', 'too', 'as well', 'add', 'plus', 'another', 'extra', 'on top', 'in addition',
  'tambien', 'también', 'agrega', 'agregame', 'agregar', 'agregale', 'agreguen', 'añade', 'añademe', 'anade', 'ademas', 'además', 'otro', 'otra',
  'كمان', 'زيدي', 'زيد', 'زيدو', 'اضيف', 'ضيفي', 'ايضا', 'وياه', 'وياها',
  'both', 'los dos', 'las dos', 'ambos', 'ambas', 'الثنتين', 'الاثنتين', // not "الاثنين": also Monday
]);
/** Before or after a chosen service: the new one comes in addition ("a hair spa before the blow dry", "قبل الاستشوار"). */
const ORDER = words(['before', 'after', 'antes', 'despues', 'después', 'قبل', 'عقب', 'بعد']);
/** Anywhere: the new services take the place of chosen ones. */
const REPLACE = words([
  'instead', 'rather', 'swap', 'switch', 'make it', 'make the', 'change', 'change it', 'actually', 'can the', 'replace',
  'en vez', 'en lugar', 'mejor', 'cambialo', 'cambiala', 'cambia', 'reemplaza',
  'بدل', 'بدال', 'عوض', 'خليها', 'خليه', 'خلي', 'غيريه', 'غيريها', 'غيري', 'بدليه',
]);
const JOINERS = new Set(['and', 'y', 'e', 'و', 'the', 'el', 'la', 'los', 'las', 'my', 'mi', 'a', 'an', 'un', 'una', 'de', 'del', 'also', 'ال']);
/** Words that join a list; an article alone does not ("en vez del corte un afeitado": the afeitado replaces, it is not replaced too). */
const CONJUNCTIONS = new Set(['and', 'y', 'e', 'و', 'or', 'o', 'ni', 'nor', 'او']);
/** Arabic "بعد" is "also" at the end of a message or right after "ابي" ("ابي بعد مانيكير", "باديكير بعد"); elsewhere it is "after". */
const WANT = new Set(['ابي', 'ابغي', 'ابغا', 'بغيت', 'وابي', 'وابغي', 'ودي']);

/** Does a cue phrase end at token i (`endAt`) or start at token i (`startAt`)? */
function phraseAt(tokens: readonly string[], phrases: ReadonlyArray<readonly string[]>, i: number, where: 'endAt' | 'startAt'): boolean {
  return phrases.some((p) => {
    const from = where === 'endAt' ? i - p.length + 1 : i;
    return from >= 0 && p.every((w, k) => tokens[from + k] === w);
  });
}
const anywhere = (tokens: readonly string[], phrases: ReadonlyArray<readonly string[]>) => tokens.some((_, i) => phraseAt(tokens, phrases, i, 'startAt'));
/** A token with the Arabic "and" joined ("والباديكير") continues the list before it. */
const joined = (t: string | undefined) => !!t && /^و[\u0621-\u064a]{3,}/.test(t);

type Role = 'want' | 'keep' | 'only' | 'away' | 'replaced';

export interface EditReading {
  services: string[];
  serviceEdit: ServiceEdit | null;
  removeServices: string[];
}

export function readEdit(match: Pick<MatchDetail, 'tokens' | 'clauseOf' | 'mentions' | 'loose'>, current: readonly string[], index: ServiceIndex): EditReading {
  const { tokens, clauseOf } = match;
  const mentions: ServiceMention[] = [...match.mentions];
  const roles = new Map<ServiceMention, Role>();
  let previous: { mention: ServiceMention; role: Role } | null = null;
  for (const m of mentions) {
    const from = previous ? previous.mention.last + 1 : 0;
    let role: Role = 'want';
    // the nearest cue before the mention, back to the previous mention, within its clause
    for (let i = m.first - 1; i >= from && clauseOf[i] === clauseOf[m.first]; i--) {
      if (phraseAt(tokens, KEEP, i, 'endAt')) { role = 'keep'; break; }
      if (phraseAt(tokens, ONLY_BEFORE, i, 'endAt')) {
        // "en vez de solo corte": what "only" was is replaced
        const cue = ONLY_BEFORE.find((p) => phraseAt(tokens, [p], i, 'endAt'))!;
        role = phraseAt(tokens, REPLACED, i - cue.length, 'endAt') ? 'replaced' : 'only';
        break;
      }
      if (phraseAt(tokens, REPLACED, i, 'endAt')) { role = 'replaced'; break; }
      if (phraseAt(tokens, SWAP_VERB, i, 'endAt') && swapTarget(tokens, m, mentions, match.loose)) { role = 'replaced'; break; }
      if (phraseAt(tokens, TAKE_AWAY, i, 'endAt') || (current.length && phraseAt(tokens, CANCEL_ONE, i, 'endAt'))) { role = 'away'; break; }
      if (phraseAt(tokens, REPLACE, i, 'endAt')) break; // "no, make it a classic manicure": what follows "make it" is wanted
    }
    // "remove the brows and the pedi", "شيلي الحواجب والباديكير": the list goes on
    if (role === 'want' && previous && (previous.role === 'away' || previous.role === 'replaced')) {
      const gap = tokens.slice(previous.mention.last + 1, m.first);
      const listGoesOn = previous.role === 'replaced' ? gap.some((t) => CONJUNCTIONS.has(t)) || joined(tokens[m.first]) : gap.length > 0 || joined(tokens[m.first]);
      if (gap.every((t) => JOINERS.has(t)) && listGoesOn) role = previous.role;
    }
    const after = tokens.slice(m.last + 1, m.last + 5);
    if (role === 'want' && TOO_MUCH.some((p) => after.join(' ').startsWith(p.join(' ')))) role = 'away';
    if ((role === 'want' || role === 'keep') && ONLY_AFTER.some((p) => after.join(' ').startsWith(p.join(' ')))) role = 'only';
    roles.set(m, role);
    previous = { mention: m, role };
  }

  const wanted = mentions.filter((m) => ['want', 'keep', 'only'].includes(roles.get(m)!));
  const gone = mentions.filter((m) => ['away', 'replaced'].includes(roles.get(m)!));
  const add = new Set<string>();
  const remove = new Set<string>();
  for (const m of gone) {
    if (current.includes(m.id)) remove.add(m.id);
    // a part taken out of a chosen combo leaves its other parts ("corte y barba" without the beard is a haircut)
    const combo = current.find((c) => index.isPartOf(m.id, c));
    if (combo) {
      remove.add(combo);
      for (const p of index.partsOf(combo)) if (p !== m.id && !gone.some((g) => g.id === p)) add.add(p);
    }
  }
  const replaceCue = anywhere(tokens, REPLACE) || gone.some((m) => roles.get(m) === 'replaced');
  // "instead of the classic one": a loose variant word after a replace cue names the chosen service it fits
  for (const l of match.loose) {
    const before = tokens.slice(Math.max(0, l.tok - 4), l.tok).filter((_, k) => clauseOf[Math.max(0, l.tok - 4) + k] === clauseOf[l.tok]);
    const isReplaced = before.some((_, i) => phraseAt(before, REPLACED, i, 'endAt')) || phraseAt(tokens, TAKE_AWAY, l.tok - 1, 'endAt') || (JOINERS.has(tokens[l.tok - 1]) && phraseAt(tokens, TAKE_AWAY, l.tok - 2, 'endAt'));
    if (isReplaced) {
      const fits = index.withWord(l.word, current.filter((c) => !wanted.some((w) => w.id === c)));
      const pick = fits.length === 1 ? fits : fits.filter((c) => wanted.some((w) => !current.includes(w.id) && index.nearest(w.id, fits).includes(c)));
      if (pick.length === 1) remove.add(pick[0]);
    }
  }
  // "ابي جل بدال الكلاسيك", "make it the classic one": a loose variant word turns a chosen service into another
  for (const l of match.loose) {
    if (!replaceCue) break;
    const before = tokens.slice(Math.max(0, l.tok - 4), l.tok);
    if (before.some((_, i) => phraseAt(before, REPLACED, i, 'endAt'))) continue;
    const bases = remove.size ? [...remove] : current.filter((c) => !wanted.some((w) => w.id === c));
    const swaps = [...new Set(bases.map((b) => index.swap(l.word, b)).filter((x): x is string => !!x && !current.includes(x)))];
    if (swaps.length === 1) {
      add.add(swaps[0]);
      if (!remove.size) {
        const base = bases.find((b) => index.swap(l.word, b) === swaps[0]);
        if (base) remove.add(base);
      }
    }
  }

  const services = [...new Set([...wanted.map((m) => m.id), ...add])].filter((id) => !remove.has(id) || wanted.some((w) => w.id === id && roles.get(w) === 'keep'));
  const fresh = services.filter((id) => !current.includes(id));
  if (!current.length) {
    return { services, serviceEdit: fresh.length && anywhere(tokens, ADD) ? 'add' : null, removeServices: [] };
  }
  if (wanted.some((m) => roles.get(m) === 'only')) for (const c of current) if (!services.includes(c)) remove.add(c);
  if (replaceCue && fresh.length && !remove.size) {
    const others = current.filter((c) => !services.includes(c));
    const near = index.nearest(fresh[0], others);
    if (near.length === 1) remove.add(near[0]);
  }
  for (const id of services) remove.delete(id);
  const removeServices = current.filter((c) => remove.has(c));
  const addCue = anywhere(tokens, ADD) || ['and', 'y', 'plus', 'e'].includes(tokens[0]) || alsoInArabic(tokens) || (fresh.length > 0 && mentions.some((m) => current.includes(m.id) && ORDER.some((p) => phraseAt(tokens, [p], m.first - 1, 'endAt'))));
  let serviceEdit: ServiceEdit | null = null;
  if (fresh.length && removeServices.length) serviceEdit = 'replace';
  else if (fresh.length && addCue) serviceEdit = 'add';
  else if (!fresh.length && removeServices.length) serviceEdit = 'remove';
  else if (fresh.length && replaceCue && !current.every((c) => services.includes(c))) serviceEdit = 'replace';
  else if (!services.length && addCue && match.loose.length) serviceEdit = 'add'; // "a massage too": something more, not named yet
  return { services, serviceEdit, removeServices };
}

/** "swap X for Y": X is followed by a "for/to/por/ل" and something else named after it. */
function swapTarget(tokens: readonly string[], m: ServiceMention, mentions: readonly ServiceMention[], loose: MatchDetail['loose']): boolean {
  const next = tokens[m.last + 1];
  if (!next || !(SWAP_TO.has(next) || /^ل[\u0621-\u064a]/.test(next))) return false;
  return mentions.some((o) => o.first > m.last) || loose.some((l) => l.tok > m.last);
}

/** Gulf "بعد" as "also": last word, or right after "ابي"; a message opening with a joined "و" ("وباديكير") adds too. */
function alsoInArabic(tokens: readonly string[]): boolean {
  const i = tokens.indexOf('بعد');
  if (i >= 0 && (i === tokens.length - 1 || WANT.has(tokens[i - 1] ?? ''))) return true;
  return joined(tokens[0]);
}

/** Every word the basket-edit rules know (leftover.ts). */
export const EDIT_VOCABULARY: readonly string[] = [
  ...[TAKE_AWAY, CANCEL_ONE, TOO_MUCH, REPLACED, SWAP_VERB, KEEP, ONLY_BEFORE, ONLY_AFTER, ADD, ORDER, REPLACE].flat(2),
  ...SWAP_TO, ...JOINERS, ...CONJUNCTIONS, ...WANT,
];
