import {
  DEMO_CONVENTIONS,
  DEMO_EDITION,
  DEMO_MEETINGS,
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
  DEMO_VISITORS,
} from '../seeds/demo-data.js';
import { DEMO_ORGANIZER_EMAIL, PAST_EDITION } from '../src/seed/seed.service.js';
import { startApp, type TestApp } from './support/app.js';
import { login } from './support/session.js';

describe('demo seed at first start', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ SEED_DEMO: 'auto' });
  });
  afterAll(() => t.close());

  it('loads the demo edition with its exhibitors and visitors on an empty database', async () => {
    const editions = await t.http.get('/api/editions');
    expect(editions.body.map((e: { name: string }) => e.name).sort()).toEqual(
      [PAST_EDITION.name, DEMO_EDITION.name].sort(),
    );
    const edition = editions.body.find((e: { name: string }) => e.name === DEMO_EDITION.name);
    expect(edition).toMatchObject({
      timezone: 'Europe/Paris',
      startsAt: '2027-05-19T09:00:00+02:00',
    });
    const catalogue = await t.http.get(`/api/editions/${edition.id}/exhibitors?limit=100`);
    expect(catalogue.body.total).toBe(DEMO_ORGANIZATIONS.length);
    expect(catalogue.body.total).toBeGreaterThanOrEqual(30);

    const organizer = await login(t.http, DEMO_ORGANIZER_EMAIL, DEMO_PASSWORD);
    const registrations = await t.http
      .get(`/api/editions/${edition.id}/registrations?limit=200`)
      .auth(organizer, { type: 'bearer' });
    expect(registrations.body.total).toBe(DEMO_ORGANIZATIONS.length + DEMO_VISITORS.length);
  });

  it('lets the demo accounts of the README log in', async () => {
    const lazaret = DEMO_ORGANIZATIONS.find((o) => o.key === 'lazaret')!;
    const token = await login(t.http, lazaret.contact.email, DEMO_PASSWORD);
    const me = await t.http.get('/api/auth/me').auth(token, { type: 'bearer' });
    expect(me.body).toMatchObject({ role: 'exhibitor' });
    const org = await t.http.get(`/api/organizations/${me.body.organizationId}`);
    expect(org.body.name).toBe(lazaret.name);
    await login(t.http, DEMO_VISITORS[0].email, DEMO_PASSWORD);
  });

  it('finds the story of the documents in the catalogue', async () => {
    const edition = (await t.http.get('/api/editions')).body.find(
      (e: { name: string }) => e.name === DEMO_EDITION.name,
    );
    const search = async (q: string): Promise<string[]> => {
      const res = await t.http.get(
        `/api/editions/${edition.id}/exhibitors?q=${encodeURIComponent(q)}`,
      );
      return (res.body as { items: { organization: { name: string } }[] }).items.map(
        (e) => e.organization.name,
      );
    };
    expect(await search('lazaret')).toEqual([expect.stringMatching(/Lazaret/)]);
    expect((await search('circuits courts')).length).toBeGreaterThan(0);
    expect(await search('erable')).toEqual(
      expect.arrayContaining([expect.stringMatching(/Feuille d'Érable/)]),
    );
  });
});

describe('demo seed on a database that has data', () => {
  it('does not load the demo twice', async () => {
    const first = await startApp({ SEED_DEMO: 'auto' });
    const databaseUrl = first.databaseUrl;
    const firstList = (await first.http.get('/api/editions')).body;
    // A second server on the same file, as after a restart.
    const second = await startApp({ SEED_DEMO: 'auto', DATABASE_URL: databaseUrl });
    try {
      const secondList = (await second.http.get('/api/editions')).body;
      expect(secondList.map((e: { id: string }) => e.id)).toEqual(
        firstList.map((e: { id: string }) => e.id),
      );
    } finally {
      await second.close();
      await first.close();
    }
  });
});

describe('the demo story: from a held meeting to a signed convention and its follow-up', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ SEED_DEMO: 'auto' });
  });
  afterAll(() => t.close());

  it('holds the Lazaret–FRCA short-circuit convention, signed, born of a held meeting, with a one-year follow-up', async () => {
    const editions = (await t.http.get('/api/editions')).body as { id: string; name: string }[];
    const past = editions.find((e) => e.name === PAST_EDITION.name)!;
    const published = (await t.http.get(`/api/conventions?editionId=${past.id}`)).body as {
      id: string;
      title: string;
      status: string;
      parties: { name: string; public: boolean }[];
      meetingIds: string[];
    }[];
    const story = published.find((c) => c.title === DEMO_CONVENTIONS[0].title)!;
    expect(story).toMatchObject({ status: 'signed', meetingIds: [expect.any(String)] });
    expect(story.parties.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Le Lazaret', expect.stringMatching(/^FRCA/)]),
    );
    const detail = (await t.http.get(`/api/conventions/${story.id}`)).body;
    expect(detail.history.map((h: { status: string }) => h.status)).toEqual([
      'envisaged',
      'negotiating',
      'signed',
    ]);
    // Declared in 2025, when it was envisaged, not when the demo was loaded.
    expect(detail.createdAt).toBe(detail.history[0].at);
    expect(detail.createdAt.slice(0, 4)).toBe('2025');
    expect(detail.followUps).toHaveLength(1);
    expect(detail.followUps[0].note).toMatch(/Un an après/);
    expect(Date.parse(detail.followUps[0].at) - Date.parse(detail.history[0].at)).toBeGreaterThan(
      360 * 86400_000,
    );

    // The public sees only the signed ones every party agreed to publish.
    const signedPublic = DEMO_CONVENTIONS.filter(
      (c) =>
        ['signed', 'in_force', 'completed'].includes(c.status) && c.parties.every((p) => p.public),
    );
    expect(published.map((c) => c.title).sort()).toEqual(signedPublic.map((c) => c.title).sort());

    const organizer = await login(t.http, DEMO_ORGANIZER_EMAIL, DEMO_PASSWORD);
    const stats = (
      await t.http.get(`/api/editions/${past.id}/stats`).auth(organizer, { type: 'bearer' })
    ).body;
    const heldDemo = DEMO_MEETINGS.filter((m) => m.status === 'held');
    expect(stats.meetings).toMatchObject({ held: heldDemo.length, total: heldDemo.length });
    expect(stats.conventions.total).toBe(DEMO_CONVENTIONS.length);
    for (const status of [
      'envisaged',
      'negotiating',
      'signed',
      'in_force',
      'completed',
      'abandoned',
    ]) {
      expect(stats.conventions.byStatus[status]).toBe(
        DEMO_CONVENTIONS.filter((c) => c.status === status).length,
      );
    }
    const fromMeetings = new Set(
      DEMO_CONVENTIONS.flatMap((c) => c.fromMeetings.map((m) => [m.from, m.to].sort().join('|'))),
    );
    expect(stats.conversion).toEqual({
      heldMeetings: heldDemo.length,
      heldMeetingsWithConvention: fromMeetings.size,
      rate: Math.round((fromMeetings.size / heldDemo.length) * 1000) / 1000,
    });
    const current = editions.find((e) => e.name === DEMO_EDITION.name)!;
    const funnel = (
      await t.http
        .get(`/api/editions/${current.id}/meetings/funnel`)
        .auth(organizer, { type: 'bearer' })
    ).body;
    const open = DEMO_MEETINGS.filter((m) => m.status !== 'held');
    expect(funnel).toMatchObject({
      requested: open.filter((m) => m.status === 'requested').length,
      scheduled: open.filter((m) => m.status === 'scheduled').length,
      declined: open.filter((m) => m.status === 'declined').length,
      cancelled: open.filter((m) => m.status === 'cancelled').length,
      total: open.length,
    });
  });
});
