import { Listener, settle } from './support/sockets.js';
import {
  as,
  liveEditionBody,
  TestSession,
  type EditionInfo,
  type ExhibitorInfo,
  type VisitorInfo,
} from './support/session.js';

interface Convention {
  id: string;
  status: string;
  signedAt: string | null;
  parties: {
    organizationId: string;
    name: string;
    role: string;
    public: boolean;
    confirmed: boolean;
  }[];
  meetingIds: string[];
  history: {
    status: string;
    at: string;
    by: { name: string } | null;
    note: string | null;
    correction: boolean;
  }[];
  followUps: { note: string; at: string }[];
}

describe('conventions', () => {
  let s: TestSession;
  let edition: EditionInfo;
  let lazaret: ExhibitorInfo;
  let frca: ExhibitorInfo;
  let outsider: ExhibitorInfo;
  let visitor: VisitorInfo;
  let heldMeeting: string;
  let pendingMeeting: string;

  const post = (token: string, url: string, body: object = {}) => as(s.http, token).post(url, body);
  const declare = (token: string, body: object = {}) =>
    post(token, '/api/conventions', {
      editionId: edition.id,
      title: 'Approvisionnement en circuit court des villages vacances',
      kind: 'supply',
      description: 'Produits régionaux livrés au Lazaret par les coopératives agricoles.',
      parties: [
        { organizationId: lazaret.organizationId, role: 'buyer' },
        { organizationId: frca.organizationId, role: 'supplier' },
      ],
      meetingIds: [heldMeeting],
      estimatedAnnualValueEur: 60000,
      localSupplyShare: 0.45,
      ...body,
    });
  const status = (token: string, id: string, body: object) =>
    post(token, `/api/conventions/${id}/status`, body);

  beforeAll(async () => {
    s = await TestSession.start();
    edition = (await as(s.http, s.organizerToken).post('/api/editions', liveEditionBody()))
      .body as EditionInfo;
    lazaret = await s.onboardExhibitor(edition.id, {
      organization: { name: 'Le Lazaret', legalForm: 'association' },
    });
    frca = await s.onboardExhibitor(edition.id, {
      organization: { name: 'FRCA Languedoc-Roussillon', legalForm: 'cooperative' },
    });
    outsider = await s.onboardExhibitor(edition.id, { organization: { name: 'Recyclerie' } });
    visitor = await s.registerVisitor(edition.id);
    const req = await post(lazaret.token, `/api/editions/${edition.id}/meetings`, {
      toParticipantId: frca.participantId,
    });
    await post(frca.token, `/api/meetings/${req.body.id}/accept`, {
      slotId: edition.slots[0].id,
    }).expect(200);
    await post(lazaret.token, `/api/meetings/${req.body.id}/attendance`, {
      attendance: 'held',
      outcome: 'convention_envisaged',
    }).expect(200);
    heldMeeting = req.body.id;
    const pending = await post(outsider.token, `/api/editions/${edition.id}/meetings`, {
      toParticipantId: frca.participantId,
    });
    pendingMeeting = pending.body.id;
  });
  afterAll(() => s.close());

  it('lets a party declare a convention born of a held meeting', async () => {
    const res = await declare(lazaret.token);
    expect(res.status).toBe(201);
    const c = res.body as Convention;
    expect(c).toMatchObject({
      status: 'envisaged',
      kind: 'supply',
      meetingIds: [heldMeeting],
      estimatedAnnualValueEur: 60000,
      localSupplyShare: 0.45,
      signedAt: null,
    });
    expect(c.parties).toEqual(
      expect.arrayContaining([
        {
          organizationId: lazaret.organizationId,
          name: 'Le Lazaret',
          role: 'buyer',
          public: false,
          confirmed: true,
        },
        {
          organizationId: frca.organizationId,
          name: 'FRCA Languedoc-Roussillon',
          role: 'supplier',
          public: false,
          confirmed: false,
        },
      ]),
    );
    expect(c.history).toEqual([
      expect.objectContaining({
        status: 'envisaged',
        by: { id: expect.any(String), name: 'Jeanne Contact' },
        correction: false,
      }),
    ]);
  });

  it('names what is wrong with a declaration', async () => {
    const bad = await declare(lazaret.token, {
      kind: 'gift',
      parties: [{ organizationId: lazaret.organizationId, role: 'buyer' }],
      localSupplyShare: 1.5,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining([
        'kind must be one of: supply, partnership, subcontracting, service, financing, other',
        'parties must contain at least 2 elements',
        'localSupplyShare must not be greater than 1',
      ]),
    );
    const twice = await declare(lazaret.token, {
      parties: [
        { organizationId: lazaret.organizationId, role: 'a' },
        { organizationId: lazaret.organizationId, role: 'b' },
      ],
    });
    expect(twice.body.message).toEqual(['parties must name each organization once']);
    const unknown = await declare(lazaret.token, {
      parties: [
        { organizationId: lazaret.organizationId, role: 'a' },
        { organizationId: '00000000-0000-4000-8000-000000000000', role: 'b' },
      ],
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('parties.1.organizationId is not a known organization');
    const notHeld = await declare(lazaret.token, { meetingIds: [pendingMeeting] });
    expect(notHeld.status).toBe(409);
    expect(notHeld.body.message).toBe(`meetingIds: ${pendingMeeting} is requested, not held`);
  });

  it('lets only parties and organizers declare', async () => {
    expect((await declare(outsider.token)).status).toBe(403);
    expect((await declare(visitor.token)).status).toBe(403);
    expect((await s.http.post('/api/conventions').send({})).status).toBe(401);
    expect((await declare(s.organizerToken)).status).toBe(201);
  });

  it('goes envisaged → negotiating → signed → in force → completed, and refuses illegal jumps', async () => {
    const c = (await declare(lazaret.token)).body as Convention;
    const jump = await status(lazaret.token, c.id, { status: 'signed' });
    expect(jump.status).toBe(409);
    expect(jump.body).toMatchObject({
      code: 'convention/illegal_transition',
      message: 'A envisaged convention cannot become signed',
    });
    await status(lazaret.token, c.id, { status: 'negotiating', note: 'Premier devis reçu' }).expect(
      200,
    );

    const unconfirmed = await status(lazaret.token, c.id, { status: 'signed' });
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.code).toBe('convention/unconfirmed_parties');
    await post(frca.token, `/api/conventions/${c.id}/confirm`, { public: true }).expect(200);
    const signed = await status(frca.token, c.id, {
      status: 'signed',
      at: '2027-07-15T10:00:00+02:00',
      note: 'Signée au siège de la FRCA',
    });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'signed', signedAt: '2027-07-15T08:00:00.000Z' });

    await status(lazaret.token, c.id, { status: 'in_force' }).expect(200);
    await status(lazaret.token, c.id, { status: 'completed' }).expect(200);
    expect((await status(lazaret.token, c.id, { status: 'abandoned' })).status).toBe(409);
    const detail = await as(s.http, frca.token).get(`/api/conventions/${c.id}`);
    expect(detail.body.history.map((h: Convention['history'][number]) => h.status)).toEqual([
      'envisaged',
      'negotiating',
      'signed',
      'in_force',
      'completed',
    ]);
    expect(detail.body.history[1]).toMatchObject({
      note: 'Premier devis reçu',
      by: { name: 'Jeanne Contact' },
    });
    expect(detail.body.history[2]).toMatchObject({
      at: '2027-07-15T08:00:00.000Z',
      note: 'Signée au siège de la FRCA',
    });
  });

  it('cannot be signed before every party confirmed, by organizers either', async () => {
    const c = (await declare(lazaret.token)).body as Convention;
    await status(s.organizerToken, c.id, { status: 'negotiating' }).expect(200);
    for (const body of [
      { status: 'signed' },
      { status: 'signed', correction: true },
      { status: 'in_force', correction: true },
    ]) {
      const refused = await status(s.organizerToken, c.id, body);
      expect([body, refused.status]).toEqual([body, 409]);
      expect(refused.body).toMatchObject({
        code: 'convention/unconfirmed_parties',
        message: 'Every party must confirm the convention before it is signed (1 of 2 not yet)',
      });
    }
    // An organizer names the party whose confirmation they record; a party confirms for itself only.
    const unnamed = await post(s.organizerToken, `/api/conventions/${c.id}/confirm`);
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors).toEqual([expect.objectContaining({ field: 'organizationId' })]);
    const foreign = await post(lazaret.token, `/api/conventions/${c.id}/confirm`, {
      organizationId: frca.organizationId,
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('convention/not_your_party');
    const outsiderParty = await post(s.organizerToken, `/api/conventions/${c.id}/confirm`, {
      organizationId: outsider.organizationId,
    });
    expect(outsiderParty.status).toBe(404);
    expect(outsiderParty.body.code).toBe('convention/unknown_party');
    const recorded = await post(s.organizerToken, `/api/conventions/${c.id}/confirm`, {
      organizationId: frca.organizationId,
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body.parties.every((p: Convention['parties'][number]) => p.confirmed)).toBe(
      true,
    );
    await status(s.organizerToken, c.id, { status: 'signed' }).expect(200);
  });

  it('refuses more insertion jobs than jobs created, on declaration and on change', async () => {
    const over = await declare(lazaret.token, { jobsCreated: 2, insertionJobs: 3 });
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({
      code: 'validation/invalid',
      message: ['insertionJobs (3) cannot be more than jobsCreated (2)'],
      errors: [
        {
          field: 'insertionJobs',
          code: 'convention/insertion_over_jobs',
          message: 'insertionJobs (3) cannot be more than jobsCreated (2)',
        },
      ],
    });
    const c = (await declare(lazaret.token, { jobsCreated: 3, insertionJobs: 1 }).expect(201))
      .body as Convention;
    const patch = (body: object) =>
      as(s.http, lazaret.token).patch(`/api/conventions/${c.id}`, body);
    // The figure not sent is the stored one.
    const more = await patch({ insertionJobs: 4 });
    expect(more.status).toBe(400);
    expect(more.body.errors[0]).toMatchObject({ field: 'insertionJobs' });
    expect(more.body.message).toEqual(['insertionJobs (4) cannot be more than jobsCreated (3)']);
    const fewer = await patch({ jobsCreated: 0 });
    expect(fewer.status).toBe(400);
    expect(fewer.body.message).toEqual(['insertionJobs (1) cannot be more than jobsCreated (0)']);
    const both = await patch({ jobsCreated: 5, insertionJobs: 5 });
    expect(both.status).toBe(200);
    expect(both.body).toMatchObject({ jobsCreated: 5, insertionJobs: 5 });
    // With the jobs created unknown, nothing to compare with.
    await patch({ jobsCreated: null }).expect(200);
    await patch({ insertionJobs: 7 }).expect(200);
  });

  it('can be abandoned from any open state; organizers may correct, parties may not', async () => {
    const c = (await declare(lazaret.token)).body as Convention;
    await status(frca.token, c.id, {
      status: 'abandoned',
      note: 'Transport frigorifique trop cher',
    }).expect(200);
    expect((await status(lazaret.token, c.id, { status: 'negotiating' })).status).toBe(409);
    expect(
      (await status(lazaret.token, c.id, { status: 'negotiating', correction: true })).status,
    ).toBe(403);
    const fixed = await status(s.organizerToken, c.id, {
      status: 'negotiating',
      correction: true,
      note: 'Abandon saisi par erreur',
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.history.at(-1)).toMatchObject({ status: 'negotiating', correction: true });
    expect((await status(outsider.token, c.id, { status: 'abandoned' })).status).toBe(404);
    expect((await status(lazaret.token, c.id, { status: 'done' })).body.message).toEqual([
      'status must be one of: envisaged, negotiating, signed, in_force, completed, abandoned',
    ]);
  });

  it('asks the other parties to confirm again after one party changes the convention', async () => {
    const c = (await declare(lazaret.token)).body as Convention;
    await post(frca.token, `/api/conventions/${c.id}/confirm`).expect(200);
    const changed = await as(s.http, lazaret.token).patch(`/api/conventions/${c.id}`, {
      estimatedAnnualValueEur: 75000,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.estimatedAnnualValueEur).toBe(75000);
    const confirmed = Object.fromEntries(
      changed.body.parties.map((p: Convention['parties'][number]) => [
        p.organizationId,
        p.confirmed,
      ]),
    );
    expect(confirmed).toEqual({ [lazaret.organizationId]: true, [frca.organizationId]: false });
    expect(
      (await as(s.http, outsider.token).patch(`/api/conventions/${c.id}`, { title: 'Piratée' }))
        .status,
    ).toBe(404);
    expect((await post(outsider.token, `/api/conventions/${c.id}/confirm`)).status).toBe(403);
  });

  it('takes follow-up notes after signature only', async () => {
    const c = (await declare(s.organizerToken)).body as Convention;
    const early = await post(lazaret.token, `/api/conventions/${c.id}/follow-ups`, {
      note: 'Trop tôt',
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('convention/not_signed');
    await status(s.organizerToken, c.id, { status: 'negotiating' }).expect(200);
    await status(s.organizerToken, c.id, { status: 'signed' }).expect(200);
    const note =
      'Un an après, le Lazaret a augmenté ses achats régionaux grâce à des livraisons adaptées.';
    const res = await post(lazaret.token, `/api/conventions/${c.id}/follow-ups`, {
      note,
      at: '2028-07-15T09:00:00+02:00',
    });
    expect(res.status).toBe(201);
    expect(res.body.followUps).toEqual([
      expect.objectContaining({ note, at: '2028-07-15T07:00:00.000Z' }),
    ]);
  });

  it('shows the public only signed conventions that every party agreed to publish', async () => {
    const c = (await declare(lazaret.token)).body as Convention;
    const publicIds = async () =>
      ((await s.http.get(`/api/conventions?editionId=${edition.id}`)).body as Convention[]).map(
        (x) => x.id,
      );
    await as(s.http, lazaret.token)
      .patch(`/api/conventions/${c.id}/parties/${lazaret.organizationId}`, { public: true })
      .expect(200);
    await post(frca.token, `/api/conventions/${c.id}/confirm`, { public: true }).expect(200);
    expect(await publicIds()).not.toContain(c.id);
    expect((await s.http.get(`/api/conventions/${c.id}`)).status).toBe(404);

    await status(lazaret.token, c.id, { status: 'negotiating' }).expect(200);
    await status(lazaret.token, c.id, { status: 'signed' }).expect(200);
    expect(await publicIds()).toContain(c.id);
    const seen = await s.http.get(`/api/conventions/${c.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.history.every((h: Convention['history'][number]) => h.by === null)).toBe(true);

    const foreign = await as(s.http, frca.token).patch(
      `/api/conventions/${c.id}/parties/${lazaret.organizationId}`,
      { public: false },
    );
    expect(foreign.status).toBe(403);
    await as(s.http, frca.token)
      .patch(`/api/conventions/${c.id}/parties/${frca.organizationId}`, { public: false })
      .expect(200);
    expect(await publicIds()).not.toContain(c.id);
    expect((await s.http.get(`/api/conventions/${c.id}`)).status).toBe(404);
    expect((await as(s.http, outsider.token).get(`/api/conventions/${c.id}`)).status).toBe(404);
    expect((await as(s.http, frca.token).get(`/api/conventions/${c.id}`)).status).toBe(200);
  });

  it('lists all conventions to organizers, with filters, and theirs to parties', async () => {
    const all = (await as(s.http, s.organizerToken).get(`/api/conventions?editionId=${edition.id}`))
      .body as Convention[];
    const mine = (await as(s.http, outsider.token).get(`/api/conventions?editionId=${edition.id}`))
      .body as Convention[];
    const lazaretSees = (
      await as(s.http, lazaret.token).get(`/api/conventions?editionId=${edition.id}`)
    ).body as Convention[];
    expect(all.length).toBeGreaterThan(5);
    expect(lazaretSees.length).toBe(all.length);
    expect(
      mine.every(
        (c) => c.status === 'signed' || c.status === 'in_force' || c.status === 'completed',
      ),
    ).toBe(true);
    const abandoned = (
      await as(s.http, s.organizerToken).get(
        `/api/conventions?editionId=${edition.id}&status=completed`,
      )
    ).body as Convention[];
    expect(abandoned.map((c) => c.status)).toEqual(['completed']);
    expect((await s.http.get('/api/conventions?status=done')).status).toBe(400);
  });
});

describe('organizer figures, exports and live counters', () => {
  let s: TestSession;
  let edition: EditionInfo;

  beforeAll(async () => {
    s = await TestSession.start();
    edition = (await as(s.http, s.organizerToken).post('/api/editions', liveEditionBody()))
      .body as EditionInfo;
  });
  afterAll(() => s.close());

  it('counts exhibitors, registrations, check-ins, meetings and conventions, and exports them', async () => {
    const organizerSocket = await Listener.connect(s.testApp.url, s.organizerToken);
    await organizerSocket.socket.emitWithAck('edition.subscribe', { editionId: edition.id });
    const a = await s.onboardExhibitor(edition.id, {
      organization: { name: 'Coopérative Fromagère des Cévennes' },
    });
    const b = await s.onboardExhibitor(edition.id, {
      organization: { name: 'Société Économique Œcuménique' },
    });
    const c = await s.onboardExhibitor(edition.id);
    const partySocket = await Listener.connect(s.testApp.url, a.token);
    const otherSocket = await Listener.connect(s.testApp.url, c.token);
    const pro = await s.registerVisitor(edition.id, { category: 'professional' });
    await s.registerVisitor(edition.id, { category: 'public' });
    await as(s.http, s.organizerToken)
      .post(`/api/editions/${edition.id}/check-ins`, { badgeCode: pro.badgeCode })
      .expect(200);
    try {
      const held = await as(s.http, a.token).post(`/api/editions/${edition.id}/meetings`, {
        toParticipantId: b.participantId,
        message: 'Fromages pour la cantine ?',
      });
      await as(s.http, b.token)
        .post(`/api/meetings/${held.body.id}/accept`, { slotId: edition.slots[0].id })
        .expect(200);
      await as(s.http, a.token)
        .post(`/api/meetings/${held.body.id}/attendance`, {
          attendance: 'held',
          outcome: 'convention_envisaged',
        })
        .expect(200);
      const other = await as(s.http, c.token).post(`/api/editions/${edition.id}/meetings`, {
        toParticipantId: b.participantId,
      });
      await as(s.http, b.token)
        .post(`/api/meetings/${other.body.id}/accept`, { slotId: edition.slots[1].id })
        .expect(200);
      await as(s.http, pro.token)
        .post(`/api/editions/${edition.id}/meetings`, { toParticipantId: a.participantId })
        .expect(201);

      const res = await as(s.http, a.token).post('/api/conventions', {
        editionId: edition.id,
        title: 'Fromages en circuit court pour la cantine « Les Œillets »',
        kind: 'supply',
        parties: [
          { organizationId: a.organizationId, role: 'fournisseur' },
          { organizationId: b.organizationId, role: 'acheteur' },
        ],
        meetingIds: [held.body.id],
        estimatedAnnualValueEur: 12000,
        jobsCreated: 2,
        insertionJobs: 1,
      });
      const conventionId = res.body.id as string;
      expect(
        (
          await partySocket.waitFor<{ id: string }>(
            'convention.updated',
            (p) => p.id === conventionId,
          )
        ).id,
      ).toBe(conventionId);
      await as(s.http, b.token).post(`/api/conventions/${conventionId}/confirm`).expect(200);
      await as(s.http, a.token)
        .post(`/api/conventions/${conventionId}/status`, { status: 'negotiating' })
        .expect(200);
      await as(s.http, a.token)
        .post(`/api/conventions/${conventionId}/status`, { status: 'signed' })
        .expect(200);
      const signedLive = await organizerSocket.waitFor<{ id: string; status: string }>(
        'convention.signed',
        (p) => p.id === conventionId,
      );
      expect(signedLive.status).toBe('signed');
      const live = await organizerSocket.waitFor<{ conventions: { signed: number } }>(
        'stats.updated',
        (p) => p.conventions?.signed === 1,
        15_000,
      );
      expect(live.conventions.signed).toBe(1);
      await settle();
      expect(otherSocket.events('convention.updated')).toEqual([]);
      expect(otherSocket.events('convention.signed')).toEqual([]);
      expect(partySocket.events('stats.updated')).toEqual([]);

      const stats = await as(s.http, s.organizerToken).get(`/api/editions/${edition.id}/stats`);
      expect(stats.status).toBe(200);
      expect(stats.body).toEqual({
        editionId: edition.id,
        exhibitors: 3,
        registrations: { visitors: 2, professional: 1, public: 1, exhibitorStaff: 3 },
        checkIns: 1,
        meetings: {
          requested: 1,
          scheduled: 1,
          held: 1,
          no_show: 0,
          declined: 0,
          cancelled: 0,
          expired: 0,
          total: 3,
        },
        conventions: {
          total: 1,
          signed: 1,
          byStatus: {
            envisaged: 0,
            negotiating: 0,
            signed: 1,
            in_force: 0,
            completed: 0,
            abandoned: 0,
          },
          byKind: {
            supply: 1,
            partnership: 0,
            subcontracting: 0,
            service: 0,
            financing: 0,
            other: 0,
          },
          estimatedAnnualValueEur: 12000,
          jobsCreated: 2,
          insertionJobs: 1,
        },
        conversion: { heldMeetings: 1, heldMeetingsWithConvention: 1, rate: 1 },
        // The meeting's attendance was recorded, not answered about after the event.
        feedback: {
          meetingsAnswered: 0,
          first: { not_held: 0, not_relevant: 0, informative: 0, cooperation_possible: 0 },
          second: { agreement_reached: 0, in_discussion: 0, no_agreement: 0 },
        },
        leads: { total: 0, stands: 0 },
      });
      expect((await as(s.http, a.token).get(`/api/editions/${edition.id}/stats`)).status).toBe(403);

      const csv = await as(s.http, s.organizerToken)
        .get(`/api/editions/${edition.id}/conventions.csv`)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (d: Buffer) => chunks.push(d));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const bytes = csv.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').split('\r\n');
      expect(lines[0].split(';').slice(0, 5)).toEqual(['id', 'titre', 'type', 'statut', 'parties']);
      expect(lines[1]).toContain('Fromages en circuit court pour la cantine « Les Œillets »');
      expect(lines[1]).toContain(
        'Coopérative Fromagère des Cévennes (fournisseur) | Société Économique Œcuménique (acheteur)',
      );
      expect(lines[1].split(';').slice(2, 4)).toEqual(['approvisionnement', 'signée']);
      expect(lines.filter((l) => l !== '')).toHaveLength(2);

      const meetingsCsv = await as(s.http, s.organizerToken).get(
        `/api/editions/${edition.id}/meetings.csv`,
      );
      const meetingLines = meetingsCsv.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(meetingLines).toHaveLength(4);
      expect(meetingLines.join('\n')).toContain('Fromages pour la cantine ?');
      // Statuses in French words, as in conventions.csv, not the API's codes.
      const statuses = meetingLines.slice(1).map((l) => l.split(';')[1]);
      expect(statuses.length).toBe(3);
      for (const status of statuses)
        expect(['a eu lieu', 'confirmé', 'demandé', 'absence']).toContain(status);
      expect(
        (await as(s.http, a.token).get(`/api/editions/${edition.id}/conventions.csv`)).status,
      ).toBe(403);
    } finally {
      [organizerSocket, partySocket, otherSocket].forEach((l) => l.close());
    }
  });
});

describe('a visitor’s organization as a party', () => {
  let s: TestSession;
  let edition: EditionInfo;
  let recyclerie: ExhibitorInfo;
  let frca: ExhibitorInfo;
  let villageVisitor: VisitorInfo;
  let meetingId: string;
  const declare = (token: string, parties: object[], meetingIds: string[] = []) =>
    as(s.http, token).post('/api/conventions', {
      editionId: edition.id,
      title: 'Tri des déchets de bureau du village vacances',
      kind: 'service',
      parties,
      meetingIds,
    });

  beforeAll(async () => {
    s = await TestSession.start();
    edition = (await as(s.http, s.organizerToken).post('/api/editions', liveEditionBody()))
      .body as EditionInfo;
    recyclerie = await s.onboardExhibitor(edition.id, {
      organization: { name: 'La Feuille d’Érable' },
    });
    frca = await s.onboardExhibitor(edition.id, { organization: { name: 'FRCA' } });
    villageVisitor = await s.registerVisitor(edition.id, {
      organizationName: 'Village vacances de Sète',
    });
    const req = await as(s.http, villageVisitor.token)
      .post(`/api/editions/${edition.id}/meetings`, { toParticipantId: recyclerie.participantId })
      .expect(201);
    meetingId = req.body.id;
    await as(s.http, recyclerie.token)
      .post(`/api/meetings/${meetingId}/accept`, { slotId: edition.slots[0].id })
      .expect(200);
    await as(s.http, recyclerie.token)
      .post(`/api/meetings/${meetingId}/attendance`, { attendance: 'held' })
      .expect(200);
  });
  afterAll(() => s.close());

  it('records the organization a visitor named, from a held meeting with them', async () => {
    const res = await declare(
      recyclerie.token,
      [
        { organizationId: recyclerie.organizationId, role: 'prestataire' },
        { participantId: villageVisitor.participantId, role: 'client' },
      ],
      [meetingId],
    );
    expect(res.status).toBe(201);
    const c = res.body as Convention;
    expect(c.meetingIds).toEqual([meetingId]);
    const village = c.parties.find((p) => p.role === 'client');
    expect(village).toEqual({
      organizationId: expect.any(String),
      name: 'Village vacances de Sète',
      role: 'client',
      public: false,
      confirmed: false,
    });

    // Another visitor naming it with other accents and case gets the same organization, and an
    // exhibitor's staff member stands for the exhibitor's organization.
    const colleague = await s.registerVisitor(edition.id, {
      organizationName: ' VILLAGE VACANCES DE SETE ',
    });
    const again = await declare(s.organizerToken, [
      { participantId: colleague.participantId, role: 'acheteur' },
      { participantId: frca.participantId, role: 'fournisseur' },
    ]);
    expect(again.status).toBe(201);
    expect((again.body as Convention).parties.map((p) => p.organizationId).sort()).toEqual(
      [village!.organizationId, frca.organizationId].sort(),
    );

    // When that organization later exhibits, it is the same one, with the profile it exhibits with.
    const exhibiting = await s.onboardExhibitor(edition.id, {
      organization: { name: 'Village vacances de Sète', legalForm: 'association', city: 'Sète' },
    });
    expect(exhibiting.organizationId).toBe(village!.organizationId);
    const profile = await s.http.get(`/api/organizations/${village!.organizationId}`).expect(200);
    expect(profile.body).toMatchObject({
      legalForm: 'association',
      city: 'Sète',
      department: '34',
    });
  });

  it('lets an organizer record the confirmation of a visitor’s organization, and only then sign', async () => {
    const res = await declare(
      recyclerie.token,
      [
        { organizationId: recyclerie.organizationId, role: 'prestataire' },
        { participantId: villageVisitor.participantId, role: 'client' },
      ],
      [meetingId],
    );
    const c = res.body as Convention;
    const village = c.parties.find((p) => p.role === 'client')!;
    expect(village.confirmed).toBe(false);
    const org = as(s.http, s.organizerToken);
    await org.post(`/api/conventions/${c.id}/status`, { status: 'negotiating' }).expect(200);
    const early = await org.post(`/api/conventions/${c.id}/status`, { status: 'signed' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('convention/unconfirmed_parties');
    const confirmed = await org.post(`/api/conventions/${c.id}/confirm`, {
      organizationId: village.organizationId,
      public: true,
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.parties).toEqual(
      expect.arrayContaining([{ ...village, confirmed: true, public: true }]),
    );
    const signed = await org.post(`/api/conventions/${c.id}/status`, { status: 'signed' });
    expect(signed.status).toBe(200);
    expect(signed.body.status).toBe('signed');
  });

  it('says why a participant cannot stand for an organization', async () => {
    const nobody = await s.registerVisitor(edition.id, { organizationName: undefined });
    const mine = { organizationId: recyclerie.organizationId, role: 'prestataire' };
    const none = await declare(s.organizerToken, [
      mine,
      { participantId: nobody.participantId, role: 'client' },
    ]);
    expect(none.status).toBe(400);
    expect(none.body).toMatchObject({
      code: 'convention/no_organization',
      message: 'parties.1.participantId: this visitor named no organization when registering',
    });
    const unknown = await declare(recyclerie.token, [
      mine,
      { participantId: '00000000-0000-4000-8000-000000000000', role: 'client' },
    ]);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe(
      'parties.1.participantId is not a participant of this edition',
    );
    const both = await declare(recyclerie.token, [
      mine,
      {
        participantId: villageVisitor.participantId,
        organizationId: frca.organizationId,
        role: 'x',
      },
    ]);
    expect(both.body.message).toEqual([
      'parties.1 must name either an organizationId or a participantId',
    ]);
    const neither = await declare(recyclerie.token, [mine, { role: 'client' }]);
    expect(neither.status).toBe(400);
    const blank = await declare(recyclerie.token, [
      mine,
      { participantId: villageVisitor.participantId, role: ' ' },
    ]);
    expect(blank.body.message).toEqual([
      'parties.1.role must be longer than or equal to 1 characters',
    ]);
    // Naming a visitor does not make an outsider a party.
    const outsider = await declare(frca.token, [
      { participantId: villageVisitor.participantId, role: 'client' },
      { participantId: recyclerie.participantId, role: 'prestataire' },
    ]);
    expect(outsider.status).toBe(403);
    // Nor may an exhibitor name a visitor it never met: their registration stays theirs.
    const stranger = await declare(frca.token, [
      { organizationId: frca.organizationId, role: 'fournisseur' },
      { participantId: villageVisitor.participantId, role: 'client' },
    ]);
    expect(stranger.status).toBe(403);
    expect(stranger.body).toMatchObject({
      code: 'convention/not_met',
      message: 'parties.1.participantId: you can name a visitor only after a meeting with them',
    });
  });
});
