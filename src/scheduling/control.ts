import type { ProgressStats, ScheduleOptions } from './types.js';

// Wall-clock safety cap when the caller gives none; the work budget normally ends the search long before.
const DEFAULT_CAP_MS = 60_000;

// True once the shared stop flag is raised (see ScheduleOptions.stop).
export function stopped(flag: Int32Array | undefined): boolean {
  return flag !== undefined && Atomics.load(flag, 0) !== 0;
}

// The most holes a member has proved unavoidable with every request placed (second cell of the stop flag), and
// raising it: with every request placed, every member schedules the same meetings, so the bound holds for all.
export function sharedBound(flag: Int32Array | undefined): number {
  return flag !== undefined && flag.length > 1 ? Atomics.load(flag, 1) : 0;
}

export function shareBound(flag: Int32Array | undefined, holes: number): void {
  if (flag === undefined || flag.length < 2) return;
  for (let seen = Atomics.load(flag, 1); seen < holes;) {
    const was = Atomics.compareExchange(flag, 1, seen, holes);
    if (was === seen) return;
    seen = was;
  }
}

// Shared budget: a deterministic work budget (moves) plus a wall-clock safety cap, and throttled progress reports.
export class Control {
  readonly start = Date.now();
  readonly deadline: number;
  readonly maxIterations: number;
  iterations = 0;
  capHit = false;
  private lastReport = 0;

  constructor(
    private readonly opts: ScheduleOptions,
    defaultBudget: number,
  ) {
    this.deadline = this.start + (opts.timeLimitMs ?? DEFAULT_CAP_MS);
    this.maxIterations = opts.maxIterations ?? defaultBudget;
  }

  elapsed(): number {
    return Date.now() - this.start;
  }

  // Clock reads are cheap but not free, so callers check every few hundred iterations.
  outOfBudget(): boolean {
    if (this.iterations >= this.maxIterations || stopped(this.opts.stop)) return true;
    if (Date.now() >= this.deadline) this.capHit = true;
    return this.capHit;
  }

  report(fraction: number, stats: Omit<ProgressStats, 'elapsedMs'>, force = false): void {
    if (!this.opts.onProgress) return;
    const now = Date.now();
    if (!force && now - this.lastReport < 100) return;
    this.lastReport = now;
    this.opts.onProgress(Math.min(1, Math.max(0, fraction)), {
      ...stats,
      elapsedMs: now - this.start,
    });
  }

  workFraction(): number {
    return this.maxIterations > 0 ? this.iterations / this.maxIterations : 1;
  }
}
