import { randomUUID } from 'node:crypto';
import {
  as,
  TestSession,
  type EditionInfo,
  type ExhibitorInfo,
  type VisitorInfo,
} from './support/session.js';

interface Item {
  participantId: string;
  kind: string;
  exhibitorId: string | null;
  organizationId: string | null;
  name: string;
  score: number;
  mutual: boolean;
  reasons: { kind: string; text: string }[];
  requestMessage: string;
}

describe('recommendations', () => {
  let s: TestSession;
  let edition: EditionInfo;
  let village: ExhibitorInfo;
  let cheese: ExhibitorInfo;
  let goats: ExhibitorInfo;
  let paper: ExhibitorInfo;
  let buyer: VisitorInfo;
  let walker: VisitorInfo;

  const org = (name: string, fields: Record<string, unknown>) => ({
    organization: { name, legalForm: 'association', city: 'Montpellier', ...fields },
  });
  const list = async (token: string, query = '') => {
    const res = await as(s.http, token).get(`/api/editions/${edition.id}/recommendations${query}`);
    expect(res.status).toBe(200);
    return res.body as { items: Item[]; hint: { code: string } | null };
  };
  const ids = async (token: string) => (await list(token)).items.map((i) => i.participantId);

  beforeAll(async () => {
    // Lists behind someone else's profile change are refreshed at once (1 s by default).
    s = await TestSession.start({ RECOMMENDATIONS_REFRESH_MS: '0' });
    edition = await s.createEdition();
    village = await s.onboardExhibitor(
      edition.id,
      org('Village vacances Les Salins', {
        sectors: ['tourisme'],
        department: '34',
        offers: ['Séjours pour groupes scolaires', 'Salles de séminaire'],
        needs: ['Fromages et produits laitiers locaux', 'Légumes de saison en circuit court'],
      }),
    );
    cheese = await s.onboardExhibitor(
      edition.id,
      org('Fromagerie coopérative du Larzac', {
        legalForm: 'cooperative',
        sectors: ['alimentation', 'agriculture'],
        department: '12',
        offers: ['Fromages fermiers et produits laitiers'],
        needs: ['Séjours de groupes pour nos adhérents', 'Salle de séminaire'],
      }),
    );
    goats = await s.onboardExhibitor(
      edition.id,
      org('Chèvrerie des Cévennes', {
        legalForm: 'scop',
        sectors: ['alimentation'],
        department: '48',
        offers: ['Fromages de chèvre fermiers'],
        needs: ['Emballages compostables'],
      }),
    );
    paper = await s.onboardExhibitor(
      edition.id,
      org('Papiers Solidaires', {
        legalForm: 'entreprise_insertion',
        sectors: ['recyclage'],
        department: '30',
        offers: ['Collecte et recyclage du papier de bureau'],
        needs: ['Locaux de stockage'],
      }),
    );
    buyer = await s.registerVisitor(edition.id, {
      category: 'professional',
      organizationName: 'Mairie de Lunel',
      interests: ['recyclage'],
      needs: ['Collecte des papiers de bureau de la mairie'],
    });
    walker = await s.registerVisitor(edition.id, { category: 'public', interests: [] });
  });

  afterAll(() => s.close());

  it('puts the mutual partner first, with reasons that quote both profiles', async () => {
    const { items } = await list(village.token);
    expect(items[0]).toMatchObject({
      participantId: cheese.participantId,
      kind: 'exhibitor',
      organizationId: cheese.organizationId,
      name: 'Fromagerie coopérative du Larzac',
      mutual: true,
    });
    const texts = items[0].reasons.map((r) => r.text);
    expect(texts).toContain(
      '« Fromages et produits laitiers locaux » ↔ propose « Fromages fermiers et produits laitiers »',
    );
    expect(items[0].reasons.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['need_offer', 'offer_need']),
    );
    expect(items[0].requestMessage).toContain('Fromages fermiers et produits laitiers');
    expect(items.map((i) => i.participantId)).not.toContain(village.participantId);
  });

  it('ranks a one-way fit below the mutual one, and a competitor below a partner', async () => {
    const mine = await ids(village.token);
    expect(mine.indexOf(cheese.participantId)).toBeLessThan(mine.indexOf(goats.participantId));
    // The two cheese makers offer the same thing: for one of them, the village comes first.
    const theirs = await ids(cheese.token);
    expect(theirs[0]).toBe(village.participantId);
  });

  it('suggests exhibitors to visitors, and professionals but never the public to exhibitors', async () => {
    const forBuyer = await list(buyer.token);
    expect(forBuyer.items[0].participantId).toBe(paper.participantId);
    expect(forBuyer.items.every((i) => i.kind === 'exhibitor')).toBe(true);
    const forPaper = await ids(paper.token);
    expect(forPaper).toContain(buyer.participantId);
    expect(forPaper).not.toContain(walker.participantId);
  });

  it('gives an empty profile an empty list with a hint', async () => {
    const res = await list(walker.token);
    expect(res.items).toEqual([]);
    expect(res.hint?.code).toBe('recommendation/empty_profile');
  });

  it('checks limit, who asks and for which edition', async () => {
    expect((await list(village.token, '?limit=1')).items).toHaveLength(1);
    for (const limit of ['0', '51', 'ten']) {
      const bad = await as(s.http, village.token).get(
        `/api/editions/${edition.id}/recommendations?limit=${limit}`,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('limit');
    }
    expect((await s.http.get(`/api/editions/${edition.id}/recommendations`)).status).toBe(401);
    const other = await s.createEdition({ name: 'Another edition' });
    const foreign = await as(s.http, village.token).get(
      `/api/editions/${other.id}/recommendations`,
    );
    expect(foreign.status).toBe(403);
    const unknown = await as(s.http, village.token).get(
      `/api/editions/${randomUUID()}/recommendations`,
    );
    expect(unknown.status).toBe(404);
  });

  it('dismisses a suggestion and undoes it; oneself or a stranger cannot be dismissed', async () => {
    const url = (id: string) => `/api/editions/${edition.id}/recommendations/${id}/dismiss`;
    expect((await as(s.http, village.token).post(url(goats.participantId))).status).toBe(204);
    expect((await as(s.http, village.token).post(url(goats.participantId))).status).toBe(204);
    expect(await ids(village.token)).not.toContain(goats.participantId);
    const undo = await s.http
      .delete(url(goats.participantId))
      .auth(village.token, { type: 'bearer' });
    expect(undo.status).toBe(204);
    expect(await ids(village.token)).toContain(goats.participantId);

    const self = await as(s.http, village.token).post(url(village.participantId));
    expect(self.status).toBe(400);
    expect(self.body.code).toBe('recommendation/self');
    expect((await as(s.http, village.token).post(url(randomUUID()))).status).toBe(404);
    expect((await as(s.http, village.token).post(url('not-a-uuid'))).status).toBe(400);
  });

  it('leaves out people one has an open request with, and declined pairs', async () => {
    const ask = await as(s.http, village.token).post(`/api/editions/${edition.id}/meetings`, {
      toParticipantId: cheese.participantId,
    });
    expect(ask.status).toBe(201);
    expect(await ids(village.token)).not.toContain(cheese.participantId);
    expect(await ids(cheese.token)).not.toContain(village.participantId);
    const no = await as(s.http, cheese.token).post(`/api/meetings/${ask.body.id}/decline`);
    expect(no.status).toBe(200);
    expect(await ids(village.token)).not.toContain(cheese.participantId);
  });

  it('follows profile changes without a restart', async () => {
    // Before: the goat farm is at most a neighbour of the paper recyclers, with no words in common.
    const textReasons = (items: Item[], id: string) =>
      items.find((i) => i.participantId === id)?.reasons.filter((r) => r.kind === 'need_offer') ??
      [];
    expect(textReasons((await list(paper.token)).items, goats.participantId)).toEqual([]);
    const patch = await as(s.http, paper.token).patch(
      `/api/organizations/${paper.organizationId}`,
      { needs: ['Fromages de chèvre pour la cantine'] },
    );
    expect(patch.status).toBe(200);
    const after = (await list(paper.token)).items;
    const order = after.map((i) => i.participantId);
    // The goat farm's offer answers the new need better than the cow's-milk cheese maker's.
    expect(order.indexOf(goats.participantId)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(goats.participantId)).toBeLessThan(order.indexOf(cheese.participantId));
    expect(textReasons(after, goats.participantId)).toHaveLength(1);

    const profile = await as(s.http, walker.token).patch(
      `/api/editions/${edition.id}/registrations/${walker.participantId}/profile`,
      { needs: ['Séjours pour groupes scolaires'] },
    );
    expect(profile.status).toBe(200);
    expect(profile.body.needs).toEqual(['Séjours pour groupes scolaires']);
    expect((await ids(walker.token))[0]).toBe(village.participantId);
    const notMine = await as(s.http, buyer.token).patch(
      `/api/editions/${edition.id}/registrations/${walker.participantId}/profile`,
      { needs: ['x'] },
    );
    expect(notMine.status).toBe(403);
  });

  it('brings a newcomer into the lists already shown, refreshed in the background', async () => {
    expect((await list(village.token)).items.map((i) => i.name)).not.toContain(
      'Jardins de Cocagne',
    );
    const garden = await s.onboardExhibitor(
      edition.id,
      org('Jardins de Cocagne', {
        sectors: ['agriculture'],
        department: '34',
        offers: ['Légumes de saison bio en circuit court'],
      }),
    );
    // Its own list is ranked for it at once.
    expect(await ids(garden.token)).toContain(village.participantId);
    // The village's list, ranked before, may be answered once as it was, then ranked again.
    const seen: boolean[] = [];
    for (let attempt = 0; attempt < 5 && !seen.at(-1); attempt++) {
      seen.push((await ids(village.token)).includes(garden.participantId));
    }
    expect(seen.at(-1)).toBe(true);
    expect(seen.length).toBeLessThanOrEqual(2);
  });

  it('shows organizers, and only them, who has no good match or no meeting', async () => {
    const url = `/api/editions/${edition.id}/recommendations/coverage`;
    expect((await as(s.http, village.token).get(url)).status).toBe(403);
    const res = await as(s.http, s.organizerToken).get(url);
    expect(res.status).toBe(200);
    const byId = new Map(
      (res.body.items as { participantId: string; goodMatches: number; meetings: number }[]).map(
        (i) => [i.participantId, i],
      ),
    );
    // Nobody has a meeting but the village and the cheese makers (declined pairs do not count).
    expect(byId.get(paper.participantId)).toMatchObject({ meetings: 0 });
    expect(byId.get(goats.participantId)?.goodMatches).toBeGreaterThan(0);
    expect(byId.has(walker.participantId)).toBe(false);
  });

  it('turns the mutual matches of people who sent nothing into requests, after a preview', async () => {
    const url = `/api/editions/${edition.id}/recommendations/requests`;
    expect((await as(s.http, buyer.token).post(url, {})).status).toBe(403);
    // A packaging maker who sent nothing, and whose profile answers the goat farm's and back.
    const packer = await s.registerVisitor(edition.id, {
      category: 'professional',
      organizationName: 'Emballages du Midi',
      offers: ['Emballages compostables pour fromages'],
      needs: ['Fromages de chèvre pour nos coffrets'],
    });
    const preview = await as(s.http, s.organizerToken).post(url, { perParticipant: 1 });
    expect(preview.status).toBe(200);
    expect(preview.body.committed).toBe(false);
    expect(preview.body.created).toBe(0);
    const proposals = preview.body.proposals as { requesterId: string; inviteeId: string }[];
    expect(proposals.length).toBeGreaterThan(0);
    const pair = (p: { requesterId: string; inviteeId: string }) =>
      [p.requesterId, p.inviteeId].sort().join();
    expect(proposals.map(pair)).toContain(
      [packer.participantId, goats.participantId].sort().join(),
    );
    // The village already sent a request: it is not made to send another.
    expect(proposals.map((p) => p.requesterId)).not.toContain(village.participantId);
    const before = await as(s.http, s.organizerToken).get(
      `/api/editions/${edition.id}/meetings/funnel`,
    );

    const commit = await as(s.http, s.organizerToken).post(url, {
      perParticipant: 1,
      commit: true,
    });
    expect(commit.status).toBe(200);
    expect(commit.body.created).toBe(proposals.length);
    const after = await as(s.http, s.organizerToken).get(
      `/api/editions/${edition.id}/meetings/funnel`,
    );
    expect(after.body.requested).toBe(before.body.requested + proposals.length);
    const first = proposals[0];
    const requester = [cheese, goats, paper].find((e) => e.participantId === first.requesterId);
    if (requester) {
      const agenda = await as(s.http, requester.token).get(`/api/editions/${edition.id}/agenda`);
      expect(
        agenda.body.meetings.map(
          (m: { partner: { participantId: string } }) => m.partner.participantId,
        ),
      ).toContain(first.inviteeId);
    }
    // Once made, the same proposals are not made twice.
    const again = await as(s.http, s.organizerToken).post(url, { perParticipant: 1 });
    const repeated = (again.body.proposals as typeof proposals).map(pair);
    for (const made of proposals.map(pair)) expect(repeated).not.toContain(made);
  });
});
