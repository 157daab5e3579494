import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDzn } from '../src/scheduling/dzn.js';
import {
  bestOf,
  mergePortfolio,
  PORTFOLIO,
  runPortfolio,
  runSchedule,
} from '../src/schedule/schedule-runner.js';
import { Rng } from '../src/scheduling/rng.js';
import type { MeetingRequest, ScheduleInput, Window } from '../src/scheduling/types.js';
import { validate } from '../src/scheduling/validate.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const b2bDir = process.env.B2B_DIR ?? path.resolve(repoRoot, '..', 'shared', 'bench', 'b2b');
// Runs use the engine's deterministic work budget; these wall-clock caps are safety nets, reported when hit.
const capMs = Number(process.env.BENCH_CAP_MS ?? 5000);
const syntheticCapMs = Number(process.env.BENCH_SYNTHETIC_CAP_MS ?? 4800);
const onlySynthetic = process.env.BENCH_ONLY === 'synthetic';
// Milliseconds of exact refinement per original the annealer does not prove optimal (0 to skip that table),
// and per variant with a published optimum (less: there are 80 variants, most of them above their bound).
const refineMs = Number(process.env.BENCH_REFINE_MS ?? 30_000);
const variantRefineMs = Number(process.env.BENCH_VARIANT_REFINE_MS ?? 10_000);

const APPROACH = `The engine (src/scheduling) optimises lexicographically: total weight of placed meetings
(weight = 1 + priority), then the number of holes, then fairness (a small penalty on the sum of squared holes
per person, and on unplaced requests piling up on the same people). Fixed and existing meetings are settled
first. A most-constrained-first greedy builds a schedule, ejection chains then place what is left (an unplaced
meeting takes the slot whose blockers weigh least; blockers, or a table-holder that can hop elsewhere, go back
in the queue; tabu tenure avoids cycling; the best schedule is kept). Holes are then reduced by one slow
simulated-annealing cooling over feasible schedules only: Kempe-chain swaps between two slots (a plain move when
the chain is one meeting, a second chain to balance tables), whole-column swaps, rotations of a block of slot
columns, and whole-person re-solves (all meetings of one person are lifted and put back at once: for every
window of usable slots a Hungarian assignment prices each meeting by its partner's change in holes), with moves
focused on people who have avoidable holes (more than their per-person lower bound below). Holes and idle slots are kept incrementally per person and day (bitmasks).
Kempe chains and column rotations are priced from the per-day bitmasks before anything moves (every
participant of a chain just swaps two bits), and applied only when accepted; the whole-person re-solve prices
each meeting once per usable slot and skips windows whose row-minimum bound cannot win. Cheaper moves buy a
slower cooling, which is what closes holes here. Focused moves draw from a list of people with avoidable holes
(refreshed every 256 moves) instead of drawing meetings until one belongs to such a person. On the originals,
mean total holes went from 70.3 (seeds 1-8, before this work) to 59.6 (seeds 1-16) with half the CPU time. Measured and dropped (no gain or worse): annealing through schedules where a
participant may hold two meetings at once (penalised clashes), ejection moves (the displaced meetings go to
their cheapest free slot), a time-sweep construction aimed at one block per person, short low-temperature
reheats from the best schedule, budget-neutral multi-start (four quarter-budget runs: worse than one), and an
exact reordering of 12-column windows by dynamic programming (the annealer's schedules were already optimal for
it). Relaxing tables entirely (40 instead of 14) leaves the annealer at 8 and 7 holes on forum-13crafb and
ticf-13crafb against published optima of 6 and 3 with 14 tables: tables are not the main obstacle there.
An exact large-neighbourhood repair after the annealing was also built and measured (a deterministic CDCL SAT
solver re-solving a person, up to 12 partners and an 8-slot window around a hole for the fewest holes, 25 %
extra work): originals unchanged at 64 holes then, variants 1,199 to 1,195, most neighbourhoods proved already
optimal; a whole-instance SAT model found nothing better in 20,000 conflicts (about 5 s) on forum-13crafb; npm's
logic-solver (MiniSat in asm.js) aborts on 200-meeting sub-problems (fixed 64 MB heap) and cannot be bounded.
Not merged: the published optima need wider changes than such neighbourhoods.
Exact solvers from npm were then measured on the seven instances where we trail (2026-11-23, 60 s per run, one
core; every schedule checked by an independent validator). z3-solver 5.2 (Z3 as WebAssembly, 35 MB): its
core-guided MaxSAT (maxres) proves the optimum of forum-14 (2 holes, 9.9 s including 2-5 s of encoding),
forum-13crafc (1, 5.3 s) and ticf-13crafc (1, 16.1 s), and proves lower bounds of 6 on forum-13crafb (28.8 s) and
3 on ticf-13crafb (7.0 s): the published values there, which are upper bounds, are therefore the exact optima.
It finds no schedule as good as ours on tic-13crafc and tic-14crafc (10 slots, nearly full agendas), where even a
feasible model takes seconds. Started from our schedules, a large-neighbourhood search with Z3 as the exact
repair (140-180 of the 195 meetings freed, the rest fixed, at least one hole fewer required, 5 s per step)
reaches 8 on forum-13crafb and 4 on ticf-13crafb in 42 and 49 s. clingo-wasm 0.5 (clingo 5.8.1, 5.6 MB, single
thread, blocks its thread, its --time-limit ignored, --solve-limit honoured): alone it stays at 55 and 73 holes
after 60 s on the two crafb instances; warm-started from our schedules it finds tic-13crafc's optimum (4) in
0.83 s and ticf-13crafb 9 in 32 s, and as the repair inside the same large-neighbourhood search 10 and 8 in
45 s; its core-guided strategies find no model at all within 30 s. So an exact solver from npm is a
30-60 s refinement on instances of a few hundred meetings, not a sub-second method: the engine keeps the
annealer, and offers the Z3 search as an organizer's option (refineSeconds, up to 120 s; exact.ts): after the
annealing, free the movable meetings of a group of people or of a run of slots (160 at first; the size grows
when the solver proves a neighbourhood holds nothing better and shrinks when it runs out of its 5 s), keep the
rest, and ask Z3's finite-domain solver for at least one hole fewer among the people involved, with implied
constraints (a person is busy at exactly as many slots as they have meetings; busy at two slots further apart
than that forces a break between) that make the difference between finding nothing and finding improvements.
Its figures are in the table after the originals.
Since then (2026-11-23) the second core works too: the API, the command line and this benchmark run the engine
in two worker threads at once, on seeds s and s + 1,000,000, and keep the better schedule (placed weight, then
holes, then the most holes on one person, then the lower seed). The count is fixed, not the machine's number of
cores, so the result still depends only on the input and the seed; the "seed 1 alone" column is the first
member's own result. And the organizer's "more time" option now spends its first half on annealing restarts
(other seeds, ten times the work budget each at first) before the Z3 search starts from the best of them: measured on
seven trailing originals with 30 s, 24 holes against 30 for Z3 alone from the quick schedule (forum-14 reaches
its optimum of 2, tic-14crafc 0), because a longer cooling closes more holes than the exact repair finds in
the same time. Longer annealing alone stalls, though: 100 times the budget (40 s) leaves forum-13crafb at 8-10
holes over eight seeds and ticf-13crafb at 6-8 (optima 6 and 3), so restarts and Z3 share the time. On the synthetic convention below, the Z3 steps found
nothing (160 meetings of 15,000 are too few to matter) while restarts halved the holes in 30 s, and one long
cooling beat several short ones (2 min: 293 holes with up to fifty times the work per restart against 605 with
up to ten): so a restart now gets up to fifty times the default work, sized to the time left, and above 1,000
movable meetings the annealing gets the whole time (the public instances are level either way: 27 holes on
the seven trailing originals with 30 s).
Measured on 2026-11-29. The holes left on the crafb instances sit around noon, where slots 8 to 13 hold 14 meetings for 14
tables and everyone with both morning-only and afternoon-only requests must be busy on both sides of noon;
yet soft tables in the annealer (a slot may overfill while annealing at a cost of 1 to 3 holes per extra
meeting, a kept schedule never overfills) gave 57 to 70 holes on the originals over seeds 1-4 against 58 to
60, noise. Giving Z3 the current schedule as initial values (setInitialValue) changed nothing (20 s on the two
crafb instances: 8 and 11 holes against 8 and 10); neither was merged. CaDiCaL 3.0.1 from npm (cadical-wasm 0.1.2, 0.9 MB of
WebAssembly, incremental, with assumptions, phases and deterministic conflict limits) as the repair of the same
large-neighbourhood search does better where Z3 struggles (src/scheduling/sat.ts): one CNF of the
whole schedule is built once (a totalizer counts the breaks), each step keeps the meetings outside the
neighbourhood as assumptions, so what the solver learned carries over, starts from the current schedule
(phases) and asks for at least one hole fewer within 3,000 conflicts. From the quick schedules, 20 s of repair
alone (no restarts) leave the crafb pair at 8.0 and 5.5 holes on average over seeds 1-4 with CaDiCaL against
10.0 and 7.5 with Z3 (a prototype took ticf-13crafb from 10 to 4 in 16 s; optimum 3), while on the five other
trailing originals the two are level over seeds 1-2 (19 and 17 holes against 17 and 19), Z3 better on
forum-13crafc and ticf-13crafc, whose 154 meetings it settles as one question. So the refinement's two members
now differ in their exact solver too: the first repairs with Z3, the second with CaDiCaL, and the better
schedule wins as before (the table after the originals says which). Measured with both in four benchmark runs
of 30 s: the seven trailing originals total 25 to 27 holes (26 before), forum-13crafb reaching 7 in three of
them, by the CaDiCaL member (8 before, optimum 6), the others won by either member or level; the clock decides
how far each gets, so a hole or two either way is noise. CaDiCaL adds table limits to its CNF only for slots an answer
overfills: with all of them a 990-meeting convention over 34 slots took 850 MB, 250 MB this way. A refinement
ends early when a member proves it can do no better (every request placed, and the lower bound reached or the
whole schedule shown optimal by its solver): the other member stops with what it has, so Z3's proofs on
forum-13crafc and ticf-13crafc shorten the wait (total time in the table). The CaDiCaL member also searches
for a lower bound the way the published MaxSAT solver does (core-guided OLL, as in RC2 or UWrMaxSat; sat.ts):
assume no break at all, and each set of those assumptions the solver refutes (a core, shrunk by asking again
and dropping what it does not need) proves one more hole unavoidable and is replaced by "at most one of them
fails" (a totalizer); when every assumption holds, the model is an optimal schedule. It takes turns with the
repair, a third of that member's time at first and half as much after each call that runs out of conflicts,
and what it proves (with every request placed) is shared with the other member, which then stops once its
schedule reaches it. Alone for 30 s from the quick schedules it proves
2 holes unavoidable on forum-14 in 2.6 s, 3 on ticf-13crafb in 10 s and 5 on forum-13crafb in 0.3 s (the
published optima are 2, 3 and 6), 4 of forumt-14crafe's 5, and finds the optimal schedules of forum-13crafc
and ticf-13crafc (1 hole) in 17 and 24 s; on tic-13crafc it finds no core in 30 s; the last call before an
optimum is the long one. Measured and dropped: exhausting each core (asking whether the hard constraints alone
force a second break among its assumptions; they never did) and relaxing disjoint cores first (WCE: the fifth
core of forum-13crafb after 6.4 s instead of 1.9 s, the others level). The CaDiCaL member alone with 30 s,
seeds 1-3 on the crafb pair, leaves 40 holes in all with the core search and 40 without; in the portfolio
the seven trailing originals stay at 27 to 28 holes over five runs (25 to 27 before), and the lower bounds
proved on them go from 9 to 15 holes (the table's
"proved" column), so the organizer sees how close the schedule is, and forum-14 reaching 2 ends as proven
optimal. On 2026-11-29 the CaDiCaL member learned to count the holes of people whose meetings are all fixed:
they have no break variables, so before, "at most one hole fewer" held for the current schedule and every
repair step on a fixed variant was wasted, and its proved bounds left those holes out (CaDiCaL member alone,
10 s, eight fixed020 variants: 182 holes before, 179 after, proved bounds up to 4 holes higher; in the
portfolio the difference is within the clock's noise, twelve fixed variants at 262 holes before and 265 after
with 10 s). That benchmark run was on a slower machine than the one before: the same code took 11.9 to 13.1 s
for the quick runs of the originals instead of 9.6 s, so every refinement, bounded by the clock, got less done
(variants with 10 s: 533 holes, against 523 in the run before). Measured and dropped the same day: the
exact search inside the default run, on a deterministic budget of conflicts (counted by learned clauses). CaDiCaL in WebAssembly manages 1,400 to 12,000 conflicts a second here, and building the
CNF takes 30 to 110 ms. Run after half the annealing on the variants with fixed meetings, with 6,000
conflicts and neither lucky phases nor inprocessing (which made short calls 2-3 times slower), it left 974
holes where the annealing alone leaves 1,001. But the gain came from variants with no published optimum: on
those with one, 535 against 530, with runs of up to 2.2 s. With 3,000 conflicts on every instance, 1,141
holes against 1,168, and 39 of the 86 runs took over a second (up to 1.9 s). The default run stays the
annealing alone.
Measured and dropped on 2026-11-29 again, on a third machine, slower still (the quick runs of the originals
took 20.7 s in all): the ejection move, now on the variants with fixed meetings, where Kempe chains stop at
every fixed meeting (a meeting goes to its target slot and those it displaces go to their cheapest free slot;
seeds 1-4 on the 40 fixed variants: 4,140 holes against 4,095 without, 11 % slower), and more whole-person
re-solves there (2 % and 5 % of the moves: 4,079 and 4,113 holes against 4,095, 40 % and 80 % slower). More
work helps the originals only slowly: twice the budget leaves 57 holes per seed on average (seeds 1-4) against
59, four times 52.75, for 1.7 and 2.4 times the time, far from the published 36. Two runs at once on this
machine each take 1.4 times as long as one alone (forum-14: 1.8 s against 1.3 s), so the portfolio's second
member costs wall-clock time too, for 3 holes fewer on the originals (55 against 58 for seed 1 alone). The
refinement tables now say when the kept schedule was found ("found after"), as the API (refined.reachedMs)
and the organizer's page do: a schedule found long before the end means that more time would hardly help.
A refinement also no longer waits for a member that overruns its time (the benchmark once waited 43 s for 30
on forum-14 while Z3 prepared a question, when it heeds neither its timeout nor an interrupt): once another
member is done, one still running 2 s past the time asked for is left out and stopped.
The budget is deterministic: work counted in meetings touched by moves (20,000 per movable meeting, at most
12 M), so a given input and seed always give the same schedule whatever the machine load; the wall-clock
limit is only a safety cap and the tables say when it was hit. The search stops early when holes reach a lower
bound: a person whose meetings cannot fill one contiguous window (exact bipartite matching per window) has a
hole. Every result
below was checked by an independent validator (src/scheduling/validate.ts). The upper bound is the
minimum of a table-capacity flow and a fractional b-matching (each person meets at most as many people as
they have usable slots), both exact max-flows.`;

interface Published {
  holes: string;
  time: string;
}

function loadPublished(): Map<string, Published> {
  const out = new Map<string, Published>();
  const file = path.join(b2bDir, 'published-maxsat.csv');
  if (!existsSync(file)) return out;
  const [, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
  for (const row of rows) {
    const [, , instance, solver, time, objective, status] = row.trim().split(',');
    const setting = solver.includes('@') ? solver.split('@')[1] : 'original';
    const holes =
      status === 'optimal' ? objective : status === 'unsat_proved' ? 'infeasible with d=2' : 'n/a';
    out.set(`${instance}|${setting}`, { holes, time });
  }
  return out;
}

// Instance file name to the paper's setting: forum-13.original, forum-13.forb0003, forum-13.fixed020-Forb.
function settingOf(file: string): { instance: string; setting: string } {
  const base = path.basename(file, '.dzn');
  const dot = base.indexOf('.');
  const setting = base.slice(dot + 1).replace('-Forb', '');
  return { instance: base.slice(0, dot), setting };
}

interface Row {
  name: string;
  meetings: number;
  placed: number;
  holes: number;
  // Holes of the portfolio's first member alone (what one run on seed 1 gives).
  firstAlone: number;
  published: Published | undefined;
  ms: number;
  lb: number;
  iterations: number;
  capHit: boolean;
  valid: boolean;
}

async function runDzn(files: string[], published: Map<string, Published>): Promise<Row[]> {
  const rows: Row[] = [];
  for (const file of files) {
    const { input } = parseDzn(readFileSync(file, 'utf8'));
    const t0 = performance.now();
    const members = await runPortfolio(input, { seed: 1, refineMs: 0, timeLimitMs: capMs });
    const ms = performance.now() - t0;
    const result = bestOf(members);
    const check = validate(input, result);
    if (!check.ok) console.error(`${file}: INVALID ${check.violations.slice(0, 5).join('; ')}`);
    const { instance, setting } = settingOf(file);
    rows.push({
      name: path.basename(file, '.dzn'),
      meetings: input.meetings.length,
      placed: check.placed,
      holes: check.holes,
      firstAlone: members[0].stats.holes,
      published: published.get(`${instance}|${setting}`),
      ms,
      lb: result.stats.holesLowerBound,
      iterations: result.stats.iterations,
      capHit: members.some((m) => m.stats.capHit),
      valid: check.ok,
    });
    console.log(
      `${path.basename(file)}\t${check.placed}/${input.meetings.length}\tholes ${check.holes}\t${ms.toFixed(0)} ms`,
    );
  }
  return rows;
}

// The organizer's "more time" option on the instances left above their lower bound: the annealer's schedule,
// then restarts and the exact refinement for `ms` of wall clock. Variants: only those with a published optimum.
async function refinementTable(
  kind: 'originals' | 'variants',
  rows: Row[],
  files: string[],
  ms: number,
): Promise<string> {
  const comparable = (r: Row) => r.published !== undefined && /^\d+$/.test(r.published.holes);
  const chosen = rows.filter((r) => r.holes > r.lb && (kind === 'originals' || comparable(r)));
  const lines = [
    `### Exact refinement of the ${kind} (${ms / 1000} s more)`,
    '',
    `The ${kind} the annealer does not prove optimal${kind === 'variants' ? ', among those with a published optimum' : ''}, ` +
      'run again as the API does with refineSeconds: ' +
      `${PORTFOLIO} members at once, each running \`scheduleThorough\` (half the time on annealing restarts ` +
      'with other seeds and up to fifty times the work, then a large-neighbourhood search from the best ' +
      'schedule with an exact solver from npm, Z3 in the first member and CaDiCaL in the second; see engine.ts, ' +
      'exact.ts and sat.ts), the better result kept; the solver, restarts and exact steps are the ' +
      'winning member\'s, and "found after" is when that member first reached the holes it ends with. It ' +
      'depends on the clock, so a run on a loaded machine may stop higher.',
    '',
    '| instance | annealer holes | refined holes | proved lower bound | published MaxSAT holes | restarts | solver | exact steps | exact improvements | found after (s) | total time (s) | valid |',
    '|---|---:|---:|---:|---:|---:|:---:|---:|---:|---:|---:|:---:|',
  ];
  let before = 0;
  let after = 0;
  let pub = 0;
  let lb = 0;
  let proven = 0;
  const refined = new Map<string, number>();
  for (const row of chosen) {
    const file = files.find((f) => path.basename(f, '.dzn') === row.name)!;
    const { input } = parseDzn(readFileSync(file, 'utf8'));
    const t0 = performance.now();
    const result = await runSchedule(input, { seed: 1, timeLimitMs: capMs, refineMs: ms });
    const s = (performance.now() - t0) / 1000;
    const check = validate(input, result);
    if (!check.ok) console.error(`${file}: INVALID ${check.violations.slice(0, 5).join('; ')}`);
    before += row.holes;
    after += check.holes;
    refined.set(row.name, check.holes);
    pub += Number(row.published?.holes ?? NaN);
    lb += result.stats.holesLowerBound;
    if (check.holes <= result.stats.holesLowerBound) proven++;
    lines.push(
      `| ${row.name} | ${row.holes} | ${check.holes} | ${result.stats.holesLowerBound} | ${row.published?.holes ?? 'n/a'} | ${result.refined?.restarts} | ${result.refined?.solver} | ${result.refined?.steps} | ${result.refined?.improvements} | ${((result.refined?.reachedMs ?? NaN) / 1000).toFixed(1)} | ${s.toFixed(1)} | ${check.ok ? 'yes' : 'NO'} |`,
    );
    console.log(`${row.name}\trefined ${row.holes} -> ${check.holes}\t${s.toFixed(1)} s`);
  }
  const all = rows.filter(comparable);
  const total = all.reduce((x, r) => x + (refined.get(r.name) ?? r.holes), 0);
  const published = all.reduce((x, r) => x + Number(r.published?.holes), 0);
  lines.push(
    `| **total** | ${before} | ${after} | ${lb} | ${pub} | | | | | | | |`,
    '',
    `With the refinement, the ${all.length} ${kind} with a published optimum total ${total} holes ` +
      `(published ${published}), ${all.filter((r) => (refined.get(r.name) ?? r.holes) <= Number(r.published?.holes)).length} ` +
      `matched or beaten; ${proven} of the ${chosen.length} runs end proven optimal (holes at the proved lower bound).`,
    '',
  );
  return lines.join('\n');
}

function table(title: string, rows: Row[]): string {
  const lines = [
    `### ${title}`,
    '',
    '| instance | meetings | placed | our holes | seed 1 alone | our lower bound | published MaxSAT holes | published time (s) | our time (ms) | work | valid |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|',
  ];
  for (const r of rows)
    lines.push(
      `| ${r.name} | ${r.meetings} | ${r.placed} | ${r.holes} | ${r.firstAlone} | ${r.lb} | ${r.published?.holes ?? 'n/a'} | ${r.published?.time ?? 'n/a'} | ${r.ms.toFixed(0)} | ${r.iterations}${r.capHit ? ' (cap hit)' : ''} | ${r.valid ? 'yes' : 'NO'} |`,
    );
  const comparable = rows.filter((r) => r.published && /^\d+$/.test(r.published.holes));
  const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
  lines.push(
    `| **total** | ${sum(rows.map((r) => r.meetings))} | ${sum(rows.map((r) => r.placed))} | ${sum(rows.map((r) => r.holes))} | ${sum(rows.map((r) => r.firstAlone))} | ${sum(rows.map((r) => r.lb))} | | | ${sum(rows.map((r) => r.ms)).toFixed(0)} | | ${rows.every((r) => r.valid) ? 'yes' : 'NO'} |`,
    '',
    `On the ${comparable.length} instances with a published optimum: ours ${sum(comparable.map((r) => r.holes))} holes, ` +
      `published ${sum(comparable.map((r) => Number(r.published?.holes)))}; ` +
      `${comparable.filter((r) => r.holes <= Number(r.published?.holes)).length} matched or beaten; ` +
      `slowest run ${Math.max(...rows.map((r) => r.ms)).toFixed(0)} ms; ` +
      `${rows.filter((r) => r.holes === r.lb).length} proven optimal for their placed set (holes = lower bound); ` +
      `wall-clock cap hit on ${rows.filter((r) => r.capHit).length} runs.`,
    '',
  );
  return lines.join('\n');
}

// A convention: 3,000 people, 15,000 wished meetings, two days of 17 slots (8 morning + 9 afternoon), 400 tables.
function syntheticConvention(seed: number): ScheduleInput {
  const rng = new Rng(seed);
  const P = 3000;
  const slots = [];
  for (let d = 0; d < 2; d++)
    for (let i = 0; i < 17; i++)
      slots.push({ day: d, period: i < 8 ? ('morning' as const) : ('afternoon' as const) });
  const S = slots.length;
  const participants = Array.from({ length: P }, () => {
    const r = rng.next();
    const unavailable: number[] = [];
    // 15% miss a half-day, 10% a couple of scattered slots.
    if (r < 0.15) {
      const d = rng.int(2);
      const morning = rng.next() < 0.5;
      for (let i = 0; i < 17; i++) if (i < 8 === morning) unavailable.push(d * 17 + i);
    } else if (r < 0.25) for (let k = 0; k < 2; k++) unavailable.push(rng.int(S));
    return { unavailable };
  });
  // Popularity is skewed: a few exhibitors are asked by many visitors.
  const popularity = Array.from({ length: P }, (_, i) => 1 / Math.pow(i + 10, 0.6));
  const cumulative: number[] = [];
  popularity.reduce((acc, w, i) => (cumulative[i] = acc + w), 0);
  const total = cumulative[P - 1];
  const pickPopular = () => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = P - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const seen = new Set<number>();
  const meetings: MeetingRequest[] = [];
  const degree = new Int32Array(P);
  while (meetings.length < 15000) {
    const a = rng.int(P);
    const b = pickPopular();
    if (a === b || degree[b] >= 30 || seen.has(Math.min(a, b) * P + Math.max(a, b))) continue;
    seen.add(Math.min(a, b) * P + Math.max(a, b));
    degree[a]++;
    degree[b]++;
    const w = rng.next();
    const window: Window = w < 0.1 ? 'morning' : w < 0.2 ? 'afternoon' : 'any';
    const q = rng.next();
    const m: MeetingRequest = { a, b, window, priority: q < 0.1 ? 2 : q < 0.3 ? 1 : 0 };
    if (rng.next() < 0.01) m.fixedSlot = rng.int(S);
    meetings.push(m);
  }
  // A few meetings were already arranged by hand, some with a table.
  const existing = Array.from({ length: 150 }, (_, i) => ({
    a: rng.int(P),
    b: rng.int(P),
    slot: rng.int(S),
    ...(i % 2 === 0 ? { table: 1 + rng.int(400) } : {}),
  })).filter((e) => e.a !== e.b);
  return { participants, slots, tables: 400, meetings, existing };
}

const published = loadPublished();
let markdown =
  `# Meeting scheduler benchmark\n\nGenerated by \`npm run bench:schedule\` (bench/schedule.bench.ts) on ${new Date().toISOString().slice(0, 10)}, ` +
  `Node ${process.version}, seed 1 (and seed 1,000,001 in a second worker thread, the better kept, as the API does), ` +
  `default deterministic work budget each (20,000 × movable meetings, at most 12 M), ` +
  `wall-clock safety cap ${capMs} ms per public instance. Times are wall-clock on a shared 2-core machine; ` +
  `holes do not depend on them.\n\n## Approach\n\n${APPROACH.replace(/\n/g, ' ')}\n\n`;

if (onlySynthetic) {
  markdown += '## Public B2B instances\n\nSkipped (BENCH_ONLY=synthetic).\n\n';
} else if (existsSync(b2bDir)) {
  const originals = readdirSync(b2bDir)
    .filter((f) => f.endsWith('.original.dzn'))
    .sort()
    .map((f) => path.join(b2bDir, f));
  const variantsDir = path.join(b2bDir, 'variants');
  const variants = existsSync(variantsDir)
    ? readdirSync(variantsDir)
        .filter((f) => f.endsWith('.dzn'))
        .sort()
        .map((f) => path.join(variantsDir, f))
    : [];
  markdown +=
    `## Public B2B instances\n\nPublished: MaxSAT (UWrMaxSat) optima from Bofill et al., JAIR 2022, with their fairness bound d = 2 ` +
    `(so "infeasible with d=2" rows have no published value to compare), 2 h limit on a 3.1 GHz Xeon.\n\n`;
  const originalRows = await runDzn(originals, published);
  markdown += table('Originals', originalRows) + '\n';
  if (refineMs > 0)
    markdown += (await refinementTable('originals', originalRows, originals, refineMs)) + '\n';
  if (variants.length > 0) {
    const variantRows = await runDzn(variants, published);
    markdown += table('Variants (random forbidden slots, fixed meetings)', variantRows) + '\n';
    if (variantRefineMs > 0)
      markdown +=
        (await refinementTable('variants', variantRows, variants, variantRefineMs)) + '\n';
  }
} else {
  markdown += `## Public B2B instances\n\nSkipped: ${b2bDir} not found (set B2B_DIR).\n\n`;
}

const input = syntheticConvention(2026);
// The engine runs in worker threads of this process: its resident memory covers them, sampled every 20 ms.
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
// When each count of placed meetings was first reported (progress comes every 100 ms or so).
const placedAt = new Map<number, number>();
const t0 = performance.now();
const members = await runPortfolio(
  input,
  { seed: 1, refineMs: 0, timeLimitMs: syntheticCapMs },
  (p) => {
    if (!placedAt.has(p.placed)) placedAt.set(p.placed, performance.now() - t0);
  },
);
const ms = performance.now() - t0;
const result = mergePortfolio(members);
// Either member stopped by the clock makes the kept result depend on the machine (the other might have won).
const capHit = members.some((m) => m.stats.capHit);
// The placed set is final once construction and repair end: the annealing only moves meetings.
const placedMs = Math.min(
  ...[...placedAt].filter(([n]) => n >= result.stats.placed).map(([, at]) => at),
);
clearInterval(sampler);
const check = validate(input, result);
const s = result.stats;
const reasons = new Map<string, number>();
for (const u of result.unplaced) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1);
console.log(
  `synthetic: placed ${s.placed}/${s.meetings}, bound ${s.upperBound}, holes ${check.holes}, ${ms.toFixed(0)} ms, work ${s.iterations}, cap hit ${capHit}, valid ${check.ok}`,
);
if (!check.ok) console.error(check.violations.slice(0, 10).join('\n'));
const mb = (x: number) => (x / 1024 / 1024).toFixed(0);
markdown +=
  `## Synthetic convention\n\n3,000 participants, 15,000 wished meetings (skewed popularity, at most 30 per person), 34 slots over ` +
  `two days (17 per day: 8 morning, 9 afternoon), 400 tables per slot, 15% of people away for a half-day and 10% for two ` +
  `scattered slots, 10% morning-only and 10% afternoon-only requests, priorities 0/1/2 (70/20/10%), 1% fixed ` +
  `meetings, ${input.existing?.length ?? 0} existing meetings (half with a table). Default work budget in each of ` +
  `the ${PORTFOLIO} worker threads, ` +
  `wall-clock safety cap ${syntheticCapMs} ms.\n\n` +
  `| metric | value |\n|---|---:|\n` +
  `| wished meetings | ${s.meetings} |\n` +
  `| placed | ${s.placed} |\n` +
  `| upper bound on placeable | ${s.upperBound} |\n` +
  `| placed / upper bound | ${((100 * s.placed) / s.upperBound).toFixed(2)} % |\n` +
  `| placed weight / total weight | ${s.placedWeight} / ${s.totalWeight} |\n` +
  `| holes (total) | ${check.holes} |\n` +
  `| max holes for one person | ${s.maxHolesPerParticipant} |\n` +
  `| max unplaced requests for one person | ${s.maxUnplacedPerParticipant} |\n` +
  `| unplaced by reason | ${[...reasons].map(([k, v]) => `${k}: ${v}`).join(', ')} |\n` +
  `| existing meetings kept | ${result.existing.filter((e) => e !== null).length} / ${result.existing.length} |\n` +
  `| all placed meetings in place after (progress reports) | ${placedMs.toFixed(0)} ms |\n` +
  `| time | ${ms.toFixed(0)} ms |\n` +
  `| work (moves' meetings touched) | ${s.iterations} |\n` +
  `| wall-clock cap hit (either member) | ${capHit ? 'yes' : 'no'} |\n` +
  `| peak memory (rss, ${PORTFOLIO} workers) | ${mb(peakRss)} MB |\n` +
  `| all hard constraints hold | ${check.ok ? 'yes' : 'NO'} |\n`;

// The organizer's "more time" option on a convention this size, as in the API.
if (refineMs > 0) {
  const t1 = performance.now();
  const refined = await runSchedule(input, { seed: 1, refineMs, timeLimitMs: syntheticCapMs });
  const refinedMs = performance.now() - t1;
  const refinedCheck = validate(input, refined);
  console.log(
    `synthetic, ${refineMs / 1000} s more: holes ${refinedCheck.holes}, placed ${refined.stats.placed}, restarts ${refined.refined?.restarts}, valid ${refinedCheck.ok}`,
  );
  markdown +=
    `\nWith refineSeconds = ${refineMs / 1000} (see above): ` +
    `${refined.stats.placed} placed, ${refinedCheck.holes} holes (${check.holes} without), ` +
    `${refined.refined?.restarts} restarts, ${refined.refined?.improvements} exact improvements, ` +
    `${(refinedMs / 1000).toFixed(1)} s in all, hard constraints ${refinedCheck.ok ? 'hold' : 'VIOLATED'}.\n`;
}

mkdirSync(path.join(repoRoot, 'docs'), { recursive: true });
writeFileSync(path.join(repoRoot, 'docs', 'scheduling.md'), markdown);
console.log(`wrote ${path.join(repoRoot, 'docs', 'scheduling.md')}`);
