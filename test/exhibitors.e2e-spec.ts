import { exhibitorBody, TestSession, type EditionInfo } from './support/session.js';

describe('exhibitors and organization profiles', () => {
  let s: TestSession;
  let edition: EditionInfo;
  beforeAll(async () => {
    s = await TestSession.start();
    edition = await s.createEdition();
  });
  afterAll(() => s.close());

  const onboard = (body: object, editionId = edition.id, token = s.organizerToken) =>
    s.http.post(`/api/editions/${editionId}/exhibitors`).auth(token, { type: 'bearer' }).send(body);

  it('onboards an exhibitor: organization, stand, and a login for its contact', async () => {
    const body = exhibitorBody({
      organization: {
        name: 'Le Lazaret',
        legalForm: 'association',
        sectors: ['tourisme'],
        department: '34',
        city: 'Sète',
      },
      stand: 'C07',
    });
    const res = await onboard(body);
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['id', 'organizationId', 'participantId']);

    const login = await s.http
      .post('/api/auth/login')
      .send({ email: body.contact.email, password: body.contact.password });
    expect(login.body.user).toMatchObject({
      role: 'exhibitor',
      organizationId: res.body.organizationId,
    });
    const me = await s.http.get('/api/auth/me').auth(login.body.accessToken, { type: 'bearer' });
    expect(me.body.participations).toEqual([
      {
        editionId: edition.id,
        participantId: res.body.participantId,
        kind: 'exhibitor',
        exhibitorId: res.body.id,
      },
    ]);

    const card = await s.http.get(`/api/editions/${edition.id}/exhibitors/${res.body.id}`);
    expect(card.status).toBe(200);
    expect(card.body).toMatchObject({
      id: res.body.id,
      stand: 'C07',
      participantId: res.body.participantId,
      organization: {
        id: res.body.organizationId,
        name: 'Le Lazaret',
        city: 'Sète',
        legalForm: 'association',
      },
    });
  });

  it('reuses an organization that already exists, at another edition', async () => {
    const first = await onboard(exhibitorBody({ organization: { name: "La Feuille d'Érable" } }));
    const next = await s.createEdition({ name: 'Coventis 2029' });
    const again = await onboard(
      exhibitorBody({ organization: { name: "LA FEUILLE D'ERABLE" } }),
      next.id,
    );
    expect(again.status).toBe(201);
    expect(again.body.organizationId).toBe(first.body.organizationId);
    const twice = await onboard(exhibitorBody({ organization: { name: "La Feuille d'Érable" } }));
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('exhibitor/already_exhibiting');
  });

  it('keeps the account of a returning exhibitor’s contact at the next edition', async () => {
    const body = exhibitorBody({ organization: { name: 'Mobileco' } });
    const first = await onboard(body);
    const next = await s.createEdition({ name: 'Coventis 2031' });
    const again = await onboard(
      { ...body, contact: { ...body.contact, password: 'ignored-password' } },
      next.id,
    );
    expect(again.status).toBe(201);
    expect(again.body.organizationId).toBe(first.body.organizationId);
    const login = await s.http
      .post('/api/auth/login')
      .send({ email: body.contact.email, password: body.contact.password });
    const me = await s.http.get('/api/auth/me').auth(login.body.accessToken, { type: 'bearer' });
    expect(
      me.body.participations.map((p: { participantId: string }) => p.participantId).sort(),
    ).toEqual([first.body.participantId, again.body.participantId].sort());
  });

  it('refuses a contact email that already has an account, and creates nothing', async () => {
    const first = exhibitorBody();
    await onboard(first).expect(201);
    const clash = exhibitorBody({
      organization: { name: 'Structure Orpheline' },
      contact: { email: first.contact.email },
    });
    const res = await onboard(clash);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('auth/email_taken');
    const search = await s.http.get(`/api/editions/${edition.id}/exhibitors?q=orpheline`);
    expect(search.body.total).toBe(0);
  });

  it('names each bad field, nested ones included', async () => {
    const res = await onboard({
      ...exhibitorBody({
        organization: { legalForm: 'sarl', department: 'Hérault', sectors: [], website: 'ftp://x' },
        contact: { email: 'nope' },
      }),
      owner: 'me',
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(
      expect.arrayContaining([
        'property owner should not exist',
        'organization.legalForm must be one of: scop, scic, cooperative, association, mutuelle, fondation, entreprise_insertion, other',
        'organization.department must be a French department code such as "34"',
        'organization.sectors must contain at least 1 elements',
        'organization.website must be an http(s) URL',
        'contact.email must be an email',
      ]),
    );
  });

  it('lets only organizers onboard exhibitors', async () => {
    const exhibitor = await s.onboardExhibitor(edition.id);
    const visitor = await s.registerVisitor(edition.id);
    expect((await onboard(exhibitorBody(), edition.id, exhibitor.token)).status).toBe(403);
    expect((await onboard(exhibitorBody(), edition.id, visitor.token)).status).toBe(403);
    expect(
      (await s.http.post(`/api/editions/${edition.id}/exhibitors`).send(exhibitorBody())).status,
    ).toBe(401);
  });

  it('lets an exhibitor edit its own profile, and the catalogue follows', async () => {
    const mine = await s.onboardExhibitor(edition.id, {
      organization: { name: 'Coopérative Fromagère' },
    });
    const res = await s.http
      .patch(`/api/organizations/${mine.organizationId}`)
      .auth(mine.token, { type: 'bearer' })
      .send({
        description: 'Pélardon AOP en circuit court',
        offers: ['Fromages de chèvre'],
        sectors: ['alimentation', 'agriculture'],
      });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Coopérative Fromagère',
      offers: ['Fromages de chèvre'],
      // The list's labels (src/sectors).
      sectors: ['Alimentation', 'Agriculture'],
    });
    const search = await s.http.get(`/api/editions/${edition.id}/exhibitors?q=pelardon`);
    expect(
      search.body.items.map((e: { organization: { name: string } }) => e.organization.name),
    ).toEqual(['Coopérative Fromagère']);
    const bySector = await s.http.get(`/api/editions/${edition.id}/exhibitors?sector=Agriculture`);
    expect(bySector.body.items.map((e: { id: string }) => e.id)).toContain(mine.id);
    expect((await s.http.get(`/api/organizations/${mine.organizationId}`)).body.description).toBe(
      'Pélardon AOP en circuit court',
    );
  });

  it('does not let an exhibitor edit another organization, nor a visitor any', async () => {
    const mine = await s.onboardExhibitor(edition.id);
    const theirs = await s.onboardExhibitor(edition.id, {
      organization: { description: 'Intacte' },
    });
    const visitor = await s.registerVisitor(edition.id);
    const attempt = (token: string) =>
      s.http
        .patch(`/api/organizations/${theirs.organizationId}`)
        .auth(token, { type: 'bearer' })
        .send({ description: 'Modifiée' });
    const res = await attempt(mine.token);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('organization/not_yours');
    expect((await attempt(visitor.token)).status).toBe(403);
    expect((await s.http.get(`/api/organizations/${theirs.organizationId}`)).body.description).toBe(
      'Intacte',
    );
    expect((await attempt(s.organizerToken)).status).toBe(200);
  });

  it('validates a profile change and names the field', async () => {
    const mine = await s.onboardExhibitor(edition.id);
    const res = await s.http
      .patch(`/api/organizations/${mine.organizationId}`)
      .auth(mine.token, { type: 'bearer' })
      .send({ legalForm: 'sa', offers: 'tout' });
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^legalForm must be one of/),
        'offers must be an array',
      ]),
    );
    const unknown = await s.http
      .patch('/api/organizations/00000000-0000-4000-8000-000000000000')
      .auth(s.organizerToken, { type: 'bearer' })
      .send({ city: 'Nîmes' });
    expect(unknown.status).toBe(404);
  });
});
