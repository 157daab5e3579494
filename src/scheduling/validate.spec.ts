import type { ScheduleInput, ScheduleResult } from './types.js';
import { validate } from './validate.js';

const day = (n: number, d = 0) =>
  Array.from({ length: n }, (_, i) => ({
    day: d,
    period: i < n / 2 ? ('morning' as const) : ('afternoon' as const),
  }));

const base: ScheduleInput = {
  participants: [{}, {}, {}, { unavailable: [2] }],
  slots: day(4),
  tables: 1,
  meetings: [
    { a: 0, b: 1 },
    { a: 0, b: 2 },
    { a: 1, b: 3, window: 'morning' },
  ],
};

const result = (
  assignments: ScheduleResult['assignments'],
  extra: Partial<ScheduleResult> = {},
) => ({
  assignments,
  existing: [],
  unplaced: assignments.flatMap((a, i) =>
    a === null ? [{ meeting: i, reason: 'capacity' as const }] : [],
  ),
  unplacedExisting: [],
  ...extra,
});

describe('validate', () => {
  it('accepts a correct schedule and counts its holes', () => {
    const v = validate(
      base,
      result([
        { slot: 0, table: 1 },
        { slot: 2, table: 1 },
        { slot: 1, table: 1 },
      ]),
    );
    expect(v.violations).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.placed).toBe(3);
    // Person 0 meets at slots 0 and 2: one hole. Person 1 at 0 and 1: none.
    expect(v.holesPerParticipant).toEqual([1, 0, 0, 0]);
    expect(v.holes).toBe(1);
  });

  it('detects a double-booked person', () => {
    const v = validate(
      { ...base, tables: 2 },
      result([
        { slot: 0, table: 1 },
        { slot: 0, table: 2 },
        { slot: 1, table: 1 },
      ]),
    );
    expect(v.ok).toBe(false);
    expect(v.violations.some((x) => x.includes('double-booked'))).toBe(true);
  });

  it('detects an over-capacity slot and a reused table', () => {
    const input = {
      ...base,
      meetings: [
        { a: 0, b: 1 },
        { a: 2, b: 3 },
      ],
    };
    const v = validate(
      input,
      result([
        { slot: 0, table: 1 },
        { slot: 0, table: 1 },
      ]),
    );
    expect(v.violations.some((x) => x.includes('over capacity'))).toBe(true);
    expect(v.violations.some((x) => x.includes('also used'))).toBe(true);
    const w = validate(
      input,
      result([
        { slot: 0, table: 1 },
        { slot: 1, table: 2 },
      ]),
    );
    expect(w.violations.some((x) => x.includes('out of range'))).toBe(true);
  });

  it('detects a forbidden slot and a window violation', () => {
    const v = validate(
      base,
      result([
        { slot: 0, table: 1 },
        { slot: 1, table: 1 },
        { slot: 2, table: 1 },
      ]),
    );
    expect(v.violations.some((x) => x.includes('unavailable'))).toBe(true);
    expect(v.violations.some((x) => x.includes('window'))).toBe(true);
  });

  it('detects a moved or silently dropped fixed meeting, and a moved existing one', () => {
    const input: ScheduleInput = {
      ...base,
      meetings: [{ a: 0, b: 1, fixedSlot: 3 }],
      existing: [{ a: 2, b: 3, slot: 0, table: 1 }],
    };
    const moved = validate(
      input,
      result([{ slot: 1, table: 1 }], { existing: [{ slot: 1, table: 1 }] }),
    );
    expect(moved.violations.some((x) => x.includes('fixed at 3'))).toBe(true);
    expect(moved.violations.some((x) => x.includes('existing 0: moved'))).toBe(true);
    const dropped = validate(input, result([null], { existing: [{ slot: 0, table: 1 }] }));
    expect(dropped.violations.some((x) => x.includes('fixed meeting dropped'))).toBe(true);
  });

  it('counts holes per day only, never across days', () => {
    const input: ScheduleInput = {
      participants: [{}, {}, {}, {}],
      slots: [...day(3, 0), ...day(3, 1)],
      tables: 2,
      meetings: [
        { a: 0, b: 1 },
        { a: 0, b: 2 },
        { a: 0, b: 3 },
      ],
    };
    // Person 0: slots 2 (day 0) and 3 (day 1) are consecutive indices on different days; 3 and 5 leave a hole.
    const v = validate(
      input,
      result([
        { slot: 2, table: 1 },
        { slot: 3, table: 1 },
        { slot: 5, table: 1 },
      ]),
    );
    expect(v.ok).toBe(true);
    expect(v.holesPerParticipant[0]).toBe(1);
    const w = validate(
      input,
      result([
        { slot: 0, table: 1 },
        { slot: 2, table: 1 },
        { slot: 5, table: 1 },
      ]),
    );
    expect(w.holesPerParticipant[0]).toBe(1);
  });

  it('requires a reason for every unplaced meeting', () => {
    const v = validate(base, {
      assignments: [null, null, null],
      existing: [],
      unplaced: [],
      unplacedExisting: [],
    });
    expect(v.violations.filter((x) => x.includes('without a reason'))).toHaveLength(3);
  });
});
