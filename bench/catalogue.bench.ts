import 'reflect-metadata';
import { load, printTable, startServer, syntheticDatabase } from './support.js';

// `npm run bench:catalogue`: catalogue search under concurrent load on the synthetic edition.
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const { db, editionId } = await syntheticDatabase({ exhibitors: 140, visitors: 5000 });

const server = await startServer(db.url);
const base = `/api/editions/${editionId}/exhibitors`;
const queries = [
  'economie',
  'cooperative',
  'circuits courts',
  'recyclage papier',
  'mobilite',
  'sante mutualiste',
  'cuisines',
  'energies citoyennes',
  'velo',
  'formation',
  'insertion',
  'tourisme social',
  'reemploi',
  'financement solidaire',
  'coop',
  'econ',
];
const searches = queries.map((q) => `${base}?q=${encodeURIComponent(q)}`);
const filters = [
  'sector=alimentation',
  'legalForm=scop',
  'department=34',
  'sector=tourisme&department=30',
  'legalForm=association&page=2',
  'page=3&limit=20',
].map((f) => `${base}?${f}`);
const mixed = searches.flatMap((s, i) => [s, filters[i % filters.length], `${s}&department=34`]);

try {
  const rows = [];
  rows.push(await load('full-text search (q)', server.url, searches, { seconds, connections }));
  rows.push(
    await load('filters only (sector, legal form, department, pages)', server.url, filters, {
      seconds,
      connections,
    }),
  );
  rows.push(
    await load('mixed: search, filters, search + filter', server.url, mixed, {
      seconds,
      connections,
    }),
  );
  console.log(
    `\nCatalogue of 140 exhibitors, 5,000 visitors; ${connections} connections, ${seconds} s each, Node ${process.version}, one server process.\n`,
  );
  printTable(rows);
} finally {
  await server.stop();
  db.cleanup();
}
