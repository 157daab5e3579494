import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module.js';
import { User } from '../src/auth/user.entity.js';
import { loadEnvironment } from '../src/config/env.js';
import { Meeting, pairKey, sideKey } from '../src/meetings/meeting.entity.js';
import { Participant } from '../src/participants/participant.entity.js';
import { generateSyntheticEdition } from '../seeds/synthetic.js';
import { startServer, tempDatabase } from './support.js';

// `npm run bench:publish`: the organizer's batch scheduler through the API on a full-size edition —
// a month of requests already in the database, then the dry run and the one-transaction commit.
const exhibitorCount = Number(process.env.BENCH_EXHIBITORS ?? 400);
const visitorCount = Number(process.env.BENCH_VISITORS ?? 3000);
const perVisitor = Number(process.env.BENCH_REQUESTS_PER_VISITOR ?? 5);
const tables = Number(process.env.BENCH_TABLES ?? 400);

const db = tempDatabase();
const env = loadEnvironment({ DATABASE_URL: db.url, SEED_DEMO: 'never' });
const context = await NestFactory.createApplicationContext(AppModule.forRoot(env), {
  logger: ['error'],
});
const { editionId } = await generateSyntheticEdition(context, {
  exhibitors: exhibitorCount,
  visitors: visitorCount,
  tables,
});
const dataSource = context.get<DataSource>(getDataSourceToken());
const organizer = await dataSource.getRepository(User).save(
  dataSource.getRepository(User).create({
    email: 'organisation@bench.example',
    passwordHash: 'not-used',
    role: 'organizer',
    firstName: 'Bench',
    lastName: 'Organizer',
    organizationId: null,
  }),
);
const participants = await dataSource
  .getRepository(Participant)
  .find({ where: { editionId }, order: { createdAt: 'ASC', id: 'ASC' } });
const exhibitors = participants.filter((p) => p.kind === 'exhibitor');
const visitors = participants.filter((p) => p.kind === 'visitor');

// Every visitor asks `perVisitor` distinct exhibitors, drawn with a fixed seed and a skewed popularity.
let state = 20271;
const random = () => {
  state = (Math.imul(state, 1103515245) + 12345) >>> 0;
  return state / 4294967296;
};
const requests: Meeting[] = [];
for (const visitor of visitors) {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(perVisitor, exhibitors.length))
    chosen.add(Math.floor(random() ** 1.5 * exhibitors.length));
  for (const e of chosen) {
    requests.push(
      dataSource.manager.create(Meeting, {
        editionId,
        requesterId: visitor.id,
        inviteeId: exhibitors[e].id,
        pairKey: pairKey(visitor.id, sideKey(exhibitors[e])),
        status: 'requested',
      }),
    );
  }
}
for (let i = 0; i < requests.length; i += 500)
  await dataSource.manager.insert(Meeting, requests.slice(i, i + 500));
await context.close();

const server = await startServer(db.url);
const token = new JwtService({ secret: env.JWT_SECRET }).sign(
  { sub: organizer.id, role: 'organizer' },
  { expiresIn: '1h' },
);

interface Proposal {
  placed: number;
  upperBound: number;
  holes: number;
  timeMs: number;
  unplaced: unknown[];
}

async function run(commit: boolean): Promise<{ ms: number; proposal: Proposal }> {
  const started = performance.now();
  const res = await fetch(`${server.url}/api/editions/${editionId}/schedule`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ commit }),
  });
  const ms = performance.now() - started;
  if (res.status !== 200 && res.status !== 201)
    throw new Error(`schedule ${commit ? 'commit' : 'dry run'}: ${res.status} ${await res.text()}`);
  return { ms, proposal: (await res.json()) as Proposal };
}

// The server's peak resident memory, from the kernel.
const peakMb = () => {
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 1024);
};

const dry = await run(false);
const committed = await run(true);
const peak = peakMb();
await server.stop();

// Count what landed, straight from the database file.
const check = new (await import('better-sqlite3')).default(db.url.slice('sqlite:'.length), {
  readonly: true,
});
const scheduled = (
  check
    .prepare(`SELECT COUNT(*) AS n FROM meetings WHERE "editionId" = ? AND status = 'scheduled'`)
    .get(editionId) as { n: number }
).n;
const slots = (
  check.prepare(`SELECT COUNT(*) AS n FROM slots WHERE "editionId" = ?`).get(editionId) as {
    n: number;
  }
).n;
const bookings = (
  check
    .prepare(`SELECT COUNT(*) AS n FROM bookings WHERE "editionId" = ? AND kind = 'meeting'`)
    .get(editionId) as { n: number }
).n;
check.close();
db.cleanup();

const row = (name: string, r: { ms: number; proposal: Proposal }) =>
  `| ${name} | ${Math.round(r.ms)} | ${Math.round(r.proposal.timeMs)} | ${Math.round(r.ms - r.proposal.timeMs)} | ${r.proposal.placed} | ${r.proposal.upperBound} | ${r.proposal.holes} |`;
console.log(
  `\nSynthetic edition: ${exhibitorCount} exhibitors, ${visitorCount} visitors, ${requests.length} requests, ${slots} slots × ${tables} tables; Node ${process.version}.\n`,
);
console.log(
  '| call | total ms | engine ms | outside the engine ms | placed | upper bound | holes |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
console.log(row('dry run (POST /editions/:id/schedule)', dry));
console.log(row('commit ({commit: true})', committed));
console.log(
  `\nIn the database after the commit: ${scheduled} scheduled meetings, ${bookings} meeting bookings; server peak RSS ${peak} MB.`,
);
if (scheduled !== committed.proposal.placed || bookings !== 2 * scheduled)
  throw new Error('the commit did not publish exactly the proposal');
