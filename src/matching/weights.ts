// The engine's weights in one place; docs/matching.md says why each has its value.

// BM25 saturation and length normalisation, over the offers field.
export const K1 = 1.2;
export const B = 0.5;
// A phrase is fully matched at the weight of this many words that no one else offers.
export const FULL_MATCH_RARE_WORDS = 2;
// Each phrase beyond the best-matched one adds this share of its match.
export const SPREAD = 0.3;
// An interest is a vaguer wish than a need.
export const INTEREST_WEIGHT = 0.6;
// An interest that names one of the other side's sectors counts as this much matched.
export const SECTOR_COVERAGE = 0.5;
// Both directions at least this strong (about half a rare word) make a mutual fit…
export const MUTUAL_MIN = 0.15;
// …whose weaker direction then counts once more.
export const MUTUAL_BONUS = 1;
// Small bonuses: together they stay below one well-matched phrase.
export const SECTOR_BONUS = 0.05;
export const MAX_SHARED_SECTORS = 2;
export const DEPARTMENT_BONUS = 0.05;
export const NEIGHBOUR_BONUS = 0.025;
// Offering the same things (cosine of offers) lowers a text match by at most this share.
export const COMPETITOR_PENALTY = 0.3;
// Resembling a dismissed profile (cosine of offers) lowers a candidate by at most this share.
export const DISMISSED_PENALTY = 0.5;
