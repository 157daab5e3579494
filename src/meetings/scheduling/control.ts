import type { ProgressStats, ScheduleOptions } from './types.js';

// Shared budget: a wall-clock deadline plus an optional iteration cap, and throttled progress reports.
export class Control {
  readonly start = Date.now();
  readonly deadline: number;
  private readonly maxIterations: number;
  iterations = 0;
  private lastReport = 0;

  constructor(private readonly opts: ScheduleOptions) {
    this.deadline = this.start + (opts.timeLimitMs ?? 2000);
    this.maxIterations = opts.maxIterations ?? Number.POSITIVE_INFINITY;
  }

  elapsed(): number {
    return Date.now() - this.start;
  }

  // Clock reads are cheap but not free, so callers check every few hundred iterations.
  outOfBudget(): boolean {
    return this.iterations >= this.maxIterations || Date.now() >= this.deadline;
  }

  fractionDeadline(f: number): number {
    return this.start + (this.deadline - this.start) * f;
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

  timeFraction(): number {
    const total = this.deadline - this.start;
    const byTime = total > 0 ? (Date.now() - this.start) / total : 1;
    const byIter = Number.isFinite(this.maxIterations) ? this.iterations / this.maxIterations : 0;
    return Math.max(byTime, byIter);
  }
}
