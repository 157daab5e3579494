import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './support/app.js';

interface Ended {
  /** null when the server was still running after `limitMs` (and was stopped). */
  code: number | null;
  listening: boolean;
  lines: string[];
}

/**
 * Starts the built server on `databaseUrl` and waits until it exits or listens. As root the
 * permission cases run the server as `nobody`, for whom a mode of 0444 or 0555 means something.
 */
function startServer(
  databaseUrl: string,
  options: { asNobody?: boolean; limitMs?: number } = {},
): Promise<Ended> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/src/main.js')], {
    cwd: tmpdir(),
    env: {
      PATH: process.env.PATH,
      TZ: 'UTC',
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      SEED_DEMO: 'never',
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.asNobody && process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}),
  });
  let output = '';
  return new Promise((resolve) => {
    const end = (code: number | null, listening: boolean) => {
      clearTimeout(timer);
      resolve({
        code,
        listening,
        lines: output.split('\n').filter((line) => line.trim() !== ''),
      });
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Listening on http/.test(output)) {
        child.once('exit', () => end(0, true));
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      if (!/Listening on http/.test(output)) end(code, false);
    });
    // Far beyond a start-up, even on a slow machine: a server still trying then is the failure.
    const timer = setTimeout(() => {
      child.once('exit', () => end(null, false));
      child.kill('SIGKILL');
    }, options.limitMs ?? 60_000);
  });
}

describe('start-up with a database it cannot use', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'coventis-startup-'));
    // The server may run as nobody below: it must reach what the test made.
    chmodSync(dir, 0o777);
  });
  afterAll(() => {
    chmodSync(dir, 0o777);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Exits 1 with one line naming the URL and saying what is wrong. */
  async function expectRefused(url: string, problem: string, asNobody = false): Promise<void> {
    const ended = await startServer(url, { asNobody });
    expect(ended).toEqual({
      code: 1,
      listening: false,
      lines: [`Cannot open the database ${url}: ${problem}`],
    });
  }

  it('stops when a folder stands where the file should be', async () => {
    const folder = path.join(dir, 'a-folder.sqlite');
    mkdirSync(folder);
    await expectRefused(`sqlite:${folder}`, `${folder} is a folder, not a database file`);
  }, 90_000);

  it('stops when the folder of the file is a regular file, or under one', async () => {
    const file = path.join(dir, 'plain-file');
    writeFileSync(file, 'not a folder');
    await expectRefused(`sqlite:${file}/coventis.sqlite`, `the folder ${file} is a file`);
    await expectRefused(
      `sqlite:${file}/data/coventis.sqlite`,
      `the folder ${file}/data cannot be created: ${file} is a file`,
    );
  }, 90_000);

  it('stops when the file is not an SQLite database', async () => {
    const file = path.join(dir, 'notes.sqlite');
    writeFileSync(file, 'These are not the pages of a database. '.repeat(200));
    await expectRefused(`sqlite:${file}`, `${file} is not an SQLite database (SQLITE_NOTADB)`);
  }, 90_000);

  // Linux: nobody, root included, makes a folder in /proc.
  const inProc = existsSync('/proc/self') ? it : it.skip;
  inProc(
    'stops when the folder cannot be created, even by root',
    async () => {
      const url = 'sqlite:/proc/coventis-test/coventis.sqlite';
      await expectRefused(url, 'the folder /proc/coventis-test cannot be created (ENOENT)');
    },
    90_000,
  );

  it('stops when the file or its folder cannot be written', async () => {
    const readOnly = path.join(dir, 'read-only.sqlite');
    writeFileSync(readOnly, '');
    chmodSync(readOnly, 0o444);
    await expectRefused(
      `sqlite:${readOnly}`,
      `${readOnly} cannot be written (SQLITE_READONLY)`,
      true,
    );
    const locked = path.join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    await expectRefused(
      `sqlite:${locked}/data/coventis.sqlite`,
      `the folder ${locked}/data cannot be created (EACCES)`,
      true,
    );
    await expectRefused(
      `sqlite:${locked}/coventis.sqlite`,
      `${locked}/coventis.sqlite cannot be created (SQLITE_CANTOPEN)`,
      true,
    );
  }, 120_000);

  it('creates the folders a new database needs, and starts', async () => {
    const file = path.join(dir, 'new', 'deeper', 'coventis.sqlite');
    const ended = await startServer(`sqlite:${file}`);
    expect(ended.listening).toBe(true);
    expect(existsSync(file)).toBe(true);
  }, 90_000);
});
