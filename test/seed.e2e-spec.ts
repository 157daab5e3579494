import {
  DEMO_EDITION,
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
  DEMO_VISITORS,
} from '../seeds/demo-data.js';
import { DEMO_ORGANIZER_EMAIL } from '../src/seed/seed.service.js';
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
    expect(editions.body.map((e: { name: string }) => e.name)).toEqual([DEMO_EDITION.name]);
    const edition = editions.body[0];
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
    const [edition] = (await t.http.get('/api/editions')).body;
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
