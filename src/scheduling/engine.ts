import { upperBound } from './bounds.js';
import { greedy, repair } from './construct.js';
import { Control, sharedBound, stopped } from './control.js';
import { refine, type ExactSolver, type RefineOptions, type RefineStats } from './exact.js';
import { refineSat } from './sat.js';
import { improve } from './improve.js';
import { holesLowerBound, personIndex } from './person.js';
import { compile, type Problem } from './problem.js';
import { Rng } from './rng.js';
import { State } from './state.js';
import type {
  Placement,
  ScheduleInput,
  ScheduleOptions,
  ScheduleResult,
  Unplaced,
  UnplacedReason,
} from './types.js';

// Objective, lexicographic: (1) total weight of placed meetings, (2) total holes, (3) fairness (spread of holes
// and of unplaced requests). Phases: greedy construction, ejection-chain repair for (1), annealing for (2)+(3).
export function schedule(input: ScheduleInput, options: ScheduleOptions = {}): ScheduleResult {
  return finish(search(input, options));
}

/**
 * The same, then an exact refinement by a SAT solver for `refine.timeMs` more (see exact.ts): for an
 * organizer who can wait a minute for fewer holes. The annealing part is deterministic; the refinement
 * depends on the clock.
 */
export async function scheduleThorough(
  input: ScheduleInput,
  options: ScheduleOptions & { refine: ThoroughOptions },
): Promise<ScheduleResult & { refined: ThoroughStats }> {
  // One progress bar for the three phases: the default annealing (a second or so) fills its first twentieth,
  // longer annealing restarts and the exact refinement the rest, by their clock.
  const { onProgress } = options;
  const timeMs = options.refine.timeMs;
  const started = Date.now();
  const share = (ms: number) => SEARCH_SHARE + (1 - SEARCH_SHARE) * Math.min(1, ms / timeMs);
  let scale = SEARCH_SHARE;
  let run = search(input, {
    ...options,
    onProgress: onProgress && ((fraction, stats) => onProgress(fraction * scale, stats)),
  });
  scale = 1;
  // Every later report goes through the first run's control, whose listener is the caller's; the result's
  // stats (work, time) are that control's too, so its time covers the whole run.
  const { ctl } = run;
  const holesBefore = run.st.holes;
  // When the kept schedule's count of holes was first reached (the quick run's end for its own count): every
  // change of the holes is reported below (restart kept, exact step), so the reports see each new count.
  let reached = holesBefore;
  let reachedMs = Date.now() - started;
  const report = (holes: number) => {
    if (holes < reached) {
      reached = holes;
      reachedMs = Date.now() - started;
    }
    ctl.report(share(Date.now() - started), { phase: 'refine', placed: run.st.placed, holes });
  };
  // Restarts: the same annealing with other seeds and a longer cooling, while the restart share of the time
  // lasts; the best schedule goes on to the exact refinement.
  const seed = options.seed ?? 1;
  // Beyond a thousand movable meetings the exact search finds nothing in its steps (measured on the
  // synthetic convention), so annealing gets the whole time.
  const restartShare = run.movable > EXACT_MAX_MOVABLE ? 1 : RESTART_SHARE;
  const restartUntil = started + timeMs * restartShare;
  let restarts = 0;
  // Work per millisecond of the quick run: a restart gets what fits in the time left, so that its cooling
  // ends cold (a run cut by the clock ends hot, with little to show), and none runs when even the quick
  // run's budget does not fit (large editions).
  const rate = ctl.iterations / Math.max(1, ctl.elapsed());
  // With every request placed (by the quick run; restarts only keep a run that places as much), every member
  // schedules the same meetings and shares what it proves through the flag's second cell (control.ts);
  // otherwise this member sees the first cell only, so it neither reads nor writes a bound.
  const stop =
    options.stop && !placesEverything(run)
      ? new Int32Array(options.stop.buffer, options.stop.byteOffset, 1)
      : options.stop;
  const floor = () => Math.max(run.lb, sharedBound(stop));
  // A fixed count and work instead of the clock's share (the whole time then caps them).
  const fixed = options.refine.restarts;
  for (let k = 1; run.st.holes > floor() && !stopped(options.stop); k++) {
    if (fixed && k > fixed.count) break;
    const work = fixed
      ? fixed.iterations
      : Math.min(
          ctl.maxIterations * RESTART_WORK,
          Math.floor(rate * (restartUntil - Date.now()) * 0.9),
        );
    if (!fixed && work < ctl.maxIterations) break;
    const other = search(input, {
      seed: seed + k,
      maxIterations: work,
      timeLimitMs: Math.max(1, (fixed ? started + timeMs : restartUntil) - Date.now()),
      stop: options.stop,
      // Only the annealing reports a whole schedule's holes (construction and repair count partial ones), and
      // a restart placing fewer meetings is not kept.
      onProgress: (_, stats) => {
        if (stats.phase === 'improve' && stats.placed >= run.st.placed)
          report(Math.min(run.st.holes, stats.holes));
      },
    });
    restarts++;
    if (better(other, run)) run = other;
    report(run.st.holes);
  }
  const { st } = run;
  const solver = options.refine.solver ?? 'z3';
  const refined = await (solver === 'cadical' ? refineSat : refine)(run.pb, st, run.rng, {
    ...options.refine,
    stop,
    timeMs: restartShare < 1 ? Math.max(0, timeMs - (Date.now() - started)) : 0,
    onStep: report,
  });
  const lowerBound = Math.max(floor(), refined.lowerBound);
  const result = finish({ ...run, lb: lowerBound, ctl });
  return {
    ...result,
    refined: {
      ...refined,
      holesBefore,
      restarts,
      solver,
      lowerBound,
      proven: refined.proven || st.holes <= lowerBound,
      reachedMs,
      timeMs: Date.now() - started,
    },
  };
}

// Share of the refinement time spent on annealing restarts, and their most work against the default budget.
// A long cooling beats several short ones on a large convention (synthetic, 2 min: 293 holes with up to 50
// times the work against 605 with up to 10 times); on the public instances the two are level.
const RESTART_SHARE = 0.5;
const RESTART_WORK = 50;
const EXACT_MAX_MOVABLE = 1_000;

// Lexicographic: placed weight, then holes, then the sum of squared holes per person.
function better(x: Run, y: Run): boolean {
  const wx = placedWeight(x);
  const wy = placedWeight(y);
  if (wx !== wy) return wx > wy;
  if (x.st.holes !== y.st.holes) return x.st.holes < y.st.holes;
  return x.st.sumSq < y.st.sumSq;
}

function placesEverything({ pb, st }: Run): boolean {
  for (let m = 0; m < pb.R; m++) if (st.slotOf[m] < 0) return false;
  return true;
}

function placedWeight({ pb, st }: Run): number {
  let w = 0;
  for (let m = 0; m < pb.R; m++) if (st.slotOf[m] >= 0) w += pb.weight[m];
  return w;
}

const SEARCH_SHARE = 0.05;

export interface ThoroughOptions extends Omit<RefineOptions, 'onStep'> {
  // A budget of work for the annealing restarts instead of the clock's share of timeMs: this many restarts of
  // this many iterations each, for tests and benchmarks that must not depend on the machine's speed (timeMs
  // still caps them; maxSteps bounds the exact search that follows).
  restarts?: { count: number; iterations: number };
}

// What the thorough run did after the default annealing: holesBefore is the default annealing's count.
export interface ThoroughStats extends RefineStats {
  // Annealing restarts run (other seeds, longer cooling) before the exact refinement.
  restarts: number;
  // The solver of the exact refinement.
  solver: ExactSolver;
  // When the result's count of holes was first reached, in ms from the start (progress reports' resolution).
  reachedMs: number;
}

interface Run {
  pb: Problem;
  st: State;
  rng: Rng;
  ctl: Control;
  bound: number;
  lb: number;
  movable: number;
}

function search(input: ScheduleInput, options: ScheduleOptions): Run {
  const pb = compile(input);
  let movable = 0;
  for (let m = 0; m < pb.M; m++) if (pb.active[m] && pb.fixed[m] < 0) movable++;
  const ctl = new Control(options, defaultBudget(movable));
  const rng = new Rng(options.seed ?? 1);
  const st = new State(pb);
  const bound = upperBound(pb);

  ctl.report(0, { phase: 'construct', placed: 0, holes: 0 }, true);
  greedy(pb, st, rng);
  // The repair stops as soon as the placed count reaches the upper bound (existing meetings included).
  let existingPlaced = 0;
  for (let m = pb.R; m < pb.M; m++) if (st.slotOf[m] >= 0) existingPlaced++;
  if (st.placed < bound + existingPlaced)
    repair(pb, st, rng, ctl, ctl.maxIterations / 2, bound + existingPlaced);
  const idx = personIndex(pb);
  const lbP = new Uint8Array(pb.P);
  const lb = holesLowerBound(pb, st, idx, lbP);
  improve(pb, st, rng, ctl, lb, lbP);
  return { pb, st, rng, ctl, bound, lb, movable };
}

function finish({ pb, st, ctl, bound, lb }: Run): ScheduleResult {
  const tables = assignTables(pb, st);
  const result = buildResult(pb, st, tables, bound, lb, ctl);
  ctl.report(1, { phase: 'done', placed: result.stats.placed, holes: result.stats.holes }, true);
  return result;
}

// Work budget (meetings touched by moves), linear in the movable meetings: under a second on the public
// instances; capped so that a 15,000-meeting convention stays within a few seconds. Raised from 10,000 and
// 8 M when moves began to be priced before being applied (same CPU time; more holes closed).
const BUDGET_PER_MEETING = 20_000;
const BUDGET_MIN = 50_000;
const BUDGET_MAX = 12_000_000;

function defaultBudget(movable: number): number {
  return Math.min(BUDGET_MAX, Math.max(BUDGET_MIN, BUDGET_PER_MEETING * movable));
}

// Pinned tables of existing meetings are kept; every other meeting takes the lowest free number of its slot.
function assignTables(pb: Problem, st: State): Int32Array {
  const table = new Int32Array(pb.M);
  const used = new Set<number>();
  const key = (s: number, t: number) => s * (pb.M + 1) + t;
  for (let m = 0; m < pb.M; m++) {
    if (st.slotOf[m] >= 0 && pb.pinnedTable[m] > 0) {
      table[m] = pb.pinnedTable[m];
      used.add(key(st.slotOf[m], table[m]));
    }
  }
  const nextFree = new Int32Array(pb.S).fill(1);
  for (let m = 0; m < pb.M; m++) {
    const s = st.slotOf[m];
    if (s < 0 || table[m] > 0) continue;
    while (used.has(key(s, nextFree[s]))) nextFree[s]++;
    table[m] = nextFree[s];
    used.add(key(s, nextFree[s]));
  }
  return table;
}

// Why a movable meeting stayed out: every allowed slot is blocked by tables or by a participant's other meeting.
function unplacedReason(pb: Problem, st: State, m: number): UnplacedReason {
  if (pb.reason[m] !== null) return pb.reason[m];
  for (let i = pb.domStart[m]; i < pb.domStart[m + 1]; i++) {
    const s = pb.domList[i];
    if (st.occ[pb.a[m] * pb.S + s] < 0 && st.occ[pb.b[m] * pb.S + s] < 0) return 'capacity';
  }
  return 'participant_busy';
}

function buildResult(
  pb: Problem,
  st: State,
  table: Int32Array,
  bound: number,
  lb: number,
  ctl: Control,
): ScheduleResult {
  const assignments: (Placement | null)[] = [];
  const existing: (Placement | null)[] = [];
  const unplaced: Unplaced[] = [];
  const unplacedExisting: Unplaced[] = [];
  const unplacedP = new Int32Array(pb.P);
  let placed = 0;
  let placedWeight = 0;
  let totalWeight = 0;
  for (let m = 0; m < pb.M; m++) {
    const s = st.slotOf[m];
    const placement = s >= 0 ? { slot: s, table: table[m] } : null;
    if (m < pb.R) {
      assignments.push(placement);
      totalWeight += pb.weight[m];
      if (placement) {
        placed++;
        placedWeight += pb.weight[m];
        continue;
      }
      const u: Unplaced = { meeting: m, reason: unplacedReason(pb, st, m) };
      const d = pb.detail[m];
      if (d !== null) u.detail = d;
      unplaced.push(u);
      for (const p of [pb.a[m], pb.b[m]]) if (p >= 0 && p < pb.P) unplacedP[p]++;
    } else {
      existing.push(placement);
      if (!placement)
        unplacedExisting.push({
          meeting: m - pb.R,
          reason: pb.reason[m] ?? 'fixed_conflict',
          detail: pb.detail[m] ?? '',
        });
    }
  }
  let maxHoles = 0;
  let maxUnplaced = 0;
  for (let p = 0; p < pb.P; p++) {
    maxHoles = Math.max(maxHoles, st.holesP[p]);
    maxUnplaced = Math.max(maxUnplaced, unplacedP[p]);
  }
  return {
    assignments,
    existing,
    unplaced,
    unplacedExisting,
    stats: {
      meetings: pb.R,
      placed,
      placedWeight,
      totalWeight,
      upperBound: bound,
      holes: st.holes,
      maxHolesPerParticipant: maxHoles,
      maxUnplacedPerParticipant: maxUnplaced,
      holesLowerBound: lb,
      iterations: ctl.iterations,
      capHit: ctl.capHit,
      timeMs: ctl.elapsed(),
    },
  };
}
