import { createSecretKey, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Database from 'better-sqlite3';
import { JwtService } from '@nestjs/jwt';
import { loadEnvironment } from '../src/config/env.js';

/**
 * The ceiling of `npm run bench:booking`: the same two calls as Coventis's (request a meeting,
 * accept it at the earliest common slot with a free table), doing the same work — the token
 * verified and the user read, the participants read, the limits and the pair rule checked, the
 * rows and the activity log written in one transaction, the meeting read back as the API returns
 * it and the people to tell read — as prepared better-sqlite3 statements behind plain node:http.
 * What the database allows on this machine; no framework, no ORM, no validation library.
 *
 * `node dist/bench/booking-ceiling.js <database file>`; prints "Listening on http://localhost:PORT".
 */
const file = process.argv[2];
const env = loadEnvironment({});
// A key object, as Coventis's AuthModule gives it: jsonwebtoken re-parses a string secret each time.
const jwt = new JwtService({ secret: createSecretKey(Buffer.from(env.JWT_SECRET)) });
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');

const now = () => new Date().toISOString().replace('T', ' ').replace('Z', '');
const sql = {
  user: db.prepare(`SELECT * FROM users WHERE id = ?`),
  mine: db.prepare(`SELECT * FROM participants WHERE userId = ? AND editionId = ?`),
  meAndThem: db.prepare(
    `SELECT * FROM participants WHERE (userId = ? AND editionId = ?) OR (id = ? AND editionId = ?)`,
  ),
  open: db.prepare(
    `SELECT COUNT(*) AS pending, COALESCE(SUM(CASE WHEN expiresAt <= ? THEN 1 ELSE 0 END), 0) AS due
       FROM meetings WHERE requesterId = ? AND status = 'requested'`,
  ),
  insertMeeting: db.prepare(
    `INSERT INTO meetings (id, editionId, requesterId, inviteeId, pairKey, status, message, wishedSlotId, priority, timeWindow, slotId, tableNumber, place, expiresAt, outcome, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, 'requested', ?, NULL, 0, 'any', NULL, NULL, NULL, ?, NULL, ?, ?)`,
  ),
  log: db.prepare(
    `INSERT INTO activity_log (id, editionId, actorId, action, subjectType, subjectId, data, createdAt) VALUES (?, ?, ?, ?, 'meeting', ?, ?, ?)`,
  ),
  meeting: db.prepare(`SELECT * FROM meetings WHERE id = ?`),
  earliest: db.prepare(
    `SELECT s.*, ed.meetingPlace,
            (SELECT MIN(t.n) FROM (SELECT 1 AS n UNION ALL SELECT m.tableNumber + 1 FROM meetings m WHERE m.slotId = s.id AND m.tableNumber IS NOT NULL) t
              WHERE NOT EXISTS (SELECT 1 FROM meetings m WHERE m.slotId = s.id AND m.tableNumber = t.n)) AS freeTable
       FROM slots s JOIN editions ed ON ed.id = s.editionId
      WHERE s.editionId = ? AND s.kind = 'meeting' AND s.endsAt > ?
        AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.slotId = s.id AND b.participantId IN (?, ?))
        AND (SELECT COUNT(*) FROM meetings m WHERE m.slotId = s.id AND m.tableNumber IS NOT NULL) < ed.tables
      ORDER BY s.startsAt LIMIT 1`,
  ),
  booking: db.prepare(
    `INSERT INTO bookings (id, editionId, slotId, participantId, meetingId, kind, createdAt) VALUES (?, ?, ?, ?, ?, 'meeting', ?), (?, ?, ?, ?, ?, 'meeting', ?)`,
  ),
  schedule: db.prepare(
    `UPDATE meetings SET status = 'scheduled', slotId = ?, tableNumber = ?, place = ?, updatedAt = ? WHERE id = ?`,
  ),
  parties: db.prepare(
    `SELECT p.id AS participantId, p.kind, u.firstName, u.lastName, p.organizationName, p.exhibitorId, e.stand, o.name AS exhibitorOrganization, ed.timezone
       FROM participants p JOIN users u ON u.id = p.userId JOIN editions ed ON ed.id = p.editionId
       LEFT JOIN exhibitors e ON e.id = p.exhibitorId LEFT JOIN organizations o ON o.id = e.organizationId
      WHERE p.id IN (?, ?)`,
  ),
  audience: db.prepare(
    `SELECT id, userId, exhibitorId FROM participants WHERE id IN (?, ?) OR exhibitorId IN (?, ?)`,
  ),
};

interface Row {
  [column: string]: unknown;
}
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

function who(req: IncomingMessage): Row {
  const token = req.headers.authorization?.replace(/^Bearer\s+/i, '') ?? '';
  let sub: string;
  try {
    sub = jwt.verify<{ sub: string }>(token).sub;
  } catch {
    throw new Refusal(401, 'auth/invalid_token');
  }
  const cached = recent.get(sub);
  if (cached && cached.until > Date.now()) return cached.user;
  const user = sql.user.get(sub) as Row | undefined;
  if (!user) throw new Refusal(401, 'auth/invalid_token');
  recent.set(sub, { user, until: Date.now() + env.AUTH_CACHE_MS });
  return user;
}
// As Coventis's AuthService: the account read is kept AUTH_CACHE_MS.
const recent = new Map<string, { user: Row; until: number }>();

/** The meeting as the API returns it (its slot at hand), and the people the live event goes to. */
function view(meeting: Row, slot: Row | null) {
  const parties = sql.parties.all(meeting.requesterId, meeting.inviteeId) as Row[];
  const stands = parties.map((p) => p.exhibitorId ?? '');
  const audience = sql.audience.all(meeting.requesterId, meeting.inviteeId, ...stands) as Row[];
  return {
    ...meeting,
    requester: parties.find((p) => p.participantId === meeting.requesterId),
    invitee: parties.find((p) => p.participantId === meeting.inviteeId),
    slot: slot && { ...slot, timezone: parties[0].timezone },
    audience: audience.length,
  };
}

const request = db.transaction((user: Row, me: Row, them: Row, body: Row) => {
  const at = now();
  const open = sql.open.get(at, me.id) as { pending: number; due: number };
  if (open.due > 0) throw new Refusal(409, 'bench/expired');
  if (open.pending >= env.MAX_PENDING_REQUESTS) throw new Refusal(409, 'meeting/too_many_pending');
  const a = String(me.exhibitorId ?? me.id);
  const b = String(them.exhibitorId ?? them.id);
  const id = randomUUID();
  const expires = new Date(Date.now() + env.MEETING_REQUEST_TTL_SECONDS * 1000);
  try {
    // The partial unique index on open pairs is the pair rule.
    sql.insertMeeting.run(
      id,
      me.editionId,
      me.id,
      them.id,
      a < b ? `${a}:${b}` : `${b}:${a}`,
      body.message ?? null,
      expires.toISOString().replace('T', ' ').replace('Z', ''),
      at,
      at,
    );
  } catch (error) {
    if (/UNIQUE/.test(String(error))) throw new Refusal(409, 'meeting/already_requested');
    throw error;
  }
  sql.log.run(
    randomUUID(),
    me.editionId,
    user.id,
    'meeting.requested',
    id,
    JSON.stringify({ status: 'requested' }),
    at,
  );
  return id;
});

const accept = db.transaction((user: Row, meetingId: string): Row => {
  const meeting = sql.meeting.get(meetingId) as Row;
  if (meeting.status !== 'requested') throw new Refusal(409, 'meeting/illegal_transition');
  const at = now();
  const slot = sql.earliest.get(meeting.editionId, at, meeting.requesterId, meeting.inviteeId) as
    Row | undefined;
  if (!slot) throw new Refusal(409, 'meeting/no_free_slot');
  const table = Number(slot.freeTable);
  const ids = [meeting.editionId, slot.id];
  sql.booking.run(
    randomUUID(),
    ...ids,
    meeting.requesterId,
    meetingId,
    at,
    randomUUID(),
    ...ids,
    meeting.inviteeId,
    meetingId,
    at,
  );
  sql.schedule.run(slot.id, table, `Table ${table}`, at, meetingId);
  sql.log.run(
    randomUUID(),
    meeting.editionId,
    user.id,
    'meeting.accepted',
    meetingId,
    JSON.stringify({ status: 'scheduled', slotId: slot.id, table }),
    at,
  );
  return {
    ...meeting,
    status: 'scheduled',
    slotId: slot.id,
    tableNumber: table,
    updatedAt: at,
    slot,
  };
});

function handle(req: IncomingMessage, body: Row): { status: number; json: unknown } {
  const user = who(req);
  const url = req.url ?? '';
  let match = url.match(/^\/api\/editions\/([^/]+)\/meetings$/);
  if (match && req.method === 'POST') {
    const both = sql.meAndThem.all(user.id, match[1], body.toParticipantId, match[1]) as Row[];
    const me = both.find((p) => p.userId === user.id);
    if (!me) throw new Refusal(403, 'meeting/not_participant');
    const them = both.find((p) => p.id === body.toParticipantId);
    if (!them) throw new Refusal(404, 'meeting/unknown_participant');
    if (them.id === me.id) throw new Refusal(400, 'meeting/self');
    if (me.kind === 'visitor' && them.kind === 'visitor')
      throw new Refusal(403, 'meeting/visitor_to_visitor');
    const id = request(user, me, them, body);
    // Coventis answers with the meeting it wrote, not a re-read.
    return {
      status: 201,
      json: view({ id, editionId: me.editionId, requesterId: me.id, inviteeId: them.id }, null),
    };
  }
  match = url.match(/^\/api\/meetings\/([^/]+)\/accept$/);
  if (match && req.method === 'POST') {
    const meeting = sql.meeting.get(match[1]) as Row | undefined;
    if (!meeting) throw new Refusal(404, 'meeting/not_found');
    const me = sql.mine.get(user.id, meeting.editionId) as Row | undefined;
    if (!me || me.id !== meeting.inviteeId) throw new Refusal(403, 'meeting/invitee_only');
    const scheduled = accept(user, meeting.id as string);
    return { status: 200, json: view(scheduled, scheduled.slot as Row) };
  }
  throw new Refusal(404, 'request/not_found');
}

function reply(res: ServerResponse, status: number, json: unknown) {
  const text = JSON.stringify(json);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    try {
      const body = (chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : {}) as Row;
      const { status, json } = handle(req, body);
      reply(res, status, json);
    } catch (error) {
      if (error instanceof Refusal) reply(res, error.status, { code: error.code });
      else reply(res, 500, { code: 'server/error', message: String(error) });
    }
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`Listening on http://localhost:${port}`);
});
process.on('SIGTERM', () => server.close(() => db.close()));
