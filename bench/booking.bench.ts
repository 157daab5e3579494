import 'reflect-metadata';
import {
  benchDatabases,
  benchInstances,
  startServer,
  startServers,
  withContext,
  type Server,
} from './support.js';
import { participantsWithTokens, percentile, type BenchParticipant } from './tokens.js';
import { generateSyntheticEdition } from '../seeds/synthetic.js';

/**
 * `npm run bench:booking`: visitors ask exhibitors for meetings and exhibitors accept them at the
 * earliest common slot, under load — against Coventis and, in the same run with the same client
 * and a copy of the same database, against a ceiling (bench/booking-ceiling.ts: the same work as
 * prepared better-sqlite3 statements behind plain node:http). Prints both, their ratio, and the
 * SQL statements each executes per booking, counted in the driver (bench/count-statements.ts).
 *
 * `DATABASE_URL=postgres://…` runs Coventis on PostgreSQL (no ceiling there) and also prints the
 * retries its serializable writes needed; `BENCH_INSTANCES=N` with `REDIS_URL` runs N server
 * processes on the same database, the clients spread over them in turn (no balancer in between).
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrencies = (process.env.BENCH_CONNECTIONS ?? '32,10').split(',').map(Number);
const instances = benchInstances();
const EXHIBITORS = 600;
const VISITORS = 5000;

const databases = await benchDatabases();
// 600 exhibitors × 34 slots, 600 tables: room for every booking of a run at the ceiling's pace.
const { editionId } = await withContext(databases.url, (context) =>
  generateSyntheticEdition(context, {
    exhibitors: EXHIBITORS,
    visitors: VISITORS,
    tables: EXHIBITORS,
  }),
);
const people = await participantsWithTokens(databases.url, editionId);
const exhibitors = people.filter((p) => p.kind === 'exhibitor');
const visitors = people.filter((p) => p.kind === 'visitor');

interface DriverCount {
  statements: number;
  /** Statement text → executions and milliseconds in the driver since the previous question. */
  slowest: [string, { n: number; ms: number }][];
  /** PostgreSQL's retried writes since start-up, by SQLSTATE (40001, 40P01). */
  retries: Record<string, number>;
}

function driverCount(server: Server): Promise<DriverCount> {
  return new Promise((resolve) => {
    server.child.once('message', (m) => resolve(m as DriverCount));
    server.child.send('statements?');
  });
}

/** The counts of every instance, added up. */
async function driverCounts(servers: Server[]): Promise<DriverCount> {
  const counts = await Promise.all(servers.map(driverCount));
  const retries: Record<string, number> = {};
  for (const c of counts)
    for (const [code, n] of Object.entries(c.retries)) retries[code] = (retries[code] ?? 0) + n;
  const slowest = new Map<string, { n: number; ms: number }>();
  for (const [sql, { n, ms }] of counts.flatMap((c) => c.slowest)) {
    const entry = slowest.get(sql) ?? { n: 0, ms: 0 };
    slowest.set(sql, { n: entry.n + n, ms: entry.ms + ms });
  }
  return {
    statements: counts.reduce((sum, c) => sum + c.statements, 0),
    slowest: [...slowest].sort((a, b) => b[1].ms - a[1].ms),
    retries,
  };
}

interface Run {
  booked: number;
  elapsed: number;
  request: number[];
  accept: number[];
  outcomes: Map<string, number>;
  statementsPerBooking: number;
  /** Retries during the run, by SQLSTATE; null on SQLite, whose writes take turns. */
  retries: Record<string, number> | null;
}

/** Closed-loop clients, client c on instance c mod N. */
async function drive(servers: Server[], clients: number, runSeconds: number, from: number) {
  const latencies = { request: [] as number[], accept: [] as number[] };
  const outcomes = new Map<string, number>();
  const timed = async (
    kind: 'request' | 'accept',
    url: string,
    who: BenchParticipant,
    body: object,
  ) => {
    const started = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${who.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { id?: string; code?: string };
    latencies[kind].push(performance.now() - started);
    const key = `${kind} ${res.status}${json.code ? ` ${json.code}` : ''}`;
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    return { status: res.status, json };
  };
  // The k-th booking pairs visitor k mod 5,000 with exhibitor k mod 600: no pair twice in 15,000.
  let next = from;
  let booked = 0;
  const deadline = Date.now() + runSeconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const api = `${servers[c % servers.length].url}/api`;
      while (Date.now() < deadline) {
        const k = next++;
        const visitor = visitors[k % visitors.length];
        const exhibitor = exhibitors[k % exhibitors.length];
        const req = await timed('request', `${api}/editions/${editionId}/meetings`, visitor, {
          toParticipantId: exhibitor.participantId,
          message: 'Bonjour, pouvons-nous nous rencontrer ?',
        });
        if (req.status !== 201) continue;
        const acc = await timed('accept', `${api}/meetings/${req.json.id}/accept`, exhibitor, {});
        if (acc.status === 200) booked++;
      }
    }),
  );
  return { booked, elapsed: (performance.now() - started) / 1000, ...latencies, outcomes, next };
}

async function measure(name: string, clients: number, script?: string): Promise<Run> {
  const url = await databases.copy(`${name}-${clients}`);
  const preload = ['dist/bench/count-statements.js'];
  const servers = script
    ? [await startServer(url, {}, { script, args: [url.slice('sqlite:'.length)], preload })]
    : await startServers(instances, url, {}, { preload });
  try {
    // Warm up (JIT, caches, the first index pages), then count from a clean slate.
    const warm = await drive(servers, clients, 2, 0);
    const before = await driverCounts(servers);
    const run = await drive(servers, clients, seconds, warm.next);
    const after = await driverCounts(servers);
    if (process.env.BENCH_PROFILE) {
      console.log(
        `\n${name}, ${clients} clients: time in the driver per statement, ${run.booked} bookings`,
      );
      for (const [sql, { n, ms }] of after.slowest.slice(0, 12))
        console.log(`  ${ms.toFixed(0).padStart(6)} ms ${String(n).padStart(6)}× ${sql}`);
    }
    const executed = after.statements - before.statements;
    const retries =
      databases.kind === 'postgres'
        ? Object.fromEntries(
            Object.entries(after.retries).map(([code, n]) => [
              code,
              n - (before.retries[code] ?? 0),
            ]),
          )
        : null;
    return { ...run, statementsPerBooking: executed / Math.max(1, run.booked), retries };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

const ms = (values: number[], p: number) =>
  percentile(
    [...values].sort((a, b) => a - b),
    p,
  ).toFixed(1);
const where = [
  databases.kind === 'postgres' ? 'PostgreSQL' : 'SQLite',
  instances > 1 ? `${instances} server processes` : 'one server process',
  process.env.REDIS_URL ? 'Redis' : 'no Redis',
].join(', ');
console.log(
  `\nSynthetic edition: ${EXHIBITORS} exhibitors, ${VISITORS} visitors, 34 slots × ${EXHIBITORS} tables; ${seconds} s per run after 2 s of warm-up; ${where}; Node ${process.version}.\n`,
);
console.log(
  '| server | clients | bookings/s | ratio to the ceiling | request p50 / p99 ms | accept p50 / p99 ms | statements per booking | retries per booking | non-2xx |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
const perSecond = (run: Run) => run.booked / run.elapsed;
const retried = (run: Run) =>
  run.retries ? Object.values(run.retries).reduce((sum, n) => sum + n, 0) : 0;
function row(name: string, clients: number, run: Run, ratio: string): void {
  const refused = [...run.outcomes]
    .filter(([key]) => !/ 20[01]$/.test(key))
    .map(([key, n]) => `${key}: ${n}`);
  const retries = run.retries
    ? `${(retried(run) / Math.max(1, run.booked)).toFixed(3)} (${
        Object.entries(run.retries)
          .map(([code, n]) => `${code}: ${n}`)
          .join(', ') || 'none'
      })`
    : '—';
  console.log(
    `| ${name} | ${clients} | ${Math.round(perSecond(run))} | ${ratio} | ${ms(run.request, 50)} / ${ms(run.request, 99)} | ${ms(run.accept, 50)} / ${ms(run.accept, 99)} | ${run.statementsPerBooking.toFixed(1)} | ${retries} | ${refused.join('; ') || 'none'} |`,
  );
}
try {
  for (const clients of concurrencies) {
    const coventis = await measure('coventis', clients);
    // The ceiling is better-sqlite3's: there is none for PostgreSQL.
    if (databases.kind === 'postgres') {
      row(instances > 1 ? `Coventis × ${instances}` : 'Coventis', clients, coventis, '—');
      continue;
    }
    const ceiling = await measure('ceiling', clients, 'dist/bench/booking-ceiling.js');
    const ratio = (perSecond(coventis) / perSecond(ceiling)).toFixed(2);
    row(instances > 1 ? `Coventis × ${instances}` : 'Coventis', clients, coventis, `**${ratio}**`);
    row('ceiling (raw better-sqlite3 + node:http, one process)', clients, ceiling, '');
  }
} finally {
  if (process.env.BENCH_KEEP) console.log(`\nDatabases kept in ${databases.place}`);
  else await databases.cleanup();
}
