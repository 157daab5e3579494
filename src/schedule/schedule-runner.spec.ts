import { jest } from '@jest/globals';
import { mergePortfolio, OVERRUN_GRACE_MS, settleBy, type RunResult } from './schedule-runner.js';
import type { ThoroughStats } from '../scheduling/engine.js';

describe('mergePortfolio, the kept result of the members', () => {
  it('keeps the most placed weight, then the fewest holes, then the fewest holes on one person', () => {
    expect(
      mergePortfolio([member({ placedWeight: 9, holes: 1 }), member({ holes: 5 })]).stats,
    ).toMatchObject({ placedWeight: 10, holes: 5 });
    expect(mergePortfolio([member({ holes: 4 }), member({ holes: 3 })]).stats.holes).toBe(3);
    const fairer = mergePortfolio([
      member({ holes: 3, maxHolesPerParticipant: 2 }),
      member({ holes: 3, maxHolesPerParticipant: 1, iterations: 7 }),
    ]);
    expect(fairer.stats.iterations).toBe(7);
    // A tie goes to the first member (the lower seed).
    expect(
      mergePortfolio([member({ iterations: 1 }), member({ iterations: 2 })]).stats.iterations,
    ).toBe(1);
  });

  it('reports a bound another member proved when every member placed every request', () => {
    // The first keeps 4 holes; the second, with 5, proved that no schedule has fewer than 4.
    const kept = mergePortfolio([
      member({ holes: 4, holesLowerBound: 1 }, { holesBefore: 7, lowerBound: 1 }),
      member({ holes: 5, holesLowerBound: 4 }, { holesBefore: 6, lowerBound: 4 }),
    ]);
    expect(kept.stats).toMatchObject({ holes: 4, holesLowerBound: 4 });
    expect(kept.refined).toMatchObject({ lowerBound: 4, proven: true, holesBefore: 6 });
  });

  it('keeps its own bound when a member left a request out (they scheduled other meetings)', () => {
    const kept = mergePortfolio([
      member({ holes: 4, holesLowerBound: 1 }, { holesBefore: 7, lowerBound: 1 }),
      member({ placedWeight: 9, holes: 2, holesLowerBound: 4 }, { holesBefore: 3, lowerBound: 2 }),
    ]);
    expect(kept.stats).toMatchObject({ holes: 4, holesLowerBound: 1 });
    expect(kept.refined).toMatchObject({ lowerBound: 1, proven: false });
    // Holes before refining: the best quick phase of either member, as a quick run would have kept.
    expect(kept.refined?.holesBefore).toBe(3);
  });

  it('leaves the members’ own results untouched', () => {
    const members = [
      member({ holes: 4, holesLowerBound: 1 }, { lowerBound: 1 }),
      member({ holes: 5, holesLowerBound: 4 }, { lowerBound: 4 }),
    ];
    mergePortfolio(members);
    expect(members[0].stats.holesLowerBound).toBe(1);
    expect(members[0].refined?.proven).toBe(false);
  });
});

describe('settleBy, the members a refinement waits for', () => {
  // Jest's clock: the members' times and the deadlines are exact, however loaded the machine is.
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  // A member done after `ms` (never when undefined), and whether it was stopped.
  const later = (ms: number | undefined, value: string) => {
    const member = {
      stopped: false,
      result:
        ms === undefined
          ? new Promise<string>(() => undefined)
          : new Promise<string>((resolve) => setTimeout(() => resolve(value), ms)),
      stop() {
        member.stopped = true;
      },
    };
    return member;
  };

  // The time asked for, ending `ms` from now once the grace is counted.
  const endIn = (ms: number) => Date.now() + ms - OVERRUN_GRACE_MS;

  // What settleBy answers once the clock has run `ms` on, and when it answered.
  const settledAfter = async <T>(settling: Promise<T>, ms: number) => {
    const t0 = Date.now();
    let at: number | undefined;
    void settling.then(() => (at = Date.now() - t0));
    await jest.advanceTimersByTimeAsync(ms);
    return { result: await settling, at };
  };

  it('waits for every member done in time, in member order', async () => {
    const members = [later(60, 'slow'), later(10, 'fast')];
    const settled = await settledAfter(settleBy(members, endIn(5_000)), 5_000);
    expect(settled).toEqual({ result: ['slow', 'fast'], at: 60 });
    expect(members.map((m) => m.stopped)).toEqual([false, false]);
  });

  it('leaves out and stops a member still running after the grace once another is done', async () => {
    const members = [later(undefined, 'stuck'), later(10, 'done')];
    const settled = await settledAfter(settleBy(members, endIn(100)), 5_000);
    expect(settled).toEqual({ result: ['done'], at: 100 });
    expect(members.map((m) => m.stopped)).toEqual([true, false]);
  });

  it('takes the first member to finish when none is done in time', async () => {
    const members = [later(undefined, 'stuck'), later(150, 'late')];
    const settled = await settledAfter(settleBy(members, endIn(20)), 5_000);
    expect(settled).toEqual({ result: ['late'], at: 150 });
    expect(members.map((m) => m.stopped)).toEqual([true, false]);
  });

  it('gives the others only the grace once a member proved its schedule optimal', async () => {
    const members = [later(undefined, 'stuck'), later(10, 'optimal')];
    const settling = settleBy(members, endIn(60_000), (r) => r === 'optimal');
    const settled = await settledAfter(settling, 60_000);
    expect(settled).toEqual({ result: ['optimal'], at: 10 + OVERRUN_GRACE_MS });
    expect(members.map((m) => m.stopped)).toEqual([true, false]);
  });
});

// A member's result with every request placed (10 of weight 10) unless told otherwise; with `refined` when
// given, as a thorough run reports it.
function member(stats: Partial<RunResult['stats']>, refined?: Partial<ThoroughStats>): RunResult {
  return {
    assignments: [],
    existing: [],
    unplaced: [],
    unplacedExisting: [],
    stats: {
      meetings: 10,
      placed: 10,
      placedWeight: 10,
      totalWeight: 10,
      upperBound: 10,
      holes: 0,
      maxHolesPerParticipant: 1,
      maxUnplacedPerParticipant: 0,
      holesLowerBound: 0,
      iterations: 0,
      capHit: false,
      timeMs: 1,
      ...stats,
    },
    ...(refined && {
      refined: {
        holesBefore: stats.holes ?? 0,
        holesAfter: stats.holes ?? 0,
        steps: 1,
        improvements: 0,
        proven: false,
        lowerBound: 0,
        timeMs: 1,
        reachedMs: 1,
        restarts: 0,
        solver: 'cadical',
        ...refined,
      },
    }),
  };
}
