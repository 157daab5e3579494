import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Worker } from 'node:worker_threads';
import { AppModule } from '../src/app.module.js';
import { AuthService } from '../src/auth/auth.service.js';
import { loadEnvironment } from '../src/config/env.js';
import { UnitOfWork } from '../src/common/db/unit-of-work.js';
import { generateSyntheticEdition } from '../seeds/synthetic.js';
import { startServer, tempDatabase } from './support.js';
import { participantsWithTokens, percentile } from './tokens.js';

// `npm run bench:fanout`: 5,000 participants connected by socket.io; how long an announcement takes to reach them.
const clients = Number(process.env.BENCH_CLIENTS ?? 5000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const db = tempDatabase();
const context = await NestFactory.createApplicationContext(
  AppModule.forRoot(loadEnvironment({ DATABASE_URL: db.url, SEED_DEMO: 'never' })),
  { logger: ['error'] },
);
const organizer = await context.get(UnitOfWork).write((manager) =>
  context.get(AuthService).createUser(manager, {
    email: 'bench-organizer@synthetic.example',
    passwordHash: 'not-used-tokens-are-signed',
    role: 'organizer',
    firstName: 'Bench',
    lastName: 'Organizer',
  }),
);
const { editionId } = await generateSyntheticEdition(context, {
  exhibitors: 140,
  visitors: Math.max(0, clients - 140),
});
await context.close();
const people = participantsWithTokens(db.url, editionId).slice(0, clients);
const organizerToken = new JwtService({ secret: loadEnvironment({}).JWT_SECRET }).sign({
  sub: organizer.id,
  role: 'organizer',
});

const server = await startServer(db.url, {}, { preload: ['dist/bench/time-sends.js'] });
// The clients run in worker threads of this process (BENCH_CLIENT_THREADS, 2 by default; 1 puts
// all of them on one event loop); the server has its own process.
const threads = Number(process.env.BENCH_CLIENT_THREADS ?? 2);
const workers = Array.from(
  { length: threads },
  (_, t) =>
    new Worker(new URL('./fanout-clients.js', import.meta.url), {
      workerData: {
        url: server.url,
        tokens: people.filter((_, i) => i % threads === t).map((p) => p.token),
      },
    }),
);
type FromClients =
  | { type: 'connected' | 'armed' }
  | { type: 'arrivals'; arrivals: number[]; active: number; window: number };
const next = (worker: Worker, type: FromClients['type']) =>
  new Promise<FromClients>((resolve, reject) => {
    const listen = (m: FromClients) => {
      if (m.type !== type) return;
      worker.off('message', listen);
      resolve(m);
    };
    worker.on('message', listen);
    worker.once('error', reject);
  });
const connectStarted = performance.now();
await Promise.all(workers.map((w) => next(w, 'connected')));
const connectSeconds = (performance.now() - connectStarted) / 1000;

/** Wall clock shared with the server's process and the client threads. */
const wall = () => performance.timeOrigin + performance.now();
function serverSends(): Promise<{ frames: number; first: number; last: number }> {
  return new Promise((resolve) => {
    server.child.once('message', (m) =>
      resolve(m as { frames: number; first: number; last: number }),
    );
    server.child.send('sends?');
  });
}
const latencies: number[] = [];
/** Per round: from the POST to the server's last frame written (the server's share). */
const serverShare: number[] = [];
/** Per round: from the POST to the server's first frame (the request itself: auth, validation, insert). */
const firstFrame: number[] = [];
/** Per delivery: from the server's last frame written to the client's handler (the clients' share). */
const clientShare: number[] = [];
let clientBusy = 0;
let windowMs = 0;
let missing = 0;
// Round 0 warms the server's broadcast path up (its first run compiles it) and is not counted.
for (let round = 0; round <= rounds; round++) {
  await Promise.all(
    workers.map((w) => {
      const armed = next(w, 'armed');
      w.postMessage({ type: 'arm' });
      return armed;
    }),
  );
  const reports = workers.map((w) => next(w, 'arrivals'));
  await serverSends(); // forget the frames written before this round (pings, welcomes)
  const sent = wall();
  const res = await fetch(`${server.url}/api/editions/${editionId}/announcements`, {
    method: 'POST',
    headers: { authorization: `Bearer ${organizerToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      message: `Annonce ${round + 1} : la plénière commence dans 10 minutes.`,
    }),
  });
  if (res.status !== 201)
    throw new Error(`announcement refused: ${res.status} ${await res.text()}`);
  const arrivals: number[] = [];
  for (const report of (await Promise.all(reports)) as Extract<
    FromClients,
    { type: 'arrivals' }
  >[]) {
    arrivals.push(...report.arrivals);
    clientBusy += report.active;
    windowMs += report.window;
  }
  const sends = await serverSends();
  if (round === 0) continue;
  serverShare.push(sends.last - sent);
  firstFrame.push(sends.first - sent);
  missing += people.length - arrivals.length;
  latencies.push(...arrivals.map((t) => t - sent));
  clientShare.push(...arrivals.map((t) => Math.max(0, t - sends.last)));
  await new Promise((resolve) => setTimeout(resolve, 300));
}
workers.forEach((w) => w.postMessage({ type: 'close' }));
await Promise.all(workers.map((w) => new Promise((resolve) => w.once('exit', resolve))));
await server.stop();
db.cleanup();

const sorted = latencies.sort((a, b) => a - b);
const p = (values: number[], q: number) =>
  percentile(
    [...values].sort((a, b) => a - b),
    q,
  ).toFixed(1);
console.log(
  `\n${people.length} socket.io clients (websocket) in ${threads} client thread(s), one server process, Node ${process.version}; connected in ${connectSeconds.toFixed(1)} s.`,
);
console.log(
  `${rounds} announcements, each to every client: time from the POST to its arrival at each client.\n`,
);
console.log('| deliveries | missing | p50 ms | p99 ms | max ms |');
console.log('| ---: | ---: | ---: | ---: | ---: |');
console.log(
  `| ${sorted.length} | ${missing} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${sorted.at(-1)!.toFixed(1)} |`,
);
console.log(
  `\nWhere it goes: the server wrote its first frame ${p(firstFrame, 50)} ms and its last ${p(serverShare, 50)} ms after the POST (median of the rounds, worst ${p(serverShare, 100)} ms); after that, each client's own share (its process reading and decoding the frame) was p50 ${p(clientShare, 50)} ms, p99 ${p(clientShare, 99)} ms. The client threads were busy ${((clientBusy / windowMs) * 100).toFixed(0)} % of the delivery windows.`,
);
