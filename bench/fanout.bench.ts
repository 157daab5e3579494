import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { io, type Socket } from 'socket.io-client';
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

const server = await startServer(db.url);
const sockets: Socket[] = [];
const connectStarted = performance.now();
for (let i = 0; i < people.length; i += 250) {
  // Connect in waves, as a hall fills up, rather than 5,000 handshakes in the same millisecond.
  await Promise.all(
    people.slice(i, i + 250).map(
      (p) =>
        new Promise<void>((resolve, reject) => {
          const socket = io(server.url, {
            auth: { token: p.token },
            transports: ['websocket'],
            reconnection: false,
          });
          sockets.push(socket);
          socket.once('ready', () => resolve());
          socket.once('connect_error', reject);
        }),
    ),
  );
}
const connectSeconds = (performance.now() - connectStarted) / 1000;

const latencies: number[] = [];
let missing = 0;
for (let round = 0; round < rounds; round++) {
  const arrivals: number[] = [];
  const done = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 10_000);
    for (const socket of sockets) {
      socket.once('announcement', () => {
        arrivals.push(performance.now());
        if (arrivals.length === sockets.length) {
          clearTimeout(timer);
          resolve();
        }
      });
    }
  });
  const sent = performance.now();
  const res = await fetch(`${server.url}/api/editions/${editionId}/announcements`, {
    method: 'POST',
    headers: { authorization: `Bearer ${organizerToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      message: `Annonce ${round + 1} : la plénière commence dans 10 minutes.`,
    }),
  });
  if (res.status !== 201)
    throw new Error(`announcement refused: ${res.status} ${await res.text()}`);
  await done;
  missing += sockets.length - arrivals.length;
  latencies.push(...arrivals.map((t) => t - sent));
  await new Promise((resolve) => setTimeout(resolve, 300));
}
sockets.forEach((s) => s.close());
await server.stop();
db.cleanup();

const sorted = latencies.sort((a, b) => a - b);
console.log(
  `\n${sockets.length} socket.io clients (websocket) on one server process, Node ${process.version}; connected in ${connectSeconds.toFixed(1)} s.`,
);
console.log(
  `${rounds} announcements, each to every client: time from the POST to its arrival at each client.\n`,
);
console.log('| deliveries | missing | p50 ms | p99 ms | max ms |');
console.log('| ---: | ---: | ---: | ---: | ---: |');
console.log(
  `| ${sorted.length} | ${missing} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${sorted.at(-1)!.toFixed(1)} |`,
);
