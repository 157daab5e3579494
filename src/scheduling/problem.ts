import type { ScheduleInput, UnplacedReason, Window } from './types.js';

// Compiled form of the input: requests first (0..R-1), then existing meetings (R..M-1), typed arrays only.
/**
 * A schedule question compiled to flat arrays for the search: people, slots and meetings are numbered
 * from 0; meetings 0..R-1 are the requests to place, R..M-1 the meetings already on the agenda.
 * Per-(person, slot) and per-(meeting, slot) tables are row-major (`person * S + slot`).
 */
export interface Problem {
  /** Number of people (participants). */
  P: number;
  /** Number of slots of the grid, in time order. */
  S: number;
  /** Number of days the slots span. */
  D: number;
  /** Number of requests to place (the first R meetings). */
  R: number;
  /** Number of meetings in all: the R requests, then the existing meetings. */
  M: number;
  /** First person of each meeting (the requester). */
  a: Int32Array;
  /** Second person of each meeting (the invitee). */
  b: Int32Array;
  /** Weight of each meeting in the objective: 1 + its priority. */
  weight: Float64Array;
  /** Slot a fixed or existing meeting is pinned to, -1 when free to move. */
  fixed: Int32Array;
  /** Table an existing meeting keeps (1-based), 0 when any table will do. */
  pinnedTable: Int32Array;
  /** 1 when the meeting can be placed at all; 0 when `reason` says why not. */
  active: Uint8Array;
  /** Why an inactive meeting cannot be placed. */
  reason: (UnplacedReason | null)[];
  /** A sentence with the detail of `reason`, for fixed conflicts. */
  detail: (string | null)[];
  /** Day index (0..D-1) of each slot. */
  day: Int32Array;
  /** 1 when slot s+1 follows slot s on the same day (a gap between them is a hole). */
  adjNext: Uint8Array;
  /** Tables (meetings at once) at each slot. */
  cap: Int32Array;
  /** Person × slot: 1 when the person is available. */
  avail: Uint8Array;
  /** Meeting × slot: 1 when the meeting may take the slot (both free, window, fixed meetings). */
  allowed: Uint8Array;
  /** Start of each meeting's allowed slots in `domList` (M + 1 entries, CSR layout). */
  domStart: Int32Array;
  /** The allowed slots of every meeting, one run per meeting. */
  domList: Int32Array;
  /** Active meetings of each person. */
  degree: Int32Array;
}

const windowOk = (w: Window | undefined, period: string): boolean =>
  w === undefined || w === 'any' || w === period;

export function compile(input: ScheduleInput): Problem {
  const P = input.participants.length;
  const S = input.slots.length;
  const R = input.meetings.length;
  const existing = input.existing ?? [];
  const M = R + existing.length;

  const day = new Int32Array(S);
  const adjNext = new Uint8Array(S);
  const dayIds = new Map<number, number>();
  for (let s = 0; s < S; s++) {
    const d = input.slots[s].day;
    if (s > 0 && d < input.slots[s - 1].day) throw new Error('slots must be ordered by day');
    if (!dayIds.has(d)) dayIds.set(d, dayIds.size);
    day[s] = dayIds.get(d)!;
  }
  for (let s = 0; s + 1 < S; s++) adjNext[s] = day[s] === day[s + 1] ? 1 : 0;

  const cap = new Int32Array(S);
  for (let s = 0; s < S; s++) {
    const c = typeof input.tables === 'number' ? input.tables : input.tables[s];
    if (c === undefined || !Number.isInteger(c) || c < 0)
      throw new Error(`bad table count for slot ${s}`);
    cap[s] = c;
  }

  const avail = new Uint8Array(P * S).fill(1);
  input.participants.forEach((p, i) => {
    for (const s of p.unavailable ?? []) if (s >= 0 && s < S) avail[i * S + s] = 0;
  });

  const a = new Int32Array(M);
  const b = new Int32Array(M);
  const weight = new Float64Array(M);
  const fixed = new Int32Array(M).fill(-1);
  const pinnedTable = new Int32Array(M);
  const active = new Uint8Array(M);
  const reason: (UnplacedReason | null)[] = new Array<UnplacedReason | null>(M).fill(null);
  const detail: (string | null)[] = new Array<string | null>(M).fill(null);
  const windows: (Window | undefined)[] = [];
  const wanted: (number | undefined)[] = new Array<number | undefined>(M).fill(undefined);
  const validPerson = (p: number) => Number.isInteger(p) && p >= 0 && p < P;

  for (let m = 0; m < M; m++) {
    const req = m < R ? input.meetings[m] : existing[m - R];
    a[m] = req.a;
    b[m] = req.b;
    if (m < R) {
      const r = input.meetings[m];
      weight[m] = 1 + Math.max(0, r.priority ?? 0);
      windows.push(r.window);
      wanted[m] = r.fixedSlot;
    } else {
      weight[m] = 1;
      windows.push(undefined);
      wanted[m] = existing[m - R].slot;
      pinnedTable[m] = existing[m - R].table ?? 0;
    }
    if (!validPerson(req.a) || !validPerson(req.b) || req.a === req.b) {
      reason[m] = 'invalid_request';
      detail[m] = 'participants must be two distinct known participants';
    } else active[m] = 1;
  }

  // Fixed placements are settled first: existing ones, then fixed requests by weight, each against the earlier ones.
  const busy = new Int32Array(P * S).fill(-1);
  const load = new Int32Array(S);
  const tableUsed = new Set<number>();
  const fixedOrder: number[] = [];
  for (let m = R; m < M; m++) fixedOrder.push(m);
  const fixedReq: number[] = [];
  for (let m = 0; m < R; m++) if (wanted[m] !== undefined) fixedReq.push(m);
  fixedReq.sort((x, y) => weight[y] - weight[x] || x - y);
  fixedOrder.push(...fixedReq);
  for (const m of fixedOrder) {
    if (!active[m]) continue;
    const s = wanted[m] ?? -1;
    let why: string | null = null;
    if (!Number.isInteger(s) || s < 0 || s >= S) why = 'fixed slot out of range';
    else if (!avail[a[m] * S + s] || !avail[b[m] * S + s])
      why = 'a participant is unavailable at the fixed slot';
    else if (!windowOk(windows[m], input.slots[s].period))
      why = 'fixed slot outside the requested window';
    else if (busy[a[m] * S + s] >= 0 || busy[b[m] * S + s] >= 0)
      why = `a participant already has meeting ${Math.max(busy[a[m] * S + s], busy[b[m] * S + s])} at the fixed slot`;
    else if (load[s] >= cap[s]) why = 'no table left at the fixed slot';
    else if (pinnedTable[m] !== 0) {
      const t = pinnedTable[m];
      if (!Number.isInteger(t) || t < 1 || t > cap[s]) why = 'table number out of range';
      else if (tableUsed.has(s * 1_000_003 + t)) why = 'table already taken at that slot';
      else tableUsed.add(s * 1_000_003 + t);
    }
    if (why !== null) {
      active[m] = 0;
      reason[m] = 'fixed_conflict';
      detail[m] = why;
      continue;
    }
    fixed[m] = s;
    busy[a[m] * S + s] = m;
    busy[b[m] * S + s] = m;
    load[s]++;
  }

  const allowed = new Uint8Array(M * S);
  const domStart = new Int32Array(M + 1);
  const dom: number[] = [];
  const degree = new Int32Array(P);
  for (let m = 0; m < M; m++) {
    domStart[m] = dom.length;
    if (!active[m]) continue;
    degree[a[m]]++;
    degree[b[m]]++;
    if (fixed[m] >= 0) {
      allowed[m * S + fixed[m]] = 1;
      dom.push(fixed[m]);
      continue;
    }
    let aAny = false;
    let bAny = false;
    let common = false;
    let freeOfFixed = false;
    for (let s = 0; s < S; s++) {
      if (!windowOk(windows[m], input.slots[s].period)) continue;
      const ka = a[m] * S + s;
      const kb = b[m] * S + s;
      aAny ||= avail[ka] === 1;
      bAny ||= avail[kb] === 1;
      if (!avail[ka] || !avail[kb]) continue;
      common = true;
      if (busy[ka] >= 0 || busy[kb] >= 0) continue;
      freeOfFixed = true;
      if (load[s] >= cap[s]) continue;
      allowed[m * S + s] = 1;
      dom.push(s);
    }
    if (dom.length === domStart[m]) {
      active[m] = 0;
      degree[a[m]]--;
      degree[b[m]]--;
      reason[m] =
        !aAny || !bAny
          ? 'participant_unavailable'
          : !common
            ? 'no_common_slot'
            : !freeOfFixed
              ? 'participant_busy'
              : 'capacity';
    }
  }
  domStart[M] = dom.length;

  return {
    P,
    S,
    D: dayIds.size,
    R,
    M,
    a,
    b,
    weight,
    fixed,
    pinnedTable,
    active,
    reason,
    detail,
    day,
    adjNext,
    cap,
    avail,
    allowed,
    domStart,
    domList: Int32Array.from(dom),
    degree,
  };
}
