import fc from 'fast-check';
import { schedule } from './engine.js';
import { debug } from './improve.js';
import type { ScheduleInput, Window } from './types.js';
import { validate } from './validate.js';

// Random small conventions: up to 3 days, windows, unavailability, priorities, fixed and existing meetings.
const instanceArb = fc
  .record({
    P: fc.integer({ min: 2, max: 14 }),
    days: fc.integer({ min: 1, max: 3 }),
    perDay: fc.integer({ min: 1, max: 6 }),
    tables: fc.oneof(
      fc.integer({ min: 1, max: 5 }),
      fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 18, maxLength: 18 }),
    ),
    seed: fc.integer({ min: 0, max: 1000 }),
    raw: fc.array(
      fc.record({
        a: fc.nat(),
        b: fc.nat(),
        priority: fc.integer({ min: 0, max: 3 }),
        window: fc.constantFrom<Window>('any', 'any', 'morning', 'afternoon'),
        fixed: fc.option(fc.nat(), { freq: 6 }),
      }),
      { maxLength: 40 },
    ),
    unavailable: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 20 }),
    existing: fc.array(
      fc.record({
        a: fc.nat(),
        b: fc.nat(),
        slot: fc.nat(),
        table: fc.option(fc.integer({ min: 1, max: 5 })),
      }),
      { maxLength: 4 },
    ),
  })
  .map(({ P, days, perDay, tables, raw, unavailable, existing }): ScheduleInput => {
    const S = days * perDay;
    const slots = Array.from({ length: S }, (_, s) => ({
      day: Math.floor(s / perDay),
      period: s % perDay < perDay / 2 ? ('morning' as const) : ('afternoon' as const),
    }));
    const participants = Array.from({ length: P }, (_, p) => ({
      unavailable: unavailable.filter(([q]) => q % P === p).map(([, s]) => s % S),
    }));
    return {
      participants,
      slots,
      tables: typeof tables === 'number' ? tables : tables.slice(0, S),
      meetings: raw.map((r) => ({
        a: r.a % P,
        b: r.b % P,
        priority: r.priority,
        window: r.window,
        ...(r.fixed !== null ? { fixedSlot: r.fixed % S } : {}),
      })),
      existing: existing.map((e) => ({
        a: e.a % P,
        b: e.b % P,
        slot: e.slot % S,
        ...(e.table !== null ? { table: e.table } : {}),
      })),
    };
  });

const opts = { timeLimitMs: 10_000, maxIterations: 3_000 };

describe('schedule (property-based)', () => {
  it('always satisfies every hard constraint and gives a reason for every unplaced meeting', () => {
    fc.assert(
      fc.property(instanceArb, (input) => {
        const result = schedule(input, { ...opts, seed: 7 });
        const check = validate(input, result);
        expect(check.violations).toEqual([]);
        expect(result.stats.holes).toBe(check.holes);
        expect(result.stats.placed).toBe(check.placed);
        expect(result.stats.holesLowerBound).toBeLessThanOrEqual(check.holes);
        expect(result.stats.capHit).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('prices every Kempe move and column rotation exactly as applying it would, and keeps schedules valid', () => {
    debug.checkDeltas = true;
    debug.checked = 0;
    try {
      fc.assert(
        fc.property(instanceArb, fc.integer({ min: 0, max: 99 }), (input, seed) => {
          // checkDelta throws inside the engine when a priced delta differs from the applied one.
          const result = schedule(input, { timeLimitMs: 10_000, maxIterations: 20_000, seed });
          const check = validate(input, result);
          expect(check.violations).toEqual([]);
          expect(result.stats.holes).toBe(check.holes);
        }),
        { numRuns: 80 },
      );
      // Busy days (up to 10 slots, several meetings per person) so that wide rotations matter too.
      const dense = fc
        .record({
          P: fc.integer({ min: 4, max: 10 }),
          days: fc.integer({ min: 1, max: 2 }),
          perDay: fc.integer({ min: 6, max: 10 }),
          tables: fc.integer({ min: 2, max: 5 }),
          seed: fc.integer({ min: 0, max: 99 }),
          pairs: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 10, maxLength: 40 }),
        })
        .map(({ P, days, perDay, tables, seed, pairs }) => ({
          seed,
          input: {
            participants: Array.from({ length: P }, () => ({})),
            slots: Array.from({ length: days * perDay }, (_, s) => ({
              day: Math.floor(s / perDay),
              period: s % perDay < perDay / 2 ? ('morning' as const) : ('afternoon' as const),
            })),
            tables,
            meetings: pairs.map(([a, b]) => ({ a: a % P, b: b % P })),
          } satisfies ScheduleInput,
        }));
      fc.assert(
        fc.property(dense, ({ input, seed }) => {
          const result = schedule(input, { timeLimitMs: 10_000, maxIterations: 20_000, seed });
          expect(validate(input, result).violations).toEqual([]);
        }),
        { numRuns: 60 },
      );
      expect(debug.checked).toBeGreaterThan(1000);
    } finally {
      debug.checkDeltas = false;
    }
  });

  it('is deterministic for a given seed', () => {
    fc.assert(
      fc.property(instanceArb, fc.integer({ min: 0, max: 99 }), (input, seed) => {
        const x = schedule(input, { ...opts, seed });
        const y = schedule(input, { ...opts, seed });
        expect(y.assignments).toEqual(x.assignments);
        expect(y.unplaced).toEqual(x.unplaced);
      }),
      { numRuns: 60 },
    );
  });

  it('never places more than its upper bound, and reaches the brute-force optimum on tiny instances', () => {
    const tiny = fc.record({
      P: fc.integer({ min: 2, max: 5 }),
      S: fc.integer({ min: 1, max: 3 }),
      tables: fc.integer({ min: 1, max: 2 }),
      pairs: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
      unavailable: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(tiny, ({ P, S, tables, pairs, unavailable }) => {
        const input: ScheduleInput = {
          participants: Array.from({ length: P }, (_, p) => ({
            unavailable: unavailable.filter(([q]) => q % P === p).map(([, s]) => s % S),
          })),
          slots: Array.from({ length: S }, () => ({ day: 0, period: 'morning' as const })),
          tables,
          meetings: pairs.map(([a, b]) => ({ a: a % P, b: b % P })),
        };
        const result = schedule(input, { ...opts, seed: 1 });
        const best = bruteForceMaxPlaced(input);
        expect(result.stats.placed).toBeLessThanOrEqual(result.stats.upperBound);
        expect(result.stats.upperBound).toBeGreaterThanOrEqual(best);
        expect(result.stats.placed).toBe(best);
      }),
      { numRuns: 200 },
    );
  });
});

describe('schedule (behaviour)', () => {
  it('places two disjoint meetings rather than one that blocks both (ejection chains do not cycle)', () => {
    // Found by the property above: one slot, two tables; (1,4) alone blocks both (1,2) and (4,0).
    const input: ScheduleInput = {
      participants: Array.from({ length: 5 }, () => ({})),
      slots: [{ day: 0, period: 'morning' }],
      tables: 2,
      meetings: [
        [1, 4],
        [1, 2],
        [4, 1],
        [4, 0],
      ].map(([a, b]) => ({ a, b })),
    };
    for (const seed of [1, 2, 3]) expect(schedule(input, { seed }).stats.placed).toBe(2);
  });

  it('moves a blocking meeting to a free slot instead of evicting it', () => {
    // Found by the property above: (1,0) must hop to slot 0 so that (0,2) and (3,4) fit in slot 1.
    const input: ScheduleInput = {
      participants: Array.from({ length: 5 }, (_, p) => ({ unavailable: p === 3 ? [0] : [] })),
      slots: [
        { day: 0, period: 'morning' },
        { day: 0, period: 'morning' },
      ],
      tables: 2,
      meetings: [
        [3, 2],
        [2, 4],
        [0, 2],
        [3, 4],
        [1, 0],
      ].map(([a, b]) => ({ a, b })),
    };
    for (const seed of [1, 2, 3]) expect(schedule(input, { seed }).stats.placed).toBe(4);
  });

  const slots = Array.from({ length: 6 }, (_, s) => ({
    day: 0,
    period: s < 3 ? ('morning' as const) : ('afternoon' as const),
  }));

  it('places a hub’s meetings back to back', () => {
    const input: ScheduleInput = {
      participants: Array.from({ length: 5 }, () => ({})),
      slots,
      tables: 2,
      meetings: [1, 2, 3, 4].map((b) => ({ a: 0, b })),
    };
    const result = schedule(input, { seed: 3, timeLimitMs: 10_000 });
    expect(result.stats.placed).toBe(4);
    expect(validate(input, result).holes).toBe(0);
  });

  it('keeps fixed and existing meetings and reports conflicting ones', () => {
    const input: ScheduleInput = {
      participants: Array.from({ length: 4 }, () => ({})),
      slots,
      tables: 2,
      meetings: [
        { a: 0, b: 1, fixedSlot: 2 },
        { a: 0, b: 2, fixedSlot: 4 },
        { a: 2, b: 3 },
      ],
      existing: [
        { a: 0, b: 3, slot: 4, table: 2 },
        { a: 1, b: 2, slot: 5 },
      ],
    };
    const result = schedule(input, { seed: 1, timeLimitMs: 10_000 });
    expect(validate(input, result).violations).toEqual([]);
    expect(result.assignments[0]?.slot).toBe(2);
    expect(result.assignments[1]).toBeNull();
    expect(result.unplaced).toEqual([
      expect.objectContaining({ meeting: 1, reason: 'fixed_conflict' }),
    ]);
    expect(result.existing[0]).toEqual({ slot: 4, table: 2 });
    expect(result.existing[1]?.slot).toBe(5);
    expect(result.assignments[2]).not.toBeNull();
  });

  it('explains why meetings cannot be placed', () => {
    const input: ScheduleInput = {
      participants: [
        { unavailable: [0, 1, 2] },
        { unavailable: [3, 4, 5] },
        {},
        { unavailable: [0, 1, 2, 3, 4, 5] },
      ],
      slots,
      tables: 1,
      meetings: [
        { a: 0, b: 1 },
        { a: 0, b: 3 },
        { a: 0, b: 2, window: 'morning' },
        { a: 2, b: 2 },
      ],
    };
    const result = schedule(input, { seed: 1, timeLimitMs: 10_000 });
    const reasons = Object.fromEntries(result.unplaced.map((u) => [u.meeting, u.reason]));
    expect(reasons).toEqual({
      0: 'no_common_slot',
      1: 'participant_unavailable',
      2: 'participant_unavailable',
      3: 'invalid_request',
    });
  });

  it('prefers higher-priority meetings when tables run out and reports progress', () => {
    const input: ScheduleInput = {
      participants: Array.from({ length: 6 }, () => ({})),
      slots: slots.slice(0, 1),
      tables: 1,
      meetings: [
        { a: 0, b: 1, priority: 0 },
        { a: 2, b: 3, priority: 5 },
        { a: 4, b: 5, priority: 1 },
      ],
    };
    const fractions: number[] = [];
    const result = schedule(input, {
      seed: 1,
      timeLimitMs: 10_000,
      onProgress: (f) => fractions.push(f),
    });
    expect(result.assignments.map((x) => x !== null)).toEqual([false, true, false]);
    expect(result.unplaced.every((u) => u.reason === 'capacity')).toBe(true);
    expect(fractions.at(-1)).toBe(1);
    expect(result.stats.upperBound).toBe(1);
  });
});

// Exhaustive search over slot choices (or none) for instances with at most 6 meetings and 3 slots.
function bruteForceMaxPlaced(input: ScheduleInput): number {
  const S = input.slots.length;
  const cap = input.tables as number;
  const busy = new Set<string>();
  const load = new Array<number>(S).fill(0);
  let best = 0;
  const go = (i: number, placed: number): void => {
    if (placed + (input.meetings.length - i) <= best) return;
    if (i === input.meetings.length) {
      best = placed;
      return;
    }
    const { a, b } = input.meetings[i];
    if (a !== b)
      for (let s = 0; s < S; s++) {
        const ua = input.participants[a].unavailable ?? [];
        const ub = input.participants[b].unavailable ?? [];
        if (
          load[s] >= cap ||
          ua.includes(s) ||
          ub.includes(s) ||
          busy.has(`${a}:${s}`) ||
          busy.has(`${b}:${s}`)
        )
          continue;
        busy.add(`${a}:${s}`);
        busy.add(`${b}:${s}`);
        load[s]++;
        go(i + 1, placed + 1);
        load[s]--;
        busy.delete(`${a}:${s}`);
        busy.delete(`${b}:${s}`);
      }
    go(i + 1, placed);
  };
  go(0, 0);
  return best;
}
