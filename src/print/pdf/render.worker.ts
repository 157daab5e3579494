import { parentPort, workerData } from 'node:worker_threads';
import { render, type PrintJob } from './render.js';

// Lays a large document out off the main thread (render.ts) and hands its bytes back; copied once
// first, as a Buffer may sit in a pool shared with others and only a whole ArrayBuffer is transferred.
const bytes = new Uint8Array(await render(workerData as PrintJob));
parentPort!.postMessage(bytes, [bytes.buffer]);
