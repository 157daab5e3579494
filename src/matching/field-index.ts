import { areVariants, VARIANT_MIN_LENGTH, VARIANT_WEIGHT } from './normalize.js';
import type { Field } from './profile.js';

/** A term's occurrences in one document: how often, and in which of its phrases. */
export interface Posting {
  tf: number;
  phrases: number[];
}

/** Profiles (by slot) holding a term: arrays to scan fast, a map to remove in O(1) by swapping. */
export class PostingList<T> {
  readonly slots: number[] = [];
  readonly items: T[] = [];
  private readonly where = new Map<number, number>();

  get size(): number {
    return this.slots.length;
  }

  has(slot: number): boolean {
    return this.where.has(slot);
  }

  get(slot: number): T | undefined {
    const i = this.where.get(slot);
    return i === undefined ? undefined : this.items[i];
  }

  set(slot: number, item: T): void {
    const i = this.where.get(slot);
    if (i !== undefined) {
      this.items[i] = item;
      return;
    }
    this.where.set(slot, this.slots.length);
    this.slots.push(slot);
    this.items.push(item);
  }

  delete(slot: number): void {
    const i = this.where.get(slot);
    if (i === undefined) return;
    const last = this.slots.length - 1;
    if (i !== last) {
      this.slots[i] = this.slots[last];
      this.items[i] = this.items[last];
      this.where.set(this.slots[i], i);
    }
    this.slots.pop();
    this.items.pop();
    this.where.delete(slot);
  }
}

export interface MatchList {
  list: PostingList<Posting>;
  factor: number;
  skip: PostingList<Posting> | undefined;
  // Rarity among offers of the offered word: the variant's own when the match is a variant.
  idf: number;
}

/** Inverted index of one field (offers, needs or interests) with BM25 statistics, kept incrementally. */
export class FieldIndex {
  readonly postings = new Map<string, PostingList<Posting>>();
  // Terms by their first letters, to find a term's variants (énerg / énerget) without a scan.
  private readonly byPrefix = new Map<string, Set<string>>();
  private docs = 0;
  private totalLength = 0;

  add(slot: number, field: Field): void {
    if (field.phrases.length === 0) return;
    this.docs++;
    this.totalLength += field.length;
    field.phrases.forEach((phrase, index) => {
      for (const term of phrase.terms) {
        let list = this.postings.get(term);
        if (!list) {
          list = new PostingList();
          this.postings.set(term, list);
          this.prefixSet(term, true)?.add(term);
        }
        let posting = list.get(slot);
        if (!posting) {
          posting = { tf: field.tf.get(term) ?? 1, phrases: [] };
          list.set(slot, posting);
        }
        posting.phrases.push(index);
      }
    });
  }

  remove(slot: number, field: Field): void {
    if (field.phrases.length === 0) return;
    this.docs--;
    this.totalLength -= field.length;
    for (const term of field.tf.keys()) {
      const list = this.postings.get(term);
      if (!list) continue;
      list.delete(slot);
      if (list.size === 0) {
        this.postings.delete(term);
        this.prefixSet(term, false)?.delete(term);
      }
    }
  }

  private prefixSet(term: string, create: boolean): Set<string> | undefined {
    if (term.length < VARIANT_MIN_LENGTH) return undefined;
    const key = term.slice(0, VARIANT_MIN_LENGTH);
    let set = this.byPrefix.get(key);
    if (!set && create) {
      set = new Set();
      this.byPrefix.set(key, set);
    }
    return set;
  }

  // Indexed terms that extend the term or that it extends (lait / laiti), itself left out.
  variants(term: string): string[] {
    const set = this.prefixSet(term, false);
    if (!set) return [];
    const out: string[] = [];
    for (const other of set) if (other !== term && areVariants(term, other)) out.push(other);
    return out;
  }

  // The term's postings, then its variants' at VARIANT_WEIGHT, skipping profiles that hold the term.
  matchLists(term: string, idf: (term: string) => number): MatchList[] {
    const exact = this.postings.get(term);
    const out: MatchList[] = exact
      ? [{ list: exact, factor: 1, skip: undefined, idf: idf(term) }]
      : [];
    for (const variant of this.variants(term)) {
      const list = this.postings.get(variant);
      if (list) out.push({ list, factor: VARIANT_WEIGHT, skip: exact, idf: idf(variant) });
    }
    return out;
  }

  // BM25's idf, never negative: a word in every document still weighs a little.
  idf(term: string): number {
    const df = this.postings.get(term)?.size ?? 0;
    return Math.log(1 + (this.docs - df + 0.5) / (df + 0.5));
  }

  get averageLength(): number {
    return this.docs === 0 ? 1 : this.totalLength / this.docs;
  }
}

/** Exact keys (sector stems, interest phrases, department codes) to the profiles that have them. */
export class KeyIndex {
  readonly postings = new Map<string, PostingList<number[]>>();

  add(slot: number, key: string, phrase = -1): void {
    let list = this.postings.get(key);
    if (!list) {
      list = new PostingList();
      this.postings.set(key, list);
    }
    const phrases = list.get(slot);
    if (phrases) phrases.push(phrase);
    else list.set(slot, [phrase]);
  }

  remove(slot: number, key: string): void {
    const list = this.postings.get(key);
    if (!list) return;
    list.delete(slot);
    if (list.size === 0) this.postings.delete(key);
  }
}
