import { as, login, TestSession, visitorBody, type EditionInfo } from './support/session.js';
import { PASSWORD } from './support/app.js';

describe('visitor registration, badges and check-in', () => {
  let s: TestSession;
  let edition: EditionInfo;
  beforeAll(async () => {
    s = await TestSession.start();
    edition = await s.createEdition();
  });
  afterAll(() => s.close());

  it('registers a visitor publicly and gives a badge code and a token', async () => {
    const body = visitorBody({ firstName: 'Élodie', lastName: 'Bérard', interests: ['tourisme'] });
    const res = await s.http.post(`/api/editions/${edition.id}/registrations`).send(body);
    expect(res.status).toBe(201);
    expect(res.body.badgeCode).toMatch(/^CVT-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(res.body.editionId).toBe(edition.id);
    const me = await s.http.get('/api/auth/me').auth(res.body.accessToken, { type: 'bearer' });
    expect(me.body).toMatchObject({ role: 'visitor', firstName: 'Élodie', lastName: 'Bérard' });
    // The same credentials log in afterwards.
    await login(s.http, body.email, PASSWORD);
  });

  it('refuses the same email twice in an edition with 409, whatever its case', async () => {
    const body = visitorBody();
    expect((await s.http.post(`/api/editions/${edition.id}/registrations`).send(body)).status).toBe(
      201,
    );
    const again = await s.http
      .post(`/api/editions/${edition.id}/registrations`)
      .send({ ...body, email: body.email.toUpperCase() });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'registration/duplicate_email',
      message: 'This email is already registered for this edition',
    });
  });

  it('lets a returning visitor register for another edition with the same account', async () => {
    const other = await s.createEdition({ name: 'Coventis 2029' });
    const body = visitorBody();
    await s.http.post(`/api/editions/${edition.id}/registrations`).send(body).expect(201);
    const wrongPassword = await s.http
      .post(`/api/editions/${other.id}/registrations`)
      .send({ ...body, password: 'another-password' });
    expect(wrongPassword.status).toBe(409);
    expect(wrongPassword.body.code).toBe('registration/email_taken');
    const res = await s.http.post(`/api/editions/${other.id}/registrations`).send(body);
    expect(res.status).toBe(201);
    const me = await s.http.get('/api/auth/me').auth(res.body.accessToken, { type: 'bearer' });
    expect(me.body.participations.map((p: { editionId: string }) => p.editionId).sort()).toEqual(
      [edition.id, other.id].sort(),
    );
  });

  it('names bad fields and refuses privilege fields such as role', async () => {
    const res = await s.http
      .post(`/api/editions/${edition.id}/registrations`)
      .send(visitorBody({ email: 'nope', password: 'short', category: 'vip', role: 'organizer' }));
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(
      expect.arrayContaining([
        'property role should not exist',
        'email must be an email',
        'password must be longer than or equal to 8 characters',
        'category must be one of: professional, public',
      ]),
    );
    const missing = await s.http.post(`/api/editions/${edition.id}/registrations`).send({});
    expect(missing.body.message).toEqual(
      expect.arrayContaining(['firstName must be a string', 'lastName must be a string']),
    );
  });

  it('stores nothing for a refused registration', async () => {
    const count = async () =>
      Number((await s.testApp.query<{ n: number }>('SELECT COUNT(*) AS n FROM users'))[0].n);
    const before = await count();
    await s.http
      .post(`/api/editions/${edition.id}/registrations`)
      .send(visitorBody({ category: 'vip' }))
      .expect(400);
    expect(await count()).toBe(before);
  });

  it('gives 404 for an unknown edition', async () => {
    const res = await s.http
      .post('/api/editions/00000000-0000-4000-8000-000000000000/registrations')
      .send(visitorBody());
    expect(res.status).toBe(404);
  });

  it('shows the badge with its QR code to its owner and organizers only', async () => {
    const alice = await s.registerVisitor(edition.id, { firstName: 'Alice' });
    const bob = await s.registerVisitor(edition.id, { firstName: 'Bob' });
    const url = `/api/editions/${edition.id}/registrations/${alice.participantId}/badge`;

    const own = await s.http.get(url).auth(alice.token, { type: 'bearer' });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      id: alice.participantId,
      firstName: 'Alice',
      badgeCode: alice.badgeCode,
      editionName: 'Coventis test edition',
      checkedInAt: null,
    });
    expect(own.body.qrCode).toMatch(/^data:image\/png;base64,/);

    expect((await s.http.get(url).auth(s.organizerToken, { type: 'bearer' })).status).toBe(200);
    const other = await s.http.get(url).auth(bob.token, { type: 'bearer' });
    expect(other.status).toBe(403);
    expect(other.body.badgeCode).toBeUndefined();
    expect((await s.http.get(url)).status).toBe(401);

    const png = await s.http.get(`${url}.png`).auth(alice.token, { type: 'bearer' });
    expect(png.status).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect((png.body as Buffer).subarray(1, 4).toString()).toBe('PNG');
    expect((await s.http.get(`${url}.png`).auth(bob.token, { type: 'bearer' })).status).toBe(403);

    const elsewhere = await s.createEdition({ name: 'Autre' });
    const wrongEdition = await s.http
      .get(`/api/editions/${elsewhere.id}/registrations/${alice.participantId}/badge`)
      .auth(alice.token, { type: 'bearer' });
    expect(wrongEdition.status).toBe(404);
  });

  it('asks for the consent to being scanned at the stands, unticked by default, and the badge says it', async () => {
    const badgeOf = async (v: { participantId: string; token: string }) =>
      (
        await s.http
          .get(`/api/editions/${edition.id}/registrations/${v.participantId}/badge`)
          .auth(v.token, { type: 'bearer' })
          .expect(200)
      ).body as { scanConsent: boolean; scanConsentNotice: string };
    const silent = await s.registerVisitor(edition.id);
    expect(await badgeOf(silent)).toMatchObject({
      scanConsent: false,
      scanConsentNotice: 'Ce badge ne transmet pas vos coordonnées aux exposants.',
    });

    const willing = await s.registerVisitor(edition.id, {
      scanConsent: true,
      phone: '06 12 34 56 78',
    });
    expect(await badgeOf(willing)).toMatchObject({
      scanConsent: true,
      scanConsentNotice: 'Les exposants peuvent scanner ce badge pour garder vos coordonnées.',
    });
    const url = `/api/editions/${edition.id}/registrations/${willing.participantId}/profile`;
    const profile = await s.http.get(url).auth(willing.token, { type: 'bearer' }).expect(200);
    expect(profile.body).toMatchObject({ scanConsent: true, phone: '06 12 34 56 78' });

    // Changed later in the profile; the log keeps when it was given and withdrawn.
    const withdrawn = await s.http
      .patch(url)
      .auth(willing.token, { type: 'bearer' })
      .send({ scanConsent: false, phone: null });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ scanConsent: false, phone: null });
    expect((await badgeOf(willing)).scanConsent).toBe(false);
    const logged = await s.testApp.query<{ action: string; data: string }>(
      `SELECT action, data FROM activity_log WHERE "subjectId" = '${willing.participantId}' ORDER BY "createdAt"`,
    );
    const consent = (data: string) => (JSON.parse(data) as { scanConsent?: boolean }).scanConsent;
    expect(logged.map((l) => [l.action, consent(l.data)])).toEqual([
      ['registration.created', true],
      ['registration.profile_updated', false],
    ]);

    const bad = await s.http
      .post(`/api/editions/${edition.id}/registrations`)
      .send(visitorBody({ scanConsent: 'yes', phone: 'call me' }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'scanConsent', code: 'validation/boolean' }),
        expect.objectContaining({ field: 'phone', code: 'registration/invalid_phone' }),
      ]),
    );
  });

  it('checks a badge in once, says so on the second scan, and refuses unknown codes', async () => {
    const visitor = await s.registerVisitor(edition.id, { firstName: 'Chloé' });
    const checkIn = (badgeCode: string, token = s.organizerToken) =>
      s.http
        .post(`/api/editions/${edition.id}/check-ins`)
        .auth(token, { type: 'bearer' })
        .send({ badgeCode });

    const first = await checkIn(visitor.badgeCode.toLowerCase());
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      id: visitor.participantId,
      firstName: 'Chloé',
      alreadyCheckedIn: false,
    });
    expect(Date.parse(first.body.checkedInAt)).not.toBeNaN();
    const second = await checkIn(visitor.badgeCode);
    expect(second.body).toMatchObject({
      alreadyCheckedIn: true,
      checkedInAt: first.body.checkedInAt,
    });

    const unknown = await checkIn('CVT-XXXX-YYYY');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('registration/unknown_badge');
    expect((await checkIn(visitor.badgeCode, visitor.token)).status).toBe(403);
    expect(
      (
        await s.http
          .post(`/api/editions/${edition.id}/check-ins`)
          .auth(s.organizerToken, { type: 'bearer' })
          .send({})
      ).body.message,
    ).toContain('badgeCode must be a string');

    const badge = await s.http
      .get(`/api/editions/${edition.id}/registrations/${visitor.participantId}/badge`)
      .auth(visitor.token, { type: 'bearer' });
    expect(badge.body.checkedInAt).toBe(first.body.checkedInAt);
  });

  it('keeps the time of a scan sent later, the earliest of two, and refuses a time to come', async () => {
    const visitor = await s.registerVisitor(edition.id, { firstName: 'Hors-ligne' });
    const checkIn = (scannedAt: string) =>
      as(s.http, s.organizerToken).post(`/api/editions/${edition.id}/check-ins`, {
        badgeCode: visitor.badgeCode,
        scannedAt,
      });
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    // Scanned 10 minutes ago at a door without network, sent now.
    const tenAgo = at(10);
    const late = await checkIn(tenAgo).expect(200);
    expect(late.body).toMatchObject({ alreadyCheckedIn: false, checkedInAt: tenAgo });
    // Another door's scan, later, changes nothing; an earlier one, sent after, is the check-in.
    expect((await checkIn(at(5)).expect(200)).body.checkedInAt).toBe(tenAgo);
    const twentyAgo = at(20);
    const earlier = await checkIn(twentyAgo).expect(200);
    expect(earlier.body).toMatchObject({ alreadyCheckedIn: true, checkedInAt: twentyAgo });
    const logged = await s.testApp.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM activity_log WHERE action = 'participant.checked_in' AND "subjectId" = '${visitor.participantId}'`,
    );
    expect(Number(logged[0].n)).toBe(1);

    for (const scannedAt of [
      new Date(Date.now() + 3_600_000).toISOString(),
      '2020-01-01T10:00:00Z',
    ]) {
      const refused = await checkIn(scannedAt);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        code: 'validation/invalid',
        errors: [
          expect.objectContaining({ field: 'scannedAt', code: 'registration/bad_scan_time' }),
        ],
      });
    }
    expect((await checkIn('hier').expect(400)).body.message).toEqual([
      'scannedAt must be an ISO 8601 date-time',
    ]);
  });

  it('lists registrations for organizers only', async () => {
    const visitor = await s.registerVisitor(edition.id, { lastName: 'Listée' });
    const res = await s.http
      .get(`/api/editions/${edition.id}/registrations?limit=200`)
      .auth(s.organizerToken, { type: 'bearer' });
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: { id: string }) => p.id)).toContain(visitor.participantId);
    expect(res.body.total).toBe(res.body.items.length);
    expect(
      (
        await s.http
          .get(`/api/editions/${edition.id}/registrations`)
          .auth(visitor.token, { type: 'bearer' })
      ).status,
    ).toBe(403);
  });

  it('finds registrations by words of a name, email, organization or badge, and by kind', async () => {
    const other = await s.createEdition();
    const ana = await s.registerVisitor(other.id, {
      firstName: 'Anaïs',
      lastName: 'Ferrand',
      organizationName: 'Mairie de Sète',
    });
    await s.registerVisitor(other.id, { firstName: 'Paul', lastName: 'Ferrand' });
    const stand = await s.onboardExhibitor(other.id);
    const search = async (query: string) => {
      const res = await s.http
        .get(`/api/editions/${other.id}/registrations?${query}`)
        .auth(s.organizerToken, { type: 'bearer' });
      expect(res.status).toBe(200);
      return res.body as {
        items: { id: string; email: string; organizationName: string }[];
        total: number;
      };
    };
    expect((await search('q=ferrand')).total).toBe(2);
    expect((await search('q=ferrand%20s%C3%A8te')).items.map((i) => i.id)).toEqual([
      ana.participantId,
    ]);
    expect((await search(`q=${ana.badgeCode.toLowerCase()}`)).items.map((i) => i.email)).toEqual([
      ana.email,
    ]);
    const exhibitors = await search('kind=exhibitor');
    expect(exhibitors.items.map((i) => i.id)).toEqual([stand.participantId]);
    // A stand's staff are named by their organization.
    expect(exhibitors.items[0].organizationName).toBeTruthy();
    expect((await search('q=%25')).total).toBe(0);
    const bad = await s.http
      .get(`/api/editions/${other.id}/registrations?kind=robot`)
      .auth(s.organizerToken, { type: 'bearer' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'kind', code: 'validation/one_of' });
  });

  it('exports the same list as a spreadsheet, for organizers only', async () => {
    const other = await s.createEdition();
    const ana = await s.registerVisitor(other.id, { firstName: 'Anaïs', lastName: 'Ferrand' });
    await s.registerVisitor(other.id, { firstName: 'Paul', lastName: 'Durand' });
    const url = `/api/editions/${other.id}/registrations.csv?q=ferrand`;
    const res = await s.http.get(url).auth(s.organizerToken, { type: 'bearer' }).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('\uFEFFprénom;nom;email;type;catégorie;structure;badge;arrivé le');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`Anaïs;Ferrand;${ana.email};visiteur;`);
    expect((await s.http.get(url).auth(ana.token, { type: 'bearer' })).status).toBe(403);
  });
});

describe('registration rate limit', () => {
  it('limits sign-ups per address', async () => {
    const s = await TestSession.start({ REGISTRATION_RATE_LIMIT: '2' });
    try {
      const edition = await s.createEdition();
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        statuses.push(
          (await s.http.post(`/api/editions/${edition.id}/registrations`).send(visitorBody()))
            .status,
        );
      }
      expect(statuses).toEqual([201, 201, 429]);
    } finally {
      await s.close();
    }
  });
});
