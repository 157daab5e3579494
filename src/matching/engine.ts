import { recommend } from './query.js';
import { ProfileStore } from './store.js';
import type { Match, MatchProfile, RecommendOptions } from './types.js';

export type { Match, MatchProfile, MatchReason, ReasonKind, RecommendOptions } from './types.js';

/**
 * Reciprocal recommendations ("who should I meet, and why") over an edition's participants,
 * held in memory: inverted indexes per field, updated one profile at a time.
 */
export class MatchIndex {
  private readonly store = new ProfileStore();

  constructor(profiles: Iterable<MatchProfile> = []) {
    for (const profile of profiles) this.store.upsert(profile);
  }

  get size(): number {
    return this.store.byId.size;
  }

  has(id: string): boolean {
    return this.store.byId.has(id);
  }

  upsert(profile: MatchProfile): void {
    this.store.upsert(profile);
  }

  remove(id: string): void {
    this.store.remove(id);
  }

  // An unknown id, like an empty profile, gets an empty list.
  recommend(forId: string, options: RecommendOptions): Match[] {
    const me = this.store.byId.get(forId);
    return me ? recommend(this.store, me, options) : [];
  }
}
