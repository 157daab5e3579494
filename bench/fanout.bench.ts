import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { JwtService } from '@nestjs/jwt';
import { Worker } from 'node:worker_threads';
import { AuthService } from '../src/auth/auth.service.js';
import { loadEnvironment } from '../src/config/env.js';
import { UnitOfWork } from '../src/common/db/unit-of-work.js';
import { generateSyntheticEdition } from '../seeds/synthetic.js';
import {
  benchDatabases,
  benchInstances,
  startServer,
  startServers,
  withContext,
  type Server,
} from './support.js';
import { participantsWithTokens, percentile } from './tokens.js';

/**
 * `npm run bench:fanout`: 5,000 participants connected by socket.io; how long an announcement
 * takes to reach them. `BENCH_INSTANCES=N` with `REDIS_URL` spreads the clients over N server
 * processes in turn (no balancer in between) and posts the announcement to the first; Redis
 * carries it to the others. `DATABASE_URL=postgres://…` puts their database on PostgreSQL.
 */
const clients = Number(process.env.BENCH_CLIENTS ?? 5000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const instances = benchInstances();
const databases = await benchDatabases();
const { organizer, editionId } = await withContext(databases.url, async (context) => {
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
  return { organizer, editionId };
});
const people = (await participantsWithTokens(databases.url, editionId)).slice(0, clients);
const organizerToken = new JwtService({ secret: loadEnvironment({}).JWT_SECRET }).sign({
  sub: organizer.id,
  role: 'organizer',
});

/** Wall clock shared with the server's process and the client threads. */
const wall = () => performance.timeOrigin + performance.now();
// The clients run in worker threads of this process (BENCH_CLIENT_THREADS, 2 by default; 1 puts
// all of them on one event loop); the server has its own process.
const threads = Number(process.env.BENCH_CLIENT_THREADS ?? 2);
type FromClients =
  | { type: 'connected' | 'armed' }
  /** Arrival times by instance (the index of the server each socket is connected to). */
  | { type: 'arrivals'; arrivals: number[][]; active: number; window: number };
const next = (worker: Worker, type: FromClients['type']) =>
  new Promise<FromClients>((resolve, reject) => {
    const listen = (m: FromClients) => {
      if (m.type !== type) return;
      worker.off('message', listen);
      worker.off('error', reject);
      resolve(m);
    };
    worker.on('message', listen);
    worker.once('error', reject);
  });

interface Figures {
  name: string;
  connectSeconds: number;
  deliveries: number[];
  missing: number;
  /**
   * Per round: from the POST to the first frame of any server (the request itself: auth,
   * validation, insert), and per instance.
   */
  firstFrame: number[];
  firstFrameByInstance: number[][];
  /** Per round: from the POST to the last frame written by any server (the servers' share), and per instance. */
  serverShare: number[];
  serverShareByInstance: number[][];
  /** Per delivery: from its server's last frame written to the client's handler (the clients' share). */
  clientShare: number[];
  clientBusy: number;
}

interface Sends {
  frames: number;
  first: number;
  last: number;
}

/**
 * Connects client i to server i mod N, then times `rounds` announcements sent by `announce`;
 * stops the servers after.
 */
async function measure(
  name: string,
  servers: Server[],
  announce: (round: number) => Promise<Response>,
): Promise<Figures> {
  const workers = Array.from(
    { length: threads },
    (_, t) =>
      new Worker(new URL('./fanout-clients.js', import.meta.url), {
        workerData: {
          urls: servers.map((s) => s.url),
          clients: people
            .map((p, i) => ({ token: p.token, instance: i % servers.length }))
            .filter((_, i) => i % threads === t),
        },
      }),
  );
  const connectStarted = performance.now();
  await Promise.all(workers.map((w) => next(w, 'connected')));
  const figures: Figures = {
    name,
    connectSeconds: (performance.now() - connectStarted) / 1000,
    deliveries: [],
    missing: 0,
    firstFrame: [],
    firstFrameByInstance: servers.map(() => []),
    serverShare: [],
    serverShareByInstance: servers.map(() => []),
    clientShare: [],
    clientBusy: 0,
  };
  const serverSends = () =>
    Promise.all(
      servers.map(
        (server) =>
          new Promise<Sends>((resolve) => {
            server.child.once('message', (m) => resolve(m as Sends));
            server.child.send('sends?');
          }),
      ),
    );
  let busy = 0;
  let window = 0;
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
    const res = await announce(round);
    if (res.status !== 201)
      throw new Error(`${name}: announcement refused: ${res.status} ${await res.text()}`);
    const arrivals: number[][] = servers.map(() => []);
    for (const report of (await Promise.all(reports)) as Extract<
      FromClients,
      { type: 'arrivals' }
    >[]) {
      report.arrivals.forEach((times, k) => arrivals[k].push(...times));
      busy += report.active;
      window += report.window;
    }
    const sends = await serverSends();
    if (round === 0) continue;
    const writing = sends.filter((s) => s.frames > 0);
    figures.firstFrame.push(Math.min(...writing.map((s) => s.first)) - sent);
    figures.serverShare.push(Math.max(...writing.map((s) => s.last)) - sent);
    sends.forEach((s, k) => {
      figures.firstFrameByInstance[k].push(s.frames > 0 ? s.first - sent : NaN);
      figures.serverShareByInstance[k].push(s.frames > 0 ? s.last - sent : NaN);
    });
    figures.missing += people.length - arrivals.flat().length;
    figures.deliveries.push(...arrivals.flat().map((t) => t - sent));
    arrivals.forEach((times, k) =>
      figures.clientShare.push(...times.map((t) => Math.max(0, t - sends[k].last))),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  figures.clientBusy = busy / window;
  workers.forEach((w) => w.postMessage({ type: 'close' }));
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once('exit', resolve))));
  await Promise.all(servers.map((s) => s.stop()));
  return figures;
}

const message = (round: number) =>
  JSON.stringify({ message: `Annonce ${round + 1} : la plénière commence dans 10 minutes.` });
const results: Figures[] = [];
try {
  const url = await databases.copy('fanout');
  const coventis = await startServers(
    instances,
    url,
    {},
    { preload: ['dist/bench/time-sends.js'] },
  );
  results.push(
    await measure(instances > 1 ? `Coventis × ${instances}` : 'Coventis', coventis, (round) =>
      fetch(`${coventis[0].url}/api/editions/${editionId}/announcements`, {
        method: 'POST',
        headers: { authorization: `Bearer ${organizerToken}`, 'content-type': 'application/json' },
        body: message(round),
      }),
    ),
  );
  // The ceiling: socket.io alone behind node:http, one process, the same clients and tokens
  // (BENCH_CEILING=0 skips it).
  if (process.env.BENCH_CEILING !== '0') {
    const ceiling = await startServer(
      url,
      {},
      { script: 'dist/bench/fanout-ceiling.js', preload: ['dist/bench/time-sends.js'] },
    );
    results.push(
      await measure('socket.io alone (ceiling, one process)', [ceiling], (round) =>
        fetch(`${ceiling.url}/announce`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: message(round),
        }),
      ),
    );
  }
} finally {
  await databases.cleanup();
}

const p = (values: number[], q: number) =>
  percentile(
    [...values].sort((a, b) => a - b),
    q,
  ).toFixed(1);
const where = [
  instances > 1 ? `spread over ${instances} server processes` : 'one server process',
  databases.kind === 'postgres' ? 'PostgreSQL' : 'SQLite',
  process.env.REDIS_URL ? 'Redis' : 'no Redis',
].join(', ');
console.log(
  `\n${people.length} socket.io clients (websocket) in ${threads} client thread(s), ${where}, Node ${process.version}.`,
);
console.log(
  `${rounds} announcements, each to every client: time from the POST to its arrival at each client.\n`,
);
console.log(
  "| server | connected in s | deliveries | missing | p50 ms | p99 ms | max ms | first frame ms | last frame ms | clients' share p99 ms | client threads busy |",
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  console.log(
    `| ${r.name} | ${r.connectSeconds.toFixed(1)} | ${r.deliveries.length} | ${r.missing} | ${p(r.deliveries, 50)} | ${p(r.deliveries, 99)} | ${p(r.deliveries, 100)} | ${p(r.firstFrame, 50)} | ${p(r.serverShare, 50)} | ${p(r.clientShare, 99)} | ${(r.clientBusy * 100).toFixed(0)} % |`,
  );
}
console.log(
  "\nFirst and last frame: when the server handed its first and last frame of a round to the kernel, after the POST (median of the rounds; with several servers, the first of any and the last of all). Clients' share: from the last frame of the client's server to its handler.",
);
for (const r of results.filter((r) => r.firstFrameByInstance.length > 1)) {
  const each = r.firstFrameByInstance.map(
    (first, k) =>
      `instance ${k + 1} (${people.filter((_, i) => i % instances === k).length} clients${k === 0 ? ', took the POST' : ''}): ${p(first, 50)} / ${p(r.serverShareByInstance[k], 50)} ms`,
  );
  console.log(`${r.name}, first / last frame per instance: ${each.join('; ')}.`);
}
if (results.length === 2) {
  const [ours, ceiling] = results.map((r) => Number(p(r.deliveries, 99)));
  console.log(`Coventis's p99 is ${(ours / ceiling).toFixed(2)} times the ceiling's.`);
}
