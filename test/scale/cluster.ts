import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import {
  dropDatabase,
  freshDatabase,
  query,
  startApp,
  type TestApp,
  type TestServer,
} from '../support/app.js';

/** Debian's nginx (`apt-get install nginx`), as CI installs it. */
export const NGINX = '/usr/sbin/nginx';

export type Instance = 'a' | 'b';

/** Two server processes on one PostgreSQL database and one Redis, behind nginx: one address. */
export interface Cluster extends TestServer {
  instances: Record<Instance, TestApp>;
  /** The instance that answered a response from the proxy (the last nginx tried). */
  instanceOf(res: { headers: Record<string, string> }): Instance;
  /** A local address whose socket.io connections the proxy hands to `instance`. */
  addressOn(instance: Instance): Promise<string>;
}

export async function startCluster(env: Record<string, string>): Promise<Cluster> {
  const databaseUrl = await freshDatabase(randomUUID(), 'coventis_scale_');
  // Undone in the reverse order, each whatever the others do.
  const undo: (() => Promise<void>)[] = [() => dropDatabase(databaseUrl)];
  try {
    // The first migrates the database; the second starts once it listens, so they never race.
    const a = await startApp({ ...env, DATABASE_URL: databaseUrl });
    undo.unshift(() => a.close());
    const b = await startApp({ ...env, DATABASE_URL: databaseUrl });
    undo.unshift(() => b.close());
    const proxy = await startNginx([a.url, b.url].map((url) => new URL(url).host));
    undo.unshift(() => proxy.stop());

    const hosts = new Map<string, Instance>([
      [new URL(a.url).host, 'a'],
      [new URL(b.url).host, 'b'],
    ]);
    const instanceOf = (res: { headers: Record<string, string> }): Instance => {
      // "127.0.0.1:A, 127.0.0.1:B" when nginx could not reach A and went on to B.
      const tried = (res.headers['x-upstream'] ?? '').split(/, | : /);
      const instance = hosts.get(tried[tried.length - 1]);
      if (!instance)
        throw new Error(`No instance named by X-Upstream: ${res.headers['x-upstream']}`);
      return instance;
    };
    const http = request(proxy.url);
    const addresses = new Map<Instance, string>();
    const addressOn = async (instance: Instance): Promise<string> => {
      // All of 127.0.0.0/8 is this machine; nginx hashes the whole address to pick the instance.
      for (let n = 2; n < 255 && !addresses.has(instance); n++) {
        const localAddress = `127.0.0.${n}`;
        // engine.io refuses an unknown transport at once (400), through the same upstream.
        const res = await http
          .get('/socket.io/?EIO=4&transport=probe')
          .agent(new Agent({ localAddress }));
        if (!addresses.has(instanceOf(res))) addresses.set(instanceOf(res), localAddress);
      }
      const address = addresses.get(instance);
      if (!address) throw new Error(`No local address reaches instance ${instance}`);
      return address;
    };
    return {
      url: proxy.url,
      http,
      databaseUrl,
      query: (sql) => query(databaseUrl, sql),
      instances: { a, b },
      instanceOf,
      addressOn,
      output: () =>
        `--- instance a\n${a.output()}\n--- instance b\n${b.output()}\n--- nginx\n${proxy.output()}`,
      close: () => undoAll(undo),
    };
  } catch (error) {
    await undoAll(undo);
    throw error;
  }
}

async function undoAll(steps: (() => Promise<void>)[]): Promise<void> {
  const failures: unknown[] = [];
  for (const step of steps) await step().catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw new AggregateError(failures, 'Could not stop the cluster');
}

/**
 * The proxy: `/api/` round robin over the instances, `/socket.io/` by client address (the handshake
 * and what follows must reach the same instance), and a header naming the instance that answered.
 * Its paths are relative to the prefix (-p), the temporary directory it runs in.
 */
function nginxConfig(port: number, upstreams: string[]): string {
  const servers = upstreams.map((host) => `    server ${host};`).join('\n');
  return `daemon off;
master_process off;
pid nginx.pid;
error_log error.log warn;

events {
  worker_connections 1024;
}

http {
  access_log access.log;
  client_body_temp_path client_body;
  proxy_temp_path proxy;
  fastcgi_temp_path fastcgi;
  uwsgi_temp_path uwsgi;
  scgi_temp_path scgi;

  map $http_upgrade $connection_upgrade {
    default upgrade;
    '' close;
  }

  # nginx's defaults: a server that fails once (max_fails=1) is left aside for 10 s (fail_timeout).
  upstream api {
${servers}
  }

  # Not ip_hash: it hashes the first three octets of an IPv4 address, 127.0.0 for every local one.
  upstream sockets {
    hash $remote_addr consistent;
${servers}
  }

  server {
    listen 127.0.0.1:${port};
    add_header X-Upstream $upstream_addr always;

    proxy_http_version 1.1;
    proxy_set_header Host $host;
    # Replaced, not appended to: the app trusts the header (trustProxy), so a client's own must not pass.
    proxy_set_header X-Forwarded-For $remote_addr;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_set_header Upgrade $http_upgrade;
    proxy_set_header Connection $connection_upgrade;

    location /api/ {
      proxy_pass http://api;
      # The next instance only when this one cannot be reached or does not answer; a POST it received
      # is never sent again (nginx's default, without non_idempotent): it may have been written.
      proxy_next_upstream error timeout;
    }

    location /socket.io/ {
      proxy_pass http://sockets;
      proxy_read_timeout 1h;
    }
  }
}
`;
}

interface Nginx {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

async function startNginx(upstreams: string[]): Promise<Nginx> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startNginxOn(await freePort(), upstreams);
    } catch (error) {
      // The free port was taken between our look and nginx's bind.
      if (attempt === 3 || !String(error).includes('Address already in use')) throw error;
    }
  }
}

async function startNginxOn(port: number, upstreams: string[]): Promise<Nginx> {
  const dir = mkdtempSync(path.join(tmpdir(), 'coventis-nginx-'));
  writeFileSync(path.join(dir, 'nginx.conf'), nginxConfig(port, upstreams));
  const errorLog = path.join(dir, 'error.log');
  const child = spawn(NGINX, ['-p', `${dir}/`, '-c', 'nginx.conf', '-e', errorLog], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let running = true;
  const collect = (chunk: Buffer) => (output += chunk.toString());
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    // Not started at all: there will be no exit.
    child.once('error', (error) => {
      output += `${error.message}\n`;
      resolve();
    });
  }).then(() => {
    running = false;
  });
  const log = () => output + (existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : '');
  const stop = async () => {
    if (running) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await untilListening(port, () => !running, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, output: log, stop };
}

async function untilListening(port: number, exited: () => boolean, log: () => string) {
  // Generous: only ends a start that hangs.
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(50)) {
    if (exited()) throw new Error(`nginx exited before listening:\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      const done = (connected: boolean) => {
        socket.destroy();
        resolve(connected);
      };
      socket.once('connect', () => done(true)).once('error', () => done(false));
    });
    if (open) return;
  }
  throw new Error(`nginx did not listen on ${port} in 60 s:\n${log()}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
