import { randomUUID } from 'node:crypto';
import { Listener } from './support/sockets.js';
import {
  as,
  TestSession,
  type EditionInfo,
  type ExhibitorInfo,
  type VisitorInfo,
} from './support/session.js';

interface SlotStats {
  id: string;
  startsAt: string;
  endsAt: string;
  day: number;
  position: number;
  kind: string;
  capacity: number | null;
  meetings: { scheduled: number; held: number; no_show: number; total: number };
  requested: number;
  blocked: number;
}

describe('meetings per slot, for the organizer’s chart', () => {
  let s: TestSession;
  let edition: EditionInfo;
  let ferme: ExhibitorInfo;
  let mutuelle: ExhibitorInfo;
  let visitors: VisitorInfo[];
  const url = () => `/api/editions/${edition.id}/stats/slots`;
  const slot = (i: number) => edition.slots[i].id;

  beforeAll(async () => {
    s = await TestSession.start();
    // 09:00–12:00 in Paris, 30-minute slots, 5 tables: six slots.
    edition = await s.createEdition();
    ferme = await s.onboardExhibitor(edition.id);
    mutuelle = await s.onboardExhibitor(edition.id, { stand: 'B02' });
    visitors = [];
    for (let i = 0; i < 3; i++) visitors.push(await s.registerVisitor(edition.id));
  });
  afterAll(() => s.close());

  const book = async (visitor: VisitorInfo, host: ExhibitorInfo, slotId: string) => {
    const req = await as(s.http, visitor.token)
      .post(`/api/editions/${edition.id}/meetings`, { toParticipantId: host.participantId })
      .expect(201);
    await as(s.http, host.token)
      .post(`/api/meetings/${req.body.id}/accept`, { slotId })
      .expect(200);
    return req.body.id as string;
  };

  it('counts each slot’s meetings, wished-for requests and blocks against its tables', async () => {
    await book(visitors[0], ferme, slot(0));
    await book(visitors[1], mutuelle, slot(0));
    const moved = await book(visitors[2], ferme, slot(2));
    await as(s.http, ferme.token).post(`/api/meetings/${moved}/cancel`).expect(200);
    await as(s.http, visitors[2].token)
      .post(`/api/editions/${edition.id}/meetings`, {
        toParticipantId: mutuelle.participantId,
        slotId: slot(1),
      })
      .expect(201);
    await as(s.http, visitors[0].token)
      .put(`/api/editions/${edition.id}/availability`, { blockedSlotIds: [slot(3)] })
      .expect(200);
    await as(s.http, s.organizerToken)
      .patch(`/api/editions/${edition.id}/slots/${slot(5)}`, { kind: 'break' })
      .expect(200);

    const res = await as(s.http, s.organizerToken).get(url());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      editionId: edition.id,
      timezone: 'Europe/Paris',
      meetingPlace: 'tables',
      tables: 5,
    });
    const slots = res.body.slots as SlotStats[];
    expect(slots.map((x) => x.id)).toEqual(edition.slots.map((x) => x.id));
    expect(slots[0]).toEqual({
      id: slot(0),
      startsAt: '2027-05-19T09:00:00+02:00',
      endsAt: '2027-05-19T09:30:00+02:00',
      day: 0,
      position: 0,
      kind: 'meeting',
      capacity: 5,
      meetings: { scheduled: 2, held: 0, no_show: 0, total: 2 },
      requested: 0,
      blocked: 0,
    });
    // A pending request counts where it wishes to be, not as a taken table.
    expect(slots[1]).toMatchObject({ meetings: { total: 0 }, requested: 1 });
    // A cancelled meeting frees its slot.
    expect(slots[2].meetings).toEqual({ scheduled: 0, held: 0, no_show: 0, total: 0 });
    expect(slots[3]).toMatchObject({ blocked: 1, meetings: { total: 0 } });
    expect(slots[5]).toMatchObject({
      kind: 'break',
      capacity: 0,
      startsAt: '2027-05-19T11:30:00+02:00',
    });
  });

  it('follows a meeting booked a moment later', async () => {
    await book(visitors[2], ferme, slot(4));
    const res = await as(s.http, s.organizerToken).get(url()).expect(200);
    expect((res.body.slots as SlotStats[])[4].meetings.scheduled).toBe(1);
  });

  it('tells the organizers’ dashboard when a break is made or a slot blocked', async () => {
    // Each change is heard by an organizer who connected after the previous figures went out
    // (they are sent at most every 500 ms), so what arrives comes from that change.
    const quietThenListen = async () => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      return Listener.connect(s.testApp.url, s.organizerToken);
    };
    const first = await quietThenListen();
    try {
      await as(s.http, s.organizerToken)
        .patch(`/api/editions/${edition.id}/slots/${slot(5)}`, { kind: 'meeting' })
        .expect(200);
      await first.waitFor('stats.updated', (e) => e.editionId === edition.id);
    } finally {
      first.close();
    }
    const second = await quietThenListen();
    try {
      await as(s.http, visitors[1].token)
        .put(`/api/editions/${edition.id}/availability`, { blockedSlotIds: [slot(5)] })
        .expect(200);
      await second.waitFor('stats.updated', (e) => e.editionId === edition.id);
    } finally {
      second.close();
    }
    const res = await as(s.http, s.organizerToken).get(url()).expect(200);
    expect((res.body.slots as SlotStats[])[5]).toMatchObject({ kind: 'meeting', blocked: 1 });
  });

  it('is for organizers only', async () => {
    expect((await s.http.get(url())).status).toBe(401);
    const exhibitor = await as(s.http, ferme.token).get(url());
    expect(exhibitor.status).toBe(403);
    expect((await as(s.http, visitors[0].token).get(url())).status).toBe(403);
    const unknown = await as(s.http, s.organizerToken).get(
      `/api/editions/${randomUUID()}/stats/slots`,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('edition/not_found');
    const bad = await as(s.http, s.organizerToken).get('/api/editions/nope/stats/slots');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(['editionId must be a UUID']);
  });

  it('is in the OpenAPI document', async () => {
    const docs = await s.http.get('/api/docs-json').expect(200);
    const path = docs.body.paths['/api/editions/{editionId}/stats/slots'];
    expect(path.get.security).toBeDefined();
    expect(docs.body.components.schemas.EditionSlotStatsDto).toBeDefined();
    expect(docs.body.components.schemas.SlotStatsDto.required).toEqual(
      expect.arrayContaining(['capacity', 'meetings', 'requested', 'blocked']),
    );
  });
});
