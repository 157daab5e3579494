import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { MatchIndex, type MatchProfile } from '../src/matching/engine.js';
import { COMPETITORS, INTRODUCTIONS, STRUCTURES } from './matching/judged.js';
import {
  Catalogue,
  engineRanker,
  evaluate,
  precisionAt5,
  queries,
  reciprocalRank,
  type Query,
  type Scores,
} from './matching/quality.js';
import { syntheticProfiles } from './matching/synthetic.js';

// `npm run bench:matching`: recommendation quality on the judged set, then speed on a full edition.
const f2 = (x: number) => x.toFixed(2);
const f3 = (x: number) => x.toFixed(3);

console.log(
  `# Matching benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'})`,
);
const exhibitorCount = STRUCTURES.filter((s) => s.kind === 'exhibitor').length;
console.log(
  `\n## Quality on the judged set (bench/matching/judged.ts): ${exhibitorCount} exhibitors, ${STRUCTURES.length - exhibitorCount} professional visitors, ${INTRODUCTIONS.length} judged introductions, ${COMPETITORS.length} competitor pairs as distractors`,
);
console.log(
  'precision@5 = judged partners in the first 5 / min(5, judged partners); MRR = mean of 1 / rank of the first judged partner (0 if none is returned).',
);

const catalogue = new Catalogue(STRUCTURES);
const needsOf = (q: Query) => q.structure.needs;
const baselines: { name: string; rank: (q: Query) => string[] }[] = [
  {
    name: 'catalogue, all needs joined in one query',
    rank: (q) => catalogue.search(needsOf(q).join(' '), q.structure.id),
  },
  {
    name: 'catalogue, first need',
    rank: (q) => catalogue.search(needsOf(q)[0] ?? '', q.structure.id),
  },
  {
    // The most favourable to the catalogue: the need that serves this query best, chosen knowing the judgments.
    name: 'catalogue, best single need (oracle)',
    rank: (q) => {
      let best: string[] = [];
      let bestScore = -1;
      for (const need of needsOf(q)) {
        const ranked = catalogue.search(need, q.structure.id);
        const score = precisionAt5(ranked, q.relevant) * 10 + reciprocalRank(ranked, q.relevant);
        if (score > bestScore) [best, bestScore] = [ranked, score];
      }
      return best;
    },
  },
];

console.log('\n| view | method | queries | precision@5 | MRR |');
console.log('| --- | --- | ---: | ---: | ---: |');
const row = (view: string, name: string, s: Scores) =>
  console.log(`| ${view} | ${name} | ${s.queries} | ${f3(s.precision)} | ${f3(s.mrr)} |`);
for (const exhibitorsOnly of [false, true]) {
  const view = exhibitorsOnly ? 'exhibitor partners only' : 'all judged partners';
  const list = queries(exhibitorsOnly);
  row(view, 'matching engine', evaluate(list, engineRanker(exhibitorsOnly)));
  for (const b of baselines) row(view, b.name, evaluate(list, b.rank));
}
catalogue.close();
console.log(
  '\nThe catalogue ANDs every word of the query, stop words included, as prefixes: a whole need rarely matches. The baseline quoted is therefore the best single need, chosen per query knowing the judgments (an upper bound for someone trying each of their needs in turn); joined needs and the first need are shown for the record. The catalogue lists exhibitors only, hence the second view.',
);

// Where the engine misses, so that the figures above can be read.
const rank = engineRanker(false);
const misses = queries(false).flatMap((q) => {
  const top = rank(q).slice(0, 5);
  const p = precisionAt5(top, q.relevant);
  return p < 1
    ? [
        `${q.structure.id}: p@5 ${f2(p)}, top 5 [${top.join(', ')}], judged [${[...q.relevant].join(', ')}]`,
      ]
    : [];
});
console.log(`\nEngine queries below precision@5 = 1 (${misses.length}):`);
for (const m of misses) console.log(`- ${m}`);

// Speed on a synthetic edition, in process.
const { profiles, professional } = syntheticProfiles(140, 5000);
const builds: number[] = [];
let index = new MatchIndex();
for (let i = 0; i < 5; i++) {
  const start = performance.now();
  index = new MatchIndex(profiles);
  builds.push(performance.now() - start);
}
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
};
const accepted = (forVisitor: boolean) => (c: MatchProfile) =>
  c.kind === 'exhibitor' || (!forVisitor && professional.has(c.id));
const exhibitorIds = profiles.filter((p) => p.kind === 'exhibitor').map((p) => p.id);
const visitorIds = profiles.filter((p) => p.kind === 'visitor').map((p) => p.id);
const time = (ids: string[], forVisitor: boolean, rounds: number) => {
  const times: number[] = [];
  let returned = 0;
  const cpu = process.cpuUsage();
  for (let r = 0; r < rounds; r++) {
    for (const id of ids) {
      const start = performance.now();
      returned += index.recommend(id, { limit: 10, accept: accepted(forVisitor) }).length;
      times.push(performance.now() - start);
    }
  }
  const used = process.cpuUsage(cpu);
  // CPU time of the whole run: other processes on the machine do not count in it.
  const cpuMean = (used.user + used.system) / 1000 / times.length;
  return { times, returned: returned / times.length, cpuMean };
};
time(exhibitorIds, false, 1);
time(visitorIds.slice(0, 500), true, 1);
const ex = time(exhibitorIds, false, 5);
const vi = time(visitorIds, true, 1);
console.log(
  `\n## Speed: synthetic edition of ${exhibitorIds.length} exhibitors and ${visitorIds.length} visitors (${professional.size} professional), ${index.size} profiles`,
);
console.log(
  `index build: first ${f2(builds[0])} ms, best of ${builds.length} ${f2(Math.min(...builds))} ms`,
);
console.log(
  '\n| recommend (limit 10) | calls | p50 ms | p99 ms | max ms | CPU ms per call (mean) | matches returned (mean) |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [name, r] of [
  ['for an exhibitor (exhibitors + professional visitors)', ex],
  ['for a visitor (exhibitors)', vi],
] as const) {
  console.log(
    `| ${name} | ${r.times.length} | ${f3(percentile(r.times, 0.5))} | ${f3(percentile(r.times, 0.99))} | ${f3(Math.max(...r.times))} | ${f3(r.cpuMean)} | ${f2(r.returned)} |`,
  );
}
const upserts: number[] = [];
for (const p of profiles.slice(0, 140)) {
  const start = performance.now();
  index.upsert({ ...p, needs: [...p.needs, 'outils numériques'] });
  upserts.push(performance.now() - start);
}
console.log(
  `load average when the timings ended: ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(
      ', ',
    )} (other processes share the cores: wall-clock percentiles include their preemptions)`,
);
console.log(
  `\nupsert of one exhibitor: p50 ${f3(percentile(upserts, 0.5))} ms, p99 ${f3(percentile(upserts, 0.99))} ms`,
);
