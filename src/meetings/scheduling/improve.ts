import type { Control } from './control.js';
import { PersonSolver } from './person.js';
import type { Problem } from './problem.js';
import type { Rng } from './rng.js';
import type { State } from './state.js';

// Module-level aliases: global lookups are slow inside Jest's VM sandbox, locals are not.
const { exp, max, pow } = Math;

// Fairness enters the cost as a small term on the sum of squared holes per person, below one hole.
const FAIR = 0.01;
// Idle slots inside a person's day give the annealer a slope towards closing holes.
const IDLE = 0.3;
// Annealing rounds (reheated from the best schedule) over the work budget, and their temperature range in holes.
// One slow cooling beat several short ones on the public instances; starting hotter (1.0 rather than 0.7)
// with more focus (0.8 rather than 0.6) on people with avoidable holes cut the holes on the originals (seeds 1-3).
const ROUNDS = 1;
const T0 = 1.0;
const T1 = 0.1;
// Move mix: share of moves aimed at people with holes, of targets next to the person's other meetings,
// and of column-block rotations (up to ROTATE_MAX slots wide).
const FOCUS = 0.8;
const NEAR = 0.5;
const ROTATE = 0.05;
const ROTATE_MAX = 6;
// Share of moves that re-solve all meetings of one person at once (see PersonSolver).
const PERSON = 0.005;

// Simulated annealing on holes over feasible schedules; the placed set never changes here.
// Moves: Kempe chains between two slots (a single move when the chain is one meeting), whole-slot swaps,
// column rotations and whole-person re-solves. Work is counted in meetings touched, so budgets track CPU time.
// lbP[p] = 1 when person p provably keeps a hole: the focus goes to people with more holes than that.
export function improve(
  pb: Problem,
  st: State,
  rng: Rng,
  ctl: Control,
  lb: number,
  lbP: Uint8Array,
): void {
  const { M, S, P, a, b, fixed, allowed, cap, domStart, domList } = pb;
  const movable: number[] = [];
  for (let m = 0; m < M; m++) if (st.slotOf[m] >= 0 && fixed[m] < 0) movable.push(m);
  if (movable.length === 0 || st.holes <= lb) return;

  const personStart = new Int32Array(P + 1);
  for (const m of movable) {
    personStart[a[m] + 1]++;
    personStart[b[m] + 1]++;
  }
  for (let p = 0; p < P; p++) personStart[p + 1] += personStart[p];
  const personList = new Int32Array(personStart[P]);
  const fill = personStart.slice(0, P);
  for (const m of movable) {
    personList[fill[a[m]]++] = m;
    personList[fill[b[m]]++] = m;
  }

  const chain = new Int32Array(M);
  const from = new Int32Array(M);
  const mark = new Int32Array(M);
  let stamp = 0;
  let len = 0;

  // Grows the chain from m0 between slots s and t; false when a member is pinned or cannot use its new slot.
  const grow = (m0: number, s: number, t: number): boolean => {
    if (mark[m0] === stamp) return true;
    mark[m0] = stamp;
    chain[len++] = m0;
    for (let i = len - 1; i < len; i++) {
      const m = chain[i];
      const to = st.slotOf[m] === s ? t : s;
      if (fixed[m] >= 0 || !allowed[m * S + to]) return false;
      const oa = st.occ[a[m] * S + to];
      if (oa >= 0 && mark[oa] !== stamp) {
        mark[oa] = stamp;
        chain[len++] = oa;
      }
      const ob = st.occ[b[m] * S + to];
      if (ob >= 0 && mark[ob] !== stamp) {
        mark[ob] = stamp;
        chain[len++] = ob;
      }
    }
    return true;
  };

  const fits = (s: number, t: number): boolean => {
    let ns = 0;
    for (let i = 0; i < len; i++) if (st.slotOf[chain[i]] === s) ns++;
    const nt = len - ns;
    return st.load[t] - nt + ns <= cap[t] && st.load[s] - ns + nt <= cap[s];
  };

  const apply = (s: number, t: number): void => {
    for (let i = 0; i < len; i++) {
      from[i] = st.slotOf[chain[i]];
      st.remove(chain[i]);
    }
    for (let i = 0; i < len; i++) st.place(chain[i], from[i] === s ? t : s);
  };
  const undo = (): void => {
    for (let i = 0; i < len; i++) st.remove(chain[i]);
    for (let i = 0; i < len; i++) st.place(chain[i], from[i]);
  };

  const solver = new PersonSolver(pb, st, personStart, personList);
  const noise = () => rng.next() * 0.01;
  const cost = () => st.holes + FAIR * st.sumSq + IDLE * st.idle;
  let best = st.snapshot();
  let bestHoles = st.holes;
  let bestSq = st.sumSq;
  // Each reheated round cools over an equal share of the work budget, so the schedule fits any budget.
  const roundWork = max(1, (ctl.maxIterations - ctl.iterations) / ROUNDS);
  let it = 0;

  outer: for (;;) {
    const roundStart = ctl.iterations;
    for (; ctl.iterations - roundStart < roundWork; it++) {
      if ((it & 255) === 0) {
        if (ctl.outOfBudget()) break outer;
        ctl.report(0.4 + 0.6 * ctl.workFraction(), {
          phase: 'improve',
          placed: st.placed,
          holes: bestHoles,
        });
      }
      ctl.iterations++;
      const temp = T0 * pow(T1 / T0, (ctl.iterations - roundStart) / roundWork);
      let m = movable[rng.int(movable.length)];
      let p = rng.next() < 0.5 ? a[m] : b[m];
      if (st.holes > lb && rng.next() < FOCUS) {
        // Focus on people who have avoidable holes: pick one of their meetings.
        for (let tries = 0; tries < 4 && st.holesP[p] <= lbP[p]; tries++) {
          m = movable[rng.int(movable.length)];
          p = rng.next() < 0.5 ? a[m] : b[m];
        }
        const n = personStart[p + 1] - personStart[p];
        if (n === 0) continue;
        m = personList[personStart[p] + rng.int(n)];
      }
      if (rng.next() < PERSON) {
        const before = cost();
        const w0 = solver.work;
        if (!solver.resolve(p, IDLE, noise)) continue;
        ctl.iterations += (solver.work - w0) >> 6;
        const delta = cost() - before;
        if (delta <= 0 || rng.next() < exp(-delta / temp)) {
          if (st.holes < bestHoles || (st.holes === bestHoles && st.sumSq < bestSq)) {
            bestHoles = st.holes;
            bestSq = st.sumSq;
            best = st.snapshot();
            if (bestHoles <= lb) break outer;
          }
        } else solver.undo();
        continue;
      }
      if (rng.next() < ROTATE) {
        // Rotate a block of whole slot columns: people whose meetings all lie inside keep their runs.
        const s0 = rng.int(S);
        const w = 2 + rng.int(ROTATE_MAX - 1);
        const s1 = s0 + w - 1;
        if (s1 >= S) continue;
        const dir = rng.next() < 0.5 ? 1 : -1;
        const dest = (x: number) => (dir === 1 ? (x === s1 ? s0 : x + 1) : x === s0 ? s1 : x - 1);
        let ok = true;
        len = 0;
        for (let x = s0; x <= s1 && ok; x++) {
          const to = dest(x);
          if (st.load[x] > cap[to]) ok = false;
          for (let i = st.memStart[x], e = i + st.load[x]; i < e && ok; i++) {
            const mm = st.members[i];
            if (fixed[mm] >= 0 || !allowed[mm * S + to]) ok = false;
            else chain[len++] = mm;
          }
        }
        if (!ok || len === 0) continue;
        const before = cost();
        for (let i = 0; i < len; i++) {
          from[i] = st.slotOf[chain[i]];
          st.remove(chain[i]);
        }
        for (let i = 0; i < len; i++) st.place(chain[i], dest(from[i]));
        const delta = cost() - before;
        if (delta <= 0 || rng.next() < exp(-delta / temp)) {
          if (st.holes < bestHoles || (st.holes === bestHoles && st.sumSq < bestSq)) {
            bestHoles = st.holes;
            bestSq = st.sumSq;
            best = st.snapshot();
            if (bestHoles <= lb) break outer;
          }
        } else undo();
        continue;
      }
      const s = st.slotOf[m];
      const nd = domStart[m + 1] - domStart[m];
      if (nd < 2) continue;
      let t: number;
      const n = personStart[p + 1] - personStart[p];
      if (n > 1 && rng.next() < NEAR) {
        // Aim next to another meeting of the same person, where a hole could close.
        const o = st.slotOf[personList[personStart[p] + rng.int(n)]];
        t = rng.next() < 0.5 ? o - 1 : o + 1;
        if (t < 0 || t >= S || !allowed[m * S + t]) continue;
      } else t = domList[domStart[m] + rng.int(nd)];
      if (t === s) continue;
      stamp++;
      len = 0;
      const whole = rng.next() < 0.03;
      let ok = true;
      if (whole) {
        for (let i = st.memStart[s], e = i + st.load[s]; i < e && ok; i++)
          ok = grow(st.members[i], s, t);
        for (let i = st.memStart[t], e = i + st.load[t]; i < e && ok; i++)
          ok = grow(st.members[i], s, t);
      } else {
        ok = grow(m, s, t);
        if (ok && !fits(s, t) && st.load[t] > 0) {
          // Balance the table count with a second chain started from the target slot.
          ok = grow(st.members[st.memStart[t] + rng.int(st.load[t])], s, t);
        }
      }
      ctl.iterations += len;
      if (!ok || len === 0 || !fits(s, t)) continue;
      const before = cost();
      apply(s, t);
      const delta = cost() - before;
      if (delta <= 0 || rng.next() < exp(-delta / temp)) {
        if (st.holes < bestHoles || (st.holes === bestHoles && st.sumSq < bestSq)) {
          bestHoles = st.holes;
          bestSq = st.sumSq;
          best = st.snapshot();
          if (bestHoles <= lb) break outer;
        }
      } else undo();
    }
    st.restore(best);
  }
  st.restore(best);
}
