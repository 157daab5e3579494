import { Worker } from 'node:worker_threads';
import type { ThoroughStats } from '../scheduling/engine.js';
import type { ExactSolver } from '../scheduling/exact.js';
import type { ScheduleInput, ScheduleResult } from '../scheduling/types.js';

export type RunResult = ScheduleResult & { refined?: ThoroughStats };

export interface RunProgress {
  fraction: number;
  placed: number;
  holes: number;
}

export interface RunOptions {
  seed: number;
  // Exact refinement after the annealing (scheduleThorough), 0 for none.
  refineMs: number;
  // Its solver (Z3 when absent); runPortfolio gives each member its own, see SOLVERS.
  solver?: ExactSolver;
  // Set by runPortfolio in a refinement: raised when a member proves its schedule optimal, which ends the
  // others (ScheduleOptions.stop).
  stop?: Int32Array;
  // Work budget and wall-clock cap of the annealing (engine defaults when absent).
  maxIterations?: number;
  timeLimitMs?: number;
}

type WorkerMessage = ({ type: 'progress' } & RunProgress) | { type: 'result'; result: RunResult };

// The engine runs this many times at once, on other seeds, and the best schedule wins: a second core is
// otherwise idle during a run. The count does not depend on the machine, so neither does the result (only
// the time, when there are fewer cores).
export const PORTFOLIO = 2;
// Member i searches from seed + i × this; restarts inside a thorough run count up from their member's seed.
export const PORTFOLIO_SEED_STEP = 1_000_000;
// Member i repairs with SOLVERS[i] in a thorough run: on the public instances CaDiCaL closes more holes than Z3
// on the two crafb instances, and Z3 more on forum-13crafc and ticf-13crafc (docs/scheduling.md).
export const SOLVERS: readonly ExactSolver[] = ['z3', 'cadical'];
// A refinement member still running this long after the time given (or after another member proved its
// schedule optimal), once another member is done, is left out and stopped: Z3 heeds neither its timeout nor an
// interrupt while it prepares a large question, and was seen making an organizer wait 13 s more than the 30 s
// asked for (forum-14, two members on a slow machine).
export const OVERRUN_GRACE_MS = 2_000;

/**
 * Runs the engine in PORTFOLIO worker threads at once, on seeds seed, seed + PORTFOLIO_SEED_STEP, ..., and
 * keeps the best result (placed weight, then holes, then the most holes on one person; ties go to the lower
 * seed). Progress is the slowest member's fraction and the best member's holes.
 */
export async function runSchedule(
  input: ScheduleInput,
  options: RunOptions,
  onProgress?: (progress: RunProgress) => void,
): Promise<RunResult> {
  return mergePortfolio(await runPortfolio(input, options, onProgress));
}

/**
 * The kept result of a portfolio: the best member's schedule (bestOf), with what the others proved about it
 * when that holds for it too, and as holes before refining the best any member's quick phase reached.
 */
export function mergePortfolio(results: RunResult[]): RunResult {
  const best = { ...bestOf(results) };
  // With every request placed in every member, they all schedule the same meetings: what one proved about
  // holes holds for the kept schedule too.
  if (results.every(placesEverything)) {
    const bound = Math.max(...results.map((r) => r.stats.holesLowerBound));
    best.stats = { ...best.stats, holesLowerBound: bound };
    if (best.refined)
      best.refined = {
        ...best.refined,
        lowerBound: bound,
        proven: best.refined.proven || best.stats.holes <= bound,
      };
  }
  // A quick run would have kept the best of the members' quick phases: that is the schedule before refining.
  if (best.refined)
    best.refined = {
      ...best.refined,
      holesBefore: Math.min(...results.map((r) => r.refined?.holesBefore ?? r.stats.holes)),
    };
  return best;
}

// Every member's result, in seed order (the first is what `schedule` alone gives for options.seed); in a
// refinement, those done by its end plus OVERRUN_GRACE_MS (settleBy).
export async function runPortfolio(
  input: ScheduleInput,
  options: RunOptions,
  onProgress: (progress: RunProgress) => void = () => undefined,
): Promise<RunResult[]> {
  const latest: RunProgress[] = Array.from({ length: PORTFOLIO }, () => ({
    fraction: 0,
    placed: 0,
    holes: Number.POSITIVE_INFINITY,
  }));
  // Called after a member's report, so at least one count of holes is finite.
  const report = () =>
    onProgress({
      fraction: Math.min(...latest.map((p) => p.fraction)),
      placed: Math.max(...latest.map((p) => p.placed)),
      holes: Math.min(...latest.map((p) => p.holes)),
    });
  // A refinement lasts its whole time unless a member proves it can do no better: every request placed and
  // the holes proven the fewest possible. The others then stop with what they have (a quick run is never
  // stopped, so that it stays deterministic). Its second cell carries the holes proved unavoidable.
  const stop = options.refineMs > 0 ? new Int32Array(new SharedArrayBuffer(8)) : undefined;
  const members = latest.map((_, i) => {
    const run = runInWorker(
      input,
      {
        ...options,
        seed: options.seed + i * PORTFOLIO_SEED_STEP,
        solver: SOLVERS[i % SOLVERS.length],
        stop,
      },
      (p) => {
        latest[i] = p;
        report();
      },
    );
    const result = run.result.then((r) => {
      if (stop && endsRun(r)) Atomics.store(stop, 0, 1);
      return r;
    });
    return { result, stop: run.stop };
  });
  // A quick run waits for every member: its result depends only on the input and the seed.
  if (!stop) return Promise.all(members.map((m) => m.result));
  return settleBy(members, Date.now() + options.refineMs, endsRun);
}

// A member whose schedule places every request and is proven optimal ends the refinement for all.
function endsRun(result: RunResult): boolean {
  return result.refined?.proven === true && placesEverything(result);
}

/**
 * The results of the members done by the end of the time plus OVERRUN_GRACE_MS, in member order; a member
 * that ends the run (`ends`) moves that limit to OVERRUN_GRACE_MS after it, and when none is done by the limit,
 * the first to finish is taken. The others are stopped. A member's failure fails the whole.
 */
export async function settleBy<T>(
  members: { result: Promise<T>; stop: () => void }[],
  end: number,
  ends: (result: T) => boolean = () => false,
): Promise<T[]> {
  const done = new Map<number, T>();
  let limit = end + OVERRUN_GRACE_MS;
  await new Promise<void>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      clearTimeout(timer);
      if (done.size === members.length || (done.size > 0 && Date.now() >= limit)) resolve();
      // With no member done, the first to finish settles it.
      else if (Date.now() < limit) timer = setTimeout(check, limit - Date.now());
    };
    check();
    members.forEach((m, i) => {
      m.result.then((r) => {
        done.set(i, r);
        if (ends(r)) limit = Math.min(limit, Date.now() + OVERRUN_GRACE_MS);
        check();
      }, reject);
    });
  });
  const kept: T[] = [];
  members.forEach((m, i) => {
    if (done.has(i)) kept.push(done.get(i)!);
    else m.stop();
  });
  return kept;
}

function placesEverything(result: RunResult): boolean {
  return result.stats.placedWeight >= result.stats.totalWeight;
}

export function bestOf(results: RunResult[]): RunResult {
  return results.reduce((best, r) => (better(r, best) ? r : best));
}

function better(x: RunResult, y: RunResult): boolean {
  if (x.stats.placedWeight !== y.stats.placedWeight)
    return x.stats.placedWeight > y.stats.placedWeight;
  if (x.stats.holes !== y.stats.holes) return x.stats.holes < y.stats.holes;
  return x.stats.maxHolesPerParticipant < y.stats.maxHolesPerParticipant;
}

// One engine run in a worker thread, the result the same as in-process; stop() ends the thread.
function runInWorker(
  input: ScheduleInput,
  options: RunOptions,
  onProgress: (progress: RunProgress) => void,
): { result: Promise<RunResult>; stop: () => void } {
  const worker = new Worker(new URL('./schedule.worker.js', import.meta.url), {
    workerData: { input, options },
  });
  // A run in progress must not keep a stopping server alive.
  worker.unref();
  const result = new Promise<RunResult>((resolve, reject) => {
    let done = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') return onProgress(message);
      done = true;
      resolve(message.result);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (!done) reject(new Error(`The scheduling worker stopped with code ${code}`));
    });
  });
  return { result, stop: () => void worker.terminate() };
}
