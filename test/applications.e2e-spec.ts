import { randomUUID } from 'node:crypto';
import { PASSWORD } from './support/app.js';
import { writeSql } from './support/database.js';
import { as, login, TestSession, type EditionInfo } from './support/session.js';

/** What an application body holds; `overrides` replaces whole parts. */
function applicationBody(
  overrides: {
    organization?: Record<string, unknown>;
    contact?: Record<string, unknown>;
    standWishes?: string | null;
  } = {},
) {
  const tag = randomUUID().slice(0, 8);
  return {
    organization: {
      name: `Recyclerie ${tag}`,
      legalForm: 'association',
      sectors: ['réemploi', 'recyclage'],
      department: '34',
      city: 'Lodève',
      description: 'Collecte et revente d’objets de seconde main.',
      offers: ['Mobilier de réemploi'],
      needs: ['Locaux de stockage'],
      website: 'https://recyclerie.example.org',
      ...overrides.organization,
    },
    standWishes: overrides.standWishes === undefined ? 'Près de l’entrée' : overrides.standWishes,
    contact: {
      firstName: 'Inès',
      lastName: 'Candidate',
      email: `candidate-${tag}@test.example`,
      phone: '04 67 00 00 00',
      password: PASSWORD,
      ...overrides.contact,
    },
  };
}

type Body = ReturnType<typeof applicationBody>;

let databaseUrl = '';

/** A statement run straight on the server's database, past the API. */
const write = (sql: string) => writeSql(databaseUrl, sql);

describe('exhibitor applications', () => {
  let s: TestSession;
  let edition: EditionInfo;
  let other: EditionInfo;
  const statuses: number[] = [];

  beforeAll(async () => {
    s = await TestSession.start();
    databaseUrl = s.testApp.databaseUrl;
    edition = await s.createEdition({ name: 'Coventis 2027' });
    other = await s.createEdition({ name: 'Coventis 2029' });
  });
  afterAll(() => s.close());
  afterEach(() => {
    // Whatever a client sends, the server answers it: never a 500.
    expect(statuses.splice(0).filter((status) => status >= 500)).toEqual([]);
  });

  const track = <T extends { status: number }>(res: T): T => {
    statuses.push(res.status);
    return res;
  };
  const apply = async (body: object, editionId = edition.id, token?: string) => {
    const req = s.http.post(`/api/editions/${editionId}/applications`);
    return track(await (token ? req.auth(token, { type: 'bearer' }) : req).send(body));
  };
  const organizer = () => as(s.http, s.organizerToken);
  const catalogue = async (editionId = edition.id) => {
    const res = await s.http.get(`/api/editions/${editionId}/exhibitors?limit=100`);
    return (res.body as { items: { id: string; organization: { name: string } }[] }).items;
  };
  const approve = async (id: string, body: object = {}, token = s.organizerToken) =>
    track(await as(s.http, token).post(`/api/applications/${id}/approve`, body));
  const refuse = async (id: string, body: object, token = s.organizerToken) =>
    track(await as(s.http, token).post(`/api/applications/${id}/refuse`, body));

  /** A newcomer applies and logs in with the account the application created. */
  async function newcomer(body: Body = applicationBody(), editionId = edition.id) {
    const res = await apply(body, editionId);
    expect(res.status).toBe(201);
    return { id: res.body.id as string, token: res.body.accessToken as string, body };
  }

  it('a structure without an account applies and gets an exhibitor account with it', async () => {
    const body = applicationBody({ organization: { name: 'La Recyclerie du Lodévois' } });
    const res = await apply(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      editionId: edition.id,
      editionName: 'Coventis 2027',
      status: 'pending',
      organizationId: null,
      exhibitorId: null,
      note: null,
      stand: null,
      standWishes: 'Près de l’entrée',
      organization: {
        name: 'La Recyclerie du Lodévois',
        legalForm: 'association',
        sectors: ['Réemploi', 'Recyclage'],
        department: '34',
        city: 'Lodève',
        offers: ['Mobilier de réemploi'],
        needs: ['Locaux de stockage'],
        website: 'https://recyclerie.example.org',
      },
      contact: {
        firstName: 'Inès',
        lastName: 'Candidate',
        email: body.contact.email,
        phone: '04 67 00 00 00',
      },
    });
    expect(res.body).not.toHaveProperty('contact.password');
    expect(typeof res.body.accessToken).toBe('string');

    // The same account logs in with the password given, as an exhibitor not yet at any edition.
    const token = await login(s.http, body.contact.email, PASSWORD);
    const me = await as(s.http, token).get('/api/auth/me');
    expect(me.body).toMatchObject({ role: 'exhibitor', organizationId: null, participations: [] });
    const mine = track(await as(s.http, token).get('/api/applications/mine'));
    expect(mine.status).toBe(200);
    expect(mine.body).toHaveLength(1);
    expect(mine.body[0]).toMatchObject({ id: res.body.id, status: 'pending' });

    // Pending: not in the catalogue.
    expect((await catalogue()).map((e) => e.organization.name)).not.toContain(
      'La Recyclerie du Lodévois',
    );
  });

  it('approving onboards the structure: it appears in the catalogue with its stand', async () => {
    const { id, token, body } = await newcomer(
      applicationBody({ organization: { name: 'Coopérative Terres du Salagou' } }),
    );
    const res = await approve(id, { stand: 'D04', note: 'Bienvenue au salon !' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id,
      status: 'approved',
      stand: 'D04',
      note: 'Bienvenue au salon !',
    });
    expect(typeof res.body.exhibitorId).toBe('string');
    expect(typeof res.body.organizationId).toBe('string');
    expect(typeof res.body.decidedAt).toBe('string');

    const listed = (await catalogue()).find((e) => e.id === res.body.exhibitorId);
    expect(listed).toMatchObject({
      stand: 'D04',
      organization: { id: res.body.organizationId, name: 'Coopérative Terres du Salagou' },
    });
    // Full-text search finds it too (the search index was written with the organization).
    const found = await s.http.get(`/api/editions/${edition.id}/exhibitors?q=salagou`);
    expect(found.body.items.map((e: { id: string }) => e.id)).toEqual([res.body.exhibitorId]);

    // The applicant is now this exhibitor's contact at the edition, and sees the decision.
    const me = await as(s.http, token).get('/api/auth/me');
    expect(me.body).toMatchObject({
      organizationId: res.body.organizationId,
      participations: [
        { editionId: edition.id, kind: 'exhibitor', exhibitorId: res.body.exhibitorId },
      ],
    });
    expect(listed).toMatchObject({ participantId: me.body.participations[0].participantId });
    const mine = await as(s.http, token).get(`/api/applications/${id}`);
    expect(mine.body).toMatchObject({ status: 'approved', note: 'Bienvenue au salon !' });
    // Its figures count it.
    const stats = await organizer().get(`/api/editions/${edition.id}/stats`);
    expect(stats.body.exhibitors).toBeGreaterThanOrEqual(1);
    expect(body.contact.email).toBe(me.body.email);
  });

  it('refusing keeps the structure out of the catalogue and tells the applicant why', async () => {
    const { id, token } = await newcomer(
      applicationBody({ organization: { name: 'Atelier Refusé' } }),
    );
    const res = await refuse(id, { note: 'Le salon est complet dans votre filière.' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'refused',
      note: 'Le salon est complet dans votre filière.',
      exhibitorId: null,
    });
    expect((await catalogue()).map((e) => e.organization.name)).not.toContain('Atelier Refusé');
    const mine = await as(s.http, token).get('/api/applications/mine');
    expect(mine.body).toEqual([
      expect.objectContaining({
        id,
        status: 'refused',
        note: 'Le salon est complet dans votre filière.',
      }),
    ]);
    const me = await as(s.http, token).get('/api/auth/me');
    expect(me.body.participations).toEqual([]);
  });

  it('a decision is final: deciding twice is a 409 with a code', async () => {
    const approved = await newcomer();
    expect((await approve(approved.id)).status).toBe(200);
    for (const again of [
      await approve(approved.id),
      await refuse(approved.id, { note: 'Trop tard' }),
    ]) {
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('application/already_decided');
    }
    const refused = await newcomer();
    expect((await refuse(refused.id, { note: 'Non' })).status).toBe(200);
    const afterRefusal = await approve(refused.id);
    expect(afterRefusal.status).toBe(409);
    expect(afterRefusal.body.code).toBe('application/already_decided');
    expect((await catalogue()).map((e) => e.organization.name)).not.toContain(
      refused.body.organization.name,
    );
  });

  it('a structure that exhibited before applies with its organization, updated', async () => {
    const past = await s.onboardExhibitor(other.id, {
      organization: { name: 'Le Lazaret', legalForm: 'association', sectors: ['tourisme'] },
    });
    const body = applicationBody({
      organization: {
        name: 'Le Lazaret',
        legalForm: 'association',
        sectors: ['tourisme', 'circuits courts'],
        city: 'Sète',
        offers: ['Séjours pour groupes'],
        needs: ['Produits régionaux en circuit court'],
      },
      contact: { password: undefined },
    });
    const res = await apply(body, edition.id, past.token);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'pending',
      organizationId: past.organizationId,
      accessToken: null,
      organization: { name: 'Le Lazaret', sectors: ['Tourisme', 'Circuits courts'] },
    });
    const profile = await s.http.get(`/api/organizations/${past.organizationId}`);
    expect(profile.body).toMatchObject({
      sectors: ['Tourisme', 'Circuits courts'],
      needs: ['Produits régionaux en circuit court'],
    });

    // Twice while pending: 409.
    const twice = await apply(body, edition.id, past.token);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('application/already_pending');
    // At the edition it already exhibits at: 409.
    const there = await apply(body, other.id, past.token);
    expect(there.status).toBe(409);
    expect(there.body.code).toBe('application/already_exhibiting');

    // Approved, the same organization exhibits at the new edition; the account is the same.
    const approved = await approve(res.body.id, { stand: 'A02' });
    expect(approved.status).toBe(200);
    expect(approved.body.organizationId).toBe(past.organizationId);
    const me = await as(s.http, past.token).get('/api/auth/me');
    expect(me.body.participations.map((p: { editionId: string }) => p.editionId).sort()).toEqual(
      [edition.id, other.id].sort(),
    );
    const listed = (await catalogue()).filter((e) => e.organization.name === 'Le Lazaret');
    expect(listed).toHaveLength(1);
  });

  it('refuses duplicates: same structure pending, an email with an account, a name that exhibits', async () => {
    const first = await newcomer(applicationBody({ organization: { name: 'Mobileco Sud' } }));
    const refused: Body[] = [];
    const expectRefused = async (body: Body, editionId: string, code: string) => {
      const res = await apply(body, editionId);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe(code);
      refused.push(body);
    };
    // Another person applying for the same structure (its name folded) while it is pending.
    await expectRefused(
      applicationBody({ organization: { name: 'MOBILECO sud' } }),
      edition.id,
      'application/already_pending',
    );
    // The same person again, logged in, under another name: still one open application.
    const again = await apply(applicationBody(), edition.id, first.token);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('application/already_pending');
    // Without logging in, with the email of an existing account.
    const email = await apply(
      applicationBody({ contact: { email: first.body.contact.email } }),
      other.id,
    );
    expect(email.status).toBe(409);
    expect(email.body.code).toBe('application/email_taken');
    // A newcomer naming a structure that exhibits with its own account, elsewhere or there.
    await s.onboardExhibitor(other.id, { organization: { name: 'FRCA Occitanie' } });
    const frca = () => applicationBody({ organization: { name: 'FRCA Occitanie' } });
    await expectRefused(frca(), edition.id, 'application/organization_exists');
    await expectRefused(frca(), other.id, 'application/already_exhibiting');
    // The refusals created nothing: no account with their emails.
    const emails = refused.map((b) => `'${b.contact.email}'`).join(', ');
    const accounts = await s.testApp.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM users WHERE email IN (${emails})`,
    );
    expect(Number(accounts[0].n)).toBe(0);
  });

  it('once refused, the structure may apply again', async () => {
    const first = await newcomer();
    expect((await refuse(first.id, { note: 'Dossier incomplet' })).status).toBe(200);
    const again = await apply(
      { ...first.body, contact: { ...first.body.contact, password: undefined } },
      edition.id,
      first.token,
    );
    expect(again.status).toBe(201);
    const mine = await as(s.http, first.token).get('/api/applications/mine');
    expect(mine.body.map((a: { status: string }) => a.status)).toEqual(['pending', 'refused']);
  });

  it('of simultaneous applications for one structure, one is taken', async () => {
    const body = applicationBody({ organization: { name: 'Concurrence Coopérative' } });
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        apply({
          ...body,
          contact: { ...body.contact, email: `race-${i}-${randomUUID()}@test.example` },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(
      results.filter((r) => r.status === 409).map((r) => (r.body as { code: string }).code),
    ).toEqual(Array(4).fill('application/already_pending'));
    const rows = await s.testApp.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM applications WHERE "name" = 'Concurrence Coopérative'`,
    );
    expect(Number(rows[0].n)).toBe(1);
  });

  it('the database refuses a second open application even past the service', async () => {
    const third = await s.createEdition({ name: 'Coventis 2031' });
    const { id } = await newcomer(applicationBody(), third.id);
    const copy = (newId: string) =>
      `INSERT INTO applications ("id", "editionId", "applicantId", "status", "name", "nameKey",
         "legalForm", "sectors", "department", "city", "description", "offers", "needs",
         "contactFirstName", "contactLastName", "contactEmail", "createdAt", "updatedAt")
       SELECT '${newId}', "editionId", "applicantId", 'pending', "name", "nameKey", "legalForm",
         "sectors", "department", "city", "description", "offers", "needs", "contactFirstName",
         "contactLastName", "contactEmail", "createdAt", "updatedAt"
       FROM applications WHERE "id" = '${id}'`;
    await expect(write(copy(randomUUID()))).rejects.toThrow(/unique/i);
    // Decided, it is history: another open one is allowed.
    expect((await refuse(id, { note: 'Non' })).status).toBe(200);
    await write(copy(randomUUID()));
    const rows = await s.testApp.query<{ status: string }>(
      `SELECT "status" FROM applications WHERE "editionId" = '${third.id}' ORDER BY "status"`,
    );
    expect(rows.map((r) => r.status)).toEqual(['pending', 'refused']);
  });

  describe('who may do what', () => {
    let pending: { id: string; token: string };
    beforeAll(async () => {
      pending = await newcomer();
    });

    it('lists an edition’s applications for organizers only, filtered by status', async () => {
      const all = track(await organizer().get(`/api/editions/${edition.id}/applications`));
      expect(all.status).toBe(200);
      expect(all.body.total).toBeGreaterThan(3);
      const onlyPending = track(
        await organizer().get(`/api/editions/${edition.id}/applications?status=pending`),
      );
      expect(onlyPending.body.items.length).toBeGreaterThan(0);
      expect(onlyPending.body.items.every((a: { status: string }) => a.status === 'pending')).toBe(
        true,
      );
      expect(onlyPending.body.items.map((a: { id: string }) => a.id)).toContain(pending.id);
      const refused = track(
        await organizer().get(`/api/editions/${edition.id}/applications?status=refused`),
      );
      expect(refused.body.items.every((a: { status: string }) => a.status === 'refused')).toBe(
        true,
      );

      const visitor = await s.registerVisitor(edition.id);
      for (const token of [pending.token, visitor.token]) {
        const res = track(await as(s.http, token).get(`/api/editions/${edition.id}/applications`));
        expect(res.status).toBe(403);
      }
      const anonymous = track(await s.http.get(`/api/editions/${edition.id}/applications`));
      expect(anonymous.status).toBe(401);
    });

    it('only organizers decide', async () => {
      const visitor = await s.registerVisitor(edition.id);
      const exhibitor = await s.onboardExhibitor(edition.id);
      for (const token of [pending.token, visitor.token, exhibitor.token]) {
        expect((await approve(pending.id, {}, token)).status).toBe(403);
        expect((await refuse(pending.id, { note: 'Non' }, token)).status).toBe(403);
      }
      const anonymous = track(
        await s.http.post(`/api/applications/${pending.id}/approve`).send({}),
      );
      expect(anonymous.status).toBe(401);
      const still = await as(s.http, pending.token).get(`/api/applications/${pending.id}`);
      expect(still.body.status).toBe('pending');
    });

    it('an applicant sees only their own applications', async () => {
      const someoneElse = await newcomer();
      const res = track(await as(s.http, someoneElse.token).get(`/api/applications/${pending.id}`));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('application/not_yours');
      const mine = await as(s.http, someoneElse.token).get('/api/applications/mine');
      expect(mine.body.map((a: { id: string }) => a.id)).toEqual([someoneElse.id]);
      const byOrganizer = track(await organizer().get(`/api/applications/${pending.id}`));
      expect(byOrganizer.status).toBe(200);
      expect(track(await s.http.get('/api/applications/mine')).status).toBe(401);
    });

    it('unknown ids are 404s with a code', async () => {
      const unknown = randomUUID();
      for (const res of [
        track(await organizer().get(`/api/applications/${unknown}`)),
        await approve(unknown),
        await refuse(unknown, { note: 'Non' }),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('application/not_found');
      }
      const edition404 = await apply(applicationBody(), unknown);
      expect(edition404.status).toBe(404);
      const list404 = track(await organizer().get(`/api/editions/${unknown}/applications`));
      expect(list404.status).toBe(404);
    });

    it('organizers and visitors cannot apply with their own accounts', async () => {
      const visitor = await s.registerVisitor(edition.id);
      for (const token of [visitor.token, s.organizerToken]) {
        const res = await apply(applicationBody(), edition.id, token);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('application/wrong_role');
      }
    });
  });

  describe('bad input is a 400 that names the field and its code', () => {
    const fieldErrors = (res: { body: { errors?: { field: string; code: string }[] } }) =>
      Object.fromEntries((res.body.errors ?? []).map((e) => [e.field, e.code]));

    it('an empty form names every required field', async () => {
      const res = await apply({});
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation/invalid');
      expect(fieldErrors(res)).toMatchObject({
        organization: 'validation/required',
        contact: 'validation/required',
      });
      const empty = await apply({
        organization: { name: '', legalForm: '', sectors: [], department: '', city: '' },
        contact: { firstName: '', lastName: '', email: '', password: '' },
      });
      expect(empty.status).toBe(400);
      expect(fieldErrors(empty)).toMatchObject({
        'organization.name': 'validation/too_short',
        'organization.legalForm': 'validation/one_of',
        'organization.sectors': expect.stringMatching(/^validation\//),
        'organization.department': expect.stringMatching(/^validation\//),
        'organization.city': 'validation/too_short',
        'contact.firstName': 'validation/too_short',
        'contact.lastName': 'validation/too_short',
        'contact.email': 'validation/email',
        'contact.password': 'validation/too_short',
      });
    });

    it('a newcomer without a password is told which field', async () => {
      const body = applicationBody();
      const res = await apply({ ...body, contact: { ...body.contact, password: undefined } });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          field: 'contact.password',
          code: 'application/password_required',
        }),
      ]);
    });

    it('refuses wrong values, unknown fields and wrong types', async () => {
      const cases: [object, string, unknown][] = [
        [
          applicationBody({ organization: { legalForm: 'sarl' } }),
          'organization.legalForm',
          'validation/one_of',
        ],
        [
          applicationBody({ organization: { website: 'ftp://x' } }),
          'organization.website',
          expect.stringMatching(/^validation\//),
        ],
        [
          applicationBody({ contact: { phone: 'call me' } }),
          'contact.phone',
          'application/invalid_phone',
        ],
        [applicationBody({ contact: { email: 'nope' } }), 'contact.email', 'validation/email'],
        [applicationBody({ standWishes: 'x'.repeat(1001) }), 'standWishes', 'validation/too_long'],
        [{ ...applicationBody(), status: 'approved' }, 'status', 'validation/unknown_field'],
        [{ ...applicationBody(), organization: 'Le Lazaret' }, 'organization', 'validation/object'],
      ];
      for (const [body, field, code] of cases) {
        const res = await apply(body);
        expect(res.status).toBe(400);
        expect(fieldErrors(res)).toMatchObject({ [field]: code });
      }
      // Nothing of these was stored.
      const stored = await s.testApp.query<{ n: number }>(
        `SELECT COUNT(*) AS n FROM applications WHERE "legalForm" = 'sarl' OR "website" = 'ftp://x'`,
      );
      expect(Number(stored[0].n)).toBe(0);
    });

    it('a refusal needs a note; decisions and filters check their input', async () => {
      const { id } = await newcomer();
      for (const body of [{}, { note: '' }, { note: '   ' }, { note: null }]) {
        const res = await refuse(id, body);
        expect(res.status).toBe(400);
        expect(Object.keys(fieldErrors(res))).toEqual(['note']);
      }
      const stand = await approve(id, { stand: 'x'.repeat(21) });
      expect(stand.status).toBe(400);
      expect(fieldErrors(stand)).toEqual({ stand: 'validation/too_long' });
      const badId = await approve('not-a-uuid');
      expect(badId.status).toBe(400);
      expect(fieldErrors(badId)).toEqual({ applicationId: 'validation/uuid' });
      const badStatus = track(
        await organizer().get(`/api/editions/${edition.id}/applications?status=maybe`),
      );
      expect(badStatus.status).toBe(400);
      expect(fieldErrors(badStatus)).toEqual({ status: 'validation/one_of' });
      // Still pending after all of that.
      const still = await organizer().get(`/api/applications/${id}`);
      expect(still.body.status).toBe('pending');
    });
  });

  it('a past edition takes no more applications', async () => {
    const past = await s.createEdition({
      name: 'Coventis 2025',
      days: [{ date: '2025-05-21', start: '09:00', end: '12:00' }],
    });
    const res = await apply(applicationBody(), past.id);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('application/edition_over');
  });
});

describe('rate limits on the public routes that create or prove an account', () => {
  it('limits applications per address, and join attempts by invitation as logins are', async () => {
    const s = await TestSession.start({ REGISTRATION_RATE_LIMIT: '2', LOGIN_RATE_LIMIT: '3' });
    try {
      const edition = await s.createEdition();
      const applied = [];
      for (let i = 0; i < 3; i++) {
        applied.push(
          (await s.http.post(`/api/editions/${edition.id}/applications`).send(applicationBody()))
            .status,
        );
      }
      expect(applied).toEqual([201, 201, 429]);
      // Guessing a password through join links is throttled whatever the link.
      const joined = [];
      for (let i = 0; i < 4; i++) {
        const res = await s.http
          .post(`/api/invitations/${randomUUID()}/accept`)
          .send({ password: `guess-${i}` });
        joined.push(res.status === 429 ? `429 ${res.body.code}` : res.status);
      }
      expect(joined.slice(0, 3).every((status) => status !== 429)).toBe(true);
      expect(joined[3]).toBe('429 request/rate_limited');
    } finally {
      await s.close();
    }
  });
});
