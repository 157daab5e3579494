import { schedule, scheduleThorough } from './engine.js';
import { compile } from './problem.js';
import { Rng } from './rng.js';
import { State } from './state.js';
import { refine } from './exact.js';
import { refineSat } from './sat.js';
import { firstFit } from './first-fit.js';
import { validate } from './validate.js';
import type { MeetingRequest, ScheduleInput } from './types.js';

// Every test runs with both exact repairs.
const REPAIRS = [
  ['Z3', refine],
  ['CaDiCaL', refineSat],
] as const;

// First fit on a random day of 90 requests for 72 places: dozens of holes, some requests left out.
const poorDay = () => firstFit(randomDay(9, { people: 30, meetings: 90, slots: 12, tables: 6 }));

describe('exact refinement', () => {
  it.each(REPAIRS)(
    'with %s, closes the holes a poor schedule left, keeping every meeting and every rule',
    async (_, repair) => {
      // One day of six slots, one table each; Ana meets Ben, Chloé and Dan.
      const input: ScheduleInput = {
        participants: [{}, {}, {}, { unavailable: [1] }],
        slots: Array.from({ length: 6 }, () => ({ day: 0, period: 'morning' as const })),
        tables: 1,
        meetings: [
          { a: 0, b: 1 },
          { a: 0, b: 2 },
          { a: 0, b: 3 },
        ],
      };
      const pb = compile(input);
      const st = new State(pb);
      // Slots 0, 2 and 5: two holes for Ana.
      st.place(0, 0);
      st.place(1, 2);
      st.place(2, 5);
      expect(st.holes).toBe(2);
      // It ends once no hole is left: the time is a cap a slow machine does not reach.
      const stats = await repair(pb, st, new Rng(1), { timeMs: 20_000 });
      expect(stats).toMatchObject({ holesBefore: 2, holesAfter: 0 });
      expect(st.holes).toBe(0);
      const slots = [0, 1, 2].map((m) => st.slotOf[m]);
      expect(slots).not.toContain(1); // Dan is away at slot 1
      const check = validate(input, {
        assignments: slots.map((slot) => ({ slot, table: 1 })),
        existing: [],
        unplaced: [],
        unplacedExisting: [],
      });
      expect(check.ok).toBe(true);
      expect(check.holes).toBe(0);
    },
    90_000,
  );

  it('reports one progress bar that only moves forward, annealing then refinement', async () => {
    // Ana cannot meet at slot 2, between her meetings: a hole no schedule avoids, so the refinement runs.
    const input: ScheduleInput = {
      participants: [{ unavailable: [2] }, {}, {}, {}, {}],
      slots: Array.from({ length: 5 }, () => ({ day: 0, period: 'morning' as const })),
      tables: 2,
      meetings: [1, 2, 3, 4].map((b) => ({ a: 0, b })),
    };
    const seen: [string, number][] = [];
    // Work, not time: one restart at most and a few exact steps (each proves or closes a hole at once here).
    const result = await scheduleThorough(input, {
      onProgress: (fraction, stats) => seen.push([stats.phase, fraction]),
      refine: { timeMs: 60_000, maxSteps: 4, restarts: { count: 1, iterations: 50_000 } },
    });
    expect(result.refined.holesAfter).toBe(1);
    const fractions = seen.map(([, f]) => f);
    expect(fractions).toEqual([...fractions].sort((x, y) => x - y));
    expect(seen.at(-1)).toEqual(['done', 1]);
    expect(seen.some(([phase]) => phase === 'refine')).toBe(true);
  }, 90_000);

  it('first anneals again on other seeds with a longer cooling, and keeps the best schedule found', async () => {
    // A random one-day event of 24 people and 70 meetings; the quick run gets little work (its default
    // budget is 70 times more), so restarts have holes to close. Two restarts of the most work the clock would
    // give them (50 times the quick run's), and no exact step: the same work on any machine.
    const input = randomDay(3, { people: 24, meetings: 70, slots: 12, tables: 7 });
    const quick = schedule(input, { maxIterations: 20_000 });
    const seen: [string, number][] = [];
    const holesShown: number[] = [];
    const result = await scheduleThorough(input, {
      maxIterations: 20_000,
      onProgress: (fraction, stats) => {
        seen.push([stats.phase, fraction]);
        if (stats.phase !== 'construct' && stats.phase !== 'repair') holesShown.push(stats.holes);
      },
      refine: { timeMs: 60_000, maxSteps: 0, restarts: { count: 2, iterations: 1_000_000 } },
    });
    expect(result.refined.holesBefore).toBe(quick.stats.holes);
    // The holes shown along the way are those of whole schedules: never fewer than the run ends with.
    expect(Math.min(...holesShown)).toBe(result.stats.holes);
    // The restarts found the kept schedule after the quick run, and the result says when.
    expect(result.refined.reachedMs).toBeGreaterThan(0);
    expect(result.refined.reachedMs).toBeLessThanOrEqual(result.refined.timeMs);
    // Still one progress bar, forward only, ending with the result.
    const fractions = seen.map(([, f]) => f);
    expect(fractions).toEqual([...fractions].sort((x, y) => x - y));
    expect(seen.at(-1)).toEqual(['done', 1]);
    expect(result.refined.restarts).toBeGreaterThan(0);
    expect(result.stats.holes).toBeLessThan(quick.stats.holes);
    const check = validate(input, result);
    expect(check).toMatchObject({ ok: true, placed: 70, holes: result.stats.holes });
  }, 90_000);

  it.each(REPAIRS)(
    'with %s, stops soon after its stop flag is raised, the schedule intact',
    async (_, repair) => {
      // The search would use all of its 60 s: a third of that, even on a slow machine, means it stopped.
      const { pb, st } = poorDay();
      const placed = st.placed;
      const stop = new Int32Array(new SharedArrayBuffer(4));
      const raise = setTimeout(() => Atomics.store(stop, 0, 1), 1_000);
      const stats = await repair(pb, st, new Rng(2), { timeMs: 60_000, stop });
      clearTimeout(raise);
      expect(stats.timeMs).toBeLessThan(20_000);
      expect(stats.proven).toBe(false);
      expect(st.placed).toBe(placed);
      expect(st.holes).toBe(stats.holesAfter);
    },
    90_000,
  );

  it.each(REPAIRS)(
    'with %s, ends once it reaches a bound another member proved, and only when the flag carries one',
    async (_, repair) => {
      const { pb, st } = poorDay();
      const holes = st.holes;
      // Another member proved that this many holes are unavoidable: nothing to gain.
      const stop = new Int32Array(new SharedArrayBuffer(8));
      Atomics.store(stop, 1, holes);
      const stats = await repair(pb, st, new Rng(2), { timeMs: 20_000, stop });
      expect(stats).toMatchObject({ steps: 0, proven: true, lowerBound: holes, holesAfter: holes });
      // With a request left out the placed meetings may differ between members: the engine then passes the
      // first cell only, and the bound is not this one's.
      const firstCell = new Int32Array(stop.buffer, 0, 1);
      // One step of a small neighbourhood, however long the machine takes to start the solver.
      const alone = await repair(pb, st, new Rng(2), {
        timeMs: 60_000,
        maxSteps: 1,
        neighbourhood: 40,
        stop: firstCell,
      });
      expect(alone.steps).toBeGreaterThan(0);
      expect(alone.proven).toBe(false);
    },
    90_000,
  );

  it('takes a bound from the other members only when it places every request', async () => {
    // 70 meetings, 84 places: everything placed. The bound says the quick run's holes cannot be beaten.
    const full = randomDay(4, { people: 24, meetings: 70, slots: 12, tables: 7 });
    const quick = schedule(full);
    expect(quick.stats.placed).toBe(70);
    const stop = new Int32Array(new SharedArrayBuffer(8));
    Atomics.store(stop, 1, quick.stats.holes);
    const ended = await scheduleThorough(full, { stop, refine: { timeMs: 20_000 } });
    expect(ended.refined).toMatchObject({ restarts: 0, steps: 0, proven: true });
    expect(ended.stats.holesLowerBound).toBe(quick.stats.holes);
    // 90 meetings, 72 places: some are left out, so the same claim is not about this run's meetings.
    const over = randomDay(9, { people: 30, meetings: 90, slots: 12, tables: 6 });
    const partial = schedule(over);
    expect(partial.stats.placed).toBeLessThan(90);
    Atomics.store(stop, 1, partial.stats.holes);
    const kept = await scheduleThorough(over, {
      stop,
      refine: { timeMs: 60_000, maxSteps: 0, restarts: { count: 1, iterations: 300_000 } },
    });
    expect(kept.refined.restarts).toBeGreaterThan(0);
    expect(kept.stats.holesLowerBound).toBeLessThan(partial.stats.holes);
    expect(validate(over, kept).ok).toBe(true);
  }, 90_000);

  it('ends at once when its stop flag is raised before it starts, with a valid schedule', async () => {
    const input = randomDay(4, { people: 24, meetings: 70, slots: 12, tables: 7 });
    const stop = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(stop, 0, 1);
    const result = await scheduleThorough(input, { stop, refine: { timeMs: 20_000 } });
    expect(result.refined).toMatchObject({ restarts: 0, steps: 0 });
    expect(validate(input, result).ok).toBe(true);
  }, 90_000);

  it('gives a large convention the whole time for annealing, where the exact search finds nothing', async () => {
    // 1,100 meetings among 300 people over 20 slots: beyond the exact search's reach.
    const input = randomDay(5, { people: 300, meetings: 1_100, slots: 20, tables: 100 });
    const quick = schedule(input, { maxIterations: 200_000 });
    // Two restarts of five times the quick run's work, whatever the machine's speed.
    const result = await scheduleThorough(input, {
      maxIterations: 200_000,
      refine: { timeMs: 60_000, restarts: { count: 2, iterations: 1_000_000 } },
    });
    expect(result.refined).toMatchObject({ holesBefore: quick.stats.holes, steps: 0 });
    expect(result.refined.restarts).toBeGreaterThan(0);
    expect(result.stats.holes).toBeLessThan(quick.stats.holes);
    expect(validate(input, result)).toMatchObject({ ok: true, placed: 1_100 });
  }, 90_000);
});

// One day of `slots` slots (the first half in the morning) and distinct random pairs of people.
function randomDay(
  seed: number,
  size: { people: number; meetings: number; slots: number; tables: number },
): ScheduleInput {
  const rng = new Rng(seed);
  const pairs = new Set<number>();
  const meetings: MeetingRequest[] = [];
  while (meetings.length < size.meetings) {
    const a = rng.int(size.people);
    const b = rng.int(size.people);
    const key = Math.min(a, b) * size.people + Math.max(a, b);
    if (a === b || pairs.has(key)) continue;
    pairs.add(key);
    meetings.push({ a, b });
  }
  return {
    participants: Array.from({ length: size.people }, () => ({})),
    slots: Array.from({ length: size.slots }, (_, s) => ({
      day: 0,
      period: s < size.slots / 2 ? ('morning' as const) : ('afternoon' as const),
    })),
    tables: size.tables,
    meetings,
  };
}
