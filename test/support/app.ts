import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';

export const ORGANIZER = { email: 'organizer@test.example', password: 'organizer-password' };
export const PASSWORD = 'correct-horse-battery';
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A server as a suite sees it: one address and its database, whether one process or several behind a proxy. */
export interface TestServer {
  url: string;
  http: TestAgent;
  databaseUrl: string;
  /** Reads the server's database directly, to check what was (not) stored. */
  query<T>(sql: string): Promise<T[]>;
  output(): string;
  close(): Promise<void>;
}

/** One server process. */
export interface TestApp extends TestServer {
  dir: string;
  /** Ends the process at once, as a crash would (SIGKILL: no shutdown hooks, no answer to what is in flight). */
  kill(): Promise<void>;
}

/**
 * `TEST_POSTGRES_URL=postgres://root@127.0.0.1:5432 npm test` runs every suite on a fresh
 * PostgreSQL database instead of a SQLite file (`npm run test:pg`).
 */
const POSTGRES = process.env.TEST_POSTGRES_URL;

/** A new, empty database for a suite: a SQLite file in `dir`, or a PostgreSQL database named after it. */
export async function freshDatabase(dir: string, prefix = 'coventis_test_'): Promise<string> {
  if (!POSTGRES) return `sqlite:${path.join(dir, 'coventis.sqlite')}`;
  const name = `${prefix}${path
    .basename(dir)
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()}`;
  const admin = new pg.Client({ connectionString: `${POSTGRES}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return `${POSTGRES}/${name}`;
}

export async function dropDatabase(url: string): Promise<void> {
  if (!url.startsWith('postgres')) return;
  const admin = new pg.Client({ connectionString: `${POSTGRES}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${url.split('/').pop()} WITH (FORCE)`);
  await admin.end();
}

/** Reads a database directly (SQLite read-only), whether a server runs on it or not. */
export async function query<T>(url: string, sql: string): Promise<T[]> {
  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice('sqlite:'.length), { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * The real server (the built `dist/src/main.js`, as `npm start` runs it) in a child process, on
 * a free port and a fresh SQLite file of its own. Running it outside Jest's module sandbox also
 * lets Node load CommonJS packages that require ES modules, which Jest cannot on Node 20.
 */
export async function startApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'coventis-test-'));
  const databaseUrl = env.DATABASE_URL ?? (await freshDatabase(dir));
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/src/main.js')], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      TZ: 'UTC',
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      SEED_DEMO: 'never',
      ORGANIZER_EMAIL: ORGANIZER.email,
      ORGANIZER_PASSWORD: ORGANIZER.password,
      LOGIN_RATE_LIMIT: '1000',
      REGISTRATION_RATE_LIMIT: '1000',
      // OWASP's minimum for argon2id: the suites hash and check hundreds of passwords.
      PASSWORD_HASH_MEMORY_KIB: '19456',
      PASSWORD_HASH_PASSES: '2',
      NO_COLOR: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/Listening on (http:\/\/localhost:\d+)/);
      if (match) resolve(match[1].replace('localhost', '127.0.0.1'));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) =>
      reject(new Error(`Server exited with ${code} before listening:\n${output}`)),
    );
    setTimeout(() => reject(new Error(`Server did not start in 60 s:\n${output}`)), 60_000).unref();
  });
  return {
    url,
    http: request(url),
    dir,
    databaseUrl,
    query: (sql) => query(databaseUrl, sql),
    output: () => output,
    kill: () => end(child, 'SIGKILL'),
    close: async () => {
      await stop(child, dir);
      if (!env.DATABASE_URL) await dropDatabase(databaseUrl);
    },
  };
}

async function stop(child: ChildProcess, dir: string): Promise<void> {
  await end(child, 'SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}

async function end(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  // A child ended by a signal keeps exitCode null: signalCode says it is gone.
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}
