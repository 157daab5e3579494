import { randomUUID } from 'node:crypto';
import {
  as,
  liveEditionBody,
  TestSession,
  type EditionInfo,
  type ExhibitorInfo,
  type VisitorInfo,
} from './support/session.js';

interface Meeting {
  id: string;
  status: string;
  direction: string | null;
  slot: { id: string; startsAt: string } | null;
  table: number | null;
  place: string | null;
  outcome: string | null;
  partner: { participantId: string; organizationName: string | null } | null;
}

describe('meeting requests and booking', () => {
  let s: TestSession;
  let edition: EditionInfo;
  let lazaret: ExhibitorInfo;
  let frca: ExhibitorInfo;
  let visitor: VisitorInfo;
  const slot = (i: number) => edition.slots[i].id;

  beforeAll(async () => {
    s = await TestSession.start({ MAX_PENDING_REQUESTS: '3' });
    edition = await s.createEdition({
      tables: 2,
      days: [{ date: '2027-05-19', start: '09:00', end: '12:30' }],
    });
    lazaret = await s.onboardExhibitor(edition.id, {
      organization: { name: 'Le Lazaret' },
      stand: 'B03',
    });
    frca = await s.onboardExhibitor(edition.id, { organization: { name: 'FRCA' }, stand: 'A01' });
    visitor = await s.registerVisitor(edition.id, { firstName: 'Vera' });
  });
  afterAll(() => s.close());

  const request = (token: string, body: object, editionId = edition.id) =>
    as(s.http, token).post(`/api/editions/${editionId}/meetings`, body);
  const act = (token: string, meetingId: string, action: string, body: object = {}) =>
    as(s.http, token).post(`/api/meetings/${meetingId}/${action}`, body);
  const newExhibitor = () => s.onboardExhibitor(edition.id);

  it('sends a request that both sides see, from their own side', async () => {
    const res = await request(lazaret.token, {
      toParticipantId: frca.participantId,
      message: 'Des produits régionaux ?',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'requested',
      direction: 'outgoing',
      message: 'Des produits régionaux ?',
      slot: null,
      table: null,
    });
    expect(res.body.partner).toMatchObject({
      participantId: frca.participantId,
      organizationName: 'FRCA',
      stand: 'A01',
    });
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now());

    const theirs = await as(s.http, frca.token).get(`/api/meetings/${res.body.id}`);
    expect(theirs.body).toMatchObject({
      direction: 'incoming',
      partner: { organizationName: 'Le Lazaret' },
    });
    const agenda = await as(s.http, frca.token).get(`/api/editions/${edition.id}/agenda`);
    expect(agenda.body.meetings.map((m: Meeting) => [m.id, m.direction])).toEqual([
      [res.body.id, 'incoming'],
    ]);
  });

  it('refuses a second open request between the same two people, in either direction', async () => {
    const a = await newExhibitor();
    const b = await newExhibitor();
    await request(a.token, { toParticipantId: b.participantId }).expect(201);
    const again = await request(a.token, { toParticipantId: b.participantId });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('meeting/already_requested');
    expect((await request(b.token, { toParticipantId: a.participantId })).status).toBe(409);
  });

  it('refuses meeting oneself, an unknown person, a visitor asking a visitor, and outsiders', async () => {
    const self = await request(lazaret.token, { toParticipantId: lazaret.participantId });
    expect(self.status).toBe(400);
    expect(self.body.message).toBe('toParticipantId is yourself: you cannot meet yourself');

    const unknown = await request(lazaret.token, { toParticipantId: randomUUID() });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('toParticipantId is not a participant of this edition');

    const malformed = await request(lazaret.token, { toParticipantId: 'frca', message: 42 });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toEqual(
      expect.arrayContaining(['toParticipantId must be a UUID', 'message must be a string']),
    );

    const other = await s.registerVisitor(edition.id);
    const v2v = await request(visitor.token, { toParticipantId: other.participantId });
    expect(v2v.status).toBe(403);
    expect(v2v.body.code).toBe('meeting/visitor_to_visitor');

    const elsewhere = await s.createEdition({ name: 'Ailleurs' });
    const stranger = await s.registerVisitor(elsewhere.id);
    const outsider = await request(stranger.token, { toParticipantId: frca.participantId });
    expect(outsider.status).toBe(403);
    expect(outsider.body.code).toBe('meeting/not_participant');
    expect((await request(s.organizerToken, { toParticipantId: frca.participantId })).status).toBe(
      403,
    );
    expect(
      (
        await s.http
          .post(`/api/editions/${edition.id}/meetings`)
          .send({ toParticipantId: frca.participantId })
      ).status,
    ).toBe(401);
  });

  it('limits the pending requests a person can have out', async () => {
    const asker = await s.registerVisitor(edition.id);
    const targets = await Promise.all([1, 2, 3, 4].map(() => newExhibitor()));
    for (const t of targets.slice(0, 3))
      await request(asker.token, { toParticipantId: t.participantId }).expect(201);
    const fourth = await request(asker.token, { toParticipantId: targets[3].participantId });
    expect(fourth.status).toBe(409);
    expect(fourth.body.code).toBe('meeting/too_many_pending');
  });

  it('checks a wished slot: of this edition, not a break, not past', async () => {
    const other = await s.createEdition({ name: 'Autre' });
    const a = await newExhibitor();
    const foreign = await request(a.token, {
      toParticipantId: frca.participantId,
      slotId: other.slots[0].id,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.message).toBe('slotId is not a slot of this edition');

    const past = await s.createEdition({
      name: 'Passée',
      days: [{ date: '2020-05-19', start: '09:00', end: '10:00' }],
    });
    const x = await s.onboardExhibitor(past.id);
    const y = await s.onboardExhibitor(past.id);
    const late = await request(
      x.token,
      { toParticipantId: y.participantId, slotId: past.slots[0].id },
      past.id,
    );
    expect(late.status).toBe(400);
    expect(late.body).toMatchObject({
      code: 'meeting/slot_past',
      message: 'slotId is a past slot',
    });
  });

  it('lets only the invitee accept; both get the same slot and a table', async () => {
    const a = await newExhibitor();
    const req = await request(a.token, { toParticipantId: frca.participantId, slotId: slot(2) });
    expect((await act(a.token, req.body.id, 'accept')).status).toBe(403);
    expect((await act(visitor.token, req.body.id, 'accept')).status).toBe(404);
    const res = await act(frca.token, req.body.id, 'accept');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'scheduled',
      slot: { id: slot(2) },
      table: 1,
      place: 'Table 1',
      direction: 'incoming',
    });
    const mine = await as(s.http, a.token).get(`/api/meetings/${req.body.id}`);
    expect(mine.body).toMatchObject({
      status: 'scheduled',
      slot: { id: slot(2) },
      table: 1,
      direction: 'outgoing',
    });
    expect((await act(frca.token, req.body.id, 'accept')).status).toBe(409);
  });

  it('gives the next table to the next meeting at the slot, and 409 once tables or people are taken', async () => {
    const [a, b, c, d, e, f] = await Promise.all([1, 2, 3, 4, 5, 6].map(() => newExhibitor()));
    const book = async (from: ExhibitorInfo, to: ExhibitorInfo) => {
      const req = await request(from.token, { toParticipantId: to.participantId });
      return act(to.token, req.body.id, 'accept', { slotId: slot(4) });
    };
    expect((await book(a, b)).body.table).toBe(1);
    expect((await book(c, d)).body.table).toBe(2);
    const full = await book(e, f);
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({
      code: 'meeting/no_table',
      message: 'slotId: every table is taken at this slot',
    });
    const busy = await book(e, a);
    expect(busy.status).toBe(409);
    expect(busy.body).toMatchObject({
      code: 'meeting/slot_taken',
      message: 'slotId: the invitee already has a meeting at this slot',
    });
  });

  it('picks the earliest slot both people have free when none is given', async () => {
    const a = await newExhibitor();
    const b = await newExhibitor();
    await as(s.http, b.token)
      .put(`/api/editions/${edition.id}/availability`, { blockedSlotIds: [slot(0)] })
      .expect(200);
    const req = await request(a.token, { toParticipantId: b.participantId });
    const res = await act(b.token, req.body.id, 'accept');
    expect(res.body.slot.id).toBe(slot(1));
  });

  it('refuses a slot someone blocked, and a blocked slot is not offered', async () => {
    const a = await newExhibitor();
    const b = await newExhibitor();
    const put = await as(s.http, a.token).put(`/api/editions/${edition.id}/availability`, {
      blockedSlotIds: [slot(3), slot(5)],
    });
    expect(put.body.blockedSlotIds.sort()).toEqual([slot(3), slot(5)].sort());
    expect(
      (
        await as(s.http, a.token).get(`/api/editions/${edition.id}/availability`)
      ).body.blockedSlotIds.sort(),
    ).toEqual([slot(3), slot(5)].sort());
    const free = await as(s.http, b.token).get(
      `/api/editions/${edition.id}/meetings/free-slots?with=${a.participantId}`,
    );
    expect(free.status).toBe(200);
    expect(free.body.map((x: { id: string }) => x.id)).not.toContain(slot(3));
    expect(free.body.map((x: { id: string }) => x.id)).toContain(slot(0));
    const req = await request(b.token, { toParticipantId: a.participantId });
    const res = await act(a.token, req.body.id, 'accept', { slotId: slot(3) });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'meeting/participant_unavailable',
      message: 'slotId: the invitee is not available at this slot',
    });
    const bad = await as(s.http, a.token).put(`/api/editions/${edition.id}/availability`, {
      blockedSlotIds: ['nope'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(['each value in blockedSlotIds must be a UUID']);
  });

  it('cannot block a slot that holds one of my meetings', async () => {
    const a = await newExhibitor();
    const b = await newExhibitor();
    const req = await request(a.token, { toParticipantId: b.participantId });
    const met = await act(b.token, req.body.id, 'accept', { slotId: slot(0) });
    const res = await as(s.http, a.token).put(`/api/editions/${edition.id}/availability`, {
      blockedSlotIds: [met.body.slot.id],
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('agenda/slot_has_meeting');
  });

  it('declines: only the invitee, only once', async () => {
    const a = await newExhibitor();
    const req = await request(a.token, { toParticipantId: lazaret.participantId });
    expect((await act(a.token, req.body.id, 'decline')).status).toBe(403);
    const res = await act(lazaret.token, req.body.id, 'decline');
    expect(res.body.status).toBe('declined');
    expect((await act(lazaret.token, req.body.id, 'accept')).status).toBe(409);
    // A declined request no longer blocks a new one.
    expect((await request(a.token, { toParticipantId: lazaret.participantId })).status).toBe(201);
  });

  it('cancels from either side and frees the slot and the table', async () => {
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => newExhibitor()));
    const req = await request(a.token, { toParticipantId: b.participantId });
    await act(b.token, req.body.id, 'accept', { slotId: slot(5) }).expect(200);
    expect((await act(visitor.token, req.body.id, 'cancel')).status).toBe(404);
    const res = await act(a.token, req.body.id, 'cancel');
    expect(res.body).toMatchObject({ status: 'cancelled', slot: null, table: null });
    expect((await act(b.token, req.body.id, 'cancel')).status).toBe(409);
    const next = await request(c.token, { toParticipantId: b.participantId });
    expect((await act(b.token, next.body.id, 'accept', { slotId: slot(5) })).body).toMatchObject({
      status: 'scheduled',
      table: 1,
    });
  });

  it('reschedules to a free slot only, from either side', async () => {
    const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => newExhibitor()));
    const ab = await request(a.token, { toParticipantId: b.participantId });
    await act(b.token, ab.body.id, 'accept', { slotId: slot(0) }).expect(200);
    const cb = await request(c.token, { toParticipantId: b.participantId });
    await act(b.token, cb.body.id, 'accept', { slotId: slot(1) }).expect(200);
    const clash = await act(a.token, ab.body.id, 'reschedule', { slotId: slot(1) });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('meeting/slot_taken');
    expect((await act(d.token, ab.body.id, 'reschedule', { slotId: slot(3) })).status).toBe(404);
    const moved = await act(a.token, ab.body.id, 'reschedule', { slotId: slot(3) });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'scheduled', slot: { id: slot(3) } });
    // The old slot is free again for both.
    const free = await as(s.http, a.token).get(
      `/api/editions/${edition.id}/meetings/free-slots?with=${b.participantId}`,
    );
    expect(free.body.map((x: { id: string }) => x.id)).toContain(slot(0));
    expect((await act(a.token, ab.body.id, 'reschedule', {})).body.message).toContain(
      'slotId must be a UUID',
    );
  });

  it('lists my agenda in time order, with requests after meetings, and as iCalendar', async () => {
    const own = await s.createEdition({
      name: 'Agenda',
      days: [{ date: '2027-05-19', start: '09:00', end: '12:00' }],
    });
    const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => s.onboardExhibitor(own.id)));
    const late = await request(b.token, { toParticipantId: a.participantId }, own.id);
    await act(a.token, late.body.id, 'accept', { slotId: own.slots[5].id }).expect(200);
    const early = await request(c.token, { toParticipantId: a.participantId }, own.id);
    await act(a.token, early.body.id, 'accept', { slotId: own.slots[1].id }).expect(200);
    const pending = await request(a.token, { toParticipantId: d.participantId }, own.id);
    const agenda = await as(s.http, a.token).get(`/api/editions/${own.id}/agenda`);
    expect(agenda.body.participantId).toBe(a.participantId);
    expect(agenda.body.meetings.map((m: Meeting) => m.id)).toEqual([
      early.body.id,
      late.body.id,
      pending.body.id,
    ]);

    const ics = await as(s.http, a.token).get(`/api/editions/${own.id}/agenda.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics.text).toContain('DTSTART:20270519T073000Z');
    expect(ics.text).toContain('LOCATION:Table');

    const url = new URL(agenda.body.calendarUrl);
    const feed = await s.http.get(`${url.pathname}${url.search}`);
    expect(feed.status).toBe(200);
    const withoutStamps = (text: string) => text.replace(/^DTSTAMP:.*$/gm, '');
    expect(withoutStamps(feed.text)).toBe(withoutStamps(ics.text));
    expect((await s.http.get(`/api/editions/${own.id}/agenda.ics?token=guess`)).status).toBe(404);
    expect((await s.http.get(`/api/editions/${own.id}/agenda.ics`)).status).toBe(404);
  });

  it('lets organizers turn a slot into a break, unless meetings are there', async () => {
    const a = await newExhibitor();
    const b = await newExhibitor();
    const url = (i: number) => `/api/editions/${edition.id}/slots/${slot(i)}`;
    expect((await as(s.http, a.token).patch(url(6), { kind: 'break' })).status).toBe(403);
    const res = await as(s.http, s.organizerToken).patch(url(6), { kind: 'break' });
    expect(res.body).toMatchObject({ id: slot(6), kind: 'break' });
    const free = await as(s.http, a.token).get(
      `/api/editions/${edition.id}/meetings/free-slots?with=${b.participantId}`,
    );
    expect(free.body.map((x: { id: string }) => x.id)).not.toContain(slot(6));
    const req = await request(a.token, { toParticipantId: b.participantId });
    const refused = await act(b.token, req.body.id, 'accept', { slotId: slot(6) });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('meeting/slot_break');
    await act(b.token, req.body.id, 'accept', { slotId: slot(0) }).expect(200);
    const busy = await as(s.http, s.organizerToken).patch(url(0), { kind: 'break' });
    expect(busy.status).toBe(409);
    expect(busy.body.code).toBe('slot/has_meetings');
    expect(
      (await as(s.http, s.organizerToken).patch(url(6), { kind: 'lunch' })).body.message,
    ).toEqual(['kind must be one of: meeting, break']);
  });
});

describe('attendance, outcome and the funnel', () => {
  let s: TestSession;
  let live: EditionInfo;
  beforeAll(async () => {
    s = await TestSession.start();
    const res = await as(s.http, s.organizerToken).post('/api/editions', liveEditionBody());
    live = res.body as EditionInfo;
  });
  afterAll(() => s.close());

  it('records a held meeting and its outcome once its slot has begun, not before', async () => {
    const a = await s.onboardExhibitor(live.id);
    const b = await s.onboardExhibitor(live.id);
    const now = await as(s.http, a.token).post(`/api/editions/${live.id}/meetings`, {
      toParticipantId: b.participantId,
    });
    await as(s.http, b.token)
      .post(`/api/meetings/${now.body.id}/accept`, { slotId: live.slots[0].id })
      .expect(200);
    const later = await as(s.http, b.token).post(`/api/editions/${live.id}/meetings`, {
      toParticipantId: a.participantId,
    });
    // Declined and re-requested pairs are fine; this one is a different direction of an open pair.
    expect(later.status).toBe(409);

    const c = await s.onboardExhibitor(live.id);
    const future = await as(s.http, a.token).post(`/api/editions/${live.id}/meetings`, {
      toParticipantId: c.participantId,
    });
    await as(s.http, c.token)
      .post(`/api/meetings/${future.body.id}/accept`, { slotId: live.slots[2].id })
      .expect(200);
    const early = await as(s.http, a.token).post(`/api/meetings/${future.body.id}/attendance`, {
      attendance: 'held',
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('meeting/not_started');

    const held = await as(s.http, b.token).post(`/api/meetings/${now.body.id}/attendance`, {
      attendance: 'held',
      outcome: 'convention_envisaged',
    });
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({ status: 'held', outcome: 'convention_envisaged' });
    const wrong = await as(s.http, a.token).post(`/api/meetings/${now.body.id}/attendance`, {
      attendance: 'no_show',
      outcome: 'follow_up',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toEqual(['outcome can only be given for a held meeting']);
    expect(
      (
        await as(s.http, a.token).post(`/api/meetings/${now.body.id}/attendance`, {
          attendance: 'maybe',
        })
      ).body.message,
    ).toEqual(['attendance must be one of: held, no_show']);
    // A party cannot record it early even when asking to.
    const insisted = await as(s.http, a.token).post(`/api/meetings/${future.body.id}/attendance`, {
      attendance: 'held',
      confirmFuture: true,
    });
    expect(insisted.status).toBe(409);
    expect(insisted.body.code).toBe('meeting/not_started');
    // Organizers can record attendance at any time, but before the slot only when they say so.
    const unconfirmed = await as(s.http, s.organizerToken).post(
      `/api/meetings/${future.body.id}/attendance`,
      { attendance: 'no_show' },
    );
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body).toMatchObject({
      code: 'meeting/not_started',
      message:
        'This meeting’s slot has not begun yet: send confirmFuture: true to record its attendance anyway',
    });
    expect((await as(s.http, a.token).get(`/api/meetings/${future.body.id}`)).body.status).toBe(
      'scheduled',
    );
    const noShow = await as(s.http, s.organizerToken).post(
      `/api/meetings/${future.body.id}/attendance`,
      { attendance: 'no_show', confirmFuture: true },
    );
    expect(noShow.body.status).toBe('no_show');
  });

  it('shows organizers the funnel, and only them', async () => {
    const x = await s.onboardExhibitor(live.id);
    const y = await s.onboardExhibitor(live.id);
    const v = await s.registerVisitor(live.id);
    await as(s.http, v.token)
      .post(`/api/editions/${live.id}/meetings`, { toParticipantId: x.participantId })
      .expect(201);
    const d = await as(s.http, v.token).post(`/api/editions/${live.id}/meetings`, {
      toParticipantId: y.participantId,
    });
    await as(s.http, y.token).post(`/api/meetings/${d.body.id}/decline`).expect(200);
    const funnel = await as(s.http, s.organizerToken).get(
      `/api/editions/${live.id}/meetings/funnel`,
    );
    expect(funnel.status).toBe(200);
    expect(funnel.body).toEqual({
      requested: 1,
      scheduled: 0,
      held: 1,
      no_show: 1,
      declined: 1,
      cancelled: 0,
      expired: 0,
      total: 4,
    });
    expect((await as(s.http, x.token).get(`/api/editions/${live.id}/meetings/funnel`)).status).toBe(
      403,
    );
  });
});

describe('expiry of pending requests', () => {
  it('expires a request that was not answered in time; it stops blocking and cannot be accepted', async () => {
    const s = await TestSession.start({
      MEETING_REQUEST_TTL_SECONDS: '1',
      MAX_PENDING_REQUESTS: '1',
    });
    try {
      const edition = await s.createEdition();
      const a = await s.onboardExhibitor(edition.id);
      const b = await s.onboardExhibitor(edition.id);
      const c = await s.onboardExhibitor(edition.id);
      const req = await as(s.http, a.token).post(`/api/editions/${edition.id}/meetings`, {
        toParticipantId: b.participantId,
      });
      expect(
        (
          await as(s.http, a.token).post(`/api/editions/${edition.id}/meetings`, {
            toParticipantId: c.participantId,
          })
        ).status,
      ).toBe(409);
      await new Promise((resolve) => setTimeout(resolve, 1600));
      const accept = await as(s.http, b.token).post(`/api/meetings/${req.body.id}/accept`);
      expect(accept.status).toBe(409);
      expect(accept.body).toMatchObject({
        code: 'meeting/expired',
        message: 'This request has expired',
      });
      expect((await as(s.http, a.token).get(`/api/meetings/${req.body.id}`)).body.status).toBe(
        'expired',
      );
      expect(
        (
          await as(s.http, a.token).post(`/api/editions/${edition.id}/meetings`, {
            toParticipantId: c.participantId,
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await as(s.http, a.token).post(`/api/editions/${edition.id}/meetings`, {
            toParticipantId: b.participantId,
          })
        ).status,
      ).toBe(409);
    } finally {
      await s.close();
    }
  });
});

describe('meetings at the stands', () => {
  it('places a meeting at the exhibitor’s stand when the edition says so', async () => {
    const s = await TestSession.start();
    try {
      const edition = await s.createEdition({ meetingPlace: 'stands' });
      const ex = await s.onboardExhibitor(edition.id, { stand: 'C12' });
      const v = await s.registerVisitor(edition.id);
      const req = await as(s.http, v.token).post(`/api/editions/${edition.id}/meetings`, {
        toParticipantId: ex.participantId,
      });
      const res = await as(s.http, ex.token).post(`/api/meetings/${req.body.id}/accept`);
      expect(res.body).toMatchObject({ status: 'scheduled', table: null, place: 'Stand C12' });
    } finally {
      await s.close();
    }
  });
});

describe('changing the grid under existing meetings', () => {
  it('refuses to remove slots that hold meetings, and keeps everything as it was', async () => {
    const s = await TestSession.start();
    try {
      const edition = await s.createEdition({
        days: [{ date: '2027-05-19', start: '09:00', end: '11:00' }],
      });
      const a = await s.onboardExhibitor(edition.id);
      const b = await s.onboardExhibitor(edition.id);
      const req = await as(s.http, a.token).post(`/api/editions/${edition.id}/meetings`, {
        toParticipantId: b.participantId,
      });
      await as(s.http, b.token)
        .post(`/api/meetings/${req.body.id}/accept`, { slotId: edition.slots[3].id })
        .expect(200);
      const shrink = await as(s.http, s.organizerToken).patch(`/api/editions/${edition.id}`, {
        days: [{ date: '2027-05-19', start: '09:00', end: '10:00' }],
      });
      expect(shrink.status).toBe(409);
      expect(shrink.body.code).toBe('edition/slots_in_use');
      const after = await s.http.get(`/api/editions/${edition.id}`);
      expect(after.body.slots.map((x: { id: string }) => x.id)).toEqual(
        edition.slots.map((x) => x.id),
      );
      expect(after.body.days).toEqual(edition.days);
      // Growing the day keeps the meeting's slot.
      const grow = await as(s.http, s.organizerToken).patch(`/api/editions/${edition.id}`, {
        days: [{ date: '2027-05-19', start: '09:00', end: '12:00' }],
      });
      expect(grow.status).toBe(200);
      expect(grow.body.slots.map((x: { id: string }) => x.id)).toContain(edition.slots[3].id);
    } finally {
      await s.close();
    }
  });
});

describe('the earliest free slot, when the invitee accepts without choosing', () => {
  it('takes the lowest free table of the first slot with one, a freed table first, and skips busy people', async () => {
    const s = await TestSession.start();
    try {
      const edition = await s.createEdition({
        tables: 2,
        days: [{ date: '2027-05-19', start: '09:00', end: '11:00' }],
      });
      const slot = (i: number) => edition.slots[i].id;
      const [a, b, c, d, e, f, g, h] = await Promise.all(
        Array.from({ length: 8 }, () => s.onboardExhibitor(edition.id)),
      );
      const meet = async (from: ExhibitorInfo, to: ExhibitorInfo) => {
        const req = await as(s.http, from.token)
          .post(`/api/editions/${edition.id}/meetings`, { toParticipantId: to.participantId })
          .expect(201);
        const res = await as(s.http, to.token)
          .post(`/api/meetings/${req.body.id}/accept`, {})
          .expect(200);
        return res.body as { id: string; slot: { id: string }; table: number; place: string };
      };
      const ab = await meet(a, b);
      expect([ab.slot.id, ab.table, ab.place]).toEqual([slot(0), 1, 'Table 1']);
      const cd = await meet(c, d);
      expect([cd.slot.id, cd.table]).toEqual([slot(0), 2]);
      // Both tables of the first slot are taken: the next pair meets at the second.
      const ef = await meet(e, f);
      expect([ef.slot.id, ef.table]).toEqual([slot(1), 1]);
      // A cancelled meeting frees its table, and the next meeting gets it.
      await as(s.http, a.token).post(`/api/meetings/${ab.id}/cancel`, {}).expect(200);
      const gh = await meet(g, h);
      expect([gh.slot.id, gh.table]).toEqual([slot(0), 1]);
      // c is busy at the first slot and the second has one table left.
      const ca = await meet(a, c);
      expect([ca.slot.id, ca.table]).toEqual([slot(1), 2]);
      // The database agrees: one meeting per table and slot, each person once per slot.
      const rows = await s.testApp.query<{ slotId: string; tableNumber: number }>(
        `SELECT "slotId", "tableNumber" FROM "meetings" WHERE "status" = 'scheduled'`,
      );
      expect(rows.map((r) => `${r.slotId === slot(0) ? 0 : 1}/${r.tableNumber}`).sort()).toEqual([
        '0/1',
        '0/2',
        '1/1',
        '1/2',
      ]);
    } finally {
      await s.close();
    }
  });
});
