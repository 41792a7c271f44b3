/**
 * Finds catalog locations, services and staff named in a message, in English,
 * Arabic or Spanish, in any word order, with small typos.
 *
 * Every catalog name and synonym becomes an alias: a set of canonical words
 * (synonyms.ts folds languages together). A message is turned into the same
 * canonical words; an alias matches when all its words occur close together
 * (window of alias length + 1, any order). Longer and tighter matches win and
 * consume their words, so "gel manicure" is Gel Manicure, not also Classic
 * Manicure. Typos are fixed per word through a fuse.js index of the known
 * vocabulary, confirmed by an edit-distance bound — precision over recall.
 */
import Fuse from 'fuse.js';
import type { CatalogSnapshot } from '../catalog/types';
import { isArabicWord, normalize, tokenize } from './normalize';
import { ServiceIndex } from './service-index';
import { anyStaffSpans, isForCue, pairStaff, STAFF_CUES, type Named } from './staff-pairing';
import { GENERIC_PLACE_WORDS, MATCH_STOPWORDS, WORD_LEXICON, synonymsFor } from './synonyms';

export type EntityKind = 'location' | 'service' | 'staff';

interface Alias {
  kind: EntityKind;
  id: string;
  words: string[];
  /** Staff name that is also an everyday word ("Joy", "آنا" = "I"): needs a cue. */
  weak: boolean;
}

/** One way an alias fits the message: positions in the content sequence it would use. */
interface Cand {
  alias: Alias;
  start: number;
  span: number;
  used: number[];
  /** Alias words appear in the alias's own order ("gel manicure", not "manicure gel"). */
  inOrder: boolean;
  /** Its words come from both sides of a comma ("removal, gel manicure" is not "gel removal"). */
  crossesComma: boolean;
}

export interface CatalogMatch {
  location: string | null;
  services: string[];
  staff: string | null;
  /** Staff named per service, when two or more staff are named ("manicure with Sara and pedicure with Maria"). */
  staffFor: Array<{ service: string; staff: string }>;
}

/** Where each service was named, for reading edits around it ("without the tint", "instead of the classic one"). */
export interface ServiceMention {
  id: string;
  first: number;
  last: number;
}

export interface MatchDetail extends CatalogMatch {
  /** The message's normalised tokens, as the mentions count them. */
  tokens: readonly string[];
  /** Clause (comma-separated part) of each token. */
  clauseOf: readonly number[];
  /** Every service mention in order, chosen services resolved ("the manicure" = the chosen Gel Manicure). */
  mentions: ServiceMention[];
  /** Service words that named nothing on their own ("classic" in "the classic one", "جل"), with their token. */
  loose: Array<{ tok: number; word: string }>;
}

export interface MatchOptions {
  expectingStaff?: boolean;
  /** Normalised words to ignore, e.g. the customer's own name ("Sara" is not staff Sara then). */
  skipWords?: ReadonlySet<string>;
  /** Services already chosen: "the manicure" then means the chosen Gel Manicure, not Classic Manicure. */
  currentServices?: readonly string[];
}

/** Staff names that are also common words in one of our languages. */
const WEAK_STAFF_NAMES = new Set(['joy', 'rose', 'grace', 'mona', 'ana', 'انا', 'مني', 'دلال', 'حصه', 'لينا', 'جوي', 'ريم', 'روز']);

/** Everyday words that must never be "corrected" into a catalog word by the typo step. */
const NO_FUZZ = new Set([
  'maria', 'marie', 'mario', 'hello', 'thanks', 'please', 'place', 'tomorrow', 'today', 'hours', 'where', 'there', 'their',
  'manana', 'mañana', 'tarde', 'noche', 'gracias', 'quiero', 'cuanto', 'tienen', 'nails', 'other', 'after', 'never', 'stoned',
  'sarah', 'color', 'colors', 'close', 'closed', 'clean', 'cleaning', 'spanish', 'party', 'marine', 'mario', 'rosa',
]);

/** Strip the Arabic article from a canonical word ("الكوت" → "كوت"); aliases and messages both go through it. */
const dropArticle = (w: string): string => (w.length > 3 && w.startsWith('ال') ? w.slice(2) : w);

/** One-letter Arabic prefixes (و ف ب ل ك) plus article, as in "بالافنيوز", "وباديكير". */
function arabicForms(w: string): string[] {
  const out = [w, dropArticle(w)];
  for (const n of [1, 2]) {
    if (!/^[وفبلك]+$/.test(w.slice(0, n))) break;
    const rest = w.slice(n);
    if (rest.length >= 2) out.push(rest, dropArticle(rest));
  }
  if (w.startsWith('لل') && w.length > 4) out.push(w.slice(2));
  return out;
}

/** Edit distance ≤ max, with early exit. Hand-written: fuse.js scores are substring-biased ("mani" fits "manicure" perfectly); this bounds real typos. */
function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  // Optimal string alignment: a swapped pair ("marnia") costs one edit, like a typo should.
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2] + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    before = prev;
    prev = cur;
  }
  return prev[b.length] <= max;
}

export class CatalogMatcher {
  private readonly surface = new Map<string, string[]>();
  private readonly aliasesByWord = new Map<string, Alias[]>();
  /** One small fuse.js index per first letter: typos rarely hit the first letter, and small indexes are fast. */
  private readonly fuseByInitial = new Map<string, Fuse<string>>();
  private readonly fuzzCache = new Map<string, string[] | null>();
  private readonly noFuzz = new Set(NO_FUZZ);
  private readonly serviceAliases = new Map<string, Alias[]>();
  /** What service names say about each other: shorter names, variants, combos. */
  readonly services: ServiceIndex;
  /** Canonical words of location and service names (not staff): they are not customer names. */
  private readonly catalogWords = new Set<string>();
  /** Canonical words of service names alone. */
  private readonly serviceWords = new Set<string>();

  constructor(snapshot: CatalogSnapshot) {
    // Surface forms: every lexicon variant → canonical words.
    for (const [canonical, variants] of Object.entries(WORD_LEXICON)) {
      const target = canonical.split(' ');
      for (const v of [canonical, ...variants]) {
        const key = dropArticle(normalize(v));
        if (key && !key.includes(' ')) this.surface.set(key, target);
      }
    }
    const synonyms = synonymsFor(snapshot);
    const aliases: Alias[] = [];
    const addAlias = (kind: EntityKind, id: string, phrase: string | null | undefined, weakOk = true) => {
      if (!phrase) return;
      const words = this.aliasWords(phrase, kind);
      if (words.length === 0) return;
      const weak = kind === 'staff' && weakOk && words.length === 1 && WEAK_STAFF_NAMES.has(words[0]);
      aliases.push({ kind, id, words, weak });
    };
    const placeWordCount = new Map<string, number>();
    for (const loc of snapshot.locations) {
      for (const w of new Set([...this.aliasWords(loc.name, 'location'), ...this.aliasWords(loc.nameAr ?? '', 'location')]))
        placeWordCount.set(w, (placeWordCount.get(w) ?? 0) + 1);
    }
    for (const loc of snapshot.locations) {
      for (const phrase of [loc.name, loc.nameAr, loc.area, ...(synonyms[loc.id] ?? [])]) addAlias('location', loc.id, phrase);
      // A word found in one location's name only ("Avenues", "Kout") names it alone.
      for (const w of [...this.aliasWords(loc.name, 'location'), ...this.aliasWords(loc.nameAr ?? '', 'location')]) {
        if (placeWordCount.get(w) === 1 && !GENERIC_PLACE_WORDS.has(w) && w.length >= 3) aliases.push({ kind: 'location', id: loc.id, words: [w], weak: false });
      }
    }
    for (const svc of snapshot.services) {
      for (const phrase of [svc.name, svc.nameAr, ...(synonyms[svc.id] ?? [])]) addAlias('service', svc.id, phrase);
    }
    for (const person of snapshot.staff) {
      for (const phrase of [person.name, person.nameAr, ...(synonyms[person.id] ?? [])]) addAlias('staff', person.id, phrase);
      for (const w of [...this.aliasWords(person.name, 'staff'), ...this.aliasWords(person.nameAr ?? '', 'staff')]) this.noFuzz.add(w);
      for (const s of synonyms[person.id] ?? []) this.noFuzz.add(dropArticle(normalize(s)));
    }
    for (const a of aliases) {
      if (a.kind === 'service') this.serviceAliases.set(a.id, [...(this.serviceAliases.get(a.id) ?? []), a]);
      if (a.kind !== 'staff') for (const w of a.words) this.catalogWords.add(w);
      if (a.kind === 'service') for (const w of a.words) this.serviceWords.add(w);
      for (const w of new Set(a.words)) {
        const list = this.aliasesByWord.get(w) ?? [];
        if (!list.some((b) => b.id === a.id && b.words.join(' ') === a.words.join(' '))) list.push(a);
        this.aliasesByWord.set(w, list);
      }
      for (const w of a.words) if (!this.surface.has(w)) this.surface.set(w, [w]);
    }
    this.services = new ServiceIndex(snapshot.services.map((sv) => ({ id: sv.id, category: sv.category, names: (this.serviceAliases.get(sv.id) ?? []).map((a) => a.words) })));
    // Typo index: surface forms long enough to tell apart, never staff names.
    const byInitial = new Map<string, string[]>();
    for (const w of this.surface.keys()) {
      if (w.length < 5 || this.noFuzz.has(w)) continue;
      byInitial.set(w[0], [...(byInitial.get(w[0]) ?? []), w]);
    }
    for (const [initial, words] of byInitial) {
      this.fuseByInitial.set(initial, new Fuse(words, { includeScore: true, threshold: 0.5, ignoreDiacritics: true, ignoreLocation: true, minMatchCharLength: 3 }));
    }
  }

  /** Is this (normalised) word part of a service or location name in some language? */
  isCatalogWord(word: string): boolean {
    if (MATCH_STOPWORDS.has(word)) return false;
    return this.canon(word).some((w) => this.catalogWords.has(w));
  }

  /** Is this (normalised) word a staff member's name, in any spelling the catalog knows ("sara", "ساره")? */
  isStaffWord(word: string): boolean {
    return (this.aliasesByWord.get(dropArticle(word)) ?? this.aliasesByWord.get(word) ?? []).some((a) => a.kind === 'staff');
  }

  /** Is this (normalised) word part of a service name ("tint", "haircut", "باديكير")? */
  isServiceWord(word: string): boolean {
    if (MATCH_STOPWORDS.has(word)) return false;
    return this.canon(word).some((w) => this.serviceWords.has(w));
  }

  /** Canonical content words of a catalog phrase. */
  private aliasWords(phrase: string, kind: EntityKind): string[] {
    const out: string[] = [];
    for (const raw of tokenize(normalize(phrase))) {
      const w = dropArticle(raw);
      if (MATCH_STOPWORDS.has(w) || MATCH_STOPWORDS.has(raw)) continue;
      if (kind === 'staff') {
        out.push(w);
        continue;
      }
      out.push(...(this.lookup(w) ?? [w]));
    }
    return out;
  }

  /** Known surface form of a word, trying Arabic prefix-stripped forms ("وباديكير" → pedicure). */
  private lookup(token: string): string[] | undefined {
    // Spanish verbs with a pronoun attached: "cortarme", "pintarse" → "cortar", "pintar"
    const forms = isArabicWord(token) ? arabicForms(token) : [token, token.replace(/s$/, ''), token.replace(/([aei]r)(?:me|se|te|lo|la|le|nos)$/, '$1')];
    for (const f of forms) {
      const hit = this.surface.get(f);
      if (hit) return hit;
    }
    return undefined;
  }

  /** Canonical words for one message token: exact surface form first, then a bounded typo fix. */
  private canon(token: string): string[] {
    if (MATCH_STOPWORDS.has(token)) return [];
    const hit = this.lookup(token);
    if (hit) return hit;
    if (this.noFuzz.has(token) || token.length < 5 || /\d/.test(token)) return [token];
    const cached = this.fuzzCache.get(token);
    if (cached !== undefined) return cached ?? [token];
    let result: string[] | null = null;
    const max = token.length >= 8 ? 2 : 1;
    // fuse.js shortlists (its scores tie often), the edit bound decides; smallest distance wins.
    let best = max + 1;
    for (const r of this.fuseByInitial.get(token[0])?.search(token) ?? []) {
      for (let d = 0; d < best; d++) {
        if (withinEdits(token, r.item, d)) {
          best = d;
          result = this.surface.get(r.item) ?? null;
          break;
        }
      }
    }
    if (this.fuzzCache.size > 10_000) this.fuzzCache.clear(); // bounded: hostile input must not grow memory
    this.fuzzCache.set(token, result);
    return result ?? [token];
  }

  match(text: string, opts: MatchOptions = {}): MatchDetail {
    // Tokens clause by clause: a comma (or line break) separates items in a list of services.
    const clauses = text.split(/[,;\n\u060c]/).map((part) => tokenize(normalize(part)));
    const tokens = clauses.flat();
    const clauseOf = clauses.flatMap((part, i) => part.map(() => i));
    // Content sequence: canonical words with the message token they came from.
    const seq: Array<{ word: string; tok: number }> = [];
    tokens.forEach((t, i) => {
      if (opts.skipWords?.has(t)) return;
      for (const w of this.canon(t)) seq.push({ word: w, tok: i });
    });
    const present = new Map<string, number[]>();
    seq.forEach((s, i) => present.set(s.word, [...(present.get(s.word) ?? []), i]));

    const seen = new Set<Alias>();
    // One candidate per entity and set of words: windows overlap, and aliases of one service can fit the same words.
    const fits = new Map<string, Cand>();
    for (const word of present.keys()) {
      for (const alias of this.aliasesByWord.get(word) ?? []) {
        if (seen.has(alias)) continue;
        seen.add(alias);
        if (!alias.words.every((w) => present.has(w))) continue;
        const k = alias.words.length;
        for (const start of present.get(alias.words[0]) ?? []) {
          // Any order: find the tightest window around this occurrence holding every alias word.
          // Every window is a candidate: the greedy pass below may need a looser one when a tighter one clashes.
          for (let lo = Math.max(0, start - k); lo <= start; lo++) {
            const used = this.fit(alias.words, seq, lo, Math.min(seq.length, lo + k + 1));
            if (!used || !used.includes(start) || this.staffInGap(alias, used, seq)) continue;
            const inOrder = used.every((u, i) => i === 0 || used[i - 1] < u);
            const crossesComma = new Set(used.map((u) => clauseOf[seq[u].tok])).size > 1;
            const cand: Cand = { alias, start: Math.min(...used), span: Math.max(...used) - Math.min(...used) + 1, used, inOrder, crossesComma };
            // of the aliases fitting the same words, keep one that reads in order ("hair cut" over "corte de cabello")
            const key = `${alias.kind}:${alias.id}:${[...used].sort((a, b) => a - b).join()}`;
            const had = fits.get(key);
            if (!had || (inOrder && !had.inOrder)) fits.set(key, cand);
          }
        }
      }
    }
    const cands = [...fits.values()];
    // Within one list item, longer, then tighter, then in the alias's own word order.
    cands.sort(
      (a, b) =>
        Number(a.crossesComma) - Number(b.crossesComma) ||
        b.alias.words.length - a.alias.words.length ||
        a.span - b.span ||
        Number(b.inOrder) - Number(a.inOrder) ||
        a.start - b.start,
    );
    let best = this.select(cands, tokens, seq, opts);
    // Greedy by length can let a long alias eat words of two shorter ones ("corte de cabello y arreglo de
    // barba": "haircut and beard" would take cut, hair and beard, leaving "arreglo"). Dropping a long pick
    // is kept only when the rest then covers strictly more words; a few rounds at most.
    const dropped = new Set<Cand>();
    for (let round = 0; round < 4 && best.covered < seq.length; round++) {
      const without = (c: Cand) => cands.filter((x) => x !== c && !dropped.has(x));
      const long = best.chosen.filter((c) => c.alias.words.length > 1 && c.alias.kind !== 'staff');
      const alt = long.map((c) => ({ c, pick: this.select(without(c), tokens, seq, opts) })).find((a) => a.pick.covered > best.covered);
      if (!alt) break;
      dropped.add(alt.c);
      best = alt.pick;
    }
    const current = opts.currentServices ?? [];
    const tokOf = (c: Cand) => ({ first: seq[c.start].tok, last: seq[Math.max(...c.used)].tok });
    const mentions: ServiceMention[] = [];
    for (const c of best.chosen) {
      if (c.alias.kind !== 'service') continue;
      const id = this.services.referent(c.alias.id, c.used.map((i) => seq[i].word), current);
      const parts = this.services.partsOf(id);
      // a combo whose parts are chosen one by one means those parts ("corte y barba" when both are chosen)
      if (parts.length && !current.includes(id) && parts.every((p) => current.includes(p))) mentions.push(...parts.map((p) => ({ id: p, ...tokOf(c) })));
      else mentions.push({ id, ...tokOf(c) });
    }
    const usedTok = new Set(best.chosen.flatMap((c) => c.used.map((i) => seq[i].tok)));
    const loose: MatchDetail['loose'] = [];
    for (const [i, t] of tokens.entries()) {
      if (usedTok.has(i) || opts.skipWords?.has(t) || MATCH_STOPWORDS.has(t)) continue;
      for (const word of this.canon(t)) {
        if (!this.serviceWords.has(word)) continue;
        // a word only one chosen service has names it ("the tint" when Eyebrow Tint is chosen)
        const id = this.services.partial(word, current);
        if (id) mentions.push({ id, first: i, last: i });
        else loose.push({ tok: i, word });
        break;
      }
    }
    mentions.sort((a, b) => a.first - b.first);
    const named: Named[] = mentions.map((m) => ({ kind: 'service', ...m }));
    for (const c of best.chosen) if (c.alias.kind === 'staff') named.push({ kind: 'staff', id: c.alias.id, ...tokOf(c) });
    const anySpans = anyStaffSpans(tokens, !!opts.expectingStaff);
    for (const [first, last] of anySpans) named.push({ kind: 'staff', id: 'any', first, last });
    const result = best.match;
    return {
      ...result,
      services: [...new Set(mentions.map((m) => m.id))],
      staff: result.staff ?? (anySpans.length ? 'any' : null),
      staffFor: pairStaff(named, tokens, current),
      tokens,
      clauseOf,
      mentions,
      loose,
    };
  }

  /** Greedy pick over sorted candidates: each message word used once, one location, any number of staff. */
  private select(cands: readonly Cand[], tokens: readonly string[], seq: ReadonlyArray<{ tok: number }>, opts: MatchOptions) {
    const taken = new Set<number>();
    const match: CatalogMatch = { location: null, services: [], staff: null, staffFor: [] };
    const chosen: Cand[] = [];
    for (const c of cands) {
      if (c.used.some((i) => taken.has(i))) continue;
      if (c.alias.kind === 'staff') {
        if (c.alias.weak && !this.staffCue(tokens, seq[c.start].tok, seq.length === c.alias.words.length, opts)) continue;
        match.staff ??= c.alias.id;
      } else if (c.alias.kind === 'location') {
        if (match.location) continue;
        match.location = c.alias.id;
      } else if (!match.services.includes(c.alias.id)) {
        match.services.push(c.alias.id);
      }
      chosen.push(c);
      c.used.forEach((i) => taken.add(i));
    }
    // Services in the order the customer named them: where the chosen match of each starts.
    const startOf = new Map<string, number>();
    for (const c of chosen) if (c.alias.kind === 'service') startOf.set(c.alias.id, Math.min(c.start, startOf.get(c.alias.id) ?? c.start));
    match.services.sort((a, b) => startOf.get(a)! - startOf.get(b)!);
    return { match, chosen, covered: taken.size };
  }

  /** A loose multi-word match must not reach across a staff name ("manicure, Maria for the pedicure" is no Mani-Pedi). */
  private staffInGap(alias: Alias, used: readonly number[], seq: ReadonlyArray<{ word: string }>): boolean {
    if (alias.kind === 'staff') return false;
    for (let i = Math.min(...used) + 1; i < Math.max(...used); i++) {
      if (!used.includes(i) && (this.aliasesByWord.get(seq[i].word) ?? []).some((a) => a.kind === 'staff')) return true;
    }
    return false;
  }

  /** Positions in seq[lo, hi) covering alias words (multiset), or null. */
  private fit(words: string[], seq: Array<{ word: string }>, lo: number, hi: number): number[] | null {
    const used: number[] = [];
    for (const w of words) {
      let found = -1;
      for (let i = lo; i < hi; i++) {
        if (seq[i].word === w && !used.includes(i)) {
          found = i;
          break;
        }
      }
      if (found < 0) return null;
      used.push(found);
    }
    return used;
  }

  private staffCue(tokens: readonly string[], tok: number, alone: boolean, opts: MatchOptions): boolean {
    if (opts.expectingStaff || alone) return true;
    const prev = tokens[tok - 1];
    if (prev && STAFF_CUES.has(prev)) return true;
    // "joy for my mom's blow dry": a service soon after her "for"
    if (isForCue(tokens[tok + 1]) && tokens.slice(tok + 1, tok + 5).some((t) => this.isServiceWord(t.replace(/^ل/, '')))) return true;
    // Arabic attaches "with" as a prefix only in speech; "وياها" handled above.
    return false;
  }

}
