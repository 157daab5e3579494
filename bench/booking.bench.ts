import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module.js';
import { loadEnvironment } from '../src/config/env.js';
import { generateSyntheticEdition } from '../seeds/synthetic.js';
import { startServer, tempDatabase } from './support.js';
import { participantsWithTokens, percentile } from './tokens.js';

// `npm run bench:booking`: visitors ask exhibitors for meetings and exhibitors accept, under load.
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const workers = Number(process.env.BENCH_CONNECTIONS ?? 32);
const db = tempDatabase();
const context = await NestFactory.createApplicationContext(
  AppModule.forRoot(loadEnvironment({ DATABASE_URL: db.url, SEED_DEMO: 'never' })),
  { logger: ['error'] },
);
// 150 tables × 34 slots leaves room for every visitor's meeting.
const { editionId } = await generateSyntheticEdition(context, {
  exhibitors: 140,
  visitors: 5000,
  tables: 150,
});
await context.close();
const people = participantsWithTokens(db.url, editionId);
const exhibitors = people.filter((p) => p.kind === 'exhibitor');
const visitors = people.filter((p) => p.kind === 'visitor');

const server = await startServer(db.url);
const api = `${server.url}/api`;
const latencies = { request: [] as number[], accept: [] as number[] };
const outcomes = new Map<string, number>();
const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);

async function timed(kind: 'request' | 'accept', url: string, token: string, body: object) {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { id?: string; code?: string };
  latencies[kind].push(performance.now() - started);
  count(`${kind} ${res.status}${json.code ? ` ${json.code}` : ''}`);
  return { status: res.status, json };
}

let next = 0;
let booked = 0;
const deadline = Date.now() + seconds * 1000;
const started = performance.now();
await Promise.all(
  Array.from({ length: workers }, async () => {
    while (Date.now() < deadline && next < visitors.length) {
      const visitor = visitors[next++];
      const exhibitor = exhibitors[Math.floor(Math.random() * exhibitors.length)];
      const req = await timed('request', `${api}/editions/${editionId}/meetings`, visitor.token, {
        toParticipantId: exhibitor.participantId,
        message: 'Bonjour, pouvons-nous nous rencontrer ?',
      });
      if (req.status !== 201) continue;
      const acc = await timed(
        'accept',
        `${api}/meetings/${req.json.id}/accept`,
        exhibitor.token,
        {},
      );
      if (acc.status === 200) booked++;
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;
await server.stop();
db.cleanup();

const row = (name: string, values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `| ${name} | ${values.length} | ${Math.round(values.length / elapsed)} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} |`;
};
console.log(
  `\nSynthetic edition: 140 exhibitors, 5,000 visitors, 34 slots × 150 tables; ${workers} concurrent clients, ${elapsed.toFixed(1)} s, Node ${process.version}.\n`,
);
console.log('| step | requests | per second | p50 ms | p99 ms |');
console.log('| --- | ---: | ---: | ---: | ---: |');
console.log(row('request a meeting (POST /editions/:id/meetings)', latencies.request));
console.log(row('accept it, earliest common slot (POST /meetings/:id/accept)', latencies.accept));
console.log(
  `\nMeetings booked: ${booked} (${Math.round(booked / elapsed)} per second, request + accept).`,
);
console.log(`Responses: ${[...outcomes].map(([k, v]) => `${k}: ${v}`).join('; ')}`);
