import type { Placement, ScheduleInput, ScheduleResult } from './types.js';

export interface Validation {
  ok: boolean;
  violations: string[];
  placed: number;
  holes: number;
  holesPerParticipant: number[];
}

// Holes straight from the definition: a person's meetings in time order; consecutive ones on the same day
// that are not in adjacent slots count one hole each.
export function countHoles(input: ScheduleInput, slotsOf: number[][]): number[] {
  return slotsOf.map((list) => {
    const sorted = [...list].sort((x, y) => x - y);
    let h = 0;
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1];
      const cur = sorted[i];
      if (input.slots[prev].day === input.slots[cur].day && cur !== prev + 1) h++;
    }
    return h;
  });
}

// Independent checker of every hard constraint; it shares no code with the engine on purpose.
export function validate(
  input: ScheduleInput,
  result: Pick<ScheduleResult, 'assignments' | 'existing' | 'unplaced' | 'unplacedExisting'>,
): Validation {
  const v: string[] = [];
  const P = input.participants.length;
  const S = input.slots.length;
  const capOf = (s: number) => (typeof input.tables === 'number' ? input.tables : input.tables[s]);
  const existing = input.existing ?? [];
  const slotsOf: number[][] = Array.from({ length: P }, () => []);
  const personAt = new Map<string, string>();
  const tableAt = new Map<string, string>();
  const perSlot = new Int32Array(S);
  let placed = 0;

  const check = (label: string, a: number, b: number, pl: Placement): void => {
    const { slot, table } = pl;
    if (!Number.isInteger(slot) || slot < 0 || slot >= S) {
      v.push(`${label}: slot ${slot} out of range`);
      return;
    }
    if (!Number.isInteger(table) || table < 1 || table > capOf(slot))
      v.push(`${label}: table ${table} out of range at slot ${slot}`);
    const tk = `${slot}:${table}`;
    if (tableAt.has(tk))
      v.push(`${label}: table ${table} at slot ${slot} also used by ${tableAt.get(tk)}`);
    tableAt.set(tk, label);
    if (++perSlot[slot] > capOf(slot)) v.push(`${label}: slot ${slot} over capacity`);
    for (const p of [a, b]) {
      if (p < 0 || p >= P) {
        v.push(`${label}: unknown participant ${p}`);
        continue;
      }
      const k = `${p}:${slot}`;
      if (personAt.has(k))
        v.push(`${label}: participant ${p} double-booked at slot ${slot} with ${personAt.get(k)}`);
      personAt.set(k, label);
      if ((input.participants[p].unavailable ?? []).includes(slot))
        v.push(`${label}: participant ${p} unavailable at slot ${slot}`);
      slotsOf[p].push(slot);
    }
    if (a === b) v.push(`${label}: a meeting needs two distinct participants`);
  };

  if (result.assignments.length !== input.meetings.length)
    v.push('assignments length differs from meetings');
  const unplacedSet = new Set(result.unplaced.map((u) => u.meeting));
  input.meetings.forEach((req, i) => {
    const pl = result.assignments[i] ?? null;
    if (pl === null) {
      if (!unplacedSet.has(i)) v.push(`meeting ${i}: unplaced without a reason`);
      if (
        req.fixedSlot !== undefined &&
        !result.unplaced.some(
          (u) =>
            u.meeting === i && (u.reason === 'fixed_conflict' || u.reason === 'invalid_request'),
        )
      )
        v.push(`meeting ${i}: fixed meeting dropped without a fixed_conflict reason`);
      return;
    }
    placed++;
    check(`meeting ${i}`, req.a, req.b, pl);
    const w = req.window ?? 'any';
    if (w !== 'any' && pl.slot >= 0 && pl.slot < S && input.slots[pl.slot].period !== w)
      v.push(`meeting ${i}: slot ${pl.slot} outside its ${w} window`);
    if (req.fixedSlot !== undefined && req.fixedSlot !== pl.slot)
      v.push(`meeting ${i}: fixed at ${req.fixedSlot}, placed at ${pl.slot}`);
  });
  const unplacedExisting = new Set(result.unplacedExisting.map((u) => u.meeting));
  existing.forEach((ex, i) => {
    const pl = result.existing[i] ?? null;
    if (pl === null) {
      if (!unplacedExisting.has(i)) v.push(`existing ${i}: dropped without a reason`);
      return;
    }
    check(`existing ${i}`, ex.a, ex.b, pl);
    if (pl.slot !== ex.slot) v.push(`existing ${i}: moved from slot ${ex.slot} to ${pl.slot}`);
    if (ex.table !== undefined && pl.table !== ex.table)
      v.push(`existing ${i}: moved from table ${ex.table} to ${pl.table}`);
  });
  const holesPerParticipant = countHoles(input, slotsOf);
  return {
    ok: v.length === 0,
    violations: v,
    placed,
    holes: holesPerParticipant.reduce((x, y) => x + y, 0),
    holesPerParticipant,
  };
}
