import 'reflect-metadata';
import autocannon from 'autocannon';
import { startServer, syntheticDatabase } from './support.js';
import { participantsWithTokens } from './tokens.js';

// Part of `npm run bench:matching`: GET /recommendations through the real server on the synthetic
// 140-exhibitor / 5,000-visitor edition, 20 concurrent clients, a mix of visitors and exhibitors.
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const { db, editionId } = await syntheticDatabase({ exhibitors: 140, visitors: 5000 });

const server = await startServer(db.url);
try {
  const people = await participantsWithTokens(db.url, editionId);
  const exhibitors = people.filter((p) => p.kind === 'exhibitor');
  const visitors = people.filter((p) => p.kind === 'visitor');
  const path = `/api/editions/${editionId}/recommendations?limit=10`;
  const get = (token: string) =>
    fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

  // The first request of an edition builds its index: that is the time to index it, seen by a client.
  const started = performance.now();
  const first = await get(exhibitors[0].token);
  const indexMs = performance.now() - started;
  if (first.status !== 200) throw new Error(`first request answered ${first.status}`);
  const warm = performance.now();
  await get(exhibitors[1].token);
  const warmMs = performance.now() - warm;

  // A visitor edits their profile every `everyMs`: each change puts every list behind the index, so
  // lists are answered as ranked before and ranked again in the background (ranked-lists.ts).
  const churn = (everyMs: number) => {
    const editor = visitors.find((p) => p.role === 'visitor')!;
    const words = [
      'circuits courts',
      'réemploi',
      'mobilité solidaire',
      'insertion',
      'tourisme social',
    ];
    let n = 0;
    let changes = 0;
    const timer = setInterval(() => {
      const needs = [words[n++ % words.length]];
      void fetch(
        `${server.url}/api/editions/${editionId}/registrations/${editor.participantId}/profile`,
        {
          method: 'PATCH',
          headers: { authorization: `Bearer ${editor.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ needs }),
        },
      ).then((r) => {
        if (r.status === 200) changes++;
      });
    }, everyMs);
    return { stop: () => (clearInterval(timer), changes) };
  };

  const run = async (name: string, tokens: string[], changeEveryMs?: number) => {
    const changing = changeEveryMs ? churn(changeEveryMs) : null;
    let i = 0;
    const result = await autocannon({
      url: server.url,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'GET',
          path,
          setupRequest: (req) => ({
            ...req,
            headers: { ...req.headers, authorization: `Bearer ${tokens[i++ % tokens.length]}` },
          }),
        },
      ],
    });
    const changes = changing ? changing.stop() : 0;
    return `| ${name} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${result.requests.total} | ${result.non2xx} | ${changes} |`;
  };
  const rows = [
    await run(
      'visitors (140 exhibitors to rank)',
      visitors.map((p) => p.token),
    ),
    await run(
      'exhibitors (exhibitors + ~3,750 professionals)',
      exhibitors.map((p) => p.token),
    ),
    await run(
      'exhibitors, a profile changing every second',
      exhibitors.map((p) => p.token),
      1000,
    ),
    await run(
      'exhibitors, a profile changing every 20 ms',
      exhibitors.map((p) => p.token),
      20,
    ),
    await run(
      'mix: 4 visitors for 1 exhibitor',
      visitors.slice(0, 560).map((p, k) => (k % 4 === 3 ? exhibitors[k % 140].token : p.token)),
    ),
  ];
  console.log(
    `\nRecommendations over HTTP, synthetic edition of 140 exhibitors and 5,000 visitors; ${connections} connections, ${seconds} s each, Node ${process.version}, one server process.`,
  );
  console.log(
    `First request (builds the edition's index): ${indexMs.toFixed(0)} ms; the next one: ${warmMs.toFixed(1)} ms.\n`,
  );
  console.log('| who asks | req/s | p50 ms | p99 ms | requests | non-2xx | profile changes |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) console.log(row);
} finally {
  await server.stop();
  db.cleanup();
}
