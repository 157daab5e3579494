import { Worker } from 'node:worker_threads';
import type { ScheduleInput, ScheduleResult } from './scheduling/types.js';

export interface RunProgress {
  fraction: number;
  placed: number;
  holes: number;
}

type WorkerMessage =
  ({ type: 'progress' } & RunProgress) | { type: 'result'; result: ScheduleResult };

/** Runs `schedule(input, {seed})` in a worker thread; the result is the same as in-process. */
export function runScheduleInWorker(
  input: ScheduleInput,
  seed: number,
  onProgress: (progress: RunProgress) => void,
): Promise<ScheduleResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./schedule.worker.js', import.meta.url), {
      workerData: { input, seed },
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
