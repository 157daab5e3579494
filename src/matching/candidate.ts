import type { ProfileStore } from './store.js';
import type { Doc } from './profile.js';
import type { Strengths } from './reasons.js';
import * as W from './weights.js';

/** One profile met in the postings, with what it matched and then its score. */
export class Candidate {
  // Offsets in the query's scratch (-1: none yet). Forward: my needs' phrases then my interests',
  // weight of their words found in the candidate's offers. Backward: the candidate's needs'
  // phrases then its interests', weight found in my offers. Flags: interest names a sector.
  forward = -1;
  backward = -1;
  offerDot = 0;
  dismissedDots: Float64Array | null = null;
  score = 0;
  text = false;
  mutual = false;
  needOffer = 0;
  offerNeed = 0;
  interest = 0;
  interestBack = 0;
  sector = 0;
  department = 0;
  neighbour = false;

  constructor(readonly doc: Doc) {}
}

/** What scoring needs from the query: the asker, the index and the per-query scratch. */
export interface ScoreContext {
  readonly store: ProfileStore;
  readonly me: Doc;
  readonly weights: Float64Array;
  readonly flags: Uint8Array;
  readonly nNeeds: number;
  readonly mySectors: readonly string[];
  readonly myOfferNorm: number;
  readonly scale: number;
  readonly neighbours: ReadonlySet<string>;
}

export function scoreCandidate(
  ctx: ScoreContext,
  c: Candidate,
  dismissedNorms: readonly number[],
): number {
  const { me, store } = ctx;
  const scale = ctx.scale;
  const theirNeeds = c.doc.needs.phrases.length;
  const { weights, flags } = ctx;
  if (c.forward >= 0) {
    c.needOffer = spread(weights, flags, c.forward, ctx.nNeeds, scale);
    const at = c.forward + ctx.nNeeds;
    c.interest = spread(weights, flags, at, me.interests.phrases.length, scale);
  }
  if (c.backward >= 0) {
    c.offerNeed = spread(weights, flags, c.backward, theirNeeds, scale);
    const at = c.backward + theirNeeds;
    c.interestBack = spread(weights, flags, at, c.doc.interests.phrases.length, scale);
  }
  const forward = c.needOffer + W.INTEREST_WEIGHT * c.interest;
  const backward = c.offerNeed + W.INTEREST_WEIGHT * c.interestBack;
  c.mutual = forward >= W.MUTUAL_MIN && backward >= W.MUTUAL_MIN;
  const text = forward + backward + (c.mutual ? W.MUTUAL_BONUS * Math.min(forward, backward) : 0);
  c.text = text > 0;

  let shared = 0;
  if (c.doc.sectors.size > 0) for (const key of ctx.mySectors) if (c.doc.sectors.has(key)) shared++;
  c.sector = W.SECTOR_BONUS * Math.min(shared, W.MAX_SHARED_SECTORS);
  const a = me.department;
  const b = c.doc.department;
  const same = a !== null && a === b;
  c.neighbour = b !== null && !same && ctx.neighbours.has(b);
  c.department = same ? W.DEPARTMENT_BONUS : c.neighbour ? W.NEIGHBOUR_BONUS : 0;

  const theirNorm = c.doc.offers.length > 0 ? store.stats(c.doc).offerNorm : 0;
  const competitor = cosine(c.offerDot, ctx.myOfferNorm, theirNorm);
  let likeDismissed = 0;
  for (let k = 0; k < dismissedNorms.length; k++) {
    const cos = cosine(c.dismissedDots?.[k] ?? 0, dismissedNorms[k], theirNorm);
    if (cos > likeDismissed) likeDismissed = cos;
  }
  const lowered = 1 - W.DISMISSED_PENALTY * likeDismissed;
  const bonus = c.sector + c.department;
  // Without a text match, offering what I offer makes a competitor, not an introduction.
  c.score = c.text
    ? (text + bonus) * (1 - W.COMPETITOR_PENALTY * competitor) * lowered
    : bonus * (1 - competitor) * lowered;
  return c.score;
}

export function strengths(c: Candidate): Strengths {
  return {
    needOffer: c.needOffer,
    offerNeed: c.offerNeed,
    interest: W.INTEREST_WEIGHT * c.interest,
    interestBack: W.INTEREST_WEIGHT * c.interestBack,
    sector: c.sector,
    department: c.department,
    neighbour: c.neighbour,
  };
}

// Text matches first, then by score; ties by id, so that equal candidates keep one order.
export function better(a: Candidate, b: Candidate): boolean {
  if (a.text !== b.text) return a.text;
  if (a.score !== b.score) return a.score > b.score;
  return a.doc.profile.id < b.doc.profile.id;
}

function cosine(dot: number, a: number, b: number): number {
  return dot > 0 && a > 0 && b > 0 ? Math.min(1, dot / (a * b)) : 0;
}

function spread(
  weights: Float64Array,
  flags: Uint8Array,
  at: number,
  count: number,
  scale: number,
): number {
  let best = 0;
  let sum = 0;
  for (let i = at; i < at + count; i++) {
    let m = Math.min(1, weights[i] / scale);
    if (flags[i] !== 0) m = Math.max(m, W.SECTOR_COVERAGE);
    sum += m;
    if (m > best) best = m;
  }
  return best + W.SPREAD * (sum - best);
}
