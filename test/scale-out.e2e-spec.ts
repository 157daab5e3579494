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
    a = await startApp({ REDIS_URL: redisUrl! });
    b = await startApp({ REDIS_URL: redisUrl!, DATABASE_URL: a.databaseUrl });
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
});
