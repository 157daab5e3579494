import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Agent } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { ORGANIZER } from '../support/app.js';
import { as, expectStatus, TestSession, visitorBody } from '../support/session.js';
import { Listener } from '../support/sockets.js';
import { NGINX, startCluster, type Cluster, type Instance } from './cluster.js';

/**
 * Two server processes on one PostgreSQL database and one Redis, behind a real nginx, every request
 * through it: a slot taken once, live events across instances, one login limit, and one instance
 * killed mid-run. Runs with `npm run test:scale`; `npm test` skips it.
 */
const postgresUrl = process.env.TEST_POSTGRES_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const missing = [
  !postgresUrl && 'TEST_POSTGRES_URL is not set',
  !redisUrl && 'TEST_REDIS_URL is not set',
  !existsSync(NGINX) && `${NGINX} is absent`,
].filter(Boolean);
const describeScaled = missing.length === 0 ? describe : describe.skip;
if (missing.length > 0) {
  console.log(`${missing.join(', ')}: the multi-instance test does not run (npm run test:scale).`);
}

const LOGIN_LIMIT = 5;

/** How many of each key, for assertions whose failure shows every outcome at once. */
function tally<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

const outcome = (res: { status: number; body: { code?: string } }) =>
  `${res.status} ${res.body.code ?? ''}`.trim();

describeScaled('two instances behind nginx, one PostgreSQL, one Redis', () => {
  let cluster: Cluster;
  let s: TestSession;
  beforeAll(async () => {
    // An organizer of this run's own: login attempts are counted in Redis for a minute, across runs.
    const organizer = {
      email: `organizer-${randomUUID().slice(0, 8)}@test.example`,
      password: ORGANIZER.password,
    };
    cluster = await startCluster({
      REDIS_URL: redisUrl!,
      ORGANIZER_EMAIL: organizer.email,
      ORGANIZER_PASSWORD: organizer.password,
      LOGIN_RATE_LIMIT: String(LOGIN_LIMIT),
      // Every sign-up comes from 127.0.0.1, counted in Redis with other suites' for a minute.
      REGISTRATION_RATE_LIMIT: '100000',
      MAX_PENDING_REQUESTS: '1000',
    });
    s = await TestSession.on(cluster, organizer);
  }, 300_000);
  afterAll(async () => {
    await cluster?.close();
  });

  it('answers health from both instances, database and Redis up', async () => {
    const served = new Set<Instance>();
    for (let i = 0; i < 10; i++) {
      const res = await s.http.get('/api/health');
      expectStatus(res, 200);
      expect(res.body).toEqual({ status: 'ok', database: 'ok', redis: 'ok' });
      served.add(cluster.instanceOf(res));
    }
    expect([...served].sort()).toEqual(['a', 'b']);
  });

  it('gives one slot to exactly one of 50 simultaneous accepts spread over both instances', async () => {
    const edition = await s.createEdition();
    const exhibitor = await s.onboardExhibitor(edition.id);
    const slotId = edition.slots[2].id;
    const visitors = await Promise.all(
      Array.from({ length: 50 }, () => s.registerVisitor(edition.id)),
    );
    const requests = await Promise.all(
      visitors.map((v) =>
        as(s.http, v.token).post(`/api/editions/${edition.id}/meetings`, {
          toParticipantId: exhibitor.participantId,
          slotId,
        }),
      ),
    );
    for (const r of requests) expectStatus(r, 201);
    const accepts = await Promise.all(
      requests.map((r) =>
        as(s.http, exhibitor.token).post(`/api/meetings/${r.body.id}/accept`, { slotId }),
      ),
    );
    const served = tally(accepts, (r) => cluster.instanceOf(r));
    console.log(`50 accepts at one slot: instance a served ${served.a}, instance b ${served.b}`);
    expect(Object.keys(served).sort()).toEqual(['a', 'b']);
    const won = accepts.filter((r) => r.status === 200);
    expect(won).toHaveLength(1);
    // conflict/concurrent would mean PostgreSQL's serialization retries ran out.
    expect(tally(accepts, outcome)).toEqual({ '200': 1, '409 meeting/slot_taken': 49 });
    const scheduled = await cluster.query<{ id: string }>(
      `SELECT id FROM meetings WHERE "slotId" = '${slotId}' AND status = 'scheduled'`,
    );
    expect(scheduled.map((m) => m.id)).toEqual([won[0].body.id]);
    const booked = await cluster.query<{ meetingId: string }>(
      `SELECT "meetingId" FROM bookings WHERE "slotId" = '${slotId}'`,
    );
    expect(booked.map((b) => b.meetingId)).toEqual([won[0].body.id, won[0].body.id]);
  });

  it.each<[Instance, Instance]>([
    ['a', 'b'],
    ['b', 'a'],
  ])(
    'tells a visitor connected to instance %s of a meeting accepted through instance %s',
    async (home, other) => {
      const edition = await s.createEdition();
      const exhibitors = await Promise.all(
        Array.from({ length: 4 }, () => s.onboardExhibitor(edition.id)),
      );
      const visitor = await s.registerVisitor(edition.id);
      const localAddress = await cluster.addressOn(home);
      const listener = await Listener.connect(cluster.url, visitor.token, {
        // Typed as a string by socket.io-client; over Node it is handed to ws as the http.Agent it is.
        agent: new Agent({ localAddress }) as unknown as string,
      });
      try {
        const meetingIds: string[] = [];
        const trace: string[] = [];
        for (const exhibitor of exhibitors) {
          const res = await as(s.http, visitor.token).post(`/api/editions/${edition.id}/meetings`, {
            toParticipantId: exhibitor.participantId,
          });
          expectStatus(res, 201);
          trace.push(`request ${res.body.id} on ${cluster.instanceOf(res)}`);
          meetingIds.push(res.body.id);
        }
        // /api/ is round robin: accept one after the other until the other instance serves one.
        let crossed: string | undefined;
        for (const [i, exhibitor] of exhibitors.entries()) {
          const res = await as(s.http, exhibitor.token).post(
            `/api/meetings/${meetingIds[i]}/accept`,
          );
          expectStatus(res, 200);
          trace.push(`accept ${meetingIds[i]} on ${cluster.instanceOf(res)}`);
          if (cluster.instanceOf(res) === other) {
            crossed = meetingIds[i];
            break;
          }
        }
        expect(crossed).toBeDefined();
        const heard = await listener
          .waitFor<{ id: string; status: string }>('meeting.scheduled', (p) => p.id === crossed)
          .catch((error: Error) => {
            const warnings = cluster
              .output()
              .split('\n')
              .filter((l) => /WARN|ERROR/.test(l));
            throw new Error(`${error.message}; ${trace.join(', ')}\n${warnings.join('\n')}`);
          });
        expect(heard.status).toBe('scheduled');
      } finally {
        listener.close();
      }
    },
  );

  it(`refuses login attempt ${LOGIN_LIMIT + 1} for one email, counted over both instances`, async () => {
    const edition = await s.createEdition();
    const visitor = await s.registerVisitor(edition.id);
    const attempt = (localAddress?: string) => {
      const req = s.http.post('/api/auth/login');
      if (localAddress) req.agent(new Agent({ localAddress }));
      return req.send({ email: visitor.email, password: 'not-the-password' });
    };
    const allowed = [];
    for (let i = 0; i < LOGIN_LIMIT; i++) allowed.push(await attempt());
    expect(tally(allowed, outcome)).toEqual({ '401 auth/wrong_credentials': LOGIN_LIMIT });
    // Each instance alone saw fewer than the limit: only the count they share refuses the next.
    const perInstance = tally(allowed, (r) => cluster.instanceOf(r));
    expect(Object.keys(perInstance).sort()).toEqual(['a', 'b']);
    expect(Math.max(...Object.values(perInstance))).toBeLessThan(LOGIN_LIMIT);

    const refused = [];
    while (new Set(refused.map((r) => cluster.instanceOf(r))).size < 2 && refused.length < 10) {
      refused.push(await attempt());
    }
    expect(tally(refused, outcome)).toEqual({ '429 request/rate_limited': refused.length });
    expect(new Set(refused.map((r) => cluster.instanceOf(r))).size).toBe(2);

    // The count is per client address, which nginx passes on: another address may still try.
    expect(outcome(await attempt('127.0.0.200'))).toBe('401 auth/wrong_credentials');
  });

  // Last: the cluster has one instance left after it.
  it('keeps every acknowledged write and goes on serving when an instance is killed mid-run', async () => {
    const edition = await s.createEdition();
    const victim: Instance = 'b';
    const survivor: Instance = 'a';
    type Phase = 'before' | 'killing' | 'after';
    interface Write {
      email: string;
      startedIn: Phase;
      status: number;
      participantId?: string;
      /** The instance that answered, and whether nginx first tried the other. */
      instance?: Instance;
      retried: boolean;
    }
    interface Answer {
      status: number;
      body: { participantId?: string };
      headers: Record<string, string>;
    }
    let phase: Phase = 'before';
    let stopping = false;
    const writes: Write[] = [];
    const acknowledged = (startedIn: Phase) =>
      writes.filter((w) => w.startedIn === startedIn && w.status === 201);

    const writer = async () => {
      while (!stopping) {
        const startedIn = phase;
        const body = visitorBody();
        const res: Answer = await s.http
          .post(`/api/editions/${edition.id}/registrations`)
          .send(body)
          .then(
            (r) => r,
            // The proxy stays up: a refused connection to it would be a failure of its own (status 0).
            () => ({ status: 0, body: {}, headers: {} }),
          );
        const upstream = res.headers['x-upstream'];
        writes.push({
          email: body.email,
          startedIn,
          status: res.status,
          participantId: res.body.participantId,
          instance: upstream ? cluster.instanceOf(res) : undefined,
          retried: upstream?.includes(',') ?? false,
        });
      }
    };
    // A guard against a hang, not a measure: the loop ends by count.
    let broken: Error | undefined;
    const until = async (done: () => boolean) => {
      for (const deadline = Date.now() + 120_000; !done(); await sleep(20)) {
        if (broken) throw broken;
        if (Date.now() > deadline) throw new Error(`Stuck; so far: ${JSON.stringify(writes)}`);
      }
    };

    const writers = Array.from({ length: 6 }, () =>
      writer().catch((error: unknown) => {
        broken = error instanceof Error ? error : new Error(String(error));
        stopping = true;
      }),
    );
    try {
      await until(() => {
        const served = new Set(acknowledged('before').map((w) => w.instance));
        return acknowledged('before').length >= 30 && served.has(victim) && served.has(survivor);
      });
      phase = 'killing';
      await cluster.instances[victim].kill();
      phase = 'after';
      await until(() => acknowledged('after').length >= 30);
    } finally {
      stopping = true;
      await Promise.all(writers);
    }
    if (broken) throw broken;

    // Once the kill was done, every write went through, on the instance left.
    const after = writes.filter((w) => w.startedIn === 'after');
    expect(tally(after, (w) => `${w.status} ${w.instance}`)).toEqual({
      [`201 ${survivor}`]: after.length,
    });
    // What the killed instance had in hand was answered 502 and not sent again (it may be written).
    const failed = writes.filter((w) => w.status !== 201);
    expect(
      failed.filter((w) => w.status !== 502 || w.instance !== victim || w.startedIn === 'after'),
    ).toEqual([]);

    const stored = await cluster.query<{ id: string; email: string }>(
      `SELECT p.id, u.email FROM participants p JOIN users u ON u.id = p."userId"
        WHERE p."editionId" = '${edition.id}'`,
    );
    const participantOf = new Map(stored.map((row) => [row.email, row.id]));
    const lost = writes.filter(
      (w) => w.status === 201 && participantOf.get(w.email) !== w.participantId,
    );
    expect(lost).toEqual([]);

    for (let i = 0; i < 4; i++) {
      const res = await s.http.get('/api/health');
      expectStatus(res, 200);
      expect(res.body).toEqual({ status: 'ok', database: 'ok', redis: 'ok' });
      expect(cluster.instanceOf(res)).toBe(survivor);
    }
    console.log(
      `kill of instance ${victim}: ${writes.length} writes, ${acknowledged('before').length} acknowledged before ` +
        `(${JSON.stringify(tally(acknowledged('before'), (w) => w.instance ?? '?'))}), ` +
        `${failed.length} answered 502 in flight (${failed.filter((w) => participantOf.has(w.email)).length} of them written anyway), ` +
        `${acknowledged('killing').length} acknowledged while killing, ${after.length} after ` +
        `(${after.filter((w) => w.retried).length} first tried on ${victim})`,
    );
  }, 300_000);
});
