import { createRequire } from 'node:module';

/**
 * Preloaded into a server process (`node --import dist/bench/count-statements.js …`) by the booking
 * benchmark: counts every SQL statement executed through better-sqlite3, whoever prepared it
 * (TypeORM's driver or a hand-written statement), and answers the count over the IPC channel.
 * The driver is CommonJS, so the patched module is the one TypeORM loads with `require`.
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

process.on('message', (message: unknown) => {
  if (message === 'statements?') {
    const slowest = [...spent].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12);
    process.send?.({ statements: executed, slowest });
    spent.clear();
  }
});
// Listening must not keep a server that was told to stop alive.
process.channel?.unref();
