import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';

export const ORGANIZER = { email: 'organizer@test.example', password: 'organizer-password' };
export const PASSWORD = 'correct-horse-battery';
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface TestApp {
  url: string;
  http: TestAgent;
  dir: string;
  databaseFile: string;
  output(): string;
  close(): Promise<void>;
}

/**
 * The real server (the built `dist/src/main.js`, as `npm start` runs it) in a child process, on
 * a free port and a fresh SQLite file of its own. Running it outside Jest's module sandbox also
 * lets Node load CommonJS packages that require ES modules, which Jest cannot on Node 20.
 */
export async function startApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'coventis-test-'));
  const databaseFile = path.join(dir, 'coventis.sqlite');
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/src/main.js')], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      TZ: 'UTC',
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${databaseFile}`,
      SEED_DEMO: 'never',
      ORGANIZER_EMAIL: ORGANIZER.email,
      ORGANIZER_PASSWORD: ORGANIZER.password,
      LOGIN_RATE_LIMIT: '1000',
      REGISTRATION_RATE_LIMIT: '1000',
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
    databaseFile,
    output: () => output,
    close: () => stop(child, dir),
  };
}

async function stop(child: ChildProcess, dir: string): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
}
