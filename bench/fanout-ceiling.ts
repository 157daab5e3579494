import { createSecretKey } from 'node:crypto';
import { createServer } from 'node:http';
import { JwtService } from '@nestjs/jwt';
import { Server } from 'socket.io';
import { loadEnvironment } from '../src/config/env.js';

/**
 * The ceiling of `npm run bench:fanout`: socket.io alone, the version Coventis runs, behind plain
 * node:http. Each connection is checked with the same signed token and joins one room; a POST to
 * `/announce` emits an announcement of the same size to the room. No framework, no database: what
 * socket.io and this machine allow with the same clients.
 *
 * `node dist/bench/fanout-ceiling.js`; prints "Listening on http://localhost:PORT".
 */
const env = loadEnvironment({});
const jwt = new JwtService({ secret: createSecretKey(Buffer.from(env.JWT_SECRET)) });
const http = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/announce') {
    res.writeHead(404).end();
    return;
  }
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    const { message } = JSON.parse(body) as { message: string };
    const announcement = {
      id: crypto.randomUUID(),
      editionId: 'bench',
      message,
      createdAt: new Date().toISOString(),
    };
    io.to('everyone').emit('announcement', announcement);
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(announcement));
  });
});
const io = new Server(http, { cors: { origin: true } });
io.use((socket, next) => {
  const token = (socket.handshake.auth as { token?: string }).token ?? '';
  try {
    const claims = jwt.verify<{ sub: string }>(token);
    (socket.data as { userId: string }).userId = claims.sub;
    next();
  } catch {
    next(new Error('Unauthorized'));
  }
});
io.on('connection', (socket) => {
  void socket.join(['everyone', `user:${(socket.data as { userId: string }).userId}`]);
  socket.emit('ready', { userId: (socket.data as { userId: string }).userId, rooms: 2 });
});
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  if (address && typeof address === 'object')
    console.log(`Listening on http://localhost:${address.port}`);
});
process.on('SIGTERM', () => {
  void io.close();
  process.exit(0);
});
