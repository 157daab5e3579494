import {
  as,
  TestSession,
  type EditionInfo,
  type ExhibitorInfo,
  type VisitorInfo,
} from './support/session.js';

/** Seeded, so that a failing run can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('no double booking under concurrency', () => {
  let s: TestSession;
  beforeAll(async () => {
    s = await TestSession.start({ MAX_PENDING_REQUESTS: '1000' });
  });
  afterAll(() => s.close());

  it('gives one slot of one exhibitor to exactly one of 50 simultaneous accepts', async () => {
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
    const accepts = await Promise.all(
      requests.map((r) =>
        as(s.http, exhibitor.token).post(`/api/meetings/${r.body.id}/accept`, { slotId }),
      ),
    );
    const statuses = accepts.map((r) => r.status).sort();
    expect(statuses.filter((x) => x === 200)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(49);
    // Each loser is told the slot went, not that the database gave up (conflict/concurrent).
    const codes = new Set(
      accepts.filter((r) => r.status === 409).map((r) => (r.body as { code: string }).code),
    );
    expect([...codes]).toEqual(['meeting/slot_taken']);
    const rows = await s.testApp.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM meetings WHERE "slotId" = '${slotId}' AND status = 'scheduled'`,
    );
    expect(Number(rows[0].n)).toBe(1);
  });

  it('gives an email signing up in two editions at once one account, and its token to one of them', async () => {
    const [first, second] = [await s.createEdition(), await s.createEdition()];
    for (let round = 0; round < 5; round++) {
      const email = `race-${round}-${Date.now()}@test.example`;
      const body = (password: string) => ({
        firstName: 'Rose',
        lastName: 'Course',
        email,
        password,
        category: 'professional',
      });
      // Two people, two passwords: whoever's account is created, the other may not get a token for it.
      const [a, b] = await Promise.all([
        s.http.post(`/api/editions/${first.id}/registrations`).send(body('first-password-123')),
        s.http.post(`/api/editions/${second.id}/registrations`).send(body('second-password-456')),
      ]);
      expect([a.status, b.status].filter((x) => x === 201)).toHaveLength(1);
      const loser = a.status === 201 ? b : a;
      expect(loser.status).toBeGreaterThanOrEqual(400);
      expect(loser.status).toBeLessThan(500);
      const winner = a.status === 201 ? 'first-password-123' : 'second-password-456';
      await s.http.post('/api/auth/login').send({ email, password: winner }).expect(200);
    }
  });

  it('gives the last table to exactly one of 25 pairs accepting at the same second', async () => {
    const edition = await s.createEdition({ tables: 1 });
    const slotId = edition.slots[0].id;
    const pairs = await Promise.all(
      Array.from(
        { length: 25 },
        async () =>
          [await s.onboardExhibitor(edition.id), await s.registerVisitor(edition.id)] as const,
      ),
    );
    const requests = await Promise.all(
      pairs.map(([ex, v]) =>
        as(s.http, v.token).post(`/api/editions/${edition.id}/meetings`, {
          toParticipantId: ex.participantId,
        }),
      ),
    );
    const accepts = await Promise.all(
      requests.map((r, i) =>
        as(s.http, pairs[i][0].token).post(`/api/meetings/${r.body.id}/accept`, { slotId }),
      ),
    );
    expect(accepts.filter((r) => r.status === 200)).toHaveLength(1);
    expect(
      accepts.filter((r) => r.status === 409).every((r) => r.body.code === 'meeting/no_table'),
    ).toBe(true);
  });

  it('keeps every person and table single-booked through thousands of random operations', async () => {
    const seed = Number(process.env.FUZZ_SEED ?? 20270519);
    const random = prng(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const edition: EditionInfo = await s.createEdition({
      tables: 2,
      days: [{ date: '2027-05-19', start: '09:00', end: '12:00' }],
    });
    const exhibitors: ExhibitorInfo[] = await Promise.all(
      Array.from({ length: 6 }, () => s.onboardExhibitor(edition.id)),
    );
    const visitors: VisitorInfo[] = await Promise.all(
      Array.from({ length: 6 }, () => s.registerVisitor(edition.id)),
    );
    const people = [
      ...exhibitors.map((e) => ({ ...e, kind: 'exhibitor' })),
      ...visitors.map((v) => ({ ...v, kind: 'visitor' })),
    ];
    const tokenOf = new Map(people.map((p) => [p.participantId, p.token]));
    const slots = edition.slots.map((x) => x.id);
    const statuses = new Map<number, number>();

    const meetings = () =>
      s.testApp.query<{
        id: string;
        requesterId: string;
        inviteeId: string;
        status: string;
        slotId: string | null;
      }>(
        `SELECT id, "requesterId", "inviteeId", status, "slotId" FROM meetings WHERE "editionId" = '${edition.id}'`,
      );
    const operation = (all: Awaited<ReturnType<typeof meetings>>) => {
      const roll = random();
      const open = all.filter((m) => m.status === 'requested');
      const booked = all.filter((m) => m.status === 'scheduled');
      if (roll < 0.3 || all.length === 0) {
        const from = pick(people);
        const to = pick<{ participantId: string }>(from.kind === 'visitor' ? exhibitors : people);
        return as(s.http, from.token).post(`/api/editions/${edition.id}/meetings`, {
          toParticipantId: to.participantId,
          ...(random() < 0.5 ? { slotId: pick(slots) } : {}),
        });
      }
      if (roll < 0.6 && open.length) {
        const m = pick(open);
        return as(s.http, tokenOf.get(m.inviteeId)!).post(
          `/api/meetings/${m.id}/accept`,
          random() < 0.7 ? { slotId: pick(slots) } : {},
        );
      }
      if (roll < 0.7 && open.length) {
        const m = pick(open);
        return as(s.http, tokenOf.get(m.inviteeId)!).post(`/api/meetings/${m.id}/decline`);
      }
      if (roll < 0.8 && booked.length) {
        const m = pick(booked);
        return as(s.http, tokenOf.get(pick([m.requesterId, m.inviteeId]))!).post(
          `/api/meetings/${m.id}/reschedule`,
          { slotId: pick(slots) },
        );
      }
      if (roll < 0.9 && all.length) {
        const m = pick(all);
        return as(s.http, tokenOf.get(pick([m.requesterId, m.inviteeId]))!).post(
          `/api/meetings/${m.id}/cancel`,
        );
      }
      const who = pick(people);
      return as(s.http, who.token).put(`/api/editions/${edition.id}/availability`, {
        blockedSlotIds: slots.filter(() => random() < 0.15),
      });
    };

    let operations = 0;
    for (let batch = 0; batch < 50; batch++) {
      const all = await meetings();
      const responses = await Promise.all(Array.from({ length: 40 }, () => operation(all)));
      operations += responses.length;
      for (const r of responses) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);

      // Checked from the meetings themselves, not from the bookings that enforce the rule.
      const doubleBooked = await s.testApp.query(
        `SELECT "slotId", person, COUNT(*) AS n FROM (
           SELECT "slotId", "requesterId" AS person FROM meetings WHERE status = 'scheduled'
           UNION ALL SELECT "slotId", "inviteeId" AS person FROM meetings WHERE status = 'scheduled'
         ) busy GROUP BY "slotId", person HAVING COUNT(*) > 1`,
      );
      const sharedTables = await s.testApp.query(
        `SELECT "slotId", "tableNumber" FROM meetings WHERE status = 'scheduled' GROUP BY "slotId", "tableNumber" HAVING COUNT(*) > 1`,
      );
      const overfull = await s.testApp.query(
        `SELECT "slotId" FROM meetings WHERE status = 'scheduled' GROUP BY "slotId" HAVING COUNT(*) > 2`,
      );
      const onBlocked = await s.testApp.query(
        `SELECT m.id FROM meetings m JOIN bookings b ON b."slotId" = m."slotId" AND b.kind = 'blocked'
           AND b."participantId" IN (m."requesterId", m."inviteeId") WHERE m.status = 'scheduled'`,
      );
      const inconsistent = await s.testApp.query(
        `SELECT id FROM meetings m WHERE (m.status = 'scheduled') <> (m."slotId" IS NOT NULL AND m."tableNumber" IS NOT NULL)
           OR (SELECT COUNT(*) FROM bookings b WHERE b."meetingId" = m.id) <> (CASE WHEN m.status = 'scheduled' THEN 2 ELSE 0 END)`,
      );
      expect({
        batch,
        seed,
        doubleBooked,
        sharedTables,
        overfull,
        onBlocked,
        inconsistent,
      }).toEqual({
        batch,
        seed,
        doubleBooked: [],
        sharedTables: [],
        overfull: [],
        onBlocked: [],
        inconsistent: [],
      });
    }
    expect(operations).toBe(2000);
    // Refusals are 4xx with a reason; the server never failed.
    expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
    expect(statuses.get(200)).toBeGreaterThan(100);
    expect((await meetings()).filter((m) => m.status === 'scheduled').length).toBeGreaterThan(5);
  }, 120_000);
});
