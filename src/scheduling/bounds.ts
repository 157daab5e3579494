import { MaxFlow } from './maxflow.js';
import type { Problem } from './problem.js';

// Upper bound on the number of requested meetings that can be placed, as the minimum of two relaxations:
// (1) tables only: a flow from meetings (grouped by allowed-slot set) to slots with the free table counts;
// (2) people only: a fractional b-matching where a person meets at most as many people as they have usable slots,
//     computed exactly as half the max flow on the bipartite double cover of the meeting graph.
// Fixed/existing meetings are already placed and are counted (fixed requests) or subtracted from capacity.
export function upperBound(pb: Problem): number {
  const { M, R, S, P, a, b, fixed, active, allowed, cap } = pb;
  let fixedPlaced = 0;
  const freeCap = Int32Array.from(cap);
  for (let m = 0; m < M; m++) {
    if (!active[m] || fixed[m] < 0) continue;
    freeCap[fixed[m]]--;
    if (m < R) fixedPlaced++;
  }
  const free: number[] = [];
  for (let m = 0; m < R; m++) if (active[m] && fixed[m] < 0) free.push(m);
  if (free.length === 0) return fixedPlaced;

  const groups = new Map<string, number>();
  for (const m of free) {
    const key = allowed.subarray(m * S, m * S + S).join('');
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  const g = groups.size;
  const tablesFlow = new MaxFlow(g + S + 2);
  const src = g + S;
  const sink = src + 1;
  let gi = 0;
  for (const [key, count] of groups) {
    tablesFlow.add(src, gi, count);
    for (let s = 0; s < S; s++) if (key.charCodeAt(s) === 49) tablesFlow.add(gi, g + s, count);
    gi++;
  }
  for (let s = 0; s < S; s++) if (freeCap[s] > 0) tablesFlow.add(g + s, sink, freeCap[s]);
  const byTables = tablesFlow.run(src, sink);

  // A person's usable slots: those where at least one of their free meetings is allowed.
  const usable = new Uint8Array(P * S);
  for (const m of free)
    for (let s = 0; s < S; s++)
      if (allowed[m * S + s]) {
        usable[a[m] * S + s] = 1;
        usable[b[m] * S + s] = 1;
      }
  const personFlow = new MaxFlow(2 * P + 2);
  const ps = 2 * P;
  const pt = ps + 1;
  for (let p = 0; p < P; p++) {
    let c = 0;
    for (let s = 0; s < S; s++) c += usable[p * S + s];
    if (c === 0) continue;
    personFlow.add(ps, p, c);
    personFlow.add(P + p, pt, c);
  }
  for (const m of free) {
    personFlow.add(a[m], P + b[m], 1);
    personFlow.add(b[m], P + a[m], 1);
  }
  const byPeople = Math.floor(personFlow.run(ps, pt) / 2);
  return fixedPlaced + Math.min(byTables, byPeople, free.length);
}
