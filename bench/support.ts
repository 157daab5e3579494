import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import pg from 'pg';
import { AppModule } from '../src/app.module.js';
import { loadEnvironment } from '../src/config/env.js';
import { generateSyntheticEdition } from '../seeds/synthetic.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Server {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function tempDatabase(): { url: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'coventis-bench-'));
  return {
    url: `sqlite:${path.join(dir, 'bench.sqlite')}`,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The built server in its own process, so the load generator does not share its event loop.
 * `script` runs another server instead (the booking benchmark's ceiling), `args` are its own;
 * `preload` modules are imported first, and the child has an IPC channel for them.
 */
export async function startServer(
  databaseUrl: string,
  env: Record<string, string> = {},
  options: { script?: string; args?: string[]; preload?: string[] } = {},
): Promise<Server> {
  const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [];
  const preload = (options.preload ?? []).flatMap((module) => [
    '--import',
    path.join(ROOT, module),
  ]);
  const script = path.join(ROOT, options.script ?? 'dist/src/main.js');
  const child = spawn(
    process.execPath,
    [...nodeArgs, ...preload, script, ...(options.args ?? [])],
    {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        SEED_DEMO: 'never',
        NO_COLOR: '1',
        LOGIN_RATE_LIMIT: '100000',
        REGISTRATION_RATE_LIMIT: '100000',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/Listening on (http:\/\/localhost:\d+)/);
      if (match) resolve(match[1].replace('localhost', '127.0.0.1'));
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * `BENCH_INSTANCES` (default 1) server processes on one database: the first on its own, so the
 * migrations run once, then the others together. Several need `REDIS_URL` (passed on to them with
 * the rest of the environment), or live events would stay in the process that caused them.
 */
export function benchInstances(): number {
  const instances = Number(process.env.BENCH_INSTANCES ?? 1);
  if (!Number.isInteger(instances) || instances < 1)
    throw new Error('BENCH_INSTANCES must be a whole number, at least 1');
  if (instances > 1 && !process.env.REDIS_URL)
    throw new Error(
      'BENCH_INSTANCES > 1 needs REDIS_URL (redis://127.0.0.1:6379): the instances share events through it',
    );
  return instances;
}

export async function startServers(
  instances: number,
  databaseUrl: string,
  env: Record<string, string> = {},
  options: Parameters<typeof startServer>[2] = {},
): Promise<Server[]> {
  const first = await startServer(databaseUrl, env, options);
  const others = await Promise.all(
    Array.from({ length: instances - 1 }, () => startServer(databaseUrl, env, options)),
  );
  return [first, ...others];
}

/** Reads rows from a SQLite file (read-only) or a PostgreSQL database; `?` marks a parameter. */
export async function query<T>(databaseUrl: string, sql: string, params: unknown[] = []) {
  if (databaseUrl.startsWith('sqlite:')) {
    const db = new Database(databaseUrl.slice('sqlite:'.length), { readonly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  }
  let n = 0;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (
      await client.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      )
    ).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * Where a benchmark's databases live: SQLite files in a temporary folder, or, with
 * `DATABASE_URL=postgres://…` (a server: any database named there is ignored), databases named
 * `coventis_bench_…` on it. `url` is the one to fill; `copy` gives each run its own copy of it
 * (SQLite's `VACUUM INTO`, PostgreSQL's `CREATE DATABASE … TEMPLATE`); `cleanup` removes them all.
 */
export interface BenchDatabases {
  kind: 'sqlite' | 'postgres';
  url: string;
  copy(name: string): Promise<string>;
  /** Where they are (named in the output when BENCH_KEEP keeps them). */
  place: string;
  cleanup(): Promise<void>;
}

export async function benchDatabases(): Promise<BenchDatabases> {
  const server = process.env.DATABASE_URL;
  if (!server?.startsWith('postgres')) {
    const db = tempDatabase();
    const file = db.url.slice('sqlite:'.length);
    return {
      kind: 'sqlite',
      url: db.url,
      place: path.dirname(file),
      copy: (name) => {
        const target = path.join(path.dirname(file), `${name}.sqlite`);
        const source = new Database(file, { readonly: true });
        try {
          source.exec(`VACUUM INTO '${target}'`);
        } finally {
          source.close();
        }
        return Promise.resolve(`sqlite:${target}`);
      },
      cleanup: () => Promise.resolve(db.cleanup()),
    };
  }
  const at = (database: string) => {
    const url = new URL(server);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: at('postgres') });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const prefix = `coventis_bench_${randomBytes(4).toString('hex')}`;
  const template = `${prefix}_template`;
  const created = [template];
  await admin(`CREATE DATABASE ${template}`);
  return {
    kind: 'postgres',
    url: at(template),
    place: `${at('')}${prefix}_*`,
    copy: async (name) => {
      const copy = `${prefix}_${name.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;
      // Nobody may be connected to the template meanwhile: the generator's context is closed.
      await admin(`CREATE DATABASE ${copy} TEMPLATE ${template}`);
      created.push(copy);
      return at(copy);
    },
    cleanup: async () => {
      for (const name of created.reverse())
        await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Runs `work` with the application (no HTTP) on `databaseUrl`, migrated first, then closes it. */
export async function withContext<T>(
  databaseUrl: string,
  work: (context: INestApplicationContext) => Promise<T>,
): Promise<T> {
  const context = await NestFactory.createApplicationContext(
    AppModule.forRoot(loadEnvironment({ DATABASE_URL: databaseUrl, SEED_DEMO: 'never' })),
    { logger: ['error'] },
  );
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
}

export async function load(
  name: string,
  url: string,
  paths: string[],
  options: { connections?: number; seconds?: number } = {},
): Promise<LoadResult> {
  let i = 0;
  const result = await autocannon({
    url,
    connections: options.connections ?? 50,
    duration: options.seconds ?? 10,
    requests: [
      { method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) },
    ],
  });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

export function printTable(rows: LoadResult[]): void {
  console.log('| scenario | req/s | p50 ms | p99 ms | requests | errors | non-2xx |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.total} | ${r.errors} | ${r.non2xx} |`,
    );
  }
}

/** A fresh database file holding the synthetic edition (140 exhibitors, 5,000 visitors by default). */
export async function syntheticDatabase(
  options: Parameters<typeof generateSyntheticEdition>[1] = {},
): Promise<{ db: ReturnType<typeof tempDatabase>; editionId: string }> {
  const db = tempDatabase();
  const { editionId } = await withContext(db.url, (context) =>
    generateSyntheticEdition(context, options),
  );
  return { db, editionId };
}
