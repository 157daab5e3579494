import { parentPort, workerData } from 'node:worker_threads';
import { schedule, scheduleThorough } from './scheduling/engine.js';
import type { ProgressStats, ScheduleInput } from './scheduling/types.js';

// Runs the engine off the main thread, so the server keeps answering and progress reaches sockets live.
const { input, seed, refineMs } = workerData as {
  input: ScheduleInput;
  seed: number;
  refineMs: number;
};
const onProgress = (fraction: number, stats: ProgressStats) =>
  parentPort!.postMessage({
    type: 'progress',
    fraction,
    placed: stats.placed,
    holes: stats.holes,
  });
const result =
  refineMs > 0
    ? await scheduleThorough(input, { seed, onProgress, refine: { timeMs: refineMs } })
    : schedule(input, { seed, onProgress });
parentPort!.postMessage({ type: 'result', result });
