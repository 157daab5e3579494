import type { Problem } from './problem.js';

// Module-level aliases: global lookups are slow inside Jest's VM sandbox, locals are not.
const { clz32, max } = Math;

// Mutable assignment with incremental hole accounting: holes of a person on a day = runs of adjacent slots - 1.
export class State {
  readonly slotOf: Int32Array;
  readonly occ: Int32Array;
  readonly load: Int32Array;
  readonly members: Int32Array;
  readonly memStart: Int32Array;
  readonly pos: Int32Array;
  readonly runs: Int32Array;
  readonly holesP: Int32Array;
  readonly placedP: Int32Array;
  // Per person-day bitmask of occupied slots (offset within the day), kept when a day has at most 31 slots.
  readonly mask: Int32Array;
  readonly dayFirst: Int32Array;
  readonly useMask: boolean;
  holes = 0;
  sumSq = 0;
  // Idle slots between a person's first and last meeting of a day: a smoother companion of the hole count.
  idle = 0;
  placed = 0;
  placedWeight = 0;

  constructor(readonly pb: Problem) {
    const { P, S, D, M } = pb;
    this.slotOf = new Int32Array(M).fill(-1);
    this.occ = new Int32Array(P * S).fill(-1);
    this.load = new Int32Array(S);
    this.memStart = new Int32Array(S + 1);
    for (let s = 0; s < S; s++) this.memStart[s + 1] = this.memStart[s] + pb.cap[s];
    this.members = new Int32Array(this.memStart[S]);
    this.pos = new Int32Array(M).fill(-1);
    this.runs = new Int32Array(P * D);
    this.holesP = new Int32Array(P);
    this.placedP = new Int32Array(P);
    this.mask = new Int32Array(P * D);
    this.dayFirst = new Int32Array(S);
    let longest = 0;
    for (let s = 0; s < S; s++) {
      this.dayFirst[s] = s > 0 && pb.day[s - 1] === pb.day[s] ? this.dayFirst[s - 1] : s;
      longest = max(longest, s - this.dayFirst[s] + 1);
    }
    this.useMask = longest <= 31;
  }

  // Change in holes of person p if slot s were added (sign=1) to or removed (sign=-1) from their schedule.
  personDelta(p: number, s: number, sign: 1 | -1): number {
    const { S, adjNext, D, day } = this.pb;
    const row = p * S;
    const l = s > 0 && adjNext[s - 1] && this.occ[row + s - 1] >= 0 ? 1 : 0;
    const r = s + 1 < S && adjNext[s] && this.occ[row + s + 1] >= 0 ? 1 : 0;
    const runs = this.runs[p * D + day[s]];
    const next = runs + sign * (1 - l - r);
    return max(next - 1, 0) - max(runs - 1, 0);
  }

  // Holes plus alpha times idle slots gained by adding slot s to person p, without changing anything.
  addCost(p: number, s: number, alpha: number): number {
    let c = this.personDelta(p, s, 1);
    if (this.useMask && alpha !== 0) {
      const old = this.mask[p * this.pb.D + this.pb.day[s]];
      c += alpha * (idleOf(old | (1 << (s - this.dayFirst[s]))) - idleOf(old));
    }
    return c;
  }

  private touch(p: number, s: number, sign: 1 | -1): void {
    const { S, adjNext, D, day } = this.pb;
    const row = p * S;
    const l = s > 0 && adjNext[s - 1] && this.occ[row + s - 1] >= 0 ? 1 : 0;
    const r = s + 1 < S && adjNext[s] && this.occ[row + s + 1] >= 0 ? 1 : 0;
    const k = p * D + day[s];
    const runs = this.runs[k];
    const next = runs + sign * (1 - l - r);
    this.runs[k] = next;
    const dh = max(next - 1, 0) - max(runs - 1, 0);
    if (dh !== 0) {
      const h = this.holesP[p];
      this.holesP[p] = h + dh;
      this.holes += dh;
      this.sumSq += (h + dh) * (h + dh) - h * h;
    }
    this.placedP[p] += sign;
    if (this.useMask) {
      const old = this.mask[k];
      const nm = old ^ (1 << (s - this.dayFirst[s]));
      this.mask[k] = nm;
      this.idle += idleOf(nm) - idleOf(old);
    }
  }

  canPlace(m: number, s: number): boolean {
    const { S, a, b, allowed, cap } = this.pb;
    return (
      allowed[m * S + s] === 1 &&
      this.occ[a[m] * S + s] < 0 &&
      this.occ[b[m] * S + s] < 0 &&
      this.load[s] < cap[s]
    );
  }

  place(m: number, s: number): void {
    const { S, a, b, weight } = this.pb;
    this.touch(a[m], s, 1);
    this.occ[a[m] * S + s] = m;
    this.touch(b[m], s, 1);
    this.occ[b[m] * S + s] = m;
    this.slotOf[m] = s;
    const i = this.memStart[s] + this.load[s]++;
    this.members[i] = m;
    this.pos[m] = i;
    this.placed++;
    this.placedWeight += weight[m];
  }

  remove(m: number): void {
    const { S, a, b, weight } = this.pb;
    const s = this.slotOf[m];
    this.occ[a[m] * S + s] = -1;
    this.touch(a[m], s, -1);
    this.occ[b[m] * S + s] = -1;
    this.touch(b[m], s, -1);
    this.slotOf[m] = -1;
    const last = this.memStart[s] + --this.load[s];
    const i = this.pos[m];
    const other = this.members[last];
    this.members[i] = other;
    this.pos[other] = i;
    this.pos[m] = -1;
    this.placed--;
    this.placedWeight -= weight[m];
  }

  snapshot(): Int32Array {
    return this.slotOf.slice();
  }

  restore(slots: Int32Array): void {
    for (let m = 0; m < this.pb.M; m++)
      if (this.slotOf[m] >= 0 && this.slotOf[m] !== slots[m]) this.remove(m);
    for (let m = 0; m < this.pb.M; m++)
      if (slots[m] >= 0 && this.slotOf[m] < 0) this.place(m, slots[m]);
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

// Holes of a day bitmask: maximal runs of set bits, minus one.
export function holesOfMask(mask: number): number {
  return mask === 0 ? 0 : popcount(mask & ~(mask << 1)) - 1;
}

export function idleOfMask(mask: number): number {
  return idleOf(mask);
}

function idleOf(mask: number): number {
  if (mask === 0) return 0;
  const lo = 31 - clz32(mask & -mask);
  const hi = 31 - clz32(mask);
  return hi - lo + 1 - popcount(mask);
}
