import { scheduleThorough } from './engine.js';
import { holesLowerBound, personIndex } from './person.js';
import { Rng } from './rng.js';
import { refineSat } from './sat.js';
import { firstFit } from './first-fit.js';
import { State } from './state.js';
import type { MeetingRequest, ScheduleInput, ScheduleResult } from './types.js';
import { validate } from './validate.js';

describe('exact refinement with CaDiCaL', () => {
  it('improves a first-fit schedule of a random day without breaking a rule', async () => {
    const input = randomInput(7, { people: 30, meetings: 90, days: 1, slots: 12, tables: 6 });
    const { pb, st } = firstFit(input);
    const before = st.holes;
    const placed = st.placed;
    expect(before).toBeGreaterThan(5);
    // Three repair steps (each of a fixed number of conflicts), however long they take.
    const stats = await refineSat(pb, st, new Rng(3), { timeMs: 60_000, maxSteps: 3 });
    expect(stats.steps).toBe(3);
    expect(stats.improvements).toBeGreaterThan(0);
    expect(st.holes).toBeLessThan(before);
    expect(st.placed).toBe(placed);
    const check = validate(input, resultOf(st));
    expect(check.violations).toEqual([]);
    expect(check.holes).toBe(st.holes);
  }, 90_000);

  it.each([2, 5])(
    'proves the holes it leaves unavoidable where the per-person bound sees none (seed %i)',
    async (seed) => {
      const input = randomInput(seed, { people: 12, meetings: 30, days: 1, slots: 8, tables: 4 });
      const { pb, st } = firstFit(input);
      expect(st.placed).toBe(30);
      expect(holesLowerBound(pb, st, personIndex(pb), new Uint8Array(pb.P))).toBe(0);
      // Every request placed: the bound is shared with the other members through the stop flag's second cell.
      const stop = new Int32Array(new SharedArrayBuffer(8));
      const stats = await refineSat(pb, st, new Rng(1), { timeMs: 60_000, stop });
      expect(stats.proven).toBe(true);
      expect(st.holes).toBeGreaterThan(0);
      expect(stats.lowerBound).toBe(st.holes);
      expect(Atomics.load(stop, 1)).toBe(st.holes);
      // Proved, so it ends before its time (a minute: far more than a slow machine needs).
      expect(stats.timeMs).toBeLessThan(60_000);
      const check = validate(input, resultOf(st));
      expect(check.violations).toEqual([]);
      expect(check.holes).toBe(st.holes);
    },
    90_000,
  );

  it('counts the holes of people whose meetings are all fixed in what it proves', async () => {
    // Person 12 meets 13 and 14 at fixed slots 1 and 4: a hole no step can close, outside the exact model.
    const base = randomInput(2, { people: 12, meetings: 30, days: 1, slots: 8, tables: 4 });
    const input: ScheduleInput = {
      ...base,
      participants: Array.from({ length: 15 }, () => ({})),
      meetings: [{ a: 12, b: 13, fixedSlot: 1 }, { a: 12, b: 14, fixedSlot: 4 }, ...base.meetings],
    };
    const { pb, st } = firstFit(input);
    expect([st.slotOf[0], st.slotOf[1]]).toEqual([1, 4]);
    const stats = await refineSat(pb, st, new Rng(1), { timeMs: 60_000 });
    expect(stats.proven).toBe(true);
    expect(st.holes).toBeGreaterThan(1);
    expect(stats.lowerBound).toBe(st.holes);
    expect(stats.timeMs).toBeLessThan(60_000);
    const check = validate(input, resultOf(st));
    expect(check.violations).toEqual([]);
    expect(check.holes).toBe(st.holes);
    expect(check.holesPerParticipant[12]).toBe(1);
  }, 90_000);

  it('keeps fixed and existing meetings, windows, absences and tables per slot, over two days', async () => {
    const base = randomInput(11, { people: 24, meetings: 70, days: 2, slots: 8, tables: 5 });
    // Person 0 has the existing meeting at slot 2, a fixed one at slot 6 and is away at slot 4: a hole stays
    // whatever the schedule, so the exact search runs.
    const partner = [...Array(24).keys()].find(
      (q) =>
        q > 5 && !base.meetings.some((m) => (m.a === 0 && m.b === q) || (m.a === q && m.b === 0)),
    )!;
    const input: ScheduleInput = {
      ...base,
      participants: base.participants.map((p, i) => (i === 0 ? { unavailable: [4] } : p)),
      meetings: [...base.meetings, { a: 0, b: partner, fixedSlot: 6 }],
    };
    // One restart of fixed work, then the exact search until it proves the hole (a minute is only a cap).
    const result = await scheduleThorough(input, {
      maxIterations: 5_000,
      refine: { timeMs: 60_000, solver: 'cadical', restarts: { count: 1, iterations: 250_000 } },
    });
    expect(result.refined.solver).toBe('cadical');
    // The hole left is proved unavoidable (by the core search, or a whole-schedule answer of the repair).
    expect(result.stats.holes).toBeGreaterThan(0);
    expect(result.refined.proven).toBe(true);
    expect(result.stats.holesLowerBound).toBe(result.stats.holes);
    expect(result.refined.holesAfter).toBeLessThanOrEqual(result.refined.holesBefore);
    const check = validate(input, result);
    expect(check).toMatchObject({ ok: true, holes: result.stats.holes });
    let fixed = 0;
    input.meetings.forEach((m, i) => {
      if (m.fixedSlot === undefined) return;
      // At its slot, or reported as a conflict (two fixed meetings of one person at one slot).
      const at = result.assignments[i];
      if (at) {
        expect(at.slot).toBe(m.fixedSlot);
        fixed++;
      } else expect(result.unplaced.find((u) => u.meeting === i)?.reason).toBe('fixed_conflict');
    });
    expect(fixed).toBeGreaterThan(3);
    expect(result.existing.map((e) => e?.slot)).toEqual(input.existing!.map((e) => e.slot));
  }, 90_000);
});

// The engine's result shape for a state: tables numbered in order within each slot.
function resultOf(st: State): ScheduleResult {
  const used = new Map<number, number>();
  const assignments = Array.from(st.slotOf.subarray(0, st.pb.R), (slot) => {
    if (slot < 0) return null;
    const table = (used.get(slot) ?? 0) + 1;
    used.set(slot, table);
    return { slot, table };
  });
  // What first fit could not place stays unplaced: the refinement never changes the placed set.
  const unplaced = assignments.flatMap((x, meeting) =>
    x ? [] : [{ meeting, reason: 'participant_busy' as const }],
  );
  return {
    assignments,
    existing: [],
    unplaced,
    unplacedExisting: [],
  } as unknown as ScheduleResult;
}

// Distinct random pairs over `days` days of `slots` slots each (first half morning); on two days, every
// tenth request has a window or a fixed slot, two people are away for a slot, the last slot of each day has
// one table less, and two meetings already exist.
function randomInput(
  seed: number,
  size: { people: number; meetings: number; days: number; slots: number; tables: number },
): ScheduleInput {
  const rng = new Rng(seed);
  const pairs = new Set<number>();
  const meetings: MeetingRequest[] = [];
  const S = size.days * size.slots;
  const key = (a: number, b: number) => Math.min(a, b) * size.people + Math.max(a, b);
  const existing =
    size.days > 1
      ? [
          { a: 0, b: 1, slot: 2 },
          { a: 2, b: 3, slot: size.slots + 1 },
        ]
      : [];
  for (const e of existing) pairs.add(key(e.a, e.b));
  while (meetings.length < size.meetings) {
    const a = rng.int(size.people);
    const b = rng.int(size.people);
    if (a === b || pairs.has(key(a, b))) continue;
    pairs.add(key(a, b));
    const i = meetings.length;
    const extra =
      size.days > 1 && i % 10 === 3
        ? { window: i % 20 === 3 ? ('morning' as const) : ('afternoon' as const) }
        : size.days > 1 && i % 10 === 7
          ? { fixedSlot: (i * 7) % S }
          : {};
    meetings.push({ a, b, ...extra });
  }
  return {
    participants: Array.from({ length: size.people }, (_, p) =>
      size.days > 1 && p >= 4 && p < 6 ? { unavailable: [p] } : {},
    ),
    slots: Array.from({ length: S }, (_, s) => ({
      day: Math.floor(s / size.slots),
      period: s % size.slots < size.slots / 2 ? ('morning' as const) : ('afternoon' as const),
    })),
    tables:
      size.days > 1
        ? Array.from(
            { length: S },
            (_, s) => size.tables - (s % size.slots === size.slots - 1 ? 1 : 0),
          )
        : size.tables,
    meetings,
    existing,
  };
}
