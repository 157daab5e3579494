import type { Problem } from './problem.js';
import type { State } from './state.js';

const BIG = 1e6;

// Meetings of each person (placed or not, fixed included), as CSR arrays over active meetings.
export interface PersonIndex {
  start: Int32Array;
  list: Int32Array;
}

export function personIndex(pb: Problem): PersonIndex {
  const { M, P, a, b, active } = pb;
  const start = new Int32Array(P + 1);
  for (let m = 0; m < M; m++)
    if (active[m]) {
      start[a[m] + 1]++;
      start[b[m] + 1]++;
    }
  for (let p = 0; p < P; p++) start[p + 1] += start[p];
  const list = new Int32Array(start[P]);
  const fill = start.slice(0, P);
  for (let m = 0; m < M; m++)
    if (active[m]) {
      list[fill[a[m]]++] = m;
      list[fill[b[m]]++] = m;
    }
  return { start, list };
}

// Min-cost perfect assignment of n rows to n columns (Hungarian with potentials); cost[i*n+j] >= BIG means
// forbidden. Returns the total (>= BIG when infeasible) and fills match[i] = column of row i.
export class Assignment {
  private u: Float64Array;
  private v: Float64Array;
  private minv: Float64Array;
  private way: Int32Array;
  private p: Int32Array;
  private used: Uint8Array;

  constructor(maxN: number) {
    this.u = new Float64Array(maxN + 1);
    this.v = new Float64Array(maxN + 1);
    this.minv = new Float64Array(maxN + 1);
    this.way = new Int32Array(maxN + 1);
    this.p = new Int32Array(maxN + 1);
    this.used = new Uint8Array(maxN + 1);
  }

  solve(n: number, cost: Float64Array, match: Int32Array): number {
    const { u, v, minv, way, p, used } = this;
    u.fill(0, 0, n + 1);
    v.fill(0, 0, n + 1);
    p.fill(0, 0, n + 1);
    for (let i = 1; i <= n; i++) {
      p[0] = i;
      let j0 = 0;
      minv.fill(Infinity, 0, n + 1);
      used.fill(0, 0, n + 1);
      do {
        used[j0] = 1;
        const i0 = p[j0];
        let delta = Infinity;
        let j1 = 0;
        for (let j = 1; j <= n; j++) {
          if (used[j]) continue;
          const cur = cost[(i0 - 1) * n + j - 1] - u[i0] - v[j];
          if (cur < minv[j]) {
            minv[j] = cur;
            way[j] = j0;
          }
          if (minv[j] < delta) {
            delta = minv[j];
            j1 = j;
          }
        }
        for (let j = 0; j <= n; j++) {
          if (used[j]) {
            u[p[j]] += delta;
            v[j] -= delta;
          } else minv[j] -= delta;
        }
        j0 = j1;
      } while (p[j0] !== 0);
      do {
        const j1 = way[j0];
        p[j0] = p[j1];
        j0 = j1;
      } while (j0 !== 0);
    }
    let total = 0;
    for (let j = 1; j <= n; j++) {
      match[p[j] - 1] = j - 1;
      total += cost[(p[j] - 1) * n + j - 1];
    }
    return total;
  }
}

// Holes of one person from a sorted list of their slots (one run per block of adjacent same-day slots).
export function holesOf(pb: Problem, slots: ArrayLike<number>, n: number): number {
  let h = 0;
  for (let i = 1; i < n; i++) {
    const x = slots[i - 1];
    const y = slots[i];
    if (pb.day[x] === pb.day[y] && !(y === x + 1 && pb.adjNext[x])) h++;
  }
  return h;
}

// Lower bound on total holes for the current placed set: a person whose placed meetings cannot be laid out
// as one contiguous run (checked exactly by bipartite matching over every window) has at least one hole.
export function holesLowerBound(
  pb: Problem,
  st: State,
  idx: PersonIndex,
  perPerson?: Uint8Array,
): number {
  const { P, S, fixed, allowed, avail, day, adjNext } = pb;
  let lb = 0;
  const mine: number[] = [];
  const fixedSlots: number[] = [];
  const matchOf = new Int32Array(S);
  const seen = new Int32Array(S);
  let stamp = 0;
  for (let p = 0; p < P; p++) {
    mine.length = 0;
    fixedSlots.length = 0;
    let days = -1;
    let multiDay = false;
    for (let i = idx.start[p]; i < idx.start[p + 1]; i++) {
      const m = idx.list[i];
      const s = st.slotOf[m];
      if (s < 0) continue;
      if (days >= 0 && day[s] !== days) multiDay = true;
      days = day[s];
      if (fixed[m] >= 0) fixedSlots.push(s);
      else mine.push(m);
    }
    const k = mine.length + fixedSlots.length;
    if (k < 2 || multiDay) continue;
    let found = false;
    for (let l = 0; l + k <= S && !found; l++) {
      const r = l + k - 1;
      let ok = true;
      for (let s = l; s < r && ok; s++) if (!adjNext[s]) ok = false;
      for (const f of fixedSlots) if (f < l || f > r) ok = false;
      if (!ok) continue;
      for (let s = l; s <= r; s++)
        matchOf[s] = fixedSlots.includes(s) || !avail[p * S + s] ? -2 : -1;
      // Kuhn's augmenting paths: every movable meeting needs its own slot of the window.
      const tryKuhn = (m: number): boolean => {
        for (let s = l; s <= r; s++) {
          if (!allowed[m * S + s] || seen[s] === stamp || matchOf[s] === -2) continue;
          seen[s] = stamp;
          if (matchOf[s] < 0 || tryKuhn(matchOf[s])) {
            matchOf[s] = m;
            return true;
          }
        }
        return false;
      };
      let all = true;
      for (const m of mine) {
        stamp++;
        if (!tryKuhn(m)) {
          all = false;
          break;
        }
      }
      found = all;
    }
    if (!found) {
      lb++;
      if (perPerson) perPerson[p] = 1;
    }
  }
  return lb;
}

// Re-places all movable meetings of one person at once, optimally for them given everyone else's slots: for
// each candidate set of slots (the k first usable slots from each start, or the current ones) a min-cost
// assignment prices each meeting by its partner's change in holes and idle slots.
export class PersonSolver {
  private readonly cost: Float64Array;
  private readonly match: Int32Array;
  private readonly bestMatch: Int32Array;
  private readonly slots: Int32Array;
  private readonly bestSlots: Int32Array;
  private readonly own: Int32Array;
  private readonly asg: Assignment;
  private readonly usable: Int32Array;
  private readonly price: Float64Array;
  readonly old: Int32Array;
  readonly meetings: Int32Array;
  count = 0;
  work = 0;

  constructor(
    private readonly pb: Problem,
    private readonly st: State,
    private readonly start: Int32Array,
    private readonly list: Int32Array,
  ) {
    let k = 1;
    for (let p = 0; p < pb.P; p++) k = Math.max(k, start[p + 1] - start[p]);
    this.cost = new Float64Array(k * k);
    this.match = new Int32Array(k);
    this.bestMatch = new Int32Array(k);
    this.slots = new Int32Array(k);
    this.bestSlots = new Int32Array(k);
    this.own = new Int32Array(pb.S);
    this.asg = new Assignment(k);
    this.old = new Int32Array(k);
    this.meetings = new Int32Array(k);
    this.usable = new Int32Array(pb.S);
    this.price = new Float64Array(k * pb.S);
  }

  // Leaves the state changed (the caller accepts or calls undo); false when p has nothing to move.
  resolve(p: number, alpha: number, noise: () => number): boolean {
    const { pb, st, start, list, cost, match, slots } = this;
    const { S, a, b, allowed, avail, cap } = pb;
    const k = start[p + 1] - start[p];
    if (k === 0) return false;
    this.count = k;
    for (let i = 0; i < k; i++) {
      const m = list[start[p] + i];
      this.meetings[i] = m;
      this.old[i] = st.slotOf[m];
    }
    for (let i = 0; i < k; i++) st.remove(this.meetings[i]);
    // Usable slots (p free and available, a table left, some partner free there), and each meeting's price
    // at each of them, computed once for all the candidate windows.
    const { usable, price } = this;
    let nu = 0;
    for (let s = 0; s < S; s++) {
      if (st.occ[p * S + s] >= 0 || !avail[p * S + s] || st.load[s] >= cap[s]) continue;
      let any = false;
      for (let i = 0; i < k; i++) {
        const m = this.meetings[i];
        const q = a[m] === p ? b[m] : a[m];
        const ok = allowed[m * S + s] === 1 && st.occ[q * S + s] < 0;
        price[i * S + s] = ok ? st.addCost(q, s, alpha) : BIG;
        any ||= ok;
      }
      if (any) usable[nu++] = s;
    }
    this.work += k * nu;
    let no = 0;
    for (let s = 0; s < S; s++) if (st.occ[p * S + s] >= 0) this.own[no++] = s;
    let best = Infinity;
    for (let l = -1; l + k <= nu; l++) {
      if (l < 0) {
        // The current slots: re-matching alone never makes this person worse.
        for (let i = 0; i < k; i++) slots[i] = this.old[i];
        slots.subarray(0, k).sort();
      } else for (let j = 0; j < k; j++) slots[j] = usable[l + j];
      const ownCost = this.ownCost(slots, k, no, alpha);
      // Row minima bound the assignment from below: windows that cannot beat the best skip the Hungarian.
      let bound = ownCost;
      for (let i = 0; i < k; i++) {
        let rowMin = BIG;
        for (let j = 0; j < k; j++) {
          const c = price[i * S + slots[j]];
          cost[i * k + j] = c;
          if (c < rowMin) rowMin = c;
        }
        bound += rowMin;
      }
      this.work += k * k;
      if (bound >= best || bound >= BIG) continue;
      this.work += k * k * k;
      const total = ownCost + this.asg.solve(k, cost, match) + noise();
      if (total < best && total < BIG) {
        best = total;
        this.bestSlots.set(slots.subarray(0, k));
        this.bestMatch.set(match.subarray(0, k));
      }
    }
    for (let i = 0; i < k; i++) st.place(this.meetings[i], this.bestSlots[this.bestMatch[i]]);
    return true;
  }

  undo(): void {
    for (let i = 0; i < this.count; i++) this.st.remove(this.meetings[i]);
    for (let i = 0; i < this.count; i++) this.st.place(this.meetings[i], this.old[i]);
  }

  // Holes plus alpha times idle slots of the person with their fixed slots (own) and the candidate set.
  private ownCost(cand: Int32Array, k: number, no: number, alpha: number): number {
    const { day, adjNext } = this.pb;
    let i = 0;
    let j = 0;
    let prev = -1;
    let first = -1;
    let holes = 0;
    let idle = 0;
    let count = 0;
    const flush = () => {
      if (prev >= 0) idle += prev - first + 1 - count;
    };
    while (i < k || j < no) {
      const s = j >= no || (i < k && cand[i] < this.own[j]) ? cand[i++] : this.own[j++];
      if (prev >= 0 && day[prev] === day[s]) {
        if (!(s === prev + 1 && adjNext[prev])) holes++;
        count++;
      } else {
        flush();
        first = s;
        count = 1;
      }
      prev = s;
    }
    flush();
    return holes + alpha * idle;
  }
}
