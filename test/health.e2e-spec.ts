import { createServer } from 'node:net';
import { ORGANIZER, startApp, type TestApp } from './support/app.js';

/** A local port nothing listens on: taken from the kernel, then given back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('health with Redis configured but down', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({
      REDIS_URL: `redis://127.0.0.1:${await closedPort()}`,
      LOGIN_RATE_LIMIT: '3',
    });
  });
  afterAll(() => app.close());

  it('starts, answers 503 naming Redis, and keeps logging people in', async () => {
    const health = await app.http.get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ code: 'server/unavailable', error: 'Service Unavailable' });
    expect(health.body.message).toContain('Redis');
    expect(health.body.message).not.toContain('database');
    // The rate limits cannot count while Redis is down: requests go through rather than fail.
    for (let attempt = 0; attempt < 4; attempt++) {
      await app.http
        .post('/api/auth/login')
        .send({ email: ORGANIZER.email, password: ORGANIZER.password })
        .expect(200);
    }
  });
});
