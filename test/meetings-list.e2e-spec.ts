import {
  as,
  TestSession,
  type EditionInfo,
  type ExhibitorInfo,
  type VisitorInfo,
} from './support/session.js';

interface ListedMeeting {
  id: string;
  status: string;
  requester: { firstName: string; lastName: string };
  invitee: { organizationName: string | null };
  slot: { startsAt: string } | null;
  partner: unknown;
}

describe("the organizer's list of meetings", () => {
  let s: TestSession;
  let edition: EditionInfo;
  let cheese: ExhibitorInfo;
  let carrier: ExhibitorInfo;
  let ana: VisitorInfo;
  let paul: VisitorInfo;
  const list = async (query = '', token = s.organizerToken) => {
    const res = await as(s.http, token).get(`/api/editions/${edition.id}/meetings?${query}`);
    return res as unknown as { status: number; body: { items: ListedMeeting[]; total: number } };
  };
  // A request from `from` to `to`, accepted at the given slot when one is given.
  const meet = async (from: { token: string }, to: ExhibitorInfo, slotId?: string) => {
    const req = await as(s.http, from.token).post(`/api/editions/${edition.id}/meetings`, {
      toParticipantId: to.participantId,
    });
    expect(req.status).toBe(201);
    if (slotId) {
      const ok = await as(s.http, to.token).post(`/api/meetings/${req.body.id}/accept`, { slotId });
      expect(ok.status).toBe(200);
    }
    return req.body.id as string;
  };

  beforeAll(async () => {
    s = await TestSession.start();
    edition = await s.createEdition();
    const org = (name: string) => ({
      organization: {
        name,
        legalForm: 'scop',
        city: 'Montpellier',
        sectors: ['alimentation'],
        department: '34',
      },
    });
    cheese = await s.onboardExhibitor(edition.id, org('Fromagerie du Larzac'));
    carrier = await s.onboardExhibitor(edition.id, org('Transports Frigo Sud'));
    ana = await s.registerVisitor(edition.id, { firstName: 'Anaïs', lastName: 'Ferrand' });
    paul = await s.registerVisitor(edition.id, { firstName: 'Paul', lastName: 'Durand' });
    const slots = (await s.http.get(`/api/editions/${edition.id}`).expect(200)).body.slots as {
      id: string;
    }[];
    await meet(paul, carrier, slots[3].id);
    await meet(ana, cheese, slots[1].id);
    await meet(ana, carrier);
  });
  afterAll(() => s.close());

  it('lists every meeting of the edition by slot, for organizers only', async () => {
    const all = await list();
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    const scheduled = all.body.items.filter((m) => m.slot !== null);
    expect(scheduled.map((m) => m.requester.lastName)).toEqual(['Ferrand', 'Durand']);
    expect(all.body.items.every((m) => m.partner === null)).toBe(true);
    expect((await list('', ana.token)).status).toBe(403);
    expect((await list('', cheese.token)).status).toBe(403);
  });

  it('filters by status and by words of either side, and pages', async () => {
    expect((await list('status=requested')).body.items.map((m) => m.status)).toEqual(['requested']);
    const ferrand = await list('q=ferrand');
    expect(ferrand.body.total).toBe(2);
    const frigo = await list('q=frigo%20durand');
    expect(frigo.body.items.map((m) => m.invitee.organizationName)).toEqual([
      'Transports Frigo Sud',
    ]);
    expect((await list('q=_')).body.total).toBe(0);
    const first = await list('limit=2&page=1');
    const second = await list('limit=2&page=2');
    expect(first.body.items).toHaveLength(2);
    expect(second.body.items).toHaveLength(1);
    expect(new Set([...first.body.items, ...second.body.items].map((m) => m.id)).size).toBe(3);
  });

  it('names a bad filter, and an edition that does not exist', async () => {
    const bad = await list('status=lost&limit=500');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'validation/invalid' });
    const fields = (bad.body as unknown as { errors: { field: string }[] }).errors.map(
      (e) => e.field,
    );
    expect(fields.sort()).toEqual(['limit', 'status']);
    const unknown = await as(s.http, s.organizerToken).get(
      '/api/editions/00000000-0000-4000-8000-000000000000/meetings',
    );
    expect(unknown.status).toBe(404);
  });
});
