import { departmentNeighbours } from './departments.js';
import { better, Candidate, scoreCandidate, strengths, type ScoreContext } from './candidate.js';
import type { FieldIndex } from './field-index.js';
import { isEmpty, type Doc } from './profile.js';
import { buildReasons } from './reasons.js';
import type { ProfileStore } from './store.js';
import type { Match, RecommendOptions } from './types.js';
import * as W from './weights.js';

export function recommend(store: ProfileStore, me: Doc, options: RecommendOptions): Match[] {
  const limit = Math.floor(options.limit);
  if (isEmpty(me) || !(limit > 0)) return [];
  return new Query(store, me, options).run(limit);
}

// Accumulators of every query, reused (zeroed after use) instead of one small array per candidate.
let spare: { weights: Float64Array; flags: Uint8Array } | null = null;

class Query implements ScoreContext {
  weights: Float64Array;
  flags: Uint8Array;
  private used = 0;
  private readonly pool: (Candidate | null | undefined)[];
  private readonly touched: Candidate[] = [];
  private readonly dismissed: Doc[];
  private readonly blocked: Set<string>;
  readonly nNeeds: number;
  readonly nForward: number;
  readonly mySectors: string[];
  readonly myOfferNorm: number;
  readonly scale: number;
  readonly neighbours: ReadonlySet<string>;

  constructor(
    readonly store: ProfileStore,
    readonly me: Doc,
    private readonly options: RecommendOptions,
  ) {
    this.pool = new Array<Candidate | null | undefined>(store.docs.length);
    this.dismissed = (options.dismissed ?? []).flatMap((id) => store.byId.get(id) ?? []);
    // Staff of my own organisation, and of an organisation I dismissed, are not proposed.
    this.blocked = new Set([me.group, ...this.dismissed.map((d) => d.group)]);
    this.nNeeds = me.needs.phrases.length;
    this.nForward = this.nNeeds + me.interests.phrases.length;
    this.mySectors = [...me.sectors.keys()];
    this.myOfferNorm = store.stats(me).offerNorm;
    this.scale = store.scale;
    this.neighbours = me.department === null ? new Set() : departmentNeighbours(me.department);
  }

  run(limit: number): Match[] {
    // A recommend called from an accept callback gets its own accumulators.
    const scratch = spare ?? { weights: new Float64Array(1024), flags: new Uint8Array(1024) };
    spare = null;
    this.weights = scratch.weights;
    this.flags = scratch.flags;
    try {
      return this.rank(limit);
    } finally {
      this.weights.fill(0, 0, this.used);
      this.flags.fill(0, 0, this.used);
      spare = { weights: this.weights, flags: this.flags };
    }
  }

  // Room for n accumulators; the scratch doubles when full.
  private reserve(n: number): number {
    const at = this.used;
    this.used += n;
    if (this.used > this.weights.length) {
      const size = Math.max(this.used, this.weights.length * 2);
      const weights = new Float64Array(size);
      weights.set(this.weights);
      const flags = new Uint8Array(size);
      flags.set(this.flags);
      [this.weights, this.flags] = [weights, flags];
    }
    return at;
  }

  private rank(limit: number): Match[] {
    this.gatherText();
    if (this.fewerGroupsThan(limit)) this.gatherBonusOnly();
    this.addDots(this.me, (c, v) => (c.offerDot += v));
    this.dismissed.forEach((d, k) =>
      this.addDots(d, (c, v) => {
        c.dismissedDots ??= new Float64Array(this.dismissed.length);
        c.dismissedDots[k] += v;
      }),
    );
    const dismissedNorms = this.dismissed.map((d) => this.store.stats(d).offerNorm);
    // The best of each group, then the best `limit` groups.
    const bestOfGroup = new Map<string, Candidate>();
    const eligible: Candidate[] = [];
    for (const c of this.touched) {
      if (scoreCandidate(this, c, dismissedNorms) <= 0) continue;
      // Visitors are their own group; only an exhibitor's staff can share one.
      if (c.doc.profile.organizationId === null) {
        eligible.push(c);
        continue;
      }
      const known = bestOfGroup.get(c.doc.group);
      if (!known || better(c, known)) bestOfGroup.set(c.doc.group, c);
    }
    eligible.push(...bestOfGroup.values());
    const top = bestFirst(eligible, limit);
    return this.select(top);
  }

  private admit(slot: number): Candidate | null {
    const known = this.pool[slot];
    if (known !== undefined) return known;
    const doc = this.store.docs[slot]!;
    // A profile with nothing in it has nothing to say why one should meet it.
    const ok =
      !isEmpty(doc) &&
      !this.blocked.has(doc.group) &&
      !(this.options.exclude?.has(doc.profile.id) ?? false) &&
      (this.options.accept?.(doc.profile) ?? true);
    const candidate = ok ? new Candidate(doc) : null;
    if (candidate) this.touched.push(candidate);
    this.pool[slot] = candidate;
    return candidate;
  }

  private gatherText(): void {
    const { me, store } = this;
    // My needs and interests against their offers (BM25 over the offers field).
    const forwardTerms = new Map<string, number[]>();
    [...me.needs.phrases, ...me.interests.phrases].forEach((p, i) => {
      for (const t of p.terms) forwardTerms.set(t, [...(forwardTerms.get(t) ?? []), i]);
    });
    for (const [term, phrases] of forwardTerms) {
      for (const { list, factor, skip, idf } of store.offers.matchLists(term, store.idf)) {
        for (let k = 0; k < list.slots.length; k++) {
          const slot = list.slots[k];
          if (skip?.has(slot)) continue;
          const c = this.admit(slot);
          if (!c) continue;
          const tf = list.items[k].tf;
          const w = (factor * idf * tf * (W.K1 + 1)) / (tf + store.stats(c.doc).offerLengthNorm);
          if (c.forward < 0) c.forward = this.reserve(this.nForward);
          for (const i of phrases) this.weights[c.forward + i] += w;
        }
      }
    }
    me.interests.phrases.forEach((p, i) => {
      const list = store.sectors.postings.get(p.key);
      for (const slot of list?.slots ?? []) {
        const c = this.admit(slot);
        if (!c) continue;
        if (c.forward < 0) c.forward = this.reserve(this.nForward);
        this.flags[c.forward + this.nNeeds + i] = 1;
      }
    });

    // Their needs and interests against my offers, my offers being the BM25 document.
    const norm = store.stats(me).offerLengthNorm;
    for (const [term, tf] of me.offers.tf) {
      const w = (store.idf(term) * tf * (W.K1 + 1)) / (tf + norm);
      this.backward(store.needs, term, w, false);
      this.backward(store.interests, term, w, true);
    }
    for (const key of me.sectors.keys()) {
      const list = store.interestKeys.postings.get(key);
      if (!list) continue;
      for (let k = 0; k < list.slots.length; k++) {
        const c = this.admit(list.slots[k]);
        if (!c) continue;
        const n = c.doc.needs.phrases.length;
        if (c.backward < 0) c.backward = this.reserve(n + c.doc.interests.phrases.length);
        for (const i of list.items[k]) this.flags[c.backward + n + i] = 1;
      }
    }
  }

  private backward(field: FieldIndex, term: string, w: number, isInterest: boolean): void {
    for (const { list, factor, skip } of field.matchLists(term, this.store.idf)) {
      for (let k = 0; k < list.slots.length; k++) {
        const slot = list.slots[k];
        if (skip?.has(slot)) continue;
        const c = this.admit(slot);
        if (!c) continue;
        const n = c.doc.needs.phrases.length;
        if (c.backward < 0) c.backward = this.reserve(n + c.doc.interests.phrases.length);
        const base = c.backward + (isInterest ? n : 0);
        for (const i of list.items[k].phrases) this.weights[base + i] += factor * w;
      }
    }
  }

  // Too few text matches: same sector, same or neighbouring department.
  private gatherBonusOnly(): void {
    const { me, store } = this;
    for (const key of me.sectors.keys()) {
      for (const slot of store.sectors.postings.get(key)?.slots ?? []) this.admit(slot);
    }
    if (me.department === null) return;
    for (const code of [me.department, ...departmentNeighbours(me.department)]) {
      for (const slot of store.departments.postings.get(code)?.slots ?? []) this.admit(slot);
    }
  }

  private fewerGroupsThan(limit: number): boolean {
    const groups = new Set<string>();
    for (const c of this.touched) {
      groups.add(c.doc.group);
      if (groups.size >= limit) return false;
    }
    return true;
  }

  // Dot products of a profile's offers (tf-idf) with the candidates' offers.
  private addDots(doc: Doc, add: (c: Candidate, value: number) => void): void {
    for (const [term, tf] of doc.offers.tf) {
      const idf2 = this.store.idf(term) ** 2;
      const list = this.store.offers.postings.get(term);
      if (!list) continue;
      for (let k = 0; k < list.slots.length; k++) {
        const c = this.pool[list.slots[k]];
        if (c) add(c, tf * list.items[k].tf * idf2);
      }
    }
  }

  private select(top: readonly Candidate[]): Match[] {
    const out: Match[] = [];
    let lowestText = Infinity;
    for (const c of top) {
      if (c.text) lowestText = c.score;
      // A bonus-only match stays below every text match, in its score too.
      const score = c.text ? c.score : Math.min(c.score, lowestText / 2);
      out.push({
        id: c.doc.profile.id,
        score: Math.round(score * 1e4) / 1e4,
        mutual: c.mutual,
        reasons: buildReasons(this.me, c.doc, strengths(c), this.store.idf, this.scale),
      });
    }
    return out;
  }
}

// The first `limit` in order: insertion into a short list when it is short, else a full sort.
function bestFirst(list: Candidate[], limit: number): Candidate[] {
  if (limit > 64) return list.sort((a, b) => (better(a, b) ? -1 : 1)).slice(0, limit);
  const top: Candidate[] = [];
  for (const c of list) {
    if (top.length === limit && !better(c, top[limit - 1])) continue;
    let i = top.length;
    while (i > 0 && better(c, top[i - 1])) i--;
    top.splice(i, 0, c);
    if (top.length > limit) top.pop();
  }
  return top;
}
