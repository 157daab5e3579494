import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDzn } from './dzn.js';
import { schedule } from './engine.js';
import { validate } from './validate.js';

// The public instances live next to the repository: <repo>/../shared/bench/b2b (or $B2B_DIR).
const repoRoot = path.resolve(process.cwd());
const b2bDir = process.env.B2B_DIR ?? path.resolve(repoRoot, '..', 'shared', 'bench', 'b2b');
const haveData = existsSync(path.join(b2bDir, 'published-maxsat.csv'));
if (!haveData)
  console.warn(
    `B2B instances not found in ${b2bDir}: skipping the public-instance tests (set B2B_DIR).`,
  );
const describeData = haveData ? describe : describe.skip;

function publishedOptimum(instance: string): number {
  const rows = readFileSync(path.join(b2bDir, 'published-maxsat.csv'), 'utf8').trim().split('\n');
  const row = rows
    .map((r) => r.trim().split(','))
    .find((c) => c[1] === 'original(d=2)' && c[2] === instance && c[6] === 'optimal');
  if (!row) throw new Error(`no published optimum for ${instance}`);
  return Number(row[5]);
}

describe('parseDzn', () => {
  it('reads sizes, sessions, forbidden slots and fixed meetings (1-based to 0-based)', () => {
    const text = `nBusiness = 3;\nnMeetings = 2;\nnTables = 1;\nnTotalSlots = 4;\nnMorningSlots = 2;\n
requested = [|1, 2,1, \n|3, 2,3, \n|];\nforbidden = [{0,4},\n{},\n{2..3}];\nfixed = [0,3];\nprecedences = [{},{}];\n`;
    const { input } = parseDzn(text);
    expect(input.participants.map((p) => p.unavailable)).toEqual([[3], [], [1, 2]]);
    expect(input.slots.map((s) => s.period)).toEqual([
      'morning',
      'morning',
      'afternoon',
      'afternoon',
    ]);
    expect(input.meetings).toEqual([
      { a: 0, b: 1, window: 'morning' },
      { a: 2, b: 1, window: 'any', fixedSlot: 2 },
    ]);
    expect(input.tables).toBe(1);
  });
});

describeData('public B2B instances', () => {
  const load = (name: string) =>
    parseDzn(readFileSync(path.join(b2bDir, `${name}.original.dzn`), 'utf8')).input;

  // Default deterministic work budget; the generous wall-clock cap must not be what stops the search.
  it.each(['tic-12', 'tic-12crafc', 'tic-13crafb', 'tic-14crafd', 'forumt-14', 'forumt-14crafd'])(
    '%s: every meeting placed, holes at most the published MaxSAT optimum',
    (name) => {
      const input = load(name);
      const result = schedule(input, { seed: 1, timeLimitMs: 20_000 });
      const check = validate(input, result);
      expect(check.violations).toEqual([]);
      expect(result.stats.capHit).toBe(false);
      expect(check.placed).toBe(input.meetings.length);
      expect(result.stats.upperBound).toBe(input.meetings.length);
      expect(result.stats.holesLowerBound).toBeLessThanOrEqual(check.holes);
      expect(check.holes).toBeLessThanOrEqual(publishedOptimum(name));
    },
  );

  it('proves forumt-14 optimal: its per-person lower bound equals the published optimum', () => {
    const input = load('forumt-14');
    const result = schedule(input, { seed: 1, timeLimitMs: 20_000 });
    expect(result.stats.holesLowerBound).toBe(publishedOptimum('forumt-14'));
    expect(result.stats.holes).toBe(result.stats.holesLowerBound);
  });

  it('gives the same schedule for the same seed with the default budget', () => {
    const input = load('tic-12crafc');
    const x = schedule(input, { seed: 5, timeLimitMs: 20_000 });
    const y = schedule(input, { seed: 5, timeLimitMs: 20_000 });
    expect(x.stats.capHit).toBe(false);
    expect(y.assignments).toEqual(x.assignments);
    expect(y.stats.iterations).toBe(x.stats.iterations);
  });

  it('keeps the fixed meetings of a variant', () => {
    const { input } = parseDzn(
      readFileSync(path.join(b2bDir, 'variants', 'tic-12.fixed020-Forb.dzn'), 'utf8'),
    );
    expect(input.meetings.some((m) => m.fixedSlot !== undefined)).toBe(true);
    const result = schedule(input, { seed: 1, timeLimitMs: 20_000 });
    const check = validate(input, result);
    expect(check.violations).toEqual([]);
    expect(check.placed).toBe(input.meetings.length);
  });
});
