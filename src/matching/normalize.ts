import { stemmer } from '@orama/stemmers/french';
import { stopwords } from '@orama/stopwords/french';
import { foldFrench } from '../common/french-text.js';

/** One meaningful word of a phrase: its stem (folded) and the word as the person wrote it. */
export interface Token {
  term: string;
  surface: string;
}

// Function words the Snowball list leaves out; no domain word here, IDF weighs those.
const EXTRA_STOP_WORDS = [
  'afin',
  'ainsi',
  'alors',
  'autre',
  'autres',
  'avoir',
  'chaque',
  'chez',
  'comme',
  'dont',
  'entre',
  'être',
  'faire',
  'lors',
  'leurs',
  'notamment',
  'peu',
  'plus',
  'selon',
  'sous',
  'tous',
  'tout',
  'toute',
  'toutes',
  'très',
  'vers',
];

const STOP_WORDS: ReadonlySet<string> = new Set(
  [...stopwords, ...EXTRA_STOP_WORDS].filter((w) => w.length > 0).map(foldFrench),
);

// Elided articles and pronouns (l', d', qu'…) and the conjunctions that elide (lorsqu', jusqu'…).
const ELISION = /^(?:l|d|j|n|s|c|m|t|qu|jusqu|lorsqu|puisqu|quoiqu|presqu|quelqu)['’ʼ]/iu;
const APOSTROPHES = /['’ʼ]/u;
const WORDS = /[\p{L}\p{N}'’ʼ]+/gu;
const DIGITS = /^\p{N}+$/u;

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(foldFrench(word));
}

/**
 * Plurals the Snowball stemmer keeps (it drops an -s only after a consonant): vélos, élus,
 * emplois, maraîchers, jeux, bijoux, réseaux.
 */
export function singular(word: string): string {
  if (word.length >= 4 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  if (word.length >= 5 && /(?:eau|ou)x$/u.test(word)) return word.slice(0, -1);
  if (word.length >= 4 && word.length <= 5 && word.endsWith('eux')) return word.slice(0, -1);
  return word;
}

/** The stem of one word: lower case, singular, Snowball French, then accents folded. */
export function stem(word: string): string {
  const lower = word.toLowerCase();
  if (DIGITS.test(lower)) return lower;
  // The stemmer's suffix rules read accents (-ité, -ée), so it runs before folding.
  return foldFrench(stemmer(singular(lower)));
}

/** The meaningful words of a phrase, elisions, stop words and one-letter words dropped. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const chunk of text.match(WORDS) ?? []) {
    for (const piece of chunk.replace(ELISION, '').split(APOSTROPHES)) {
      if (piece.length < 2 || isStopWord(piece)) continue;
      const term = stem(piece);
      if (term.length > 0) tokens.push({ term, surface: piece });
    }
  }
  return tokens;
}

// Snowball leaves derivations apart (énergie / énergétique, recyclage / recycler, lait / laitier):
// a stem that starts another, both of 4 letters or more, counts as a partial match.
export const VARIANT_MIN_LENGTH = 4;
export const VARIANT_WEIGHT = 0.5;

export function areVariants(a: string, b: string): boolean {
  if (a === b || a.length < VARIANT_MIN_LENGTH || b.length < VARIANT_MIN_LENGTH) return false;
  return a.length < b.length ? b.startsWith(a) : a.startsWith(b);
}

/** 1 for the same stem, VARIANT_WEIGHT for a variant, else 0. */
export function termMatch(a: string, b: string): number {
  if (a === b) return 1;
  return areVariants(a, b) ? VARIANT_WEIGHT : 0;
}

/** The distinct stems of a phrase, sorted: two phrases with the same key say the same thing. */
export function phraseKey(text: string): string {
  return [...new Set(tokenize(text).map((t) => t.term))].sort().join(' ');
}
