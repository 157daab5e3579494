import argon2 from 'argon2';
import { ORGANIZER, PASSWORD, startApp } from './support/app.js';
import { writeSql } from './support/database.js';
import { TestSession } from './support/session.js';

describe('auth and API hygiene', () => {
  let s: TestSession;
  beforeAll(async () => {
    s = await TestSession.start();
  });
  afterAll(() => s.close());

  it('logs the configured organizer in and tells who they are', async () => {
    const res = await s.http
      .post('/api/auth/login')
      .send({ email: 'ORGANIZER@test.example', password: ORGANIZER.password });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: ORGANIZER.email, role: 'organizer' });
    expect(res.body.user.passwordHash).toBeUndefined();
    const me = await s.http.get('/api/auth/me').auth(res.body.accessToken, { type: 'bearer' });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      email: ORGANIZER.email,
      role: 'organizer',
      participations: [],
    });
  });

  it('hashes passwords with argon2id at the configured cost, and a hash of another cost still logs in', async () => {
    const edition = await s.createEdition();
    const visitor = await s.registerVisitor(edition.id);
    const hashOf = async () =>
      (
        await s.testApp.query<{ passwordHash: string }>(
          `SELECT "passwordHash" FROM users WHERE email = '${visitor.email}'`,
        )
      )[0].passwordHash;
    // The suites run with PASSWORD_HASH_MEMORY_KIB=19456 and PASSWORD_HASH_PASSES=2 (test/support/app.ts).
    expect(await hashOf()).toMatch(/^\$argon2id\$v=19\$m=19456,p=\d+,t=2\$/);
    // An account hashed at argon2's default cost (as before the setting existed) still logs in.
    const older = await argon2.hash('an-older-password', { type: argon2.argon2id });
    expect(older).toMatch(/m=65536,p=\d+,t=3\$/);
    await writeSql(
      s.testApp.databaseUrl,
      `UPDATE users SET "passwordHash" = '${older}' WHERE email = '${visitor.email}'`,
    );
    const res = await s.http
      .post('/api/auth/login')
      .send({ email: visitor.email, password: 'an-older-password' });
    expect(res.status).toBe(200);
    // Below OWASP's floor, the server refuses to start and names the setting.
    const refused = await startApp({ PASSWORD_HASH_MEMORY_KIB: '1000' }).then(
      (app) => app.close().then(() => 'started'),
      (error: Error) => error.message,
    );
    expect(refused).toMatch(/PASSWORD_HASH_MEMORY_KIB/);
  });

  it('gives each participant their participantId per edition in /me', async () => {
    const edition = await s.createEdition();
    const visitor = await s.registerVisitor(edition.id);
    const me = await s.http.get('/api/auth/me').auth(visitor.token, { type: 'bearer' });
    expect(me.body.role).toBe('visitor');
    expect(me.body.participations).toEqual([
      {
        editionId: edition.id,
        participantId: visitor.participantId,
        kind: 'visitor',
        exhibitorId: null,
      },
    ]);
  });

  it('refuses a wrong password or an unknown email with the same 401', async () => {
    const wrong = await s.http
      .post('/api/auth/login')
      .send({ email: ORGANIZER.email, password: 'not-the-password' });
    const unknown = await s.http
      .post('/api/auth/login')
      .send({ email: 'nobody@test.example', password: PASSWORD });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      code: 'auth/wrong_credentials',
      message: 'Wrong email or password',
    });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('names the bad field of a login', async () => {
    const res = await s.http.post('/api/auth/login').send({ email: 'not-an-email', password: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('Bad Request');
    expect(res.body.message).toContain('email must be an email');
  });

  it('needs a valid token on private routes', async () => {
    expect((await s.http.get('/api/auth/me')).status).toBe(401);
    const bad = await s.http.get('/api/auth/me').auth('forged.token.value', { type: 'bearer' });
    expect(bad.status).toBe(401);
    expect(bad.body.message).toBe('Invalid or expired token');
  });

  it('answers malformed JSON, unknown fields and oversized bodies with 4xx, never 500', async () => {
    const malformed = await s.http
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send('{"email": "a@b.c", "password": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.statusCode).toBe(400);

    const unknownField = await s.http
      .post('/api/auth/login')
      .send({ email: ORGANIZER.email, password: ORGANIZER.password, role: 'organizer' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.message).toContain('property role should not exist');

    const huge = await s.http
      .post('/api/auth/login')
      .send({ email: ORGANIZER.email, password: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);

    const notJson = await s.http
      .post('/api/auth/login')
      .set('content-type', 'text/plain')
      .send('hello');
    expect(notJson.status).toBeGreaterThanOrEqual(400);
    expect(notJson.status).toBeLessThan(500);
  });

  it('sends security headers and serves health and OpenAPI', async () => {
    const health = await s.http.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', database: 'ok' });
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['content-security-policy']).toContain("default-src 'self'");
    const docs = await s.http.get('/api/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/editions',
        '/api/editions/{editionId}/exhibitors',
        '/api/editions/{editionId}/registrations',
        '/api/editions/{editionId}/check-ins',
        '/api/organizations/{organizationId}',
      ]),
    );
    expect((await s.http.get('/api/docs')).status).toBe(200);
  });

  it('answers an unknown route with a 404 in the error shape', async () => {
    const res = await s.http.get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });
});

describe('login rate limit', () => {
  it('answers 429 after too many attempts on one account, while other accounts still log in', async () => {
    const t = await startApp({ LOGIN_RATE_LIMIT: '3' });
    try {
      const attempt = (email: string) =>
        t.http.post('/api/auth/login').send({ email, password: 'wrong-password' });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await attempt(ORGANIZER.email)).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const blocked = await t.http.post('/api/auth/login').send(ORGANIZER);
      expect(blocked.status).toBe(429);
      expect(blocked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
      expect((await attempt('someone-else@test.example')).status).toBe(401);
    } finally {
      await t.close();
    }
  });

  it('does not believe an X-Forwarded-For from a client that is not a trusted proxy', async () => {
    // The tests reach the server from 127.0.0.1, a trusted proxy by default: here, none is trusted.
    const t = await startApp({ LOGIN_RATE_LIMIT: '2', TRUST_PROXY: 'false' });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const res = await t.http
          .post('/api/auth/login')
          .set('X-Forwarded-For', `203.0.113.${i + 1}`)
          .send({ email: ORGANIZER.email, password: 'wrong-password' });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await t.close();
    }
  });
});
