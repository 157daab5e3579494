import { createRequire } from 'node:module';

/**
 * Preloaded into a server process (`node --import dist/bench/count-statements.js …`) by the booking
 * benchmark: counts every SQL statement executed through better-sqlite3 or pg, whoever wrote it
 * (TypeORM's driver or a hand-written statement), and answers the count over the IPC channel, with
 * the retries of PostgreSQL's serializable writes (`UnitOfWork.retries`). The drivers are
 * CommonJS, so the patched modules are the ones TypeORM loads with `require`.
 */
interface StatementLike {
  run: (...args: unknown[]) => unknown;
  get: (...args: unknown[]) => unknown;
  all: (...args: unknown[]) => unknown;
  iterate: (...args: unknown[]) => unknown;
}
type Method = keyof StatementLike;

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3') as {
  prototype: { prepare: (sql: string) => StatementLike; exec: (sql: string) => unknown };
};

let executed = 0;
let patched = false;
/** Milliseconds spent in the driver per statement text, for the profile in docs/benchmarks.md. */
const spent = new Map<string, { n: number; ms: number }>();
const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (this: unknown, sql: string) {
  const statement = prepare.call(this, sql);
  if (!patched) {
    patched = true;
    const proto = Object.getPrototypeOf(statement) as StatementLike;
    for (const name of ['run', 'get', 'all', 'iterate'] as Method[]) {
      const original = proto[name];
      proto[name] = function (this: StatementLike & { source: string }, ...args: unknown[]) {
        executed++;
        const started = performance.now();
        try {
          return original.apply(this, args);
        } finally {
          const key = this.source.replace(/\s+/g, ' ').slice(0, 140);
          const entry = spent.get(key) ?? { n: 0, ms: 0 };
          entry.n++;
          entry.ms += performance.now() - started;
          spent.set(key, entry);
        }
      };
    }
  }
  return statement;
};
const exec = Database.prototype.exec;
Database.prototype.exec = function (this: unknown, sql: string) {
  executed++;
  return exec.call(this, sql);
};

// pg: every statement goes through Client#query; a promise when there is no callback (TypeORM's case).
const pg = require('pg') as { Client: { prototype: { query: (...args: unknown[]) => unknown } } };
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
  executed++;
  const started = performance.now();
  const result = query.apply(this, args);
  const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text;
  const done = () => {
    const key = String(text).replace(/\s+/g, ' ').slice(0, 140);
    const entry = spent.get(key) ?? { n: 0, ms: 0 };
    entry.n++;
    entry.ms += performance.now() - started;
    spent.set(key, entry);
  };
  if (result instanceof Promise) result.then(done, done);
  return result;
};

// The UnitOfWork Nest makes, seen on its first write; its module is the one main.js imports (same URL).
interface Writer {
  retries: Map<string, number>;
}
const writers = new Set<Writer>();
if (process.env.DATABASE_URL?.startsWith('postgres')) {
  await import('reflect-metadata');
  const { UnitOfWork } = await import('../src/common/db/unit-of-work.js');
  const proto = UnitOfWork.prototype as unknown as {
    write: (this: Writer, ...args: unknown[]) => unknown;
  };
  const write = proto.write;
  proto.write = function (this: Writer, ...args: unknown[]) {
    writers.add(this);
    return write.apply(this, args);
  };
}

process.on('message', (message: unknown) => {
  if (message === 'statements?') {
    const slowest = [...spent].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12);
    const retries: Record<string, number> = {};
    for (const writer of writers)
      for (const [code, n] of writer.retries) retries[code] = (retries[code] ?? 0) + n;
    process.send?.({ statements: executed, slowest, retries });
    spent.clear();
  }
});
// Listening must not keep a server that was told to stop alive.
process.channel?.unref();
