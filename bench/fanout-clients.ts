import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';

/**
 * One thread of `npm run bench:fanout`'s clients: connects its share of the participants, each to
 * the server it is given, then for each round records when the announcement reaches each of its
 * sockets (wall clock, shared with the other threads and the servers), by server, and how busy its
 * event loop was meanwhile.
 */
const { urls, clients } = workerData as {
  urls: string[];
  clients: { token: string; instance: number }[];
};
const port = parentPort!;
const wall = () => performance.timeOrigin + performance.now();
const sockets: { socket: Socket; instance: number }[] = [];

for (let i = 0; i < clients.length; i += 250) {
  // In waves, as a hall fills up, rather than thousands of handshakes in the same millisecond.
  await Promise.all(
    clients.slice(i, i + 250).map(
      ({ token, instance }) =>
        new Promise<void>((resolve, reject) => {
          const socket = io(urls[instance], {
            auth: { token },
            transports: ['websocket'],
            reconnection: false,
          });
          sockets.push({ socket, instance });
          socket.once('ready', () => resolve());
          socket.once('connect_error', reject);
        }),
    ),
  );
}
port.postMessage({ type: 'connected' });

port.on('message', (message: { type: 'arm' | 'close' }) => {
  if (message.type === 'close') {
    sockets.forEach((s) => s.socket.close());
    port.close();
    return;
  }
  const arrivals: number[][] = urls.map(() => []);
  let arrived = 0;
  const loop = performance.eventLoopUtilization();
  const report = () => {
    clearTimeout(timer);
    const busy = performance.eventLoopUtilization(loop);
    port.postMessage({
      type: 'arrivals',
      arrivals,
      active: busy.active,
      window: busy.active + busy.idle,
    });
  };
  const timer = setTimeout(report, 10_000);
  for (const { socket, instance } of sockets) {
    socket.once('announcement', () => {
      arrivals[instance].push(wall());
      if (++arrived === sockets.length) report();
    });
  }
  port.postMessage({ type: 'armed' });
});
