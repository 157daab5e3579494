import {
  as,
  exhibitorBody,
  TestSession,
  type EditionInfo,
  type ExhibitorInfo,
} from './support/session.js';

/** JSON text nested `depth` levels deep. */
const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const list = (items: number) => `[${Array(items).fill('0').join(',')}]`;

describe('bad input is a 400 that says what is wrong, never a 500', () => {
  let s: TestSession;
  let edition: EditionInfo;
  let exhibitor: ExhibitorInfo;
  let other: ExhibitorInfo;

  const raw = (method: 'post' | 'patch' | 'put', url: string, text: string, token?: string) => {
    const req = s.http[method](url).set('content-type', 'application/json');
    return (token ? req.auth(token, { type: 'bearer' }) : req).send(text);
  };

  beforeAll(async () => {
    s = await TestSession.start();
    edition = await s.createEdition();
    exhibitor = await s.onboardExhibitor(edition.id);
    other = await s.onboardExhibitor(edition.id);
  });
  afterAll(() => s.close());

  describe('nesting and sizes at the edge', () => {
    it('refuses a body nested too deep, on write routes public or not', async () => {
      for (const [method, url, token] of [
        ['post', '/api/editions', s.organizerToken],
        ['patch', `/api/editions/${edition.id}`, s.organizerToken],
        ['post', '/api/auth/login', undefined],
        ['post', `/api/editions/${edition.id}/registrations`, undefined],
      ] as const) {
        const res = await raw(method, url, deep(5_000), token);
        expect(res.status).toBe(400);
        expect(res.body).toEqual({
          statusCode: 400,
          error: 'Bad Request',
          code: 'request/too_deep',
          message: 'a is nested more than 32 levels deep',
          errors: [
            {
              field: 'a',
              code: 'request/too_deep',
              message: 'a is nested more than 32 levels deep',
            },
          ],
        });
      }
      // A list of lists counts as deep as objects do.
      const lists = await raw(
        'post',
        '/api/auth/login',
        `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
      );
      expect(lists.body.code).toBe('request/too_deep');
    });

    it('refuses a list longer than any request holds, at the top or in a field', async () => {
      const top = await raw('post', '/api/editions', list(100_000), s.organizerToken);
      expect(top.status).toBe(400);
      expect(top.body).toMatchObject({
        code: 'request/array_too_long',
        message: 'The request holds a list of 100000 items, more than the 1000 a list may hold',
      });
      const field = await raw(
        'post',
        '/api/editions',
        `{"name":"x","days":${list(50_000)}}`,
        s.organizerToken,
      );
      expect(field.status).toBe(400);
      expect(field.body).toMatchObject({
        code: 'request/array_too_long',
        message: 'days holds a list of 50000 items, more than the 1000 a list may hold',
        errors: [expect.objectContaining({ field: 'days' })],
      });
      // Deeper in, the path names it.
      const nested = await as(s.http, exhibitor.token).patch(
        `/api/organizations/${exhibitor.organizationId}`,
        { offers: [['a'], Array(1_001).fill('b')] },
      );
      expect(nested.body).toMatchObject({
        code: 'request/array_too_long',
        errors: [expect.objectContaining({ field: 'offers.1' })],
      });
      // So are queries with a key repeated past the limit.
      const query = await s.http.get(
        `/api/editions/${edition.id}/exhibitors?${Array(1_001).fill('q=x').join('&')}`,
      );
      expect(query.status).toBe(400);
      expect(query.body.code).toBe('request/array_too_long');
    });

    it('leaves what the DTOs allow to the DTOs, and a body too large to the parser', async () => {
      // 501 ids: under the edge's limit, over the DTO's own (500).
      const ids = Array.from(
        { length: 501 },
        (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      );
      const availability = await as(s.http, exhibitor.token).put(
        `/api/editions/${edition.id}/availability`,
        { blockedSlotIds: ids },
      );
      expect(availability.status).toBe(400);
      expect(availability.body.errors).toEqual([
        expect.objectContaining({ field: 'blockedSlotIds', code: 'validation/too_many' }),
      ]);
      const tooMany = await raw(
        'post',
        '/api/auth/login',
        `{${Array.from({ length: 1_001 }, (_, i) => `"k${i}":1`).join(',')}}`,
      );
      expect(tooMany.body).toMatchObject({ statusCode: 400, code: 'request/too_many_fields' });
      const huge = await raw(
        'post',
        '/api/auth/login',
        JSON.stringify({ email: 'x'.repeat(300_000) }),
      );
      expect(huge.status).toBe(413);
      expect(huge.body).toMatchObject({ statusCode: 413, code: 'request/too_large' });
    });

    it('names a body that is empty, broken or of another type', async () => {
      const empty = await s.http.post('/api/auth/login').set('content-type', 'application/json');
      expect(empty.status).toBe(400);
      expect(empty.body.code).toBe('request/empty_body');
      const broken = await raw('post', '/api/auth/login', '{"email":');
      expect(broken.status).toBe(400);
      expect(broken.body.code).toBe('request/invalid_json');
      const xml = await s.http
        .post('/api/auth/login')
        .set('content-type', 'application/xml')
        .send('<login/>');
      expect(xml.status).toBe(415);
      expect(xml.body.code).toBe('request/unsupported_media_type');
    });
  });

  describe('null where the column is not nullable', () => {
    const notNull = (field: string) => ({
      statusCode: 400,
      error: 'Bad Request',
      code: 'validation/invalid',
      message: [`${field} must not be null`],
      errors: [{ field, code: 'validation/not_null', message: `${field} must not be null` }],
    });

    it('refuses null for an edition’s fields, and changes nothing', async () => {
      const org = as(s.http, s.organizerToken);
      for (const field of ['name', 'city', 'slotMinutes', 'breakMinutes', 'meetingPlace', 'days']) {
        const res = await org.patch(`/api/editions/${edition.id}`, { [field]: null });
        expect([field, res.status, res.body]).toEqual([field, 400, notNull(field)]);
      }
      const created = await org.post('/api/editions', {
        name: 'Nulls',
        city: 'Sète',
        venue: 'Halle',
        timezone: 'Europe/Paris',
        slotMinutes: 30,
        breakMinutes: null,
        tables: 2,
        days: [{ date: '2027-05-19', start: '09:00', end: '10:00' }],
      });
      expect(created.body).toEqual(notNull('breakMinutes'));
      expect((await s.http.get(`/api/editions/${edition.id}`)).body.name).toBe(
        'Coventis test edition',
      );
    });

    it('refuses null for an organization’s fields but clears its website', async () => {
      const url = `/api/organizations/${exhibitor.organizationId}`;
      const mine = as(s.http, exhibitor.token);
      for (const field of ['name', 'legalForm', 'sectors', 'department', 'description', 'offers']) {
        const res = await mine.patch(url, { [field]: null });
        expect([field, res.status, res.body]).toEqual([field, 400, notNull(field)]);
      }
      await mine.patch(url, { website: 'https://example.org' }).expect(200);
      const cleared = await mine.patch(url, { website: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body.website).toBeNull();
    });

    it('refuses null for a convention’s text and consent, and clears its figures', async () => {
      const mine = as(s.http, exhibitor.token);
      const declared = await mine
        .post('/api/conventions', {
          editionId: edition.id,
          title: 'Nulls',
          kind: 'supply',
          parties: [
            { organizationId: exhibitor.organizationId, role: 'buyer' },
            { organizationId: other.organizationId, role: 'supplier' },
          ],
          jobsCreated: 3,
          estimatedAnnualValueEur: 1000,
        })
        .expect(201);
      const url = `/api/conventions/${declared.body.id}`;
      for (const field of ['title', 'kind', 'description', 'meetingIds']) {
        const res = await mine.patch(url, { [field]: null });
        expect([field, res.status, res.body]).toEqual([field, 400, notNull(field)]);
      }
      const confirm = await as(s.http, other.token).post(`${url}/confirm`, { public: null });
      expect(confirm.body).toEqual(notNull('public'));
      const status = await mine.post(`${url}/status`, { status: 'negotiating', note: null });
      expect(status.body).toEqual(notNull('note'));
      const cleared = await mine.patch(url, { jobsCreated: null, estimatedAnnualValueEur: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body).toMatchObject({ jobsCreated: null, estimatedAnnualValueEur: null });
    });
  });

  describe('missing or misshapen nested objects', () => {
    const onboard = (body: unknown) =>
      raw('post', `/api/editions/${edition.id}/exhibitors`, JSON.stringify(body), s.organizerToken);

    it('refuses an exhibitor without its organization or contact, whatever stands in their place', async () => {
      const full = exhibitorBody();
      const cases: [unknown, string[]][] = [
        [{}, ['organization', 'contact']],
        [null, ['organization', 'contact']],
        [[], ['organization', 'contact']],
        [{ ...full, organization: undefined }, ['organization']],
        [{ ...full, contact: undefined }, ['contact']],
        [{ ...full, contact: null }, ['contact']],
        [{ ...full, contact: [full.contact] }, ['contact']],
        [{ ...full, organization: [] }, ['organization']],
        [{ ...full, organization: 'Le Lazaret' }, ['organization']],
      ];
      for (const [body, fields] of cases) {
        const res = await onboard(body);
        expect([body, res.status]).toEqual([body, 400]);
        expect([
          body,
          [...new Set(res.body.errors.map((e: { field: string }) => e.field))],
        ]).toEqual([body, fields]);
      }
      const none = await s.http
        .post(`/api/editions/${edition.id}/exhibitors`)
        .auth(s.organizerToken, { type: 'bearer' });
      expect(none.status).toBe(400);
      const inner = await onboard({ ...full, contact: { ...full.contact, password: undefined } });
      expect(inner.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'contact.password', code: 'validation/required' }),
        ]),
      );
      // Each party of a convention is an object too.
      const parties = await as(s.http, exhibitor.token).post('/api/conventions', {
        editionId: edition.id,
        title: 'x',
        kind: 'supply',
        parties: ['a', [], null],
      });
      expect(parties.status).toBe(400);
      expect(parties.body.message).toContain('each value in parties must be an object');
    });

    it('answers a login of any shape with a 400', async () => {
      for (const text of [
        'null',
        '[]',
        '"organizer@test.example"',
        '42',
        'true',
        '{}',
        '{"email":null,"password":null}',
        '{"email":["organizer@test.example"],"password":"organizer-password"}',
        '{"email":{"toLowerCase":1},"password":"organizer-password"}',
        '{"email":"organizer@test.example","password":{"length":8}}',
        '{"email":"organizer@test.example","password":["organizer-password"]}',
        '{"email":"organizer@test.example","password":"organizer-password","__proto__":{"x":1}}',
      ]) {
        const res = await raw('post', '/api/auth/login', text);
        expect([text, res.status]).toEqual([text, 400]);
        expect(typeof res.body.code).toBe('string');
      }
    });
  });

  describe('every refusal has a code a client can translate', () => {
    it('gives the bound a field broke, and a code to refusals raised without one', async () => {
      const short = await s.http.post(`/api/editions/${edition.id}/registrations`).send({
        firstName: 'Ana',
        lastName: 'Lopez',
        email: 'ana@test.example',
        password: 'short',
        category: 'public',
      });
      expect(short.status).toBe(400);
      expect(short.body.errors).toEqual([
        expect.objectContaining({ field: 'password', code: 'validation/too_short', limit: 8 }),
      ]);
      const long = await as(s.http, exhibitor.token).patch(
        `/api/organizations/${exhibitor.organizationId}`,
        { sectors: ['x'.repeat(61)] },
      );
      expect(long.body.errors).toEqual([
        expect.objectContaining({ field: 'sectors', code: 'validation/too_long', limit: 60 }),
      ]);
      const cases: [string, Promise<{ status: number; body: { code?: string } }>][] = [
        ['auth/login_required', s.http.get('/api/auth/me')],
        ['auth/invalid_token', as(s.http, 'not-a-token').get('/api/auth/me')],
        ['auth/wrong_role', as(s.http, exhibitor.token).post('/api/editions', {})],
        ['request/not_found', s.http.get('/api/no-such-route')],
        [
          'auth/wrong_credentials',
          s.http
            .post('/api/auth/login')
            .send({ email: 'nobody@test.example', password: 'whatever1' }),
        ],
      ];
      for (const [code, pending] of cases) {
        const res = await pending;
        expect([code, res.body.code]).toEqual([code, code]);
      }
    });
  });
});
