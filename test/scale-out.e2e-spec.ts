import { ORGANIZER, startApp, type TestApp } from './support/app.js';
import { as, editionBody, exhibitorBody, login, visitorBody } from './support/session.js';
import { Listener } from './support/sockets.js';

/**
 * Two server processes on one database, joined by the socket.io Redis adapter: an event caused
 * through one reaches a client connected to the other. Needs a Redis server, so it runs with
 * `npm run test:redis` (TEST_REDIS_URL), not with `npm test`.
 */
const redisUrl = process.env.TEST_REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;
if (!redisUrl)
  console.log('TEST_REDIS_URL is not set: the scale-out test does not run (npm run test:redis).');

describeWithRedis('scale-out: two processes, one Redis', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    // Lists behind someone else's profile change are ranked again at once (1 s by default).
    const env = { REDIS_URL: redisUrl!, RECOMMENDATIONS_REFRESH_MS: '0' };
    a = await startApp(env);
    b = await startApp({ ...env, DATABASE_URL: a.databaseUrl });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('delivers a meeting request made on one process to a socket held by the other', async () => {
    const organizer = await login(a.http, ORGANIZER.email, ORGANIZER.password);
    const edition = (await as(a.http, organizer).post('/api/editions', editionBody())).body as {
      id: string;
    };
    const exhibitorRequest = exhibitorBody();
    const exhibitor = (
      await as(a.http, organizer).post(`/api/editions/${edition.id}/exhibitors`, exhibitorRequest)
    ).body as {
      participantId: string;
    };
    const exhibitorToken = await login(
      a.http,
      exhibitorRequest.contact.email,
      exhibitorRequest.contact.password,
    );
    const visitor = (
      await b.http.post(`/api/editions/${edition.id}/registrations`).send(visitorBody())
    ).body as {
      accessToken: string;
    };
    const onA = await Listener.connect(a.url, exhibitorToken);
    try {
      const req = await as(b.http, visitor.accessToken).post(
        `/api/editions/${edition.id}/meetings`,
        {
          toParticipantId: exhibitor.participantId,
        },
      );
      expect(req.status).toBe(201);
      const heard = await onA.waitFor<{ id: string; direction: string }>(
        'meeting.requested',
        (p) => p.id === req.body.id,
      );
      expect(heard.direction).toBe('incoming');
    } finally {
      onA.close();
    }
  });

  it('brings a visitor who signed up on one process into the suggestions another process makes', async () => {
    const organizer = await login(a.http, ORGANIZER.email, ORGANIZER.password);
    const edition = (await as(a.http, organizer).post('/api/editions', editionBody())).body as {
      id: string;
    };
    const village = exhibitorBody({
      organization: {
        name: 'Village vacances Les Salins',
        sectors: ['tourisme'],
        offers: ['Séjours pour groupes scolaires', 'Salles de séminaire'],
        needs: ['Fromages et produits laitiers locaux'],
      },
    });
    await as(a.http, organizer).post(`/api/editions/${edition.id}/exhibitors`, village).expect(201);
    const villageToken = await login(a.http, village.contact.email, village.contact.password);
    const suggestedOnA = async () =>
      (
        (
          await as(a.http, villageToken)
            .get(`/api/editions/${edition.id}/recommendations`)
            .expect(200)
        ).body as { items: { participantId: string }[] }
      ).items.map((i) => i.participantId);
    // A has ranked the village's list (and built its index of the edition) before the visitor comes.
    expect(await suggestedOnA()).toEqual([]);
    const school = (
      await b.http
        .post(`/api/editions/${edition.id}/registrations`)
        .send(
          visitorBody({
            organizationName: 'Collège Jean Moulin',
            needs: ['Séjours pour groupes scolaires en pleine nature'],
          }),
        )
        .expect(201)
    ).body as { participantId: string };
    // B tells A through Redis; A may answer once or twice from before, never for ever.
    let found = false;
    for (let attempt = 0; attempt < 100 && !found; attempt++) {
      found = (await suggestedOnA()).includes(school.participantId);
      if (!found) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(found).toBe(true);
  });
});
