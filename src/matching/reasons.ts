import { departmentName } from './departments.js';
import { termMatch } from './normalize.js';
import type { Doc, Phrase } from './profile.js';
import type { MatchReason } from './types.js';
import { SECTOR_COVERAGE } from './weights.js';

export const MAX_REASONS = 4;

/** How much each signal added to a candidate's score, to put the reasons strongest first. */
export interface Strengths {
  needOffer: number;
  offerNeed: number;
  interest: number;
  interestBack: number;
  sector: number;
  department: number;
  neighbour: boolean;
}

type Idf = (term: string) => number;

interface Pair {
  left: Phrase;
  right: Phrase;
  weight: number;
}

// The pair of phrases sharing the most weight: the person's own words to quote.
function bestPair(left: readonly Phrase[], right: readonly Phrase[], idf: Idf): Pair | null {
  let best: Pair | null = null;
  for (const l of left) {
    for (const r of right) {
      let weight = 0;
      for (const term of l.terms) {
        let match = 0;
        for (const other of r.terms) match = Math.max(match, termMatch(term, other));
        weight += match * idf(term);
      }
      if (weight > 0 && (best === null || weight > best.weight))
        best = { left: l, right: r, weight };
    }
  }
  return best;
}

// An interest quoted by the sector it names, or by the offer that covers it best.
function interestReason(
  interests: readonly Phrase[],
  sectors: ReadonlyMap<string, string>,
  offers: readonly Phrase[],
  idf: Idf,
  scale: number,
  wording: {
    sector: (interest: string) => string;
    offer: (interest: string, offer: string) => string;
  },
): string | null {
  const pair = bestPair(interests, offers, idf);
  const textMatch = pair ? Math.min(1, pair.weight / scale) : 0;
  const bySector = interests.find((p) => sectors.has(p.key));
  if (bySector && SECTOR_COVERAGE >= textMatch) return wording.sector(bySector.text);
  return pair ? wording.offer(pair.left.text, pair.right.text) : null;
}

export function buildReasons(
  me: Doc,
  other: Doc,
  s: Strengths,
  idf: Idf,
  scale: number,
): MatchReason[] {
  const found: { strength: number; reason: MatchReason }[] = [];
  const add = (strength: number, kind: MatchReason['kind'], text: string | null) => {
    if (strength > 0 && text !== null) found.push({ strength, reason: { kind, text } });
  };
  const forward = bestPair(me.needs.phrases, other.offers.phrases, idf);
  add(
    s.needOffer,
    'need_offer',
    forward && `« ${forward.left.text} » ↔ propose « ${forward.right.text} »`,
  );
  const backward = bestPair(other.needs.phrases, me.offers.phrases, idf);
  add(
    s.offerNeed,
    'offer_need',
    backward && `recherche « ${backward.left.text} » ↔ vous proposez « ${backward.right.text} »`,
  );
  add(
    s.interest,
    'interest',
    interestReason(me.interests.phrases, other.sectors, other.offers.phrases, idf, scale, {
      sector: (i) => `intérêt commun : ${i}`,
      offer: (i, o) => `intérêt « ${i} » ↔ propose « ${o} »`,
    }),
  );
  add(
    s.interestBack,
    'interest',
    interestReason(other.interests.phrases, me.sectors, me.offers.phrases, idf, scale, {
      sector: (i) => `intéressé par votre filière : ${i}`,
      offer: (i, o) => `intéressé par « ${i} » ↔ vous proposez « ${o} »`,
    }),
  );
  const shared = [...me.sectors].filter(([key]) => other.sectors.has(key)).map(([, text]) => text);
  add(
    s.sector,
    'sector',
    shared.length === 0
      ? null
      : shared.length === 1
        ? `filière commune : ${shared[0]}`
        : `filières communes : ${shared.join(', ')}`,
  );
  if (other.department !== null) {
    const name = departmentName(other.department);
    add(
      s.department,
      s.neighbour ? 'neighbour' : 'department',
      s.neighbour ? `département voisin : ${name}` : `même département : ${name}`,
    );
  }
  // Stable sort: at equal strength the order above (needs first) stands.
  return found
    .sort((a, b) => b.strength - a.strength)
    .slice(0, MAX_REASONS)
    .map((f) => f.reason);
}
