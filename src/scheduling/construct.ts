import type { Control } from './control.js';
import type { Problem } from './problem.js';
import type { Rng } from './rng.js';
import type { State } from './state.js';

// Module-level aliases: global lookups are slow inside Jest's VM sandbox, locals are not.
const { max, min } = Math;
const INF = Number.POSITIVE_INFINITY;

// Most-constrained-first greedy: heavier meetings first, then fewest allowed slots, then busiest participants.
export function greedy(pb: Problem, st: State, rng: Rng): void {
  const { M, S, a, b, fixed, active, weight, domStart, domList, degree } = pb;
  for (let m = 0; m < M; m++) if (active[m] && fixed[m] >= 0) st.place(m, fixed[m]);
  const order: number[] = [];
  for (let m = 0; m < M; m++) if (active[m] && fixed[m] < 0) order.push(m);
  const noise = new Float64Array(M);
  for (let m = 0; m < M; m++) noise[m] = rng.next();
  const dom = (m: number) => domStart[m + 1] - domStart[m];
  order.sort(
    (x, y) =>
      weight[y] - weight[x] ||
      dom(x) - dom(y) ||
      degree[a[y]] + degree[b[y]] - degree[a[x]] - degree[b[x]] ||
      noise[x] - noise[y],
  );
  for (const m of order) {
    let best = -1;
    let bestScore = INF;
    for (let i = domStart[m]; i < domStart[m + 1]; i++) {
      const s = domList[i];
      if (!st.canPlace(m, s)) continue;
      const score = st.personDelta(a[m], s, 1) + st.personDelta(b[m], s, 1) + rng.next() * 0.5;
      if (score < bestScore) {
        bestScore = score;
        best = s;
      }
    }
    if (best >= 0) st.place(m, best);
  }
  void S;
}

// Ejection chains: an unplaced meeting takes the slot whose blockers weigh least; blockers go back in the queue.
export function repair(
  pb: Problem,
  st: State,
  rng: Rng,
  ctl: Control,
  iterLimit: number,
  target: number,
): void {
  const { M, S, a, b, fixed, active, weight, domStart, domList, degree, allowed, cap } = pb;
  const queue: number[] = [];
  for (let m = 0; m < M; m++) if (active[m] && st.slotOf[m] < 0) queue.push(m);
  if (queue.length === 0) return;
  queue.sort((x, y) => weight[y] - weight[x] || x - y);
  const protectedUntil = new Int32Array(M);
  const sideways = new Uint32Array(M);
  let best = st.snapshot();
  let bestWeight = st.placedWeight;
  let bestCount = st.placed;
  let sinceBest = 0;
  // Stall limit only matters when the bound is loose; the work budget normally ends the repair first.
  const stall = max(200_000, 50 * queue.length);
  let head = 0;
  let iter = 0;

  // A full-slot blocker that can hop straight to another free slot is cheaper than an eviction.
  const relocation = (c: number, avoid: number): number => {
    for (let i = domStart[c]; i < domStart[c + 1]; i++) {
      const s = domList[i];
      if (s !== avoid && st.canPlace(c, s)) return s;
    }
    return -1;
  };
  const unplacedOf = (p: number) => degree[p] - st.placedP[p];

  while (head < queue.length && bestCount < target) {
    if ((++iter & 63) === 0) {
      if (ctl.outOfBudget() || ctl.iterations >= iterLimit) break;
      ctl.report(0.1 + 0.3 * ctl.workFraction(), {
        phase: 'repair',
        placed: st.placed,
        holes: st.holes,
      });
    }
    ctl.iterations++;
    if (sinceBest++ > stall) break;
    const m = queue[head++];
    if (head > 4096 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
    if (st.slotOf[m] >= 0) continue;
    let bestS = -1;
    let bestCost = INF;
    let bestCap = -1;
    let bestCapTo = -1;
    for (let i = domStart[m]; i < domStart[m + 1]; i++) {
      const s = domList[i];
      const ea = st.occ[a[m] * S + s];
      const eb = st.occ[b[m] * S + s];
      if ((ea >= 0 && fixed[ea] >= 0) || (eb >= 0 && fixed[eb] >= 0)) continue;
      let cost = 0;
      let freed = 0;
      for (const e of ea === eb ? [ea] : [ea, eb]) {
        if (e < 0) continue;
        freed++;
        // A blocker that can hop to another free slot costs (almost) nothing: it moves, it stays placed.
        cost +=
          relocation(e, s) >= 0
            ? 0.01
            : weight[e] +
              (protectedUntil[e] > iter ? 4 * weight[m] : 0) +
              0.02 * (unplacedOf(a[e]) + unplacedOf(b[e]));
      }
      let capVictim = -1;
      let capTo = -1;
      if (st.load[s] - freed >= cap[s]) {
        let victimCost = INF;
        const base = st.memStart[s];
        const n = st.load[s];
        for (let k = 0; k < min(8, n); k++) {
          const c = st.members[base + rng.int(n)];
          if (c === ea || c === eb || fixed[c] >= 0) continue;
          const to = relocation(c, s);
          const vc = to >= 0 ? 0 : weight[c] + (protectedUntil[c] > iter ? 4 * weight[m] : 0);
          if (vc < victimCost) {
            victimCost = vc;
            capVictim = c;
            capTo = to;
            if (vc === 0) break;
          }
        }
        if (capVictim < 0) continue;
        cost += victimCost;
      }
      cost += rng.next() * 0.3;
      if (cost < bestCost) {
        bestCost = cost;
        bestS = s;
        bestCap = capVictim;
        bestCapTo = capTo;
      }
    }
    if (bestS < 0) continue;
    // A sideways move (ejecting as much weight as it places) is taken every other time it comes up: always taking
    // it lets a few meetings chase each other round one slot for ever while a disjoint pair stays out.
    if (bestCost >= weight[m] && (sideways[m]++ & 1) === 1) {
      queue.push(m);
      continue;
    }
    for (const p of [a[m], b[m]]) {
      const e = st.occ[p * S + bestS];
      if (e >= 0) {
        st.remove(e);
        const to = relocation(e, bestS);
        if (to >= 0) st.place(e, to);
        else queue.push(e);
      }
    }
    if (bestCap >= 0 && st.slotOf[bestCap] === bestS && st.load[bestS] >= cap[bestS]) {
      st.remove(bestCap);
      if (bestCapTo >= 0 && allowed[bestCap * S + bestCapTo] && st.canPlace(bestCap, bestCapTo))
        st.place(bestCap, bestCapTo);
      else queue.push(bestCap);
    }
    st.place(m, bestS);
    protectedUntil[m] = iter + 10 + rng.int(10);
    if (st.placedWeight > bestWeight + 1e-9) {
      bestWeight = st.placedWeight;
      bestCount = st.placed;
      best = st.snapshot();
      sinceBest = 0;
    }
  }
  st.restore(best);
}
