import { shareBound, sharedBound, stopped } from './control.js';
import type { Problem } from './problem.js';
import type { Rng } from './rng.js';
import type { State } from './state.js';
import {
  applyIfFewerHoles,
  hasBudget,
  neighbourhood,
  refinement,
  settle,
  type RefineOptions,
  type RefineStats,
} from './exact.js';

// The same large-neighbourhood search as exact.ts, with CaDiCaL (from npm, as WebAssembly) as the repair
// instead of Z3: one CNF of the whole schedule is built once, each step keeps the meetings outside the
// neighbourhood through assumptions (so the solver keeps what it learned from one step to the next), starts
// from the current schedule (phases) and asks for at least one hole fewer within a fixed number of conflicts.
// Measured on the public instances where the annealer trails (docs/scheduling.md).

const DEFAULT_NEIGHBOURHOOD = 120;
const MIN_NEIGHBOURHOOD = 30;
const GROW = 1.2;
const SHRINK = 0.85;
// Conflicts per step (deterministic; about a second on the public instances), ten times that for the whole.
const CONFLICTS = 3_000;
// The core search: first budget per call, and core minimisation (cores up to that size, conflicts per try).
const CORE_CONFLICTS = 10_000;
const TRIM_CONFLICTS = 10_000;
const MINIMISE_MAX = 300;
const MINIMISE_CONFLICTS = 200;

type CadicalModule = typeof import('cadical-wasm');
type Solver = InstanceType<CadicalModule['Cadical']>;

let cadical: Promise<CadicalModule> | null = null;
function loadCadical(): Promise<CadicalModule> {
  cadical ??= import('cadical-wasm');
  return cadical;
}

export async function refineSat(
  pb: Problem,
  st: State,
  rng: Rng,
  options: RefineOptions,
): Promise<RefineStats> {
  const start = Date.now();
  const { stats, movable } = refinement(pb, st);
  if (st.holes === 0 || movable.length === 0 || !hasBudget(options)) return stats;

  const { Cadical } = await loadCadical();
  const solver = await Cadical.create({ quiet: true });
  try {
    const cnf = encode(pb, st, movable, solver);
    stats.lowerBound = Math.max(stats.lowerBound, cnf.constant);
    const deadline = start + options.timeMs;
    solver.setTerminate(() => Date.now() > deadline || stopped(options.stop));
    const cores = new CoreSearch(solver, cnf);
    let size = options.neighbourhood ?? DEFAULT_NEIGHBOURHOOD;
    const slots = new Int32Array(pb.M);
    const readSlots = (meetings: number[]) => {
      for (const m of meetings) {
        slots[m] = -1;
        for (const [s, v] of cnf.x[m]) if (solver.value(v)) slots[m] = s;
      }
    };
    // The core search and the repair take turns: the core search when it has had less than its share of the
    // time so far (a third at first, less each time a call runs out of conflicts: the last calls before an
    // optimum can run long without an answer, while the repair keeps closing holes).
    let coreMs = 0;
    let repairMs = 0;
    while (
      st.holes > Math.max(stats.lowerBound, sharedBound(options.stop)) &&
      Date.now() < deadline - 50 &&
      !stopped(options.stop) &&
      stats.steps < (options.maxSteps ?? Infinity)
    ) {
      const stepStart = Date.now();
      if (!cores.exhausted && coreMs * cores.patience <= repairMs) {
        const answer = cores.next();
        coreMs += Date.now() - stepStart;
        stats.lowerBound = Math.max(stats.lowerBound, cnf.constant + cores.lb);
        shareBound(options.stop, stats.lowerBound);
        if (answer === 'optimal') {
          // Every assumption held: a schedule with exactly the proved number of holes.
          readSlots(movable);
          if (applyIfFewerHoles(st, movable, (m) => slots[m])) stats.improvements++;
          options.onStep?.(st.holes, Date.now() - start);
        }
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      stats.steps++;
      const free = neighbourhood(pb, st, rng, movable, size);
      const whole = free.length === movable.length;
      const isFree = new Uint8Array(pb.M);
      for (const m of free) isFree[m] = 1;
      // At most holes - 1 in all (the totalizer's output at index holes - constant - 1 is false).
      const assumptions = [-cnf.atLeast[st.holes - cnf.constant - 1]];
      for (const m of movable) if (!isFree[m]) assumptions.push(cnf.lit(m, st.slotOf[m]));
      for (const m of movable)
        for (const [s, v] of cnf.x[m]) solver.phase(st.slotOf[m] === s ? v : -v);
      for (const h of cnf.breaks) solver.phase(-h);
      const answer = cnf.solve(assumptions, whole ? CONFLICTS * 10 : CONFLICTS);
      if (answer === 'satisfiable') {
        readSlots(free);
        if (applyIfFewerHoles(st, free, (m) => slots[m])) stats.improvements++;
      } else if (answer === 'unsatisfiable') {
        // Nothing better exists for the whole schedule: it is optimal for the meetings placed.
        if (whole) {
          stats.lowerBound = st.holes;
          break;
        }
        size = Math.min(movable.length, Math.ceil(size * GROW));
      } else size = Math.max(MIN_NEIGHBOURHOOD, Math.floor(size * SHRINK));
      repairMs += Date.now() - stepStart;
      options.onStep?.(st.holes, Date.now() - start);
      // A step blocks its thread (the solver is synchronous): let whatever shares the thread run in between.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    solver.dispose();
  }
  return settle(stats, st, options, start);
}

// Core-guided MaxSAT (OLL, as in RC2 or UWrMaxSat) over the breaks of the whole schedule, for a lower bound:
// assume no break at all; each unsatisfiable core (a set of assumptions that cannot all hold) proves one more
// hole unavoidable, and its assumptions give way to "at most one of them fails" (a totalizer over the core;
// when that fails in a later core, at most two, and so on). When every assumption holds, the model is a
// schedule with exactly the proved number of holes: optimal. Each call has a conflict budget that doubles
// when it runs out, so the search can take turns with the repair and resume where it stopped.
class CoreSearch {
  lb = 0;
  // Nothing more to learn: optimal schedule found, or the solver refuted the model itself (cannot happen
  // while the current schedule satisfies it, kept as a guard).
  exhausted = false;
  private readonly assumed = new Set<number>();
  // For an assumption on a totalizer output, the totalizer and the index of the output to assume next.
  private readonly after = new Map<number, { outputs: number[]; next: number }>();
  private conflicts = CORE_CONFLICTS;
  // The repair's time for each millisecond of the core search's.
  patience = 2;

  constructor(
    private readonly solver: Solver,
    private readonly cnf: Cnf,
  ) {
    for (const h of cnf.breaks) this.assumed.add(-h);
  }

  next(): 'core' | 'optimal' | 'unknown' {
    for (const h of this.cnf.breaks) this.solver.phase(-h);
    const answer = this.cnf.solve([...this.assumed], this.conflicts);
    if (answer === 'unknown') {
      this.conflicts *= 2;
      this.patience *= 2;
      return 'unknown';
    }
    if (answer === 'satisfiable') {
      this.exhausted = true;
      return 'optimal';
    }
    const core = this.trim(this.solver.failedAssumptions().filter((l) => this.assumed.has(l)));
    if (core.length === 0) {
      this.exhausted = true;
      return 'unknown';
    }
    this.lb++;
    for (const l of core) {
      this.assumed.delete(l);
      const tot = this.after.get(l);
      if (tot && tot.next < tot.outputs.length)
        this.assume(-tot.outputs[tot.next], tot.outputs, tot.next + 1);
    }
    if (core.length === 1) this.solver.addClause([-core[0]]);
    else {
      const outputs = this.cnf.totalizer(
        core.map((l) => -l),
        core.length,
      );
      this.assume(-outputs[1], outputs, 2);
    }
    return 'core';
  }

  private assume(lit: number, outputs: number[], next: number): void {
    this.assumed.add(lit);
    this.after.set(lit, { outputs, next });
  }

  // Smaller cores make smaller totalizers and stronger bounds: ask again under the core alone while it
  // shrinks, then drop each literal the core stays unsatisfiable without (a few conflicts each).
  private trim(core: number[]): number[] {
    for (let round = 0; round < 5 && core.length > 1; round++) {
      if (this.solver.solve({ assumptions: core, conflicts: TRIM_CONFLICTS }) !== 'unsatisfiable')
        break;
      const smaller = this.solver.failedAssumptions();
      if (smaller.length >= core.length) break;
      core = smaller;
    }
    if (core.length > MINIMISE_MAX) return core;
    for (let i = 0; i < core.length && core.length > 1;) {
      const rest = core.filter((_, j) => j !== i);
      if (
        this.solver.solve({ assumptions: rest, conflicts: MINIMISE_CONFLICTS }) === 'unsatisfiable'
      ) {
        const failed = new Set(this.solver.failedAssumptions());
        core = rest.filter((l) => failed.has(l));
      } else i++;
    }
    return core;
  }
}

interface Cnf {
  // Solves under the assumptions within the conflicts; a slot's table limit joins the CNF the first time an
  // answer overfills it, then the question is asked again.
  solve: (assumptions: number[], conflicts: number) => 'satisfiable' | 'unsatisfiable' | 'unknown';
  // Outputs of a new totalizer over the literals: output i is true when at least i + 1 of them are (up to limit).
  totalizer: (lits: number[], limit: number) => number[];
  // Per movable meeting, its slot variables.
  x: Map<number, number>[];
  lit: (m: number, s: number) => number;
  breaks: number[];
  // Holes outside the breaks: those of people with no movable meeting, which no step changes.
  constant: number;
  // atLeast[k] is true when at least k + 1 breaks are (up to the current holes - constant + 1).
  atLeast: number[];
}

// Each movable meeting in exactly one of its slots where neither person is held by a pinned meeting; nobody
// twice at a slot; tables per slot; per person and day, a break wherever a run of meetings ends and a later
// one follows, with the implied constraints of exact.ts; a totalizer counts the breaks.
function encode(pb: Problem, st: State, movable: number[], solver: Solver): Cnf {
  const { P, S, M, a, b, cap, day, domStart, domList } = pb;
  const isMovable = new Uint8Array(M);
  for (const m of movable) isMovable[m] = 1;
  // Pinned: placed meetings that never move here (fixed, existing).
  const pinnedAt = (p: number, s: number) => {
    const m = st.occ[p * S + s];
    return m >= 0 && !isMovable[m];
  };
  const pinnedLoad = new Int32Array(S);
  for (let s = 0; s < S; s++) pinnedLoad[s] = st.load[s];
  for (const m of movable) pinnedLoad[st.slotOf[m]]--;

  let vars = 0;
  const fresh = () => ++vars;
  const add = (clause: number[]) => solver.addClause(clause);
  const TRUE = fresh();
  add([TRUE]);
  const FALSE = -TRUE;
  const atMostOne = (lits: number[]) => {
    if (lits.length <= 6) {
      for (let i = 0; i < lits.length; i++)
        for (let j = i + 1; j < lits.length; j++) add([-lits[i], -lits[j]]);
    } else atMost(lits, 1);
  };
  // Sinz's sequential counter.
  const atMost = (lits: number[], k: number) => {
    if (lits.length <= k) return;
    if (k <= 0) {
      for (const l of lits) add([-l]);
      return;
    }
    let prev: number[] | null = null;
    for (const l of lits) {
      const cur = Array.from({ length: k }, fresh);
      add([-l, cur[0]]);
      if (prev) {
        for (let j = 0; j < k; j++) add([-prev[j], cur[j]]);
        for (let j = 1; j < k; j++) add([-l, -prev[j - 1], cur[j]]);
        add([-l, -prev[k - 1]]);
      }
      prev = cur;
    }
  };

  const x: Map<number, number>[] = Array.from({ length: M }, () => new Map<number, number>());
  const atPS = new Map<number, number[]>();
  const atS: number[][] = Array.from({ length: S }, () => []);
  for (const m of movable) {
    const lits: number[] = [];
    for (let k = domStart[m]; k < domStart[m + 1]; k++) {
      const s = domList[k];
      if (pinnedAt(a[m], s) || pinnedAt(b[m], s) || pinnedLoad[s] >= cap[s]) continue;
      const v = fresh();
      x[m].set(s, v);
      lits.push(v);
      atS[s].push(v);
      for (const p of [a[m], b[m]]) {
        const key = p * S + s;
        const here = atPS.get(key);
        if (here) here.push(v);
        else atPS.set(key, [v]);
      }
    }
    // Its current slot is always among them.
    add(lits);
    atMostOne(lits);
  }
  // Table limits are added lazily (limitOverfilled): each costs tables × candidate meetings variables, 850 MB
  // for a convention of 990 meetings over 34 slots with all of them, while most slots never overfill.
  const limited = new Uint8Array(S);
  const limitOverfilled = (): boolean => {
    // Read the whole model first: adding a clause ends the solver's satisfied state (and its model).
    const over: number[] = [];
    for (let s = 0; s < S; s++) {
      if (limited[s]) continue;
      let load = pinnedLoad[s];
      for (const v of atS[s]) if (solver.value(v)) load++;
      if (load > cap[s]) over.push(s);
    }
    for (const s of over) {
      atMost(atS[s], cap[s] - pinnedLoad[s]);
      limited[s] = 1;
    }
    return over.length > 0;
  };

  const movableOf = new Int32Array(P);
  for (const m of movable) {
    movableOf[a[m]]++;
    movableOf[b[m]]++;
  }
  const breaks: number[] = [];
  // Holes of people with no movable meeting: they never change, and have no break variables.
  let constant = 0;
  for (let p = 0; p < P; p++) {
    if (movableOf[p] === 0) {
      constant += st.holesP[p];
      continue;
    }
    const busy = new Int32Array(S);
    const all: number[] = [];
    for (let s = 0; s < S; s++) {
      if (pinnedAt(p, s)) busy[s] = TRUE;
      else {
        const xs = atPS.get(p * S + s);
        if (!xs) busy[s] = FALSE;
        else {
          atMostOne(xs);
          const v = fresh();
          add([-v, ...xs]);
          for (const y of xs) add([-y, v]);
          busy[s] = v;
          all.push(v);
        }
      }
    }
    const n = st.placedP[p];
    for (let first = 0; first < S;) {
      let end = first;
      while (end + 1 < S && day[end + 1] === day[first]) end++;
      // later[i]: busy at slot first + i or after, within the day.
      const len = end - first + 1;
      const later = new Array<number>(len + 1).fill(FALSE);
      for (let i = len - 1; i >= 0; i--) {
        const v = fresh();
        add([-busy[first + i], v]);
        add([-later[i + 1], v]);
        later[i] = v;
      }
      const dayBreaks: number[] = [];
      for (let i = 0; i + 2 < len; i++) {
        const s = first + i;
        const v = fresh();
        // A run ends at s and a later meeting follows (slots of one day are adjacent, see problem.ts).
        add([-busy[s], busy[s + 1], -later[i + 2], v]);
        dayBreaks.push(v);
      }
      breaks.push(...dayBreaks);
      // Implied: busy at two slots further apart than the person has meetings means a break between.
      for (let i = 0; i < len; i++) {
        if (busy[first + i] === FALSE) continue;
        for (let j = i + n; j < len; j++) {
          if (busy[first + j] === FALSE) continue;
          add([-busy[first + i], -busy[first + j], ...dayBreaks.slice(i, j - 1)]);
        }
      }
      first = end + 1;
    }
    // Implied: busy at exactly as many slots as the person's movable meetings (pinned ones aside).
    atMost(all, movableOf[p]);
  }

  const totalizer = (lits: number[], limit: number): number[] => {
    if (lits.length === 1) return lits;
    const mid = lits.length >> 1;
    const l = totalizer(lits.slice(0, mid), limit);
    const r = totalizer(lits.slice(mid), limit);
    const out = Array.from({ length: Math.min(limit, l.length + r.length) }, fresh);
    for (let i = 0; i <= l.length; i++)
      for (let j = 0; j <= r.length; j++) {
        if (i + j === 0 || i + j > out.length) continue;
        const clause = [out[i + j - 1]];
        if (i > 0) clause.push(-l[i - 1]);
        if (j > 0) clause.push(-r[j - 1]);
        add(clause);
      }
    return out;
  };
  // The breaks counted, outputs capped at the current holes (those of the breaks) + 1.
  const limit = st.holes - constant + 1;
  const atLeast = breaks.length > 0 ? totalizer(breaks, limit) : [];
  while (atLeast.length < limit) atLeast.push(FALSE);
  const solve = (assumptions: number[], conflicts: number) => {
    let answer = solver.solve({ assumptions, conflicts });
    while (answer === 'satisfiable' && limitOverfilled())
      answer = solver.solve({ assumptions, conflicts });
    return answer;
  };
  return { x, lit: (m, s) => x[m].get(s) ?? FALSE, solve, totalizer, breaks, constant, atLeast };
}
