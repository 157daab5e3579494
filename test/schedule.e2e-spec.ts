import type { ScheduleFigures } from '../src/schedule/schedule-figures.js';
import { Listener, settle } from './support/sockets.js';
import {
  as,
  expectStatus,
  TestSession,
  type EditionInfo,
  type ExhibitorInfo,
  type VisitorInfo,
} from './support/session.js';

interface Proposal extends ScheduleFigures {
  editionId: string;
  assignments: {
    meetingId: string;
    requesterId: string;
    inviteeId: string;
    slot: { id: string; startsAt: string };
    table: number | null;
    place: string | null;
  }[];
  unplaced: {
    meetingId: string;
    requester: { participantId: string };
    invitee: { participantId: string };
    reason: string;
  }[];
}

interface Row {
  id: string;
  status: string;
  slotId: string | null;
  tableNumber: number | null;
}

describe('batch scheduler: dry run, commit, live notifications', () => {
  let s: TestSession;
  let edition: EditionInfo;
  let exhibitors: ExhibitorInfo[];
  let visitors: VisitorInfo[];
  let blocker: VisitorInfo;
  let bystander: VisitorInfo;
  let hand: { id: string; slotId: string; table: number };
  let breakSlotId: string;
  const requestIds: string[] = [];

  const schedule = (body: object = {}, token = s.organizerToken, editionId = edition.id) =>
    as(s.http, token).post(`/api/editions/${editionId}/schedule`, body);
  const meetingRows = () =>
    s.testApp.query<Row>(
      `SELECT id, status, "slotId", "tableNumber" FROM meetings WHERE "editionId" = '${edition.id}' ORDER BY id`,
    );

  beforeAll(async () => {
    s = await TestSession.start({ MAX_PENDING_REQUESTS: '50' });
    // Two mornings of six 30-minute slots, three tables.
    edition = await s.createEdition({
      tables: 3,
      days: [
        { date: '2027-05-19', start: '09:00', end: '12:00' },
        { date: '2027-05-20', start: '09:00', end: '12:00' },
      ],
    });
    exhibitors = [];
    for (let i = 0; i < 4; i++)
      exhibitors.push(await s.onboardExhibitor(edition.id, { stand: `S0${i}` }));
    visitors = [];
    for (let i = 0; i < 6; i++) visitors.push(await s.registerVisitor(edition.id));
    blocker = await s.registerVisitor(edition.id, { firstName: 'Busy' });
    bystander = await s.registerVisitor(edition.id, { firstName: 'Bystander' });

    // The blocker is unavailable all along: their requests cannot be placed.
    await as(s.http, blocker.token)
      .put(`/api/editions/${edition.id}/availability`, {
        blockedSlotIds: edition.slots.map((slot) => slot.id),
      })
      .expect(200);
    for (const visitor of visitors) {
      for (const exhibitor of exhibitors) {
        const res = await as(s.http, visitor.token).post(`/api/editions/${edition.id}/meetings`, {
          toParticipantId: exhibitor.participantId,
        });
        expectStatus(res, 201);
        requestIds.push(res.body.id as string);
      }
    }
    for (const exhibitor of exhibitors.slice(0, 2)) {
      const res = await as(s.http, blocker.token).post(`/api/editions/${edition.id}/meetings`, {
        toParticipantId: exhibitor.participantId,
      });
      expectStatus(res, 201);
    }
    // One meeting scheduled by hand, which the scheduler must leave where it is.
    const accepted = await as(s.http, exhibitors[0].token).post(
      `/api/meetings/${requestIds[0]}/accept`,
      { slotId: edition.slots[3].id },
    );
    expectStatus(accepted, 200);
    hand = { id: requestIds[0], slotId: edition.slots[3].id, table: accepted.body.table as number };
    breakSlotId = edition.slots[4].id;
    await as(s.http, s.organizerToken)
      .patch(`/api/editions/${edition.id}/slots/${breakSlotId}`, { kind: 'break' })
      .expect(200);
  });
  afterAll(() => s.close());

  /** No person twice at a slot and no table twice at a slot, the hand-made meeting included. */
  function expectNoDoubleBooking(p: Proposal): void {
    const people = new Set<string>();
    const tables = new Set<string>();
    const all = [
      ...p.assignments.map((a) => [a.slot.id, a.table, a.requesterId, a.inviteeId] as const),
      [hand.slotId, hand.table, visitors[0].participantId, exhibitors[0].participantId] as const,
    ];
    for (const [slot, table, a, b] of all) {
      for (const key of [`${slot}:${a}`, `${slot}:${b}`, `${slot}:t${table}`]) {
        expect(people.has(key) || tables.has(key)).toBe(false);
        (key.includes(':t') ? tables : people).add(key);
      }
    }
  }

  it('is for organizers only, on an edition that exists', async () => {
    await s.http.post(`/api/editions/${edition.id}/schedule`).send({}).expect(401);
    for (const token of [exhibitors[0].token, visitors[0].token]) {
      const res = await schedule({}, token);
      expect(res.status).toBe(403);
    }
    const res = await schedule({}, s.organizerToken, '00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('edition/not_found');
  });

  it('is documented in the OpenAPI page', async () => {
    const res = await s.http.get('/api/docs-json').expect(200);
    const operation = res.body.paths['/api/editions/{editionId}/schedule']?.post;
    expect(operation?.requestBody).toBeDefined();
    expect(operation?.responses['200']).toBeDefined();
  });

  it('validates the body and names the field', async () => {
    const cases: [object, string][] = [
      [{ commit: 'yes' }, 'commit must be a boolean value'],
      [{ seed: -1 }, 'seed must not be less than 0'],
      [{ seed: 1.5 }, 'seed must be an integer number'],
      [{ fast: true }, 'property fast should not exist'],
    ];
    for (const [body, message] of cases) {
      const res = await schedule(body);
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(message);
    }
  });

  it('dry run: proposes a schedule with its figures and changes nothing', async () => {
    const before = await meetingRows();
    const bookingsBefore = await s.testApp.query('SELECT * FROM bookings ORDER BY id');
    const agendaBefore = await as(s.http, visitors[1].token).get(
      `/api/editions/${edition.id}/agenda`,
    );

    const res = await schedule({});
    expect(res.status).toBe(200);
    const p = res.body as Proposal;
    expect(p).toMatchObject({ editionId: edition.id, committed: false, seed: 1 });
    expect(p.requested).toBe(6 * 4 - 1 + 2);
    expect(p.kept).toBe(1);
    expect(p.placed).toBe(23);
    expect(p.upperBound).toBeGreaterThanOrEqual(p.placed);
    expect(p.upperBound).toBe(23);
    expect(typeof p.holes).toBe('number');
    expect(p.timeMs).toBeGreaterThanOrEqual(0);
    expect(p.assignments).toHaveLength(23);
    expect(p.assignments.map((a) => a.meetingId)).not.toContain(hand.id);
    for (const a of p.assignments) {
      expect(a.slot.id).not.toBe(breakSlotId);
      expect(a.slot.startsAt).toMatch(/\+02:00$/);
      expect(a.table).toBeGreaterThanOrEqual(1);
      expect(a.table).toBeLessThanOrEqual(3);
      expect(a.place).toBe(`Table ${a.table}`);
    }
    expectNoDoubleBooking(p);
    expect(p.unplaced).toHaveLength(2);
    for (const u of p.unplaced) {
      expect(u.requester.participantId).toBe(blocker.participantId);
      expect(u.reason).toBe('participant_unavailable');
    }

    expect(await meetingRows()).toEqual(before);
    expect(await s.testApp.query('SELECT * FROM bookings ORDER BY id')).toEqual(bookingsBefore);
    const agendaAfter = await as(s.http, visitors[1].token).get(
      `/api/editions/${edition.id}/agenda`,
    );
    expect(agendaAfter.body).toEqual(agendaBefore.body);
  });

  it('gives the same proposal for the same seed', async () => {
    const first = (await schedule({ seed: 7 }).expect(200)).body as Proposal;
    const second = (await schedule({ seed: 7 }).expect(200)).body as Proposal;
    expect(second.assignments).toEqual(first.assignments);
    expect(second.unplaced).toEqual(first.unplaced);
    expect(second.holes).toBe(first.holes);
  });

  it('commit: publishes the proposal, keeps the hand-made meeting, tells every affected person', async () => {
    const url = s.testApp.url;
    const affected = [...visitors, ...exhibitors];
    const sockets = await Promise.all(affected.map((who) => Listener.connect(url, who.token)));
    const quiet = await Promise.all(
      [bystander, blocker].map((who) => Listener.connect(url, who.token)),
    );
    const organizer = await Listener.connect(url, s.organizerToken);
    try {
      const dry = (await schedule({ seed: 3 }).expect(200)).body as Proposal;
      const res = await schedule({ commit: true, seed: 3 });
      expect(res.status).toBe(200);
      const p = res.body as Proposal;
      expect(p.committed).toBe(true);
      expect(p.assignments).toEqual(dry.assignments);

      const rows = new Map((await meetingRows()).map((r) => [r.id, r]));
      expect(rows.get(hand.id)).toMatchObject({
        status: 'scheduled',
        slotId: hand.slotId,
        tableNumber: hand.table,
      });
      for (const a of p.assignments) {
        expect(rows.get(a.meetingId)).toMatchObject({
          status: 'scheduled',
          slotId: a.slot.id,
          tableNumber: a.table,
        });
      }
      for (const u of p.unplaced) expect(rows.get(u.meetingId)?.status).toBe('requested');

      // The database agrees: two bookings per meeting, no person or table twice at a slot.
      const sharedTables = await s.testApp.query(
        `SELECT "slotId", "tableNumber" FROM meetings WHERE status = 'scheduled'
         GROUP BY "slotId", "tableNumber" HAVING COUNT(*) > 1`,
      );
      const doubleBooked = await s.testApp.query(
        `SELECT "slotId", person FROM (
           SELECT "slotId", "requesterId" AS person FROM meetings WHERE status = 'scheduled'
           UNION ALL SELECT "slotId", "inviteeId" AS person FROM meetings WHERE status = 'scheduled'
         ) busy GROUP BY "slotId", person HAVING COUNT(*) > 1`,
      );
      expect({ sharedTables, doubleBooked }).toEqual({ sharedTables: [], doubleBooked: [] });
      const bookings = await s.testApp.query<{ meetingId: string; n: number }>(
        `SELECT "meetingId", COUNT(*) AS n FROM bookings WHERE kind = 'meeting' GROUP BY "meetingId"`,
      );
      expect(bookings).toHaveLength(24);
      expect(bookings.every((b) => Number(b.n) === 2)).toBe(true);
      // Bulk-written rows read back like the hand-made meeting's (same date storage, same JSON).
      const stamps = await s.testApp.query<{ at: unknown }>(
        `SELECT "createdAt" AS at FROM bookings WHERE kind = 'meeting'`,
      );
      // Written by this test, in the last ten minutes: a date stored in another zone is hours off.
      const started = Date.now() - 600_000;
      for (const { at } of stamps) {
        const time = at instanceof Date ? at.getTime() : Date.parse(`${String(at)}Z`);
        expect(time).toBeGreaterThan(started);
      }
      expect(
        new Set(stamps.map(({ at }) => (at instanceof Date ? 'date' : String(at).length))).size,
      ).toBe(1);
      const log = await s.testApp.query<{ action: string; data: string }>(
        `SELECT action, data FROM activity_log WHERE "editionId" = '${edition.id}'
         AND action IN ('meeting.accepted', 'schedule.committed')`,
      );
      const byScheduler = log.filter(
        (l) => l.action === 'meeting.accepted' && JSON.parse(l.data).by === 'scheduler',
      );
      expect(byScheduler).toHaveLength(23);
      const committed = log.filter((l) => l.action === 'schedule.committed');
      expect(committed).toHaveLength(1);
      expect(JSON.parse(committed[0].data)).toMatchObject({ seed: 3, placed: 23, unplaced: 2 });

      const agenda = await as(s.http, visitors[2].token).get(`/api/editions/${edition.id}/agenda`);
      expect(
        agenda.body.meetings.filter((m: { status: string }) => m.status === 'scheduled'),
      ).toHaveLength(4);

      for (const listener of sockets) await listener.waitFor('agenda.updated');
      const [first] = p.assignments;
      const party = sockets[visitors.findIndex((v) => v.participantId === first.requesterId)];
      const heard = await party.waitFor<{ id: string; status: string; direction: string }>(
        'meeting.scheduled',
        (m) => m.id === first.meetingId,
      );
      expect(heard).toMatchObject({ status: 'scheduled', direction: 'outgoing' });
      const progress = await organizer.waitFor<{ editionId: string; fraction: number }>(
        'schedule.progress',
        (e) => e.fraction === 1,
      );
      expect(progress).toMatchObject({ editionId: edition.id, placed: 23 });
      await settle();
      for (const listener of quiet) expect(listener.events()).toEqual([]);
    } finally {
      [...sockets, ...quiet, organizer].forEach((l) => l.close());
    }
  });

  it('a second run keeps everything scheduled and has only the impossible requests left', async () => {
    const p = (await schedule({ commit: true }).expect(200)).body as Proposal;
    expect(p).toMatchObject({ requested: 2, kept: 24, placed: 0, upperBound: 0 });
    expect(p.unplaced.map((u) => u.reason)).toEqual([
      'participant_unavailable',
      'participant_unavailable',
    ]);
  });
});

describe('batch scheduler at stands', () => {
  let s: TestSession;
  beforeAll(async () => {
    s = await TestSession.start();
  });
  afterAll(() => s.close());

  it('places meetings at the exhibitor’s stand, several at once', async () => {
    const edition = await s.createEdition({ tables: 1, meetingPlace: 'stands' });
    const hosts = [
      await s.onboardExhibitor(edition.id, { stand: 'A01' }),
      await s.onboardExhibitor(edition.id, { stand: 'B02' }),
    ];
    for (let i = 0; i < 2; i++) {
      const visitor = await s.registerVisitor(edition.id);
      for (const host of hosts) {
        await as(s.http, visitor.token)
          .post(`/api/editions/${edition.id}/meetings`, { toParticipantId: host.participantId })
          .expect(201);
      }
    }
    const res = await as(s.http, s.organizerToken).post(`/api/editions/${edition.id}/schedule`, {
      commit: true,
    });
    expect(res.status).toBe(200);
    const p = res.body as Proposal;
    expect(p.placed).toBe(4);
    const stands = new Map([
      [hosts[0].participantId, 'Stand A01'],
      [hosts[1].participantId, 'Stand B02'],
    ]);
    for (const a of p.assignments) {
      expect(a.table).toBeNull();
      expect(a.place).toBe(stands.get(a.inviteeId));
    }
    // More meetings at one slot than the edition has tables: stands are not tables.
    const perSlot = new Map<string, number>();
    for (const a of p.assignments) perSlot.set(a.slot.id, (perSlot.get(a.slot.id) ?? 0) + 1);
    expect(Math.max(...perSlot.values())).toBeGreaterThan(1);
  });
});

describe('batch scheduler racing a change made while it runs', () => {
  let s: TestSession;
  beforeAll(async () => {
    s = await TestSession.start({ MAX_PENDING_REQUESTS: '50' });
  });
  afterAll(() => s.close());

  // A person blocks a slot while the commit is computed. Whichever lands first, the published agendas
  // must respect the block: either the commit saw it, or it is refused with 409 and publishes nothing.
  it('publishes nothing when availability changed meanwhile, and never books a blocked slot', async () => {
    const edition = await s.createEdition({ tables: 4 });
    const exhibitors = [];
    for (let i = 0; i < 4; i++) exhibitors.push(await s.onboardExhibitor(edition.id));
    const visitors = [];
    for (let i = 0; i < 6; i++) visitors.push(await s.registerVisitor(edition.id));
    const [busy] = visitors;
    const outcomes = new Set<number>();
    const isBusys = (m: { status: string; requesterId: string }) =>
      m.status === 'scheduled' && m.requesterId === busy.participantId;
    const rows = () =>
      s.testApp.query<{ id: string; status: string; slotId: string | null; requesterId: string }>(
        `SELECT id, status, "slotId", "requesterId" FROM meetings WHERE "editionId" = '${edition.id}'`,
      );

    // Delays after the commit starts; null: the block comes once the commit has answered.
    for (const [round, delay] of [0, 10, 30, null].entries()) {
      for (const visitor of visitors) {
        for (const exhibitor of exhibitors) {
          await as(s.http, visitor.token)
            .post(`/api/editions/${edition.id}/meetings`, {
              toParticipantId: exhibitor.participantId,
            })
            .expect(201);
        }
      }
      let blocked = edition.slots[round].id;
      const commit = as(s.http, s.organizerToken)
        .post(`/api/editions/${edition.id}/schedule`, { commit: true, seed: round + 1 })
        .then((res) => res);
      if (delay === null) {
        // Once published, the person blocks a slot left free in their agenda.
        await commit;
        const taken = new Set((await rows()).filter(isBusys).map((m) => m.slotId));
        blocked = edition.slots.find((slot) => !taken.has(slot.id))!.id;
      } else await new Promise((resolve) => setTimeout(resolve, delay));
      await as(s.http, busy.token)
        .put(`/api/editions/${edition.id}/availability`, { blockedSlotIds: [blocked] })
        .expect(200);
      const res = await commit;
      outcomes.add(res.status);

      const meetings = await rows();
      const scheduled = meetings.filter((m) => m.status === 'scheduled');
      if (res.status === 409) {
        expect(res.body.code).toBe('schedule/changed');
        expect(scheduled).toEqual([]);
        const bookings = await s.testApp.query(
          `SELECT id FROM bookings WHERE "editionId" = '${edition.id}' AND kind = 'meeting'`,
        );
        expect(bookings).toEqual([]);
      } else {
        expect(res.status).toBe(200);
        expect(scheduled.length).toBe((res.body as Proposal).placed);
        expect(scheduled.length).toBeGreaterThan(0);
      }
      // The block always stands, and no meeting of that person sits on it.
      const agenda = await as(s.http, busy.token)
        .get(`/api/editions/${edition.id}/availability`)
        .expect(200);
      expect(agenda.body.blockedSlotIds).toEqual([blocked]);
      expect(scheduled.filter((m) => isBusys(m) && m.slotId === blocked)).toEqual([]);

      // Next round from a clean sheet: every open request or meeting is cancelled.
      for (const m of meetings.filter(
        (x) => x.status === 'scheduled' || x.status === 'requested',
      )) {
        const visitor = visitors.find((v) => v.participantId === m.requesterId)!;
        await as(s.http, visitor.token).post(`/api/meetings/${m.id}/cancel`).expect(200);
      }
    }
    // A commit spends tens of milliseconds at least starting its worker thread, so a block sent with it
    // lands while it runs; the last round, once it has answered, lets it publish.
    expect([...outcomes].sort()).toEqual([200, 409]);
  });
});

describe('batch scheduler with priorities and half-days', () => {
  let s: TestSession;
  let edition: EditionInfo;
  const slotAt = (hhmm: string) =>
    edition.slots.find((slot) => slot.startsAt.slice(11, 16) === hhmm)!;
  const request = (from: VisitorInfo, to: ExhibitorInfo, body: object = {}) =>
    as(s.http, from.token).post(`/api/editions/${edition.id}/meetings`, {
      toParticipantId: to.participantId,
      ...body,
    });
  const onlyFree = (who: ExhibitorInfo, times: string[]) =>
    as(s.http, who.token)
      .put(`/api/editions/${edition.id}/availability`, {
        blockedSlotIds: edition.slots
          .filter((slot) => !times.includes(slot.startsAt.slice(11, 16)))
          .map((slot) => slot.id),
      })
      .expect(200);

  beforeAll(async () => {
    s = await TestSession.start({ MAX_PRIORITY_REQUESTS: '1' });
    // 11:00 and 11:30 are the morning, 12:00 and 12:30 the afternoon (Paris time), three tables.
    edition = await s.createEdition({
      tables: 3,
      timezone: 'Europe/Paris',
      days: [{ date: '2027-05-19', start: '11:00', end: '13:00' }],
    });
  });
  afterAll(() => s.close());

  it('refuses a priority or a half-day it does not know, naming the field', async () => {
    const exhibitor = await s.onboardExhibitor(edition.id, { stand: 'P01' });
    const visitor = await s.registerVisitor(edition.id);
    for (const [body, field] of [
      [{ priority: 3 }, 'priority'],
      [{ priority: 1.5 }, 'priority'],
      [{ priority: 'high' }, 'priority'],
      [{ window: 'evening' }, 'window'],
    ] as const) {
      const res = await request(visitor, exhibitor, body);
      expect(res.status).toBe(400);
      expect((res.body.message as string[]).some((m) => m.startsWith(`${field} `))).toBe(true);
    }
    const mine = await as(s.http, visitor.token).get(`/api/editions/${edition.id}/agenda`);
    expect(JSON.stringify(mine.body)).not.toContain(exhibitor.participantId);
  });

  it('places an essential request before two ordinary ones, and keeps a half-day', async () => {
    const [ea, eb, ec, ed] = [
      await s.onboardExhibitor(edition.id, { stand: 'A01' }),
      await s.onboardExhibitor(edition.id, { stand: 'B01' }),
      await s.onboardExhibitor(edition.id, { stand: 'C01' }),
      await s.onboardExhibitor(edition.id, { stand: 'D01' }),
    ];
    const [v1, v2, v3] = [
      await s.registerVisitor(edition.id),
      await s.registerVisitor(edition.id),
      await s.registerVisitor(edition.id),
    ];
    // Ea and Eb can only meet at 11:00. Counting meetings alone, V3–Ea and V2–Eb (two) beat
    // V2–Ea (one); V2 marks Ea essential, which must win.
    await onlyFree(ea, ['11:00']);
    await onlyFree(eb, ['11:00']);
    const essential = await request(v2, ea, { priority: 2 });
    expectStatus(essential, 201);
    expect(essential.body).toMatchObject({ priority: 2, window: 'any' });
    // MAX_PRIORITY_REQUESTS is 1 here: a second prioritised request is refused, naming the field.
    const second = await request(v2, eb, { priority: 1 });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('meeting/too_many_priorities');
    expect(second.body.message).toMatch(/^priority: /);
    expectStatus(await request(v2, eb), 201);
    const ordinary = await request(v3, ea);
    expectStatus(ordinary, 201);
    expect(ordinary.body).toMatchObject({ priority: 0, window: 'any' });

    // V1 already meets Ed at 11:00; 11:30 would follow on, but V1 asked for Ec in the afternoon.
    const hand = await request(v1, ed);
    expectStatus(hand, 201);
    await as(s.http, ed.token)
      .post(`/api/meetings/${hand.body.id}/accept`, { slotId: slotAt('11:00').id })
      .expect(200);
    const afternoon = await request(v1, ec, { window: 'afternoon' });
    expectStatus(afternoon, 201);
    expect(afternoon.body.window).toBe('afternoon');

    const res = await as(s.http, s.organizerToken)
      .post(`/api/editions/${edition.id}/schedule`, { commit: true })
      .expect(200);
    const proposal = res.body as Proposal;
    const placed = new Map(proposal.assignments.map((a) => [a.meetingId, a.slot.startsAt]));
    expect(placed.get(essential.body.id as string)?.slice(11, 16)).toBe('11:00');
    expect(placed.has(ordinary.body.id as string)).toBe(false);
    expect(['12:00', '12:30']).toContain(placed.get(afternoon.body.id as string)?.slice(11, 16));
    expect(proposal.unplaced.map((u) => u.requester.participantId).sort()).toEqual(
      [v2.participantId, v3.participantId].sort(),
    );

    // Published: the essential meeting is in V2's agenda, and the afternoon one in V1's.
    const agenda = await as(s.http, v1.token).get(`/api/editions/${edition.id}/agenda`).expect(200);
    const meetings = (agenda.body as { meetings: { id: string; slot: { startsAt: string } }[] })
      .meetings;
    const withEc = meetings.find((m) => m.id === afternoon.body.id);
    expect(Number(withEc?.slot.startsAt.slice(11, 13))).toBeGreaterThanOrEqual(12);
  });
});

describe('batch scheduler with an exact refinement', () => {
  let s: TestSession;
  let edition: EditionInfo;

  beforeAll(async () => {
    s = await TestSession.start();
    edition = await s.createEdition({
      tables: 2,
      days: [{ date: '2027-05-19', start: '09:00', end: '11:00' }],
    });
    const exhibitors = [];
    for (let i = 0; i < 3; i++)
      exhibitors.push(await s.onboardExhibitor(edition.id, { stand: `R0${i}` }));
    // The first exhibitor is away at 09:30: meeting three people before and after leaves a hole.
    await as(s.http, exhibitors[0].token)
      .put(`/api/editions/${edition.id}/availability`, {
        blockedSlotIds: edition.slots
          .filter((slot) => slot.startsAt.includes('T09:30'))
          .map((x) => x.id),
      })
      .expect(200);
    for (let i = 0; i < 4; i++) {
      const visitor = await s.registerVisitor(edition.id);
      for (const exhibitor of exhibitors.slice(0, i === 0 ? 3 : 1))
        expectStatus(
          await as(s.http, visitor.token).post(`/api/editions/${edition.id}/meetings`, {
            toParticipantId: exhibitor.participantId,
          }),
          201,
        );
    }
  });
  afterAll(() => s.close());

  const run = (body: object) =>
    as(s.http, s.organizerToken).post(`/api/editions/${edition.id}/schedule`, body);

  it('takes at most two minutes more, and says so by the field', async () => {
    for (const refineSeconds of [121, -1, 1.5, 'long']) {
      const res = await run({ refineSeconds });
      expect(res.status).toBe(400);
      expect((res.body.message as string[]).some((m) => m.startsWith('refineSeconds '))).toBe(true);
    }
  });

  it('reports what the refinement did, and the commit publishes the dry run just shown', async () => {
    const plain = (await run({}).expect(200)).body as Proposal;
    expect(plain.refined).toBeNull();

    const dry = (await run({ refineSeconds: 3 }).expect(200)).body as Proposal;
    expect(dry.refined).not.toBeNull();
    // "Before" is what the same request gave without refineSeconds.
    expect(dry.refined!.holesBefore).toBe(plain.holes);
    expect(dry.refined!.holesAfter).toBeLessThanOrEqual(dry.refined!.holesBefore);
    expect(dry.holes).toBe(dry.refined!.holesAfter);
    // When the schedule kept was found, within the run.
    expect(dry.refined!.reachedMs).toBeGreaterThanOrEqual(0);
    expect(dry.refined!.reachedMs).toBeLessThanOrEqual(dry.refined!.timeMs);
    expect(dry.holes).toBeGreaterThanOrEqual(dry.holesLowerBound);
    expect(dry.placed).toBe(plain.placed);

    const committed = (await run({ refineSeconds: 3, commit: true }).expect(200)).body as Proposal;
    expect(committed.committed).toBe(true);
    // The same run, not a new one: the same figures down to its timings, the same placements.
    expect([committed.timeMs, committed.refined]).toEqual([dry.timeMs, dry.refined]);
    const slots = (p: Proposal) =>
      p.assignments.map((a) => `${a.meetingId}@${a.slot.id}#${a.table}`).sort();
    expect(slots(committed)).toEqual(slots(dry));
    const rows = await s.testApp.query<{ id: string; slotId: string; tableNumber: number }>(
      `SELECT id, "slotId", "tableNumber" FROM meetings WHERE "editionId" = '${edition.id}' AND status = 'scheduled'`,
    );
    expect(rows.map((r) => `${r.id}@${r.slotId}#${r.tableNumber}`).sort()).toEqual(slots(dry));
  });
});
