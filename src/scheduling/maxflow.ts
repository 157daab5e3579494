// Dinic's max-flow on typed arrays; graphs here have at most a few tens of thousands of edges.
export class MaxFlow {
  private head: Int32Array;
  private next: number[] = [];
  private to: number[] = [];
  private capa: number[] = [];
  private level: Int32Array;
  private it: Int32Array;

  constructor(private readonly n: number) {
    this.head = new Int32Array(n).fill(-1);
    this.level = new Int32Array(n);
    this.it = new Int32Array(n);
  }

  add(u: number, v: number, c: number): void {
    this.to.push(v, u);
    this.capa.push(c, 0);
    this.next.push(this.head[u], this.head[v]);
    this.head[u] = this.to.length - 2;
    this.head[v] = this.to.length - 1;
  }

  run(src: number, sink: number): number {
    const to = Int32Array.from(this.to);
    const next = Int32Array.from(this.next);
    const capa = Float64Array.from(this.capa);
    const queue = new Int32Array(this.n);
    let flow = 0;
    for (;;) {
      this.level.fill(-1);
      this.level[src] = 0;
      let qh = 0;
      let qt = 0;
      queue[qt++] = src;
      while (qh < qt) {
        const u = queue[qh++];
        for (let e = this.head[u]; e >= 0; e = next[e]) {
          if (capa[e] > 0 && this.level[to[e]] < 0) {
            this.level[to[e]] = this.level[u] + 1;
            queue[qt++] = to[e];
          }
        }
      }
      if (this.level[sink] < 0) return flow;
      this.it.set(this.head);
      for (;;) {
        const f = this.push(src, sink, Number.POSITIVE_INFINITY, to, next, capa);
        if (f <= 0) break;
        flow += f;
      }
    }
  }

  // Iterative DFS would be safer for deep graphs, but our graphs have depth at most 4.
  private push(
    u: number,
    sink: number,
    f: number,
    to: Int32Array,
    next: Int32Array,
    capa: Float64Array,
  ): number {
    if (u === sink) return f;
    for (; this.it[u] >= 0; this.it[u] = next[this.it[u]]) {
      const e = this.it[u];
      const v = to[e];
      if (capa[e] > 0 && this.level[v] === this.level[u] + 1) {
        const d = this.push(v, sink, Math.min(f, capa[e]), to, next, capa);
        if (d > 0) {
          capa[e] -= d;
          capa[e ^ 1] += d;
          return d;
        }
      }
    }
    return 0;
  }
}
