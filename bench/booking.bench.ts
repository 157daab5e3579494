import 'reflect-metadata';
import Database from 'better-sqlite3';
import path from 'node:path';
import { startServer, syntheticDatabase, type Server } from './support.js';
import { participantsWithTokens, percentile, type BenchParticipant } from './tokens.js';

/**
 * `npm run bench:booking`: visitors ask exhibitors for meetings and exhibitors accept them at the
 * earliest common slot, under load — against Coventis and, in the same run with the same client
 * and a copy of the same database, against a ceiling (bench/booking-ceiling.ts: the same work as
 * prepared better-sqlite3 statements behind plain node:http). Prints both, their ratio, and the
 * SQL statements each executes per booking, counted in the driver (bench/count-statements.ts).
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrencies = (process.env.BENCH_CONNECTIONS ?? '32,10').split(',').map(Number);
const EXHIBITORS = 600;
const VISITORS = 5000;

// 600 exhibitors × 34 slots, 600 tables: room for every booking of a run at the ceiling's pace.
const { db, editionId } = await syntheticDatabase({
  exhibitors: EXHIBITORS,
  visitors: VISITORS,
  tables: EXHIBITORS,
});
const people = participantsWithTokens(db.url, editionId);
const exhibitors = people.filter((p) => p.kind === 'exhibitor');
const visitors = people.filter((p) => p.kind === 'visitor');
const dbFile = db.url.slice('sqlite:'.length);

/** A fresh copy of the generated database, so every server starts from the same rows. */
function copyOfDatabase(name: string): string {
  const target = path.join(path.dirname(dbFile), `${name}.sqlite`);
  const source = new Database(dbFile, { readonly: true });
  source.exec(`VACUUM INTO '${target}'`);
  source.close();
  return target;
}

interface DriverCount {
  statements: number;
  /** Statement text → executions and milliseconds in the driver since the previous question. */
  slowest: [string, { n: number; ms: number }][];
}

function driverCount(server: Server): Promise<DriverCount> {
  return new Promise((resolve) => {
    server.child.once('message', (m) => resolve(m as DriverCount));
    server.child.send('statements?');
  });
}

interface Run {
  booked: number;
  elapsed: number;
  request: number[];
  accept: number[];
  outcomes: Map<string, number>;
  statementsPerBooking: number;
}

async function drive(server: Server, clients: number, runSeconds: number, from: number) {
  const api = `${server.url}/api`;
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
    Array.from({ length: clients }, async () => {
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
  const file = copyOfDatabase(`${name}-${clients}`);
  const server = await startServer(
    `sqlite:${file}`,
    {},
    {
      script,
      args: script ? [file] : [],
      preload: ['dist/bench/count-statements.js'],
    },
  );
  try {
    // Warm up (JIT, caches, the first index pages), then count from a clean slate.
    const warm = await drive(server, clients, 2, 0);
    const before = await driverCount(server);
    const run = await drive(server, clients, seconds, warm.next);
    const after = await driverCount(server);
    if (process.env.BENCH_PROFILE) {
      console.log(
        `\n${name}, ${clients} clients: time in the driver per statement, ${run.booked} bookings`,
      );
      for (const [sql, { n, ms }] of after.slowest)
        console.log(`  ${ms.toFixed(0).padStart(6)} ms ${String(n).padStart(6)}× ${sql}`);
    }
    const executed = after.statements - before.statements;
    return { ...run, statementsPerBooking: executed / Math.max(1, run.booked) };
  } finally {
    await server.stop();
  }
}

const ms = (values: number[], p: number) =>
  percentile(
    [...values].sort((a, b) => a - b),
    p,
  ).toFixed(1);
console.log(
  `\nSynthetic edition: ${EXHIBITORS} exhibitors, ${VISITORS} visitors, 34 slots × ${EXHIBITORS} tables; ${seconds} s per run after 2 s of warm-up; Node ${process.version}.\n`,
);
console.log(
  '| server | clients | bookings/s | request p50 / p99 ms | accept p50 / p99 ms | statements per booking | non-2xx |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const clients of concurrencies) {
  const coventis = await measure('coventis', clients);
  const ceiling = await measure('ceiling', clients, 'dist/bench/booking-ceiling.js');
  for (const [name, run] of [
    ['Coventis', coventis],
    ['ceiling (raw better-sqlite3 + node:http)', ceiling],
  ] as const) {
    const refused = [...run.outcomes]
      .filter(([key]) => !/ 20[01]$/.test(key))
      .map(([key, n]) => `${key}: ${n}`);
    console.log(
      `| ${name} | ${clients} | ${Math.round(run.booked / run.elapsed)} | ${ms(run.request, 50)} / ${ms(run.request, 99)} | ${ms(run.accept, 50)} / ${ms(run.accept, 99)} | ${run.statementsPerBooking.toFixed(1)} | ${refused.join('; ') || 'none'} |`,
    );
  }
  const ratio = coventis.booked / coventis.elapsed / (ceiling.booked / ceiling.elapsed);
  console.log(`| **ratio Coventis / ceiling** | ${clients} | **${ratio.toFixed(2)}** | | | | |`);
}
if (process.env.BENCH_KEEP) console.log(`\nDatabases kept in ${path.dirname(dbFile)}`);
else db.cleanup();
