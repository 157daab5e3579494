import { parentPort, workerData } from 'node:worker_threads';
import { schedule } from './scheduling/engine.js';
import type { ScheduleInput } from './scheduling/types.js';

// Runs the engine off the main thread, so the server keeps answering and progress reaches sockets live.
const { input, seed } = workerData as { input: ScheduleInput; seed: number };
const result = schedule(input, {
  seed,
  onProgress: (fraction, stats) =>
    parentPort!.postMessage({
      type: 'progress',
      fraction,
      placed: stats.placed,
      holes: stats.holes,
    }),
});
parentPort!.postMessage({ type: 'result', result });
