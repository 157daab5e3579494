import { parentPort, workerData } from 'node:worker_threads';
import type { RunOptions } from './schedule-runner.js';
import { schedule, scheduleThorough } from '../scheduling/engine.js';
import type { ProgressStats, ScheduleInput } from '../scheduling/types.js';

// Runs the engine off the main thread, so the server keeps answering and progress reaches sockets live.
const { input, options } = workerData as { input: ScheduleInput; options: RunOptions };
const { refineMs, solver, ...engineOptions } = options;
const onProgress = (fraction: number, stats: ProgressStats) =>
  parentPort!.postMessage({
    type: 'progress',
    fraction,
    placed: stats.placed,
    holes: stats.holes,
  });
const result =
  refineMs > 0
    ? await scheduleThorough(input, {
        ...engineOptions,
        onProgress,
        refine: { timeMs: refineMs, solver },
      })
    : schedule(input, { ...engineOptions, onProgress });
parentPort!.postMessage({ type: 'result', result });
