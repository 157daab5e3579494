import type { Control } from './control.js';
import { PersonSolver } from './person.js';
import type { Problem } from './problem.js';
import type { Rng } from './rng.js';
import { holesOfMask, idleOfMask, type State } from './state.js';

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

// Tests switch this on to apply every priced move as well and compare the two costs (slow).
export const debug = { checkDeltas: false, checked: 0 };

function checkDelta(applied: number, priced: number): void {
  debug.checked++;
  if (Math.abs(applied - priced) > 1e-9)
    throw new Error(`priced move delta ${priced} differs from the applied one ${applied}`);
}

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

  // Change in holes, squared holes and idle slots if the chain swapped slots s and t. Every participant of a
  // chain member has all their meetings at s and t in the chain, so their day masks just swap those two bits.
  const pmark = new Int32Array(P);
  let pstamp = 0;
  let dHoles = 0;
  let dSq = 0;
  let dIdle = 0;
  const { D, day } = pb;
  const swapDelta = (s: number, t: number): void => {
    dHoles = 0;
    dSq = 0;
    dIdle = 0;
    pstamp++;
    const ks = day[s];
    const kt = day[t];
    const bs = 1 << (s - st.dayFirst[s]);
    const bt = 1 << (t - st.dayFirst[t]);
    for (let i = 0; i < len; i++) {
      const m = chain[i];
      for (let side = 0; side < 2; side++) {
        const p = side === 0 ? a[m] : b[m];
        if (pmark[p] === pstamp) continue;
        pmark[p] = pstamp;
        const ms = st.mask[p * D + ks];
        const hs = (ms & bs) !== 0;
        const ht = (st.mask[p * D + kt] & bt) !== 0;
        if (hs === ht) continue;
        let dh: number;
        if (ks === kt) {
          const nm = ms ^ bs ^ bt;
          dh = holesOfMask(nm) - holesOfMask(ms);
          dIdle += idleOfMask(nm) - idleOfMask(ms);
        } else {
          const mt = st.mask[p * D + kt];
          const ns = ms ^ bs;
          const nt = mt ^ bt;
          dh = holesOfMask(ns) - holesOfMask(ms) + holesOfMask(nt) - holesOfMask(mt);
          dIdle += idleOfMask(ns) - idleOfMask(ms) + idleOfMask(nt) - idleOfMask(mt);
        }
        if (dh !== 0) {
          const h = st.holesP[p];
          dHoles += dh;
          dSq += (h + dh) * (h + dh) - h * h;
        }
      }
    }
  };

  // Same for rotating the w columns from s0 (one day) by one step in direction dir (chain = their meetings).
  const rotateDelta = (s0: number, w: number, dir: number): void => {
    dHoles = 0;
    dSq = 0;
    dIdle = 0;
    pstamp++;
    const k = day[s0];
    const off = s0 - st.dayFirst[s0];
    const full = (1 << w) - 1;
    for (let i = 0; i < len; i++) {
      const m = chain[i];
      for (let side = 0; side < 2; side++) {
        const p = side === 0 ? a[m] : b[m];
        if (pmark[p] === pstamp) continue;
        pmark[p] = pstamp;
        const old = st.mask[p * D + k];
        const blk = (old >>> off) & full;
        const rot =
          dir === 1
            ? ((blk << 1) | (blk >>> (w - 1))) & full
            : (blk >>> 1) | ((blk & 1) << (w - 1));
        if (rot === blk) continue;
        const nm = (old & ~(full << off)) | (rot << off);
        const dh = holesOfMask(nm) - holesOfMask(old);
        dIdle += idleOfMask(nm) - idleOfMask(old);
        if (dh !== 0) {
          const h = st.holesP[p];
          dHoles += dh;
          dSq += (h + dh) * (h + dh) - h * h;
        }
      }
    }
  };

  const solver = new PersonSolver(pb, st, personStart, personList);
  const noise = () => rng.next() * 0.01;
  const cost = () => st.holes + FAIR * st.sumSq + IDLE * st.idle;
  const best = st.snapshot();
  let bestHoles = st.holes;
  let bestSq = st.sumSq;
  // Each reheated round cools over an equal share of the work budget, so the schedule fits any budget.
  const roundWork = max(1, (ctl.maxIterations - ctl.iterations) / ROUNDS);
  let it = 0;
  let temp = T0;
  // People with more holes than their lower bound, sampled by focused moves. Drawing random meetings until
  // one belongs to such a person (4 tries before) mostly missed them once few were left.
  const badList = new Int32Array(P);
  let nBad = 0;
  const refreshBad = (): void => {
    nBad = 0;
    for (let q = 0; q < P; q++)
      if (st.holesP[q] > lbP[q] && personStart[q + 1] > personStart[q]) badList[nBad++] = q;
  };

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
        refreshBad();
        // The cooling schedule moves in steps of 256 moves: pow is not free.
        temp = T0 * pow(T1 / T0, (ctl.iterations - roundStart) / roundWork);
      }
      ctl.iterations++;
      let m = movable[rng.int(movable.length)];
      let p = rng.chance(0.5) ? a[m] : b[m];
      if (st.holes > lb && rng.chance(FOCUS)) {
        // Focus on people who have avoidable holes (the list is refreshed every 256 moves): one of their meetings.
        if (nBad > 0) p = badList[rng.int(nBad)];
        const n = personStart[p + 1] - personStart[p];
        if (n === 0) continue;
        m = personList[personStart[p] + rng.int(n)];
      }
      if (rng.chance(PERSON)) {
        const before = cost();
        const w0 = solver.work;
        if (!solver.resolve(p, IDLE, noise)) continue;
        ctl.iterations += (solver.work - w0) >> 6;
        const delta = cost() - before;
        if (delta <= 0 || rng.chance(exp(-delta / temp))) {
          if (st.holes < bestHoles || (st.holes === bestHoles && st.sumSq < bestSq)) {
            bestHoles = st.holes;
            bestSq = st.sumSq;
            best.set(st.slotOf);
            if (bestHoles <= lb) break outer;
          }
        } else solver.undo();
        continue;
      }
      if (rng.chance(ROTATE)) {
        // Rotate a block of whole slot columns: people whose meetings all lie inside keep their runs.
        const s0 = rng.int(S);
        const w = 2 + rng.int(ROTATE_MAX - 1);
        const s1 = s0 + w - 1;
        if (s1 >= S) continue;
        const dir = rng.chance(0.5) ? 1 : -1;
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
        if (st.useMask && day[s0] === day[s1]) {
          // Priced from the day bitmasks first, as for Kempe chains; applied only when accepted.
          rotateDelta(s0, w, dir);
          const d = st.holes + dHoles + FAIR * (st.sumSq + dSq) + IDLE * (st.idle + dIdle) - before;
          if (debug.checkDeltas) {
            for (let i = 0; i < len; i++) {
              from[i] = st.slotOf[chain[i]];
              st.remove(chain[i]);
            }
            for (let i = 0; i < len; i++) st.place(chain[i], dest(from[i]));
            checkDelta(cost() - before, d);
            undo();
          }
          if (d > 0 && !rng.chance(exp(-d / temp))) continue;
          for (let i = 0; i < len; i++) {
            from[i] = st.slotOf[chain[i]];
            st.remove(chain[i]);
          }
          for (let i = 0; i < len; i++) st.place(chain[i], dest(from[i]));
          if (st.holes < bestHoles || (st.holes === bestHoles && st.sumSq < bestSq)) {
            bestHoles = st.holes;
            bestSq = st.sumSq;
            best.set(st.slotOf);
            if (bestHoles <= lb) break outer;
          }
          continue;
        }
        for (let i = 0; i < len; i++) {
          from[i] = st.slotOf[chain[i]];
          st.remove(chain[i]);
        }
        for (let i = 0; i < len; i++) st.place(chain[i], dest(from[i]));
        const delta = cost() - before;
        if (delta <= 0 || rng.chance(exp(-delta / temp))) {
          if (st.holes < bestHoles || (st.holes === bestHoles && st.sumSq < bestSq)) {
            bestHoles = st.holes;
            bestSq = st.sumSq;
            best.set(st.slotOf);
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
      if (n > 1 && rng.chance(NEAR)) {
        // Aim next to another meeting of the same person, where a hole could close.
        const o = st.slotOf[personList[personStart[p] + rng.int(n)]];
        t = rng.chance(0.5) ? o - 1 : o + 1;
        if (t < 0 || t >= S || !allowed[m * S + t]) continue;
      } else t = domList[domStart[m] + rng.int(nd)];
      if (t === s) continue;
      stamp++;
      len = 0;
      const whole = rng.chance(0.03);
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
      let delta: number;
      if (st.useMask) {
        // Priced from the day bitmasks without touching the state; applied only when accepted.
        swapDelta(s, t);
        delta = st.holes + dHoles + FAIR * (st.sumSq + dSq) + IDLE * (st.idle + dIdle) - before;
        if (debug.checkDeltas) {
          apply(s, t);
          checkDelta(cost() - before, delta);
          undo();
        }
        if (delta > 0 && !rng.chance(exp(-delta / temp))) continue;
        apply(s, t);
      } else {
        apply(s, t);
        delta = cost() - before;
        if (delta > 0 && !rng.chance(exp(-delta / temp))) {
          undo();
          continue;
        }
      }
      if (st.holes < bestHoles || (st.holes === bestHoles && st.sumSq < bestSq)) {
        bestHoles = st.holes;
        bestSq = st.sumSq;
        best.set(st.slotOf);
        if (bestHoles <= lb) break outer;
      }
    }
    st.restore(best);
  }
  st.restore(best);
}
