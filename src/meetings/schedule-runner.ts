import { Worker } from 'node:worker_threads';
import type { ThoroughStats } from './scheduling/engine.js';
import type { ScheduleInput, ScheduleResult } from './scheduling/types.js';

export type RunResult = ScheduleResult & { refined?: ThoroughStats };

export interface RunProgress {
  fraction: number;
  placed: number;
  holes: number;
}

type WorkerMessage = ({ type: 'progress' } & RunProgress) | { type: 'result'; result: RunResult };

/**
 * Runs `schedule(input, {seed})` in a worker thread, the result the same as in-process; with `refineMs`,
 * `scheduleThorough` and its exact refinement.
 */
export function runScheduleInWorker(
  input: ScheduleInput,
  seed: number,
  refineMs: number,
  onProgress: (progress: RunProgress) => void,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./schedule.worker.js', import.meta.url), {
      workerData: { input, seed, refineMs },
    });
    // A run in progress must not keep a stopping server alive.
    worker.unref();
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
}
