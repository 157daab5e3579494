// Module-level alias: global lookups are slow inside Jest's VM sandbox, locals are not.
const { floor, imul } = Math;

// Small seeded PRNG (mulberry32) so that runs are reproducible; Math.random is never used.
export class Rng {
  private s: number;

  constructor(seed: number) {
    this.s = (seed ^ 0x9e3779b9) >>> 0;
  }

  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  // Same draw as next() < p, but hot loops get a boolean back rather than a float (which V8 boxes when the
  // call is not inlined).
  chance(p: number): boolean {
    return this.next() < p;
  }

  int(n: number): number {
    return floor(this.next() * n);
  }

  shuffle(arr: Int32Array | number[]): void {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = arr[i];
      arr[i] = arr[j];
      arr[j] = t;
    }
  }
}
