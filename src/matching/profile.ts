import { departmentCode } from './departments.js';
import { phraseKey, tokenize } from './normalize.js';
import type { MatchProfile } from './types.js';

/** One offer, need or interest as the person wrote it, with its distinct stems. */
export interface Phrase {
  text: string;
  terms: readonly string[];
  key: string;
}

/** A list of phrases seen as one document: term frequencies and length in words. */
export interface Field {
  phrases: readonly Phrase[];
  tf: ReadonlyMap<string, number>;
  length: number;
}

/** What depends on the index's statistics, recomputed when they change (ProfileStore's epoch). */
export interface DocStats {
  epoch: number;
  // Length of the tf-idf vector of the offers, for cosines.
  offerNorm: number;
  // BM25's k1 · (1 − b + b · length / average length) for the offers.
  offerLengthNorm: number;
}

export interface Doc {
  slot: number;
  profile: MatchProfile;
  offers: Field;
  needs: Field;
  interests: Field;
  // Sector key (stems) to the sector as written.
  sectors: ReadonlyMap<string, string>;
  department: string | null;
  // Staff of one exhibitor are one candidate: they share this key.
  group: string;
  stats: DocStats | null;
}

function field(texts: readonly string[]): Field {
  const phrases: Phrase[] = [];
  const tf = new Map<string, number>();
  let length = 0;
  const seen = new Set<string>();
  for (const raw of texts) {
    const text = raw.trim().replace(/\s+/gu, ' ');
    const tokens = tokenize(text);
    if (tokens.length === 0) continue;
    const terms = [...new Set(tokens.map((t) => t.term))];
    const key = [...terms].sort().join(' ');
    // The same phrase twice (or twice reworded to the same stems) would count its words twice.
    if (seen.has(key)) continue;
    seen.add(key);
    phrases.push({ text, terms, key });
    for (const t of tokens) tf.set(t.term, (tf.get(t.term) ?? 0) + 1);
    length += tokens.length;
  }
  return { phrases, tf, length };
}

export function makeDoc(slot: number, profile: MatchProfile): Doc {
  const sectors = new Map<string, string>();
  for (const raw of profile.sectors) {
    const key = phraseKey(raw);
    if (key.length > 0 && !sectors.has(key)) sectors.set(key, raw.trim());
  }
  return {
    slot,
    profile,
    offers: field(profile.offers),
    needs: field(profile.needs),
    interests: field(profile.interests),
    sectors,
    department: departmentCode(profile.department),
    group: profile.organizationId !== null ? `o:${profile.organizationId}` : `p:${profile.id}`,
    stats: null,
  };
}

export function isEmpty(doc: Doc): boolean {
  return (
    doc.offers.phrases.length === 0 &&
    doc.needs.phrases.length === 0 &&
    doc.interests.phrases.length === 0 &&
    doc.sectors.size === 0
  );
}
