import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { query, ROOT } from './app.js';

// Run in a process of its own. Written from Jest's worker, where earlier test files had loaded
// SQLite's native module too, the duplicate twice slipped past the partial unique index in full runs
// (never alone); the likely cause is two copies of SQLite in one process sharing its POSIX locks,
// which SQLite's WAL locking does not expect. A separate process is what a second client really is.
const SQLITE_WRITE = `
const Database = require('better-sqlite3');
const db = new Database(process.env.DB_FILE);
db.pragma('busy_timeout = 5000');
const changes = db.prepare(process.env.SQL).run().changes;
db.close();
if (changes === 0) { console.error('no row written'); process.exit(3); }
`;

const SQLITE_READ = `
const Database = require('better-sqlite3');
const db = new Database(process.env.DB_FILE, { readonly: true });
try {
  process.stdout.write(JSON.stringify(db.prepare(process.env.SQL).all()));
} catch (error) {
  console.error(error.message);
  process.exitCode = 3;
} finally {
  db.close();
}
`;

/** A script run on a SQLite file in a process of its own; its output. */
function onSqlite(script: string, databaseUrl: string, sql: string): string {
  const run = spawnSync(process.execPath, ['-e', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, DB_FILE: databaseUrl.slice('sqlite:'.length), SQL: sql },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

/**
 * A statement run straight on a database, past the API (TestApp.query only reads SQLite); on SQLite
 * it must write a row.
 */
export async function writeSql(databaseUrl: string, sql: string): Promise<void> {
  if (databaseUrl.startsWith('sqlite:')) {
    onSqlite(SQLITE_WRITE, databaseUrl, sql);
    return;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A query read in a process of its own on SQLite, for a database another process has just changed
 * (TestApp.query reads in Jest's, which saw stale SQLite schemas in full runs; see SQLITE_WRITE).
 */
export async function readSql<T>(databaseUrl: string, sql: string): Promise<T[]> {
  if (databaseUrl.startsWith('sqlite:'))
    return JSON.parse(onSqlite(SQLITE_READ, databaseUrl, sql)) as T[];
  return query<T>(databaseUrl, sql);
}

const dist = (file: string) => pathToFileURL(path.join(ROOT, 'dist/src/database', file)).href;

// The built migrations, as the server runs them at start-up, up to one of them or the last one undone.
const MIGRATE = `
const { DataSource } = await import('typeorm');
const { dataSourceOptions } = await import('${dist('data-source.js')}');
const { MIGRATIONS } = await import('${dist('migrations/index.js')}');
const upTo = process.env.UP_TO;
const migrations = upTo ? MIGRATIONS.slice(0, MIGRATIONS.findIndex((m) => m.name === upTo) + 1) : MIGRATIONS;
if (migrations.length === 0) throw new Error('No migration named ' + upTo);
const dataSource = new DataSource({ ...dataSourceOptions(process.env.DATABASE_URL), migrations });
await dataSource.initialize();
const done = async () => (await dataSource.query('SELECT "name" FROM "migrations"')).map((r) => r.name);
if (process.env.UNDO_TO) {
  while ((await done()).includes(process.env.UNDO_TO)) await dataSource.undoLastMigration({ transaction: 'each' });
} else await dataSource.runMigrations({ transaction: 'each' });
await dataSource.destroy();
`;

/**
 * Migrates a database in a process of its own (TypeORM and the native drivers load there as they do
 * in the server): every migration up to `upTo` (its class name), or all; or undoes the migrations
 * from the last one back to `undoTo` (its class name), included.
 */
export function migrate(databaseUrl: string, options: { upTo?: string; undoTo?: string }): void {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', MIGRATE], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      TZ: 'UTC',
      DATABASE_URL: databaseUrl,
      ...(options.upTo ? { UP_TO: options.upTo } : {}),
      ...(options.undoTo ? { UNDO_TO: options.undoTo } : {}),
    },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`Migration failed:\n${run.stderr}`);
}
