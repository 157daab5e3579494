import { randomUUID } from 'node:crypto';
import { editionBody, TestSession } from './support/session.js';

describe('editions', () => {
  let s: TestSession;
  beforeAll(async () => {
    s = await TestSession.start();
  });
  afterAll(() => s.close());

  it('creates an edition whose slots come from its days, in local time with the offset', async () => {
    const res = await s.http
      .post('/api/editions')
      .auth(s.organizerToken, { type: 'bearer' })
      .send(
        editionBody({
          slotMinutes: 20,
          breakMinutes: 10,
          tables: 12,
          days: [
            { date: '2027-05-19', start: '09:00', end: '10:30' },
            { date: '2027-05-20', start: '14:00', end: '15:00' },
          ],
        }),
      );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Coventis test edition',
      timezone: 'Europe/Paris',
      tables: 12,
      meetingPlace: 'tables',
      startsAt: '2027-05-19T09:00:00+02:00',
      endsAt: '2027-05-20T14:50:00+02:00',
    });
    expect(res.body.slots.map((x: { startsAt: string }) => x.startsAt)).toEqual([
      '2027-05-19T09:00:00+02:00',
      '2027-05-19T09:30:00+02:00',
      '2027-05-19T10:00:00+02:00',
      '2027-05-20T14:00:00+02:00',
      '2027-05-20T14:30:00+02:00',
    ]);
    expect(res.body.slots[0]).toMatchObject({
      endsAt: '2027-05-19T09:20:00+02:00',
      day: 0,
      kind: 'meeting',
    });

    const read = await s.http.get(`/api/editions/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.slots).toEqual(res.body.slots);
    const list = await s.http.get('/api/editions');
    expect(list.body.map((e: { id: string }) => e.id)).toContain(res.body.id);
    expect(list.body.find((e: { id: string }) => e.id === res.body.id).slots).toBeUndefined();
  });

  it('names each bad field', async () => {
    const res = await s.http
      .post('/api/editions')
      .auth(s.organizerToken, { type: 'bearer' })
      .send(
        editionBody({
          slotMinutes: 0,
          tables: 'many',
          days: [{ date: '19/05/2027', start: '9h', end: '12:00' }],
        }),
      );
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(
      expect.arrayContaining([
        'slotMinutes must not be less than 5',
        'tables must be an integer number',
        'days.0.date must be a date YYYY-MM-DD',
        'days.0.start must be a time HH:mm',
      ]),
    );
    const zone = await s.http
      .post('/api/editions')
      .auth(s.organizerToken, { type: 'bearer' })
      .send(editionBody({ timezone: 'Europe/Montpellier' }));
    expect(zone.status).toBe(400);
    expect(zone.body.message).toEqual(['timezone must be an IANA time zone such as Europe/Paris']);
    const empty = await s.http
      .post('/api/editions')
      .auth(s.organizerToken, { type: 'bearer' })
      .send(editionBody({ days: [] }));
    expect(empty.body.message).toContain('days must contain at least 1 elements');
  });

  it('lets only organizers create or change an edition', async () => {
    const edition = await s.createEdition();
    const visitor = await s.registerVisitor(edition.id);
    const exhibitor = await s.onboardExhibitor(edition.id);
    expect((await s.http.post('/api/editions').send(editionBody())).status).toBe(401);
    for (const token of [visitor.token, exhibitor.token]) {
      const create = await s.http
        .post('/api/editions')
        .auth(token, { type: 'bearer' })
        .send(editionBody());
      expect(create.status).toBe(403);
      const patch = await s.http
        .patch(`/api/editions/${edition.id}`)
        .auth(token, { type: 'bearer' })
        .send({ name: 'Hacked' });
      expect(patch.status).toBe(403);
    }
    expect((await s.http.get(`/api/editions/${edition.id}`)).body.name).toBe(
      'Coventis test edition',
    );
  });

  it('answers an unknown edition with 404 and a malformed id with 400', async () => {
    const unknown = await s.http.get(`/api/editions/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('edition/not_found');
    const malformed = await s.http.get('/api/editions/42');
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toEqual(['editionId must be a UUID']);
  });

  it('regenerates the grid on change, keeping the ids of slots that did not move', async () => {
    const edition = await s.createEdition({
      days: [{ date: '2027-05-19', start: '09:00', end: '10:30' }],
    });
    const res = await s.http
      .patch(`/api/editions/${edition.id}`)
      .auth(s.organizerToken, { type: 'bearer' })
      .send({
        venue: 'Parc des expositions',
        days: [{ date: '2027-05-19', start: '09:30', end: '11:00' }],
      });
    expect(res.status).toBe(200);
    expect(res.body.venue).toBe('Parc des expositions');
    expect(res.body.slots.map((x: { startsAt: string }) => x.startsAt)).toEqual([
      '2027-05-19T09:30:00+02:00',
      '2027-05-19T10:00:00+02:00',
      '2027-05-19T10:30:00+02:00',
    ]);
    const before = new Map(edition.slots.map((x) => [x.startsAt, x.id]));
    expect(res.body.slots[0].id).toBe(before.get('2027-05-19T09:30:00+02:00'));
    expect(res.body.slots[1].id).toBe(before.get('2027-05-19T10:00:00+02:00'));
    expect(before.has('2027-05-19T10:30:00+02:00')).toBe(false);

    const bad = await s.http
      .patch(`/api/editions/${edition.id}`)
      .auth(s.organizerToken, { type: 'bearer' })
      .send({ slotMinutes: -5 });
    expect(bad.status).toBe(400);
    expect((await s.http.get(`/api/editions/${edition.id}`)).body.slotMinutes).toBe(30);
  });
});
