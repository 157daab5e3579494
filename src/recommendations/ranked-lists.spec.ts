import type { Match } from '../matching/engine.js';
import { RankedLists, type IndexState } from './ranked-lists.js';

const list = (id: string): Match[] => [{ id, score: 1, mutual: false, reasons: [] }];

describe('RankedLists', () => {
  let clock: number;
  let deferred: (() => void)[];
  let lists: RankedLists;
  let state: IndexState;
  let ranks: number;
  // A ranking that names the version it ran in, so an answer tells how fresh it is.
  const rank = () => {
    ranks++;
    return list(`v${state.version}`);
  };
  const ask = (mode: 'exact' | 'recent', key = 'me') =>
    lists.get(key, () => ({ ...state }), rank, mode)[0].id;
  const runDeferred = () => {
    const turn = deferred.splice(0);
    turn.forEach((work) => work());
    return turn.length;
  };

  beforeEach(() => {
    clock = 0;
    deferred = [];
    ranks = 0;
    state = { version: 1, own: 1 };
    lists = new RankedLists({
      refreshAfterMs: 1_000,
      maxStaleMs: 30_000,
      now: () => clock,
      defer: (work) => deferred.push(work),
    });
  });

  it('ranks once per state of the index, and again when it changes (exact)', () => {
    expect(ask('exact')).toBe('v1');
    expect(ask('exact')).toBe('v1');
    expect(ranks).toBe(1);
    state.version = 2;
    expect(ask('exact')).toBe('v2');
    expect(ranks).toBe(2);
  });

  it('answers the last list after others changed, then refreshes it in the background (recent)', () => {
    expect(ask('recent')).toBe('v1');
    state.version = 2;
    // Younger than refreshAfterMs: answered as is, nothing queued.
    clock = 500;
    expect(ask('recent')).toBe('v1');
    expect(lists.waiting).toBe(0);
    clock = 1_500;
    expect(ask('recent')).toBe('v1');
    expect(lists.waiting).toBe(1);
    expect(ask('recent')).toBe('v1');
    expect(lists.waiting).toBe(1);
    expect(ranks).toBe(1);
    expect(runDeferred()).toBe(1);
    expect(ranks).toBe(2);
    expect(ask('recent')).toBe('v2');
    expect(ranks).toBe(2);
  });

  it('ranks again before answering when the asker’s own profile changed', () => {
    expect(ask('recent')).toBe('v1');
    state = { version: 2, own: 2 };
    expect(ask('recent')).toBe('v2');
    expect(ranks).toBe(2);
  });

  it('never answers a list more than maxStaleMs behind', () => {
    expect(ask('recent')).toBe('v1');
    state.version = 2;
    clock = 30_000;
    expect(ask('recent')).toBe('v2');
    expect(deferred).toHaveLength(0);
  });

  it('refreshes the hall one list per turn; a list ranked meanwhile leaves the queue', () => {
    for (const key of ['a', 'b', 'c']) ask('recent', key);
    state.version = 2;
    clock = 2_000;
    for (const key of ['a', 'b', 'c']) expect(ask('recent', key)).toBe('v1');
    expect(lists.waiting).toBe(3);
    // A request that cannot wait (exact) ranks "b" itself, which takes it out of the queue.
    expect(ask('exact', 'b')).toBe('v2');
    expect(ranks).toBe(4);
    const turns: number[] = [];
    while (deferred.length > 0) turns.push(runDeferred());
    expect(turns).toEqual([1, 1]);
    expect(ranks).toBe(6);
    for (const key of ['a', 'b', 'c']) expect(ask('recent', key)).toBe('v2');
    expect(ranks).toBe(6);
  });

  it('drops a list whose background ranking fails, so the next request ranks it itself', () => {
    expect(ask('recent')).toBe('v1');
    state.version = 2;
    clock = 2_000;
    let fail = true;
    const flaky = () => {
      if (fail) throw new Error('boom');
      return rank();
    };
    expect(lists.get('me', () => ({ ...state }), flaky, 'recent')[0].id).toBe('v1');
    expect(() => runDeferred()).not.toThrow();
    fail = false;
    expect(lists.get('me', () => ({ ...state }), flaky, 'recent')[0].id).toBe('v2');
  });
});
