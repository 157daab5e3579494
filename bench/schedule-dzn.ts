import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDzn } from '../src/meetings/scheduling/dzn.js';
import { runSchedule } from '../src/meetings/schedule-runner.js';
import { schedule, scheduleThorough } from '../src/meetings/scheduling/engine.js';
import { validate } from '../src/meetings/scheduling/validate.js';

// Usage: node dist/bench/schedule-dzn.js FILE.dzn [more.dzn...] [--out RESULT.json] [--seed N] [--work N] [--cap-ms N] [--refine-ms N] [--single]
// Default: as the API runs it, the portfolio of runSchedule (two worker threads, best of two seeds), each with
// the engine's deterministic work budget; --cap-ms is a wall-clock safety cap (reported when hit);
// --refine-ms adds restarts and the exact refinement (Z3) for that long after the annealing; --single runs
// the engine once, in this thread, on the given seed.
const args = process.argv.slice(2);
const files: string[] = [];
let out: string | undefined;
let seed = 1;
let work: number | undefined;
let capMs = 5000;
let refineMs = 0;
let single = false;
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--out') out = args[++i];
  else if (arg === '--seed') seed = Number(args[++i]);
  else if (arg === '--work') work = Number(args[++i]);
  else if (arg === '--cap-ms') capMs = Number(args[++i]);
  else if (arg === '--refine-ms') refineMs = Number(args[++i]);
  else if (arg === '--single') single = true;
  else files.push(arg);
}
if (files.length === 0 || (out !== undefined && files.length !== 1)) {
  console.error(
    'usage: schedule-dzn FILE.dzn [more.dzn...] [--out RESULT.json (single file)] [--seed N] [--work N] [--cap-ms N] [--refine-ms N] [--single]',
  );
  process.exit(2);
}

let failed = false;
console.log(
  ['instance', 'meetings', 'placed', 'holes', 'lower_bound', 'work', 'cap_hit', 'time_ms'].join(
    '\t',
  ),
);
for (const file of files) {
  const { input } = parseDzn(readFileSync(file, 'utf8'));
  const t0 = performance.now();
  const options = {
    seed,
    timeLimitMs: capMs,
    ...(work !== undefined ? { maxIterations: work } : {}),
  };
  const result = !single
    ? await runSchedule(input, { ...options, refineMs })
    : refineMs > 0
      ? await scheduleThorough(input, { ...options, refine: { timeMs: refineMs } })
      : schedule(input, options);
  const ms = performance.now() - t0;
  const check = validate(input, result);
  if (!check.ok) {
    failed = true;
    console.error(`${file}: INVALID\n  ${check.violations.slice(0, 10).join('\n  ')}`);
  }
  const name = path.basename(file).replace(/\.dzn$/, '');
  console.log(
    [
      name,
      input.meetings.length,
      result.stats.placed,
      check.holes,
      result.stats.holesLowerBound,
      result.stats.iterations,
      result.stats.capHit ? 'yes' : 'no',
      ms.toFixed(0),
    ].join('\t'),
  );
  if (out !== undefined) {
    const assignments = result.assignments.flatMap((pl, i) =>
      pl ? [{ meeting: i + 1, slot: pl.slot + 1, table: pl.table }] : [],
    );
    writeFileSync(out, JSON.stringify({ assignments }, null, 1) + '\n');
  }
}
if (failed) process.exitCode = 1;
