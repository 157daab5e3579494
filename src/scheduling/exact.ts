import { shareBound, sharedBound, stopped } from './control.js';
import type { Problem } from './problem.js';
import type { Rng } from './rng.js';
import type { State } from './state.js';

// Exact large-neighbourhood refinement, for when an organizer gives the scheduler more time: free most of
// the movable meetings (those of a group of people, or of a run of slots), keep the rest where they are, and
// ask a SAT solver (Z3, from npm, as WebAssembly) for a placement of the freed ones with at least one hole
// fewer among the people they involve. Each success is applied to the state; the annealer's schedule is the
// start. Measured on the public instances where the annealer trails the published optima (docs/scheduling.md).
// The placed set never changes: the freed meetings keep a slot each, so placing stays what the annealer made it.

// The exact solver that repairs neighbourhoods: Z3 (here) or CaDiCaL (sat.ts). Measured on the public
// instances, neither wins everywhere (docs/scheduling.md), so the portfolio gives each member its own.
export type ExactSolver = 'z3' | 'cadical';

export interface RefineOptions {
  // Z3 when absent; engine.ts dispatches.
  solver?: ExactSolver;
  // Wall-clock budget for the whole refinement (the solver has no deterministic budget across machines).
  timeMs: number;
  // Meetings freed per step; the whole schedule when it has fewer movable meetings than this.
  neighbourhood?: number;
  // Longest single solver call.
  stepMs?: number;
  // Most steps (solver calls that repair a neighbourhood): a budget of work for tests and benchmarks that must
  // not depend on the machine's speed; the wall-clock budget still applies. 0 skips the exact search.
  maxSteps?: number;
  // After each step, for progress reports.
  onStep?: (holes: number, elapsedMs: number) => void;
  // Ends the search early once raised (ScheduleOptions.stop). Its second cell, when there is one, is the bound
  // the portfolio's members share: one proved here goes there, and the search ends once it reaches one.
  stop?: Int32Array;
}

export interface RefineStats {
  holesBefore: number;
  holesAfter: number;
  steps: number;
  improvements: number;
  // The solver showed that no schedule of the placed meetings has fewer holes.
  proven: boolean;
  // Holes proved unavoidable for the placed meetings (CaDiCaL's core search, a solver's answer for the whole
  // schedule, or another member's proof when every request is placed); 0 when nothing was proved.
  lowerBound: number;
  timeMs: number;
}

const DEFAULT_NEIGHBOURHOOD = 160;
const DEFAULT_STEP_MS = 5_000;
const MIN_STEP_MS = 2_500;
const MIN_NEIGHBOURHOOD = 40;
const GROW = 1.3;
const SHRINK = 0.85;

type Z3Module = typeof import('z3-solver');

let z3Module: Promise<Z3Module> | null = null;
function loadZ3(): Promise<Z3Module> {
  z3Module ??= import('z3-solver').then((m) => (m as { default?: Z3Module }).default ?? m);
  return z3Module;
}

export async function refine(
  pb: Problem,
  st: State,
  rng: Rng,
  options: RefineOptions,
): Promise<RefineStats> {
  const start = Date.now();
  const { stats, movable } = refinement(pb, st);
  if (st.holes === 0 || movable.length === 0 || !hasBudget(options)) return stats;

  const { init, killThreads } = await loadZ3();
  const api = await init();
  try {
    const ctx = new api.Context('refine');
    // Adaptive: a neighbourhood proved to hold nothing better grows, one the solver could not settle in
    // time shrinks.
    let size = options.neighbourhood ?? DEFAULT_NEIGHBOURHOOD;
    const stepMs = options.stepMs ?? DEFAULT_STEP_MS;
    while (
      st.holes > sharedBound(options.stop) &&
      !stopped(options.stop) &&
      stats.steps < (options.maxSteps ?? Infinity)
    ) {
      const left = options.timeMs - (Date.now() - start);
      // Z3 heeds neither its timeout nor an interrupt while it prepares a large question (seen running 7 s
      // past a 2 s limit on forum-14): a step too short to answer anything is not started.
      if (left < MIN_STEP_MS) break;
      stats.steps++;
      const free = neighbourhood(pb, st, rng, movable, size);
      const sub = encode(pb, st, free);
      if (sub.bound < 0) continue;
      const whole = free.length === movable.length;
      const solver = new ctx.Solver('QF_FD');
      let answer: 'sat' | 'unsat' | 'unknown';
      let slots: Int32Array | null = null;
      try {
        // The whole schedule is the same question each time: ask it once, for all the time left.
        solver.set('timeout', whole ? left : Math.min(stepMs, left));
        solver.fromString(sub.smt);
        // Z3 runs on its own threads: poll the stop flag meanwhile, and the deadline (Z3's own timeout was
        // seen overrunning by seconds).
        const poll = setInterval(() => {
          if (stopped(options.stop) || Date.now() > start + options.timeMs) ctx.interrupt();
        }, 50);
        try {
          answer = await solver.check();
        } finally {
          clearInterval(poll);
        }
        if (answer === 'sat') {
          const model = solver.model();
          slots = new Int32Array(free.length).fill(-1);
          for (const [name, i, slot] of sub.vars)
            if (ctx.isTrue(model.eval(ctx.Bool.const(name), true))) slots[i] = slot;
        }
      } finally {
        solver.release();
      }
      if (answer === 'unsat') size = Math.min(movable.length, Math.ceil(size * GROW));
      else if (answer === 'unknown') size = Math.max(MIN_NEIGHBOURHOOD, Math.floor(size * SHRINK));
      if (slots && applyIfFewerHoles(st, free, (_, i) => slots[i])) stats.improvements++;
      options.onStep?.(st.holes, Date.now() - start);
      // Nothing better exists for the whole schedule: it is optimal for the meetings placed.
      if (answer === 'unsat' && whole) {
        stats.lowerBound = st.holes;
        break;
      }
    }
  } finally {
    await killThreads(api.em);
  }
  return settle(stats, st, options, start);
}

// Whether the options leave any time and any step to the exact search.
export function hasBudget(options: RefineOptions): boolean {
  return options.timeMs > 0 && (options.maxSteps ?? 1) > 0;
}

// The refinement's closing figures: a schedule at a proved bound is optimal too.
export function settle(
  stats: RefineStats,
  st: State,
  options: RefineOptions,
  start: number,
): RefineStats {
  stats.lowerBound = Math.max(stats.lowerBound, sharedBound(options.stop));
  shareBound(options.stop, stats.lowerBound);
  if (st.holes <= stats.lowerBound) stats.proven = true;
  stats.holesAfter = st.holes;
  stats.timeMs = Date.now() - start;
  return stats;
}

// Half the steps free whole people (those with holes first) with all their movable meetings, half a run of
// consecutive slots; both until about `size` meetings are free.
export function neighbourhood(
  pb: Problem,
  st: State,
  rng: Rng,
  movable: number[],
  size: number,
): number[] {
  if (movable.length <= size) return movable;
  const chosen = new Uint8Array(pb.M);
  const free: number[] = [];
  const take = (m: number) => {
    if (!chosen[m] && pb.fixed[m] < 0 && m < pb.R && st.slotOf[m] >= 0) {
      chosen[m] = 1;
      free.push(m);
    }
  };
  if (rng.chance(0.5)) {
    const byPerson: number[][] = Array.from({ length: pb.P }, () => []);
    for (const m of movable) {
      byPerson[pb.a[m]].push(m);
      byPerson[pb.b[m]].push(m);
    }
    const withHoles: number[] = [];
    for (let p = 0; p < pb.P; p++) if (st.holesP[p] > 0) withHoles.push(p);
    while (free.length < size) {
      const p =
        withHoles.length > 0 && rng.chance(0.5)
          ? withHoles[rng.int(withHoles.length)]
          : rng.int(pb.P);
      for (const m of byPerson[p]) take(m);
    }
  } else {
    const width = Math.max(2, Math.round((size * pb.S) / movable.length));
    const first = rng.int(Math.max(1, pb.S - width + 1));
    for (const m of movable) {
      const s = st.slotOf[m];
      if (s >= first && s < first + width) take(m);
    }
  }
  return free;
}

interface SubProblem {
  smt: string;
  // Each slot variable: its name, the freed meeting's index and the slot.
  vars: [string, number, number][];
  // Most holes the people involved may have in an answer; -1 when they have none to lose.
  bound: number;
}

// SMT-LIB text of: each freed meeting in one of its slots where neither person is held by a kept meeting
// and a table is left; nobody twice at a slot; per person and day, a break wherever a run of meetings ends
// and a later one follows; at most (their holes now - 1) breaks over the people involved.
function encode(pb: Problem, st: State, free: number[]): SubProblem {
  const { S, a, b, cap, day, domStart, domList } = pb;
  const isFree = new Uint8Array(pb.M);
  for (const m of free) isFree[m] = 1;
  const keptLoad = new Int32Array(S);
  for (let s = 0; s < S; s++) keptLoad[s] = st.load[s];
  for (const m of free) keptLoad[st.slotOf[m]]--;
  const heldByKept = (p: number, s: number) => {
    const m = st.occ[p * S + s];
    return m >= 0 && !isFree[m];
  };

  const lines: string[] = [];
  const vars: [string, number, number][] = [];
  const declare = (name: string) => lines.push(`(declare-const ${name} Bool)`);
  const atMostOnePairwise = (lits: string[]) => {
    for (let i = 0; i < lits.length; i++)
      for (let j = i + 1; j < lits.length; j++)
        lines.push(`(assert (or (not ${lits[i]}) (not ${lits[j]})))`);
  };
  // Per person and slot, the freed meetings that could put them there.
  const people = new Map<number, Map<number, string[]>>();
  const atSlot: string[][] = Array.from({ length: S }, () => []);
  free.forEach((m, i) => {
    const lits: string[] = [];
    for (let k = domStart[m]; k < domStart[m + 1]; k++) {
      const s = domList[k];
      if (heldByKept(a[m], s) || heldByKept(b[m], s) || keptLoad[s] >= cap[s]) continue;
      const x = `x${i}_${s}`;
      declare(x);
      vars.push([x, i, s]);
      lits.push(x);
      atSlot[s].push(x);
      for (const p of [a[m], b[m]]) {
        let row = people.get(p);
        if (!row) people.set(p, (row = new Map<number, string[]>()));
        const here = row.get(s);
        if (here) here.push(x);
        else row.set(s, [x]);
      }
    }
    // Its current slot is always among them, so the list is never empty.
    lines.push(`(assert (or ${lits.join(' ')}))`);
    atMostOnePairwise(lits);
  });
  for (let s = 0; s < S; s++) {
    const room = cap[s] - keptLoad[s];
    if (atSlot[s].length > room)
      lines.push(`(assert ((_ at-most ${room}) ${atSlot[s].join(' ')}))`);
  }

  const breaks: string[] = [];
  let holesNow = 0;
  for (const [p, row] of people) {
    holesNow += st.holesP[p];
    const busyAll: string[] = [];
    for (const xs of row.values()) atMostOnePairwise(xs);
    // busy(s): a kept meeting (true), no way to be there (false), or one of the freed meetings there.
    const busy = (s: number): string => {
      if (heldByKept(p, s)) return 'true';
      const xs = row.get(s);
      if (!xs) return 'false';
      const v = `b${p}_${s}`;
      declare(v);
      lines.push(`(assert (= ${v} (or ${xs.join(' ')} false)))`);
      return v;
    };
    for (let first = 0; first < S;) {
      let end = first;
      while (end + 1 < S && day[end + 1] === day[first]) end++;
      const busyAt: string[] = [];
      for (let s = first; s <= end; s++) busyAt.push(busy(s));
      busyAll.push(...busyAt);
      // later(i): busy at i or after, within the day.
      const later: string[] = new Array<string>(busyAt.length + 1).fill('false');
      for (let i = busyAt.length - 1; i >= 0; i--) {
        const v = `l${p}_${first + i}`;
        declare(v);
        lines.push(`(assert (=> (or ${busyAt[i]} ${later[i + 1]}) ${v}))`);
        later[i] = v;
      }
      const dayBreaks: string[] = [];
      for (let i = 0; i + 2 < busyAt.length; i++) {
        const v = `h${p}_${first + i}`;
        declare(v);
        lines.push(`(assert (=> (and ${busyAt[i]} (not ${busyAt[i + 1]}) ${later[i + 2]}) ${v}))`);
        dayBreaks.push(v);
      }
      breaks.push(...dayBreaks);
      // Implied, for propagation: busy at i and at j further apart than the person has meetings means a
      // break somewhere from i to j - 2.
      const meetings = st.placedP[p];
      for (let i = 0; i < busyAt.length; i++) {
        if (busyAt[i] === 'false') continue;
        for (let j = i + meetings; j < busyAt.length; j++) {
          if (busyAt[j] === 'false') continue;
          lines.push(
            `(assert (or (not ${busyAt[i]}) (not ${busyAt[j]}) ${dayBreaks.slice(i, j - 1).join(' ')}))`,
          );
        }
      }
      first = end + 1;
    }
    // Implied: the person is busy at exactly as many slots as they have meetings.
    const n = st.placedP[p];
    lines.push(`(assert ((_ at-most ${n}) ${busyAll.join(' ')}))`);
    lines.push(`(assert ((_ at-least ${n}) ${busyAll.join(' ')}))`);
  }
  const bound = holesNow - 1;
  if (bound < 0) return { smt: '', vars, bound };
  lines.push(
    breaks.length === 0 ? '(assert true)' : `(assert ((_ at-most ${bound}) ${breaks.join(' ')}))`,
  );
  return { smt: lines.join('\n'), vars, bound };
}

// The start of either repair (this one or sat.ts): the movable meetings (placed requests that are not
// fixed; the placed set never changes) and the figures to fill.
export function refinement(pb: Problem, st: State): { stats: RefineStats; movable: number[] } {
  const movable: number[] = [];
  for (let m = 0; m < pb.R; m++) if (pb.fixed[m] < 0 && st.slotOf[m] >= 0) movable.push(m);
  const stats: RefineStats = {
    holesBefore: st.holes,
    holesAfter: st.holes,
    steps: 0,
    improvements: 0,
    proven: false,
    lowerBound: 0,
    timeMs: 0,
  };
  return { stats, movable };
}

// Moves the freed meetings to their new slots (slotOf(meeting, index in free), -1 for none) if that is a
// complete placement with fewer holes; otherwise the state is left exactly as it was.
export function applyIfFewerHoles(
  st: State,
  free: number[],
  slotOf: (m: number, i: number) => number,
): boolean {
  if (free.some((m, i) => slotOf(m, i) < 0)) return false;
  const before = st.snapshot();
  const holes = st.holes;
  for (const m of free) st.remove(m);
  let ok = true;
  free.forEach((m, i) => {
    const s = slotOf(m, i);
    if (ok && st.canPlace(m, s)) st.place(m, s);
    else ok = false;
  });
  if (ok && st.holes < holes) return true;
  for (const m of free) if (st.slotOf[m] >= 0) st.remove(m);
  st.restore(before);
  return false;
}
