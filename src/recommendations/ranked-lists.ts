import type { Match } from '../matching/engine.js';

/** The state a list was ranked in: the edition index's version and the asker's own profile's. */
export interface IndexState {
  version: number;
  own: number;
}

interface Ranked extends IndexState {
  at: number;
  matches: Match[];
}

export interface RankedListsOptions {
  /** Lists kept at most; past that they are dropped and ranked again. */
  max?: number;
  /** A list behind the index is ranked again in the background once it is this old. */
  refreshAfterMs?: number;
  /** Older than this and behind the index, a list is ranked again before it is answered. */
  maxStaleMs?: number;
  now?: () => number;
  /** Runs background work later; `setImmediate` by default. */
  defer?: (work: () => void) => void;
}

/**
 * Lists already ranked, by who asks and what they exclude. A list depends only on the index and the
 * asker's history (in the key), so:
 * - `exact` answers a list ranked in the index's current state, ranking it again otherwise;
 * - `recent` also answers a list ranked before other people's profiles changed (never before a change
 *   of the asker's own), and ranks it again in the background, one list at a time: after a profile
 *   change, the hall's lists are refreshed one by one instead of all at once in front of everyone's
 *   requests. Such a list is at most `maxStaleMs` behind.
 */
export class RankedLists {
  private readonly lists = new Map<string, Ranked>();
  private readonly pending = new Map<string, () => void>();
  private draining = false;
  private readonly max: number;
  private readonly refreshAfterMs: number;
  private readonly maxStaleMs: number;
  private readonly now: () => number;
  private readonly defer: (work: () => void) => void;

  constructor(options: RankedListsOptions = {}) {
    this.max = options.max ?? 20_000;
    this.refreshAfterMs = options.refreshAfterMs ?? 1_000;
    this.maxStaleMs = options.maxStaleMs ?? 30_000;
    this.now = options.now ?? Date.now;
    this.defer = options.defer ?? ((work) => void setImmediate(work));
  }

  get size(): number {
    return this.lists.size;
  }

  /** Background re-rankings waiting. */
  get waiting(): number {
    return this.pending.size;
  }

  get(
    key: string,
    state: () => IndexState,
    rank: () => Match[],
    mode: 'exact' | 'recent',
  ): Match[] {
    const known = this.lists.get(key);
    const current = state();
    if (known && known.version === current.version) return known.matches;
    if (mode === 'recent' && known && known.own === current.own) {
      const age = this.now() - known.at;
      if (age < this.maxStaleMs) {
        if (age >= this.refreshAfterMs) this.refresh(key, state, rank);
        return known.matches;
      }
    }
    return this.store(key, current, rank());
  }

  private store(key: string, state: IndexState, matches: Match[]): Match[] {
    if (this.lists.size >= this.max) this.lists.clear();
    this.lists.set(key, { ...state, at: this.now(), matches });
    this.pending.delete(key);
    return matches;
  }

  private refresh(key: string, state: () => IndexState, rank: () => Match[]): void {
    if (this.pending.has(key)) return;
    // A request that cannot wait and ranks it first takes it out of the queue (store).
    this.pending.set(key, () => this.store(key, state(), rank()));
    this.drain();
  }

  // One re-ranking per turn of the event loop, so that requests run in between.
  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    this.defer(() => {
      this.draining = false;
      const next = this.pending.entries().next();
      if (next.done) return;
      const [key, work] = next.value;
      this.pending.delete(key);
      try {
        work();
      } catch {
        // Dropped: the next request ranks it in front of the asker, and answers the error there.
        this.lists.delete(key);
      } finally {
        if (this.pending.size > 0) this.drain();
      }
    });
  }
}
