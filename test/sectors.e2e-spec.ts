import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Sector } from '../src/contract/api.js';
import { dropDatabase, freshDatabase, ORGANIZER, PASSWORD, startApp } from './support/app.js';
import { migrate, readSql, writeSql } from './support/database.js';
import {
  as,
  exhibitorBody,
  login,
  TestSession,
  type EditionInfo,
  type ExhibitorInfo,
} from './support/session.js';

interface CataloguePage {
  items: { id: string; organization: { name: string; sectors: string[] } }[];
  total: number;
}

describe('sectors: a list the organizer keeps, free text folded onto it', () => {
  let s: TestSession;
  let edition: EditionInfo;
  beforeAll(async () => {
    s = await TestSession.start();
    edition = await s.createEdition({ name: 'Coventis filières' });
  });
  afterAll(() => s.close());

  const organizer = () => as(s.http, s.organizerToken);
  const del = (token: string, url: string) => s.http.delete(url).auth(token, { type: 'bearer' });
  const list = async (editionId?: string): Promise<Sector[]> => {
    const res = await s.http.get(`/api/sectors${editionId ? `?editionId=${editionId}` : ''}`);
    expect(res.status).toBe(200);
    return res.body as Sector[];
  };
  const entry = async (label: string): Promise<Sector> => {
    const found = (await list()).find((e) => e.label === label);
    if (!found) throw new Error(`No sector ${label}`);
    return found;
  };
  const catalogue = async (query: string, editionId = edition.id): Promise<CataloguePage> => {
    const res = await s.http.get(`/api/editions/${editionId}/exhibitors?${query}`);
    expect(res.status).toBe(200);
    return res.body as CataloguePage;
  };
  const names = (page: CataloguePage) => page.items.map((e) => e.organization.name);
  const sectorsOf = async (organizationId: string): Promise<string[]> =>
    (await s.http.get(`/api/organizations/${organizationId}`)).body.sectors as string[];
  const onboard = (name: string, sectors: string[], editionId = edition.id) =>
    s.onboardExhibitor(editionId, { organization: { name, sectors } });
  /** The one field error of a refusal, as `{field, code}`. */
  const fieldError = (res: { body: { errors?: { field: string; code: string }[] } }) =>
    res.body.errors?.map(({ field, code }) => ({ field, code }));

  it('starts with the ESS filières, public, in French alphabetical order', async () => {
    const res = await s.http.get('/api/sectors');
    expect(res.status).toBe(200);
    const labels = (res.body as Sector[]).map((e) => e.label);
    for (const label of ['Agriculture', 'Circuits courts', 'Innovation sociale', 'Réemploi']) {
      expect(labels).toContain(label);
    }
    expect(labels.indexOf('Éducation populaire')).toBeLessThan(labels.indexOf('Énergie'));
    expect(labels.indexOf('Énergie')).toBeLessThan(labels.indexOf('Environnement'));
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'fr')));
    const food = (res.body as Sector[]).find((e) => e.label === 'Alimentation')!;
    expect(food).toEqual({
      id: expect.any(String),
      label: 'Alimentation',
      aliases: expect.arrayContaining(['agroalimentaire', 'agro-alimentaire']),
      organizations: 0,
    });
  });

  it('folds what people type onto the list’s labels, everywhere sectors are written', async () => {
    const ferme = await onboard('Ferme des Variantes', [
      '  alimentation',
      'Agro-alimentaire',
      'TOURISME',
    ]);
    expect(await sectorsOf(ferme.organizationId)).toEqual(['Alimentation', 'Tourisme']);

    const patched = await as(s.http, ferme.token).patch(
      `/api/organizations/${ferme.organizationId}`,
      { sectors: ['iae', 'Circuits   courts', 'insertion par l’activité économique'] },
    );
    expect(patched.status).toBe(200);
    expect(patched.body.sectors).toEqual(['Insertion', 'Circuits courts']);

    // An application keeps the labels, and so does the organization approval makes of it.
    const applied = await s.http.post(`/api/editions/${edition.id}/applications`).send({
      organization: {
        name: 'Recyclerie des Variantes',
        legalForm: 'association',
        sectors: ['recyclerie', 'Déchets'],
        department: '34',
        city: 'Lodève',
      },
      contact: {
        firstName: 'Inès',
        lastName: 'Candidate',
        email: `candidate-${randomUUID()}@test.example`,
        password: PASSWORD,
      },
    });
    expect(applied.status).toBe(201);
    expect(applied.body.organization.sectors).toEqual(['Réemploi', 'Recyclage']);
    const approved = await organizer().post(`/api/applications/${applied.body.id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(await sectorsOf(approved.body.organizationId)).toEqual(['Réemploi', 'Recyclage']);
  });

  it('refuses a sector of none of the list with a 400 naming the field', async () => {
    const mine = await onboard('Atelier Menuiserie', ['bâtiment']);
    const patched = await as(s.http, mine.token).patch(
      `/api/organizations/${mine.organizationId}`,
      { sectors: ['Bâtiment', 'menuiserie'], description: 'Jamais enregistrée' },
    );
    expect(patched.status).toBe(400);
    expect(patched.body.code).toBe('validation/invalid');
    expect(fieldError(patched)).toEqual([{ field: 'sectors', code: 'validation/sector_unknown' }]);
    const profile = (await s.http.get(`/api/organizations/${mine.organizationId}`)).body;
    expect(profile).toMatchObject({ sectors: ['Bâtiment'], description: 'Une structure de test.' });

    const onboarded = await organizer().post(
      `/api/editions/${edition.id}/exhibitors`,
      exhibitorBody({ organization: { sectors: ['menuiserie'] } }),
    );
    expect(onboarded.status).toBe(400);
    expect(fieldError(onboarded)).toEqual([
      { field: 'organization.sectors', code: 'validation/sector_unknown' },
    ]);
    const applied = await s.http.post(`/api/editions/${edition.id}/applications`).send({
      organization: {
        name: 'Menuiserie Candidate',
        legalForm: 'scop',
        sectors: ['menuiserie'],
        department: '30',
        city: 'Nîmes',
      },
      contact: {
        firstName: 'Jean',
        lastName: 'Menuisier',
        email: `menuisier-${randomUUID()}@test.example`,
        password: PASSWORD,
      },
    });
    expect(applied.status).toBe(400);
    expect(fieldError(applied)).toEqual([
      { field: 'organization.sectors', code: 'validation/sector_unknown' },
    ]);
  });

  describe('the catalogue and the counts', () => {
    let other: EditionInfo;
    let ferme: ExhibitorInfo;
    beforeAll(async () => {
      other = await s.createEdition({ name: 'Coventis catalogue des filières' });
      ferme = await onboard('Ferme du Filtre', ['agriculture', 'alimentation'], other.id);
      await onboard('Mutuelle du Filtre', ['assurance'], other.id);
      await onboard('Maraîchers ailleurs', ['maraîchage'], edition.id);
    });

    it('filters by a label or an alias; a sector the list does not know finds nobody', async () => {
      expect(names(await catalogue('sector=Agriculture', other.id))).toEqual(['Ferme du Filtre']);
      expect(names(await catalogue('sector=MARAICHAGE', other.id))).toEqual(['Ferme du Filtre']);
      expect(names(await catalogue('sector=agroalimentaire', other.id))).toEqual([
        'Ferme du Filtre',
      ]);
      expect(await catalogue('sector=menuiserie', other.id)).toMatchObject({
        items: [],
        total: 0,
      });
      const unknownEdition = await s.http.get(`/api/editions/${randomUUID()}/exhibitors?sector=x`);
      expect(unknownEdition.status).toBe(404);
    });

    it('lists the entries an edition’s exhibitors use, with their counts', async () => {
      const sectors = await list(other.id);
      expect(sectors.every((e) => typeof e.exhibitors === 'number')).toBe(true);
      const used = sectors
        .filter((e) => e.exhibitors! > 0)
        .map(({ label, exhibitors }) => ({ label, exhibitors }));
      expect(used).toEqual([
        { label: 'Agriculture', exhibitors: 1 },
        { label: 'Alimentation', exhibitors: 1 },
        { label: 'Assurance', exhibitors: 1 },
      ]);
      // Organizations count across editions: the maraîchers exhibit elsewhere.
      expect(sectors.find((e) => e.label === 'Agriculture')!.organizations).toBe(2);
      expect((await s.http.get(`/api/sectors?editionId=${randomUUID()}`)).status).toBe(404);
      expect((await s.http.get('/api/sectors?editionId=nope')).status).toBe(400);
    });

    it('renames an entry: its organizations and the catalogue follow, the old label still finds them', async () => {
      const agriculture = await entry('Agriculture');
      const res = await organizer().patch(`/api/sectors/${agriculture.id}`, {
        label: 'Agriculture paysanne',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: agriculture.id,
        label: 'Agriculture paysanne',
        aliases: expect.arrayContaining(['maraîchage', 'Agriculture']),
        organizations: 2,
      });
      expect(await sectorsOf(ferme.organizationId)).toEqual([
        'Agriculture paysanne',
        'Alimentation',
      ]);
      const page = await catalogue('sector=agriculture', other.id);
      expect(page.items.map((e) => e.organization.sectors)).toEqual([
        ['Agriculture paysanne', 'Alimentation'],
      ]);
      // The search index has the new label.
      expect(names(await catalogue('q=paysanne', other.id))).toEqual(['Ferme du Filtre']);
      const logged = await s.testApp.query<{ n: number | string }>(
        `SELECT COUNT(*) AS "n" FROM "activity_log" WHERE "action" = 'sector.updated' AND "subjectId" = '${agriculture.id}'`,
      );
      expect(Number(logged[0].n)).toBe(1);
      // Aliases alone: replaced, the old label kept.
      const aliases = await organizer().patch(`/api/sectors/${agriculture.id}`, {
        aliases: ['agricole'],
      });
      expect(aliases.body.aliases).toEqual(['agricole']);
      expect(names(await catalogue('sector=maraichage', other.id))).toEqual([]);
      await organizer()
        .patch(`/api/sectors/${agriculture.id}`, { aliases: ['agricole', 'maraîchage'] })
        .expect(200);
    });

    it('merges an entry into another: organizations, label and aliases move, then it is gone', async () => {
      const created = await organizer().post('/api/sectors', {
        label: 'Apiculture',
        aliases: ['miel', 'Miel', 'apiculture'],
      });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        label: 'Apiculture',
        aliases: ['miel'],
        organizations: 0,
      });
      const rucher = await onboard(
        'Rucher du Filtre',
        ['apiculture', 'Agriculture paysanne'],
        other.id,
      );
      const agriculture = await entry('Agriculture paysanne');

      expect(
        fieldError(
          await organizer().post(`/api/sectors/${created.body.id}/merge`, {
            into: created.body.id,
          }),
        ),
      ).toEqual([{ field: 'into', code: 'sector/merge_self' }]);
      const nowhere = await organizer().post(`/api/sectors/${created.body.id}/merge`, {
        into: randomUUID(),
      });
      expect(nowhere.status).toBe(404);
      expect(fieldError(nowhere)).toEqual([{ field: 'into', code: 'sector/not_found' }]);

      const merged = await organizer().post(`/api/sectors/${created.body.id}/merge`, {
        into: agriculture.id,
      });
      expect(merged.status).toBe(200);
      expect(merged.body).toMatchObject({
        id: agriculture.id,
        label: 'Agriculture paysanne',
        aliases: expect.arrayContaining(['Apiculture', 'miel']),
        organizations: 3,
      });
      expect(await sectorsOf(rucher.organizationId)).toEqual(['Agriculture paysanne']);
      expect((await list()).map((e) => e.label)).not.toContain('Apiculture');
      expect(names(await catalogue('sector=miel', other.id))).toEqual([
        'Ferme du Filtre',
        'Rucher du Filtre',
      ]);
      const gone = await organizer().post(`/api/sectors/${created.body.id}/merge`, {
        into: agriculture.id,
      });
      expect(gone.status).toBe(404);
      expect(fieldError(gone)).toEqual([{ field: 'sectorId', code: 'sector/not_found' }]);
    });
  });

  it('refuses a label or an alias another entry answers to with 409 naming the field', async () => {
    const label = await organizer().post('/api/sectors', { label: ' ALIMENTATION ' });
    expect(label.status).toBe(409);
    expect(label.body.code).toBe('sector/exists');
    expect(fieldError(label)).toEqual([{ field: 'label', code: 'sector/exists' }]);
    const alias = await organizer().post('/api/sectors', { label: 'Pêche', aliases: ['IAE'] });
    expect(alias.status).toBe(409);
    expect(fieldError(alias)).toEqual([{ field: 'aliases', code: 'sector/exists' }]);
    const byAlias = await organizer().post('/api/sectors', { label: 'Agro-alimentaire' });
    expect(fieldError(byAlias)).toEqual([{ field: 'label', code: 'sector/exists' }]);
    const tourisme = await entry('Tourisme');
    const rename = await organizer().patch(`/api/sectors/${tourisme.id}`, { label: 'Culture' });
    expect(rename.status).toBe(409);
    expect(fieldError(rename)).toEqual([{ field: 'label', code: 'sector/exists' }]);
    const empty = await organizer().post('/api/sectors', { label: '  ' });
    expect(empty.status).toBe(400);
    expect(fieldError(empty)).toEqual([{ field: 'label', code: 'validation/too_short' }]);
  });

  it('deletes an entry nobody uses; one in use is a 409, and the database refuses it too', async () => {
    const food = await entry('Alimentation');
    expect(food.organizations).toBeGreaterThan(0);
    const used = await del(s.organizerToken, `/api/sectors/${food.id}`);
    expect(used.status).toBe(409);
    expect(used.body.code).toBe('sector/in_use');
    expect(fieldError(used)).toEqual([{ field: 'sectorId', code: 'sector/in_use' }]);
    await expect(
      writeSql(s.testApp.databaseUrl, `DELETE FROM "sectors" WHERE "id" = '${food.id}'`),
    ).rejects.toThrow(/foreign key/i);
    expect((await list()).map((e) => e.label)).toContain('Alimentation');

    // A pending application holds it: in use too, so approving it later finds it.
    const peche = (await organizer().post('/api/sectors', { label: 'Pêche' })).body as Sector;
    const applied = await s.http.post(`/api/editions/${edition.id}/applications`).send({
      organization: {
        name: 'Pêcheurs de Thau',
        legalForm: 'cooperative',
        sectors: ['pêche'],
        department: '34',
        city: 'Mèze',
      },
      contact: {
        firstName: 'Marin',
        lastName: 'Pêcheur',
        email: `peche-${randomUUID()}@test.example`,
        password: PASSWORD,
      },
    });
    expect(applied.status).toBe(201);
    expect((await del(s.organizerToken, `/api/sectors/${peche.id}`)).status).toBe(409);
    await organizer().post(`/api/applications/${applied.body.id}/refuse`, { note: 'Complet' });

    expect((await del(s.organizerToken, `/api/sectors/${peche.id}`)).status).toBe(204);
    expect((await list()).map((e) => e.label)).not.toContain('Pêche');
    expect((await del(s.organizerToken, `/api/sectors/${peche.id}`)).status).toBe(404);
  });

  it('lets only organizers change the list, each refusal with its code', async () => {
    const exhibitor = await s.onboardExhibitor(edition.id);
    const visitor = await s.registerVisitor(edition.id);
    const tourisme = await entry('Tourisme');
    const attempts = [
      as(s.http, exhibitor.token).post('/api/sectors', { label: 'Pêche à pied' }),
      as(s.http, visitor.token).patch(`/api/sectors/${tourisme.id}`, { label: 'Voyages' }),
      as(s.http, exhibitor.token).post(`/api/sectors/${tourisme.id}/merge`, {
        into: (await entry('Culture')).id,
      }),
      del(visitor.token, `/api/sectors/${tourisme.id}`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect([res.status, res.body.code]).toEqual([403, 'auth/wrong_role']);
    }
    const anonymous = await s.http.post('/api/sectors').send({ label: 'Pêche à pied' });
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'auth/login_required']);
    expect((await entry('Tourisme')).label).toBe('Tourisme');
    expect((await list()).map((e) => e.label)).not.toContain('Pêche à pied');
  });
});

describe('the migration to a list of sectors', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'coventis-sectors-migration-'));
  let databaseUrl = '';
  afterAll(async () => {
    if (databaseUrl) await dropDatabase(databaseUrl);
    rmSync(dir, { recursive: true, force: true });
  });

  const ORGS = [
    [
      '00000000-0000-4000-8000-000000000001',
      'Coopérative Variante',
      ['  alimentation', 'Agro-alimentaire', 'menuiserie'],
    ],
    ['00000000-0000-4000-8000-000000000002', 'Atelier Variante', ['Menuiserie ', 'TOURISME']],
    ['00000000-0000-4000-8000-000000000003', 'Ébénistes Variante', ["Ébénisterie d'art"]],
  ] as const;

  it('folds every organization’s free text onto the list, losing nothing, and can be undone', async () => {
    databaseUrl = await freshDatabase(dir);
    migrate(databaseUrl, { upTo: 'Teams1764200000000' });
    for (const [i, [id, name, sectors]] of ORGS.entries()) {
      await writeSql(
        databaseUrl,
        `INSERT INTO "organizations" ("id", "name", "nameKey", "legalForm", "sectors", "department", "city", "description", "offers", "needs", "createdAt", "updatedAt")
         VALUES ('${id}', '${name}', '${name.toLowerCase()}', 'scop', '${JSON.stringify(sectors).replace(/'/g, "''")}', '34', 'Sète', '', '[]', '[]', '2025-01-0${i + 1} 10:00:00', '2025-01-01 10:00:00')`,
      );
    }
    // The free-text shape's links: one folded key per sector.
    await writeSql(
      databaseUrl,
      `INSERT INTO "organization_sectors" ("organizationId", "sectorKey") VALUES ('${ORGS[0][0]}', 'agro-alimentaire')`,
    );

    const app = await startApp({ DATABASE_URL: databaseUrl });
    try {
      const sectorsOf = async (id: string) =>
        (await app.http.get(`/api/organizations/${id}`).expect(200)).body.sectors as string[];
      expect(await sectorsOf(ORGS[0][0])).toEqual(['Alimentation', 'menuiserie']);
      expect(await sectorsOf(ORGS[1][0])).toEqual(['menuiserie', 'Tourisme']);
      expect(await sectorsOf(ORGS[2][0])).toEqual(["Ébénisterie d'art"]);

      const list = (await app.http.get('/api/sectors').expect(200)).body as Sector[];
      const count = (label: string) => list.find((e) => e.label === label)?.organizations;
      expect(list.length).toBe(26 + 2);
      expect(count('Alimentation')).toBe(1);
      expect(count('menuiserie')).toBe(2);
      expect(count('Tourisme')).toBe(1);
      expect(count("Ébénisterie d'art")).toBe(1);
      expect(list.map((e) => e.label)).not.toContain('Menuiserie ');

      const links = await readSql<{ organizationId: string; sectorId: string }>(
        databaseUrl,
        `SELECT "organizationId", "sectorId" FROM "organization_sectors"`,
      );
      expect(links).toHaveLength(5);
      // The search index has the labels.
      const document = await readSql<{ text: string }>(
        databaseUrl,
        app.databaseUrl.startsWith('sqlite:')
          ? `SELECT "sectors" AS "text" FROM "organization_search" WHERE "organizationId" = '${ORGS[0][0]}'`
          : `SELECT "document"::text AS "text" FROM "organization_search" WHERE "organizationId" = '${ORGS[0][0]}'`,
      );
      expect(document[0].text).toMatch(/alimentation/);
      expect(document[0].text).not.toMatch(/agro/);
      // A new entry of the list works as the others do.
      const token = await login(app.http, ORGANIZER.email, ORGANIZER.password);
      const res = await as(app.http, token).patch(`/api/organizations/${ORGS[2][0]}`, {
        sectors: ['MENUISERIE', "ébénisterie d'art"],
      });
      expect(res.body.sectors).toEqual(['menuiserie', "Ébénisterie d'art"]);
    } finally {
      await app.close();
    }

    migrate(databaseUrl, { undoTo: 'Sectors1764300000000' });
    const old = await readSql<{ organizationId: string; sectorKey: string }>(
      databaseUrl,
      `SELECT "organizationId", "sectorKey" FROM "organization_sectors" ORDER BY "organizationId", "sectorKey"`,
    );
    expect(old).toEqual([
      { organizationId: ORGS[0][0], sectorKey: 'alimentation' },
      { organizationId: ORGS[0][0], sectorKey: 'menuiserie' },
      { organizationId: ORGS[1][0], sectorKey: 'menuiserie' },
      { organizationId: ORGS[1][0], sectorKey: 'tourisme' },
      { organizationId: ORGS[2][0], sectorKey: "ebenisterie d'art" },
      { organizationId: ORGS[2][0], sectorKey: 'menuiserie' },
    ]);
    await expect(readSql(databaseUrl, `SELECT 1 FROM "sectors"`)).rejects.toThrow(/sectors/);
  });
});

describe('sectors when the organizers keep no list', () => {
  let s: TestSession;
  beforeAll(async () => {
    s = await TestSession.start();
  });
  afterAll(() => s.close());

  it('keeps free text, and an entry added later picks it up', async () => {
    const organizer = as(s.http, s.organizerToken);
    for (const sector of (await s.http.get('/api/sectors')).body as Sector[]) {
      await s.http
        .delete(`/api/sectors/${sector.id}`)
        .auth(s.organizerToken, { type: 'bearer' })
        .expect(204);
    }
    expect((await s.http.get('/api/sectors')).body).toEqual([]);
    const edition = await s.createEdition();
    const atelier = await s.onboardExhibitor(edition.id, {
      organization: {
        name: 'Atelier du Bois',
        sectors: ['Menuiserie ', 'menuiserie', 'ébénisterie'],
      },
    });
    const profile = () => s.http.get(`/api/organizations/${atelier.organizationId}`);
    expect((await profile()).body.sectors).toEqual(['Menuiserie', 'ébénisterie']);
    const filtered = () => s.http.get(`/api/editions/${edition.id}/exhibitors?sector=menuiserie`);
    expect((await filtered()).body.total).toBe(0);

    const bois = await organizer.post('/api/sectors', { label: 'Bois', aliases: ['menuiserie'] });
    expect(bois.status).toBe(201);
    expect(bois.body.organizations).toBe(1);
    expect((await profile()).body.sectors).toEqual(['Bois', 'ébénisterie']);
    expect((await filtered()).body.total).toBe(1);
    // A list now: what it does not know is refused.
    const charpente = await as(s.http, atelier.token).patch(
      `/api/organizations/${atelier.organizationId}`,
      { sectors: ['charpente'] },
    );
    expect(charpente.status).toBe(400);
    expect(charpente.body.errors[0]).toMatchObject({
      field: 'sectors',
      code: 'validation/sector_unknown',
    });
  });
});
