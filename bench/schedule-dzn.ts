import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDzn } from '../src/scheduling/dzn.js';
import { runSchedule, type RunResult } from '../src/schedule/schedule-runner.js';
import { schedule, scheduleThorough } from '../src/scheduling/engine.js';
import type { ExactSolver } from '../src/scheduling/exact.js';
import { validate } from '../src/scheduling/validate.js';

// Usage: node dist/bench/schedule-dzn.js FILE.dzn [more.dzn...] [--out RESULT.json] [--seed N] [--work N] [--cap-ms N] [--refine-ms N] [--single [--solver z3|cadical]]
// Default: as the API runs it, the portfolio of runSchedule (two worker threads, best of two seeds), each with
// the engine's deterministic work budget; --cap-ms is a wall-clock safety cap (reported when hit);
// --refine-ms adds restarts and the exact refinement (Z3) for that long after the annealing; --single runs
// the engine once, in this thread, on the given seed (--solver: the exact solver of its refinement, Z3 by default;
// the portfolio gives its two members one each).
const args = process.argv.slice(2);
const files: string[] = [];
let out: string | undefined;
let seed = 1;
let work: number | undefined;
let capMs = 5000;
let refineMs = 0;
let single = false;
let solver: ExactSolver = 'z3';
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--out') out = args[++i];
  else if (arg === '--seed') seed = Number(args[++i]);
  else if (arg === '--work') work = Number(args[++i]);
  else if (arg === '--cap-ms') capMs = Number(args[++i]);
  else if (arg === '--refine-ms') refineMs = Number(args[++i]);
  else if (arg === '--single') single = true;
  else if (arg === '--solver') solver = args[++i] === 'cadical' ? 'cadical' : 'z3';
  else files.push(arg);
}
if (files.length === 0 || (out !== undefined && files.length !== 1)) {
  console.error(
    'usage: schedule-dzn FILE.dzn [more.dzn...] [--out RESULT.json (single file)] [--seed N] [--work N] [--cap-ms N] [--refine-ms N] [--single [--solver z3|cadical]]',
  );
  process.exit(2);
}

let failed = false;
// With --refine-ms, two more columns: holes before the refinement and the solver of the kept result.
const refineColumns = refineMs > 0 ? ['holes_before', 'solver'] : [];
console.log(
  [
    'instance',
    'meetings',
    'placed',
    'holes',
    'lower_bound',
    'work',
    'cap_hit',
    'time_ms',
    ...refineColumns,
  ].join('\t'),
);
for (const file of files) {
  const { input } = parseDzn(readFileSync(file, 'utf8'));
  const t0 = performance.now();
  const options = {
    seed,
    timeLimitMs: capMs,
    ...(work !== undefined ? { maxIterations: work } : {}),
  };
  const result: RunResult = !single
    ? await runSchedule(input, { ...options, refineMs })
    : refineMs > 0
      ? await scheduleThorough(input, { ...options, refine: { timeMs: refineMs, solver } })
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
      ...(result.refined ? [result.refined.holesBefore, result.refined.solver] : []),
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
