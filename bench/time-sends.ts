import { createRequire } from 'node:module';

/**
 * Preloaded into the server by `npm run bench:fanout`: records when the server handed its first
 * and last websocket frame to the kernel since it was last asked, on the wall clock shared with
 * the benchmark's process, and answers over the IPC channel. Patches the `ws` that engine.io
 * loads, where both ways engine.io writes end (a frame encoded once per broadcast, or `send`).
 */
type Writer = (...args: unknown[]) => unknown;
const require = createRequire(createRequire(import.meta.url).resolve('engine.io'));
const ws = require('ws') as {
  Sender: { prototype: { sendFrame: Writer } };
};

const now = () => performance.timeOrigin + performance.now();
let frames = 0;
let first = 0;
let last = 0;
function timed(target: Record<string, Writer>, name: string): void {
  const original = target[name];
  target[name] = function (this: unknown, ...args: unknown[]) {
    const result = original.apply(this, args);
    last = now();
    if (frames++ === 0) first = last;
    return result;
  };
}
// WebSocket#send ends in Sender#sendFrame too.
timed(ws.Sender.prototype, 'sendFrame');

process.on('message', (message: unknown) => {
  if (message !== 'sends?') return;
  process.send?.({ frames, first, last });
  frames = 0;
});
process.channel?.unref();
