import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import autocannon from 'autocannon';
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
  const context = await NestFactory.createApplicationContext(
    AppModule.forRoot(loadEnvironment({ DATABASE_URL: db.url, SEED_DEMO: 'never' })),
    { logger: ['error'] },
  );
  try {
    const { editionId } = await generateSyntheticEdition(context, options);
    return { db, editionId };
  } finally {
    await context.close();
  }
}
