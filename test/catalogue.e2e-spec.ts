import { TestSession, type EditionInfo } from './support/session.js';

interface Page {
  items: {
    id: string;
    stand: string;
    organization: { name: string; legalForm: string; department: string };
  }[];
  total: number;
  page: number;
  limit: number;
}

describe('catalogue search', () => {
  let s: TestSession;
  let edition: EditionInfo;
  const names = (page: Page) => page.items.map((e) => e.organization.name);
  const search = async (query: string, editionId = edition.id): Promise<Page> => {
    const res = await s.http.get(`/api/editions/${editionId}/exhibitors?${query}`);
    expect(res.status).toBe(200);
    return res.body as Page;
  };

  beforeAll(async () => {
    s = await TestSession.start();
    edition = await s.createEdition();
    const orgs = [
      {
        name: 'Coopérative Oléicole de Clermont',
        legalForm: 'cooperative',
        sectors: ['Alimentation', 'agriculture'],
        department: '34',
        description: "Huile d'olive des coteaux.",
        offers: ["Huile d'olive"],
        needs: ['Restauration collective'],
      },
      {
        name: "Centre d'Économie Sociale",
        legalForm: 'association',
        sectors: ['formation'],
        department: '30',
        description: "Formation des dirigeants de l'économie sociale et solidaire.",
        offers: ['Formations'],
        needs: [],
      },
      {
        name: 'Mutuelle Œuvre Commune',
        legalForm: 'mutuelle',
        sectors: ['assurance'],
        department: '11',
        description: 'Le cœur de la protection sociale solidaire.',
        offers: ['Complémentaire santé'],
        needs: [],
      },
      {
        name: 'Recyclerie du Pic',
        legalForm: 'entreprise_insertion',
        sectors: ['recyclage', 'insertion'],
        department: '34',
        description: 'Réemploi et économie circulaire, emplois en insertion.',
        offers: ['Collecte'],
        needs: ['Locaux'],
      },
      {
        name: 'Villages Vacances Solidaires',
        legalForm: 'association',
        sectors: ['tourisme'],
        department: '34',
        description: 'Accueil de groupes, produits de la coopérative locale au menu.',
        offers: ['Séjours'],
        needs: ['Produits régionaux en circuit court'],
      },
    ];
    for (const [i, organization] of orgs.entries()) {
      await s.onboardExhibitor(edition.id, {
        organization,
        stand: `B${String(i + 1).padStart(2, '0')}`,
      });
    }
  });
  afterAll(() => s.close());

  it('finds French names whatever their accents and case', async () => {
    expect(names(await search('q=economie'))).toContain("Centre d'Économie Sociale");
    expect(names(await search('q=ECONOMIE'))).toContain("Centre d'Économie Sociale");
    expect(names(await search('q=cooperative'))).toContain('Coopérative Oléicole de Clermont');
    expect(names(await search('q=Coopérative'))).toContain('Coopérative Oléicole de Clermont');
    expect(names(await search('q=oleicole'))).toEqual(['Coopérative Oléicole de Clermont']);
    expect(names(await search(`q=${encodeURIComponent('économie')}`))).toEqual(
      expect.arrayContaining(["Centre d'Économie Sociale", 'Recyclerie du Pic']),
    );
  });

  it('spells out ligatures: "oeuvre" and "coeur" find "Œuvre" and "cœur"', async () => {
    expect(names(await search('q=oeuvre'))).toEqual(['Mutuelle Œuvre Commune']);
    expect(names(await search('q=coeur'))).toEqual(['Mutuelle Œuvre Commune']);
  });

  it('ranks a match in the name above a match in the description', async () => {
    const page = await search('q=cooperative');
    expect(names(page)).toEqual([
      'Coopérative Oléicole de Clermont',
      'Villages Vacances Solidaires',
    ]);
    const economie = await search('q=economie');
    expect(names(economie)[0]).toBe("Centre d'Économie Sociale");
  });

  it('matches word prefixes so that search works as you type, and needs every word', async () => {
    expect(names(await search('q=recyc'))).toEqual(['Recyclerie du Pic']);
    expect(names(await search('q=economie%20circul'))).toEqual(['Recyclerie du Pic']);
    expect((await search('q=economie%20tourisme')).total).toBe(0);
  });

  it('searches offers and needs, and is not fooled by query syntax', async () => {
    expect(names(await search('q=circuit%20court'))).toEqual(['Villages Vacances Solidaires']);
    for (const q of ['"', 'NEAR(', 'a OR', '*', '-', "d'"]) {
      const res = await s.http.get(
        `/api/editions/${edition.id}/exhibitors?q=${encodeURIComponent(q)}`,
      );
      expect(res.status).toBe(200);
    }
  });

  it('filters by sector, legal form and department, alone or with a query', async () => {
    expect(names(await search('sector=alimentation'))).toEqual([
      'Coopérative Oléicole de Clermont',
    ]);
    expect(names(await search('sector=INSERTION'))).toEqual(['Recyclerie du Pic']);
    expect(names(await search('legalForm=association'))).toEqual([
      "Centre d'Économie Sociale",
      'Villages Vacances Solidaires',
    ]);
    expect(names(await search('department=34'))).toEqual([
      'Coopérative Oléicole de Clermont',
      'Recyclerie du Pic',
      'Villages Vacances Solidaires',
    ]);
    expect(names(await search('department=34&legalForm=association&q=vacances'))).toEqual([
      'Villages Vacances Solidaires',
    ]);
  });

  it('pages through the list in name order', async () => {
    const first = await search('limit=2&page=1');
    const second = await search('limit=2&page=2');
    const third = await search('limit=2&page=3');
    expect(first).toMatchObject({ total: 5, page: 1, limit: 2 });
    expect([...names(first), ...names(second), ...names(third)]).toEqual([
      "Centre d'Économie Sociale",
      'Coopérative Oléicole de Clermont',
      'Mutuelle Œuvre Commune',
      'Recyclerie du Pic',
      'Villages Vacances Solidaires',
    ]);
  });

  it('shows only the exhibitors of the edition asked for', async () => {
    const other = await s.createEdition({ name: 'Autre édition' });
    expect((await search('q=economie', other.id)).total).toBe(0);
    expect((await search('', other.id)).items).toEqual([]);
  });

  it('answers bad parameters with 400 naming the parameter', async () => {
    const res = await s.http.get(
      `/api/editions/${edition.id}/exhibitors?limit=1000&page=0&legalForm=sarl`,
    );
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(
      expect.arrayContaining([
        'limit must not be greater than 100',
        'page must not be less than 1',
        expect.stringMatching(/^legalForm must be one of/),
      ]),
    );
    expect((await s.http.get(`/api/editions/${edition.id}/exhibitors?limit=abc`)).status).toBe(400);
    expect((await s.http.get(`/api/editions/${edition.id}/exhibitors?foo=1`)).status).toBe(400);
    expect((await s.http.get(`/api/editions/${edition.id}/exhibitors/not-a-uuid`)).status).toBe(
      400,
    );
    expect(
      (
        await s.http.get(
          `/api/editions/${edition.id}/exhibitors/00000000-0000-4000-8000-000000000000`,
        )
      ).status,
    ).toBe(404);
  });
});
