/**
 * What the catalog's service names say about each other, for reading a
 * message against the services already chosen: a shorter name of a chosen
 * service ("the manicure" for Gel Manicure), a word only one chosen service
 * has ("the tint"), the same service with another variant word ("gel" for
 * Classic Manicure → Gel Manicure), the nearest chosen service to a new one
 * ("gel pedi instead" replaces the pedicure, not the manicure), and combos
 * with their parts ("Corte y barba" without the beard is a haircut).
 * Everything works on canonical words (synonyms.ts), so it holds in every
 * language and for any catalog.
 */

export interface ServiceNames {
  id: string;
  /** Canonical words of each name and synonym of the service. */
  names: ReadonlyArray<readonly string[]>;
  category: string;
}

const key = (words: readonly string[]) => [...new Set(words)].sort().join(' ');

export class ServiceIndex {
  private readonly names = new Map<string, ReadonlyArray<readonly string[]>>();
  private readonly category = new Map<string, string>();
  /** Word set → the one service it names; a set two services share names neither. */
  private readonly byWords = new Map<string, string | null>();
  private readonly parts = new Map<string, string[]>();

  constructor(services: readonly ServiceNames[]) {
    for (const s of services) {
      this.names.set(s.id, s.names);
      this.category.set(s.id, s.category);
      for (const n of s.names) {
        const k = key(n);
        const had = this.byWords.get(k);
        this.byWords.set(k, had === undefined || had === s.id ? s.id : null);
      }
    }
    // A combo's name holds the whole name of two or more other services ("Mani-Pedi Combo", "Corte y barba").
    const within = (small: readonly string[], big: readonly string[]) => small.length < big.length && small.every((w) => big.includes(w));
    for (const [id, bigs] of this.names) {
      for (const big of bigs) {
        const parts = [...this.names].filter(([other, smalls]) => other !== id && smalls.some((small) => within(small, big))).map(([other]) => other);
        if (parts.length >= 2) {
          this.parts.set(id, [...new Set(parts)]);
          break;
        }
      }
    }
  }

  isCombo(id: string): boolean {
    return this.parts.has(id);
  }

  /** The services a combo is made of ([] for a plain service). */
  partsOf(id: string): string[] {
    return this.parts.get(id) ?? [];
  }

  /** The service named by exactly these words, if one is. */
  named(words: readonly string[]): string | null {
    return this.byWords.get(key(words)) ?? null;
  }

  /**
   * A service named by fewer words than a chosen one ("the manicure" for Gel Manicure) means the chosen
   * one. Not for combos: "just the manicure" when the Mani-Pedi Combo is chosen is a change to a manicure.
   */
  referent(id: string, words: readonly string[], current: readonly string[]): string {
    if (current.includes(id)) return id;
    const hits = current.filter((c) => !this.isCombo(c) && (this.names.get(c) ?? []).some((n) => n.length > words.length && words.every((w) => n.includes(w))));
    return hits.length === 1 ? hits[0] : id;
  }

  /** The one chosen service with this word in its name ("tint" when Eyebrow Tint is chosen), or null. */
  partial(word: string, current: readonly string[]): string | null {
    const hits = current.filter((c) => (this.names.get(c) ?? []).some((n) => n.includes(word)));
    return hits.length === 1 ? hits[0] : null;
  }

  /** Chosen services with this word in their names ("classic" → Classic Manicure and Classic Pedicure). */
  withWord(word: string, among: readonly string[]): string[] {
    return among.filter((c) => (this.names.get(c) ?? []).some((n) => n.includes(word)));
  }

  /** The service `from` becomes with `word` in it: Classic Manicure + "gel" → Gel Manicure; Pedicure + "spa" → Spa Pedicure. */
  swap(word: string, from: string): string | null {
    for (const n of this.names.get(from) ?? []) {
      if (n.includes(word)) continue;
      for (let i = 0; i < n.length; i++) {
        const hit = this.named(n.map((w, j) => (j === i ? word : w)));
        if (hit && hit !== from) return hit;
      }
      const added = this.named([...n, word]);
      if (added && added !== from) return added;
    }
    return null;
  }

  /**
   * The chosen services a new one most likely takes the place of: those sharing most name words with it
   * (Gel Pedicure → Classic Pedicure), else those of its category, else the only one there is.
   */
  nearest(newId: string, among: readonly string[]): string[] {
    if (among.length <= 1) return [...among];
    const shared = (a: string) =>
      Math.max(0, ...(this.names.get(a) ?? []).flatMap((n) => (this.names.get(newId) ?? []).map((m) => m.filter((w) => n.includes(w)).length)));
    const best = Math.max(...among.map(shared));
    if (best > 0) return among.filter((a) => shared(a) === best);
    const sameCategory = among.filter((a) => this.category.get(a) === this.category.get(newId));
    return sameCategory;
  }

  /** Is `part` a piece of the combo `combo`? */
  isPartOf(part: string, combo: string): boolean {
    return this.partsOf(combo).includes(part);
  }
}
