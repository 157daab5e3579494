import { randomUUID } from 'node:crypto';
import { PASSWORD } from './support/app.js';
import {
  as,
  expectStatus,
  liveEditionBody,
  login,
  TestSession,
  type EditionInfo,
  type ExhibitorInfo,
  type VisitorInfo,
} from './support/session.js';

interface LeadBody {
  id: string;
  exhibitorId: string;
  scanId: string;
  scannedAt: string;
  scannedBy: { userId: string; firstName: string; lastName: string } | null;
  visitor: {
    participantId: string;
    firstName: string;
    lastName: string;
    organizationName: string | null;
    category: string | null;
    email: string | null;
    phone: string | null;
    scanConsent: boolean;
  };
  note: string;
  rating: number | null;
  duplicate?: boolean;
}

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

/**
 * Lead retrieval at the stands, through the HTTP API on a real database: a stand's members scan
 * visitors who consented, a scan sent twice counts once, and nobody but the stand sees its leads.
 */
describe('leads', () => {
  let s: TestSession;
  let edition: EditionInfo;
  let stand: ExhibitorInfo;
  let other: ExhibitorInfo;
  let colleague: { token: string; participantId: string; email: string };
  let willing: VisitorInfo;
  let silent: VisitorInfo;

  const url = () => `/api/editions/${edition.id}/leads`;
  const scan = (token: string, body: object) => as(s.http, token).post(url(), body);
  const leadRows = async (where: string) =>
    Number(
      (
        await s.testApp.query<{ n: number | string }>(
          `SELECT COUNT(*) AS n FROM leads WHERE ${where}`,
        )
      )[0].n,
    );

  beforeAll(async () => {
    s = await TestSession.start();
    // An edition on today: scans carry the phone's time, which must fall within the edition.
    edition = await s.createEdition(liveEditionBody({ name: 'Coventis leads' }));
    stand = await s.onboardExhibitor(edition.id, {
      organization: { name: 'Ferme coopérative des Garrigues' },
      contact: { firstName: 'Marie', lastName: 'Exposante' },
    });
    other = await s.onboardExhibitor(edition.id, { stand: 'B02' });
    const email = `lea-${randomUUID().slice(0, 8)}@test.example`;
    const added = await as(s.http, s.organizerToken).post(
      `/api/editions/${edition.id}/exhibitors/${stand.id}/members`,
      { email, firstName: 'Léa', lastName: 'Collègue', password: PASSWORD },
    );
    expectStatus(added, 201);
    colleague = {
      email,
      participantId: added.body.participantId,
      token: await login(s.http, email, PASSWORD),
    };
    willing = await s.registerVisitor(edition.id, {
      firstName: 'Hélène',
      lastName: 'Acheteuse',
      organizationName: 'Village vacances Le Lazaret',
      scanConsent: true,
      phone: '04 67 00 00 00',
    });
    silent = await s.registerVisitor(edition.id, { firstName: 'Sans', lastName: 'Accord' });
  });
  afterAll(() => s.close());

  it('records a consenting visitor scanned at the stand, with the contacts and the scan’s own time', async () => {
    const scanId = randomUUID();
    const scannedAt = minutesAgo(3);
    const res = await scan(stand.token, {
      badgeCode: willing.badgeCode.toLowerCase(),
      scanId,
      scannedAt,
    });
    expect(res.status).toBe(201);
    const lead = res.body as LeadBody;
    expect(lead).toMatchObject({
      exhibitorId: stand.id,
      scanId,
      duplicate: false,
      note: '',
      rating: null,
      scannedBy: { firstName: 'Marie', lastName: 'Exposante' },
      visitor: {
        participantId: willing.participantId,
        firstName: 'Hélène',
        lastName: 'Acheteuse',
        organizationName: 'Village vacances Le Lazaret',
        category: 'professional',
        email: willing.email,
        phone: '04 67 00 00 00',
        scanConsent: true,
      },
    });
    expect(Date.parse(lead.scannedAt)).toBe(Date.parse(scannedAt));
    // In the edition's zone, with its offset.
    expect(lead.scannedAt).toMatch(/[+-]\d\d:\d\d$/);
    expect(await leadRows(`"participantId" = '${willing.participantId}'`)).toBe(1);
  });

  it('answers the same scan sent again with the lead there is, duplicate, and no second row', async () => {
    const visitor = await s.registerVisitor(edition.id, { scanConsent: true });
    const body = { badgeCode: visitor.badgeCode, scanId: randomUUID(), scannedAt: minutesAgo(10) };
    const first = await scan(stand.token, body);
    expect(first.status).toBe(201);
    // An offline queue that lost the answer sends it again, even from a colleague's phone.
    const again = await scan(stand.token, body);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, duplicate: true, scanId: body.scanId });
    const fromColleague = await scan(colleague.token, body);
    expect(fromColleague.status).toBe(200);
    expect(fromColleague.body.id).toBe(first.body.id);
    expect(await leadRows(`"scanId" = '${body.scanId}'`)).toBe(1);
    expect(await leadRows(`"participantId" = '${visitor.participantId}'`)).toBe(1);
  });

  it('records one lead when the same scan, or the same visitor, arrives several times at once', async () => {
    const visitor = await s.registerVisitor(edition.id, { scanConsent: true });
    const body = { badgeCode: visitor.badgeCode, scanId: randomUUID(), scannedAt: minutesAgo(4) };
    const same = await Promise.all(Array.from({ length: 6 }, () => scan(stand.token, body)));
    expect(same.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(same.map((r) => r.body.id as string)).size).toBe(1);
    // Two phones of the team scan the same visitor at the same moment.
    const second = await s.registerVisitor(edition.id, { scanConsent: true });
    const both = await Promise.all(
      [stand.token, colleague.token, stand.token].map((token) =>
        scan(token, {
          badgeCode: second.badgeCode,
          scanId: randomUUID(),
          scannedAt: minutesAgo(4),
        }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(await leadRows(`"participantId" = '${visitor.participantId}'`)).toBe(1);
    expect(await leadRows(`"participantId" = '${second.participantId}'`)).toBe(1);
  });

  it('keeps one lead per stand and visitor, with the earliest scan’s time, whoever scanned first', async () => {
    const visitor = await s.registerVisitor(edition.id, { scanConsent: true });
    const badgeCode = visitor.badgeCode;
    const first = await scan(stand.token, {
      badgeCode,
      scanId: randomUUID(),
      scannedAt: minutesAgo(5),
    });
    expect(first.status).toBe(201);
    // A later scan of the same visitor changes nothing.
    const later = await scan(stand.token, {
      badgeCode,
      scanId: randomUUID(),
      scannedAt: minutesAgo(1),
    });
    expect(later.status).toBe(200);
    expect(later.body).toMatchObject({ id: first.body.id, duplicate: true });
    expect(later.body.scannedAt).toBe(first.body.scannedAt);
    // A colleague's earlier scan, synced late, gives the lead its time.
    const earlierAt = minutesAgo(30);
    const earlier = await scan(colleague.token, {
      badgeCode,
      scanId: randomUUID(),
      scannedAt: earlierAt,
    });
    expect(earlier.status).toBe(200);
    expect(earlier.body).toMatchObject({
      id: first.body.id,
      duplicate: true,
      scanId: first.body.scanId,
      scannedBy: { firstName: 'Léa', lastName: 'Collègue' },
    });
    expect(Date.parse(earlier.body.scannedAt)).toBe(Date.parse(earlierAt));
    expect(await leadRows(`"participantId" = '${visitor.participantId}'`)).toBe(1);

    // Another stand has a lead of its own for the same visitor.
    const elsewhere = await scan(other.token, {
      badgeCode,
      scanId: randomUUID(),
      scannedAt: minutesAgo(2),
    });
    expect(elsewhere.status).toBe(201);
    expect(await leadRows(`"participantId" = '${visitor.participantId}'`)).toBe(2);
  });

  it('records nothing for a visitor who did not consent, and says so', async () => {
    const res = await scan(stand.token, {
      badgeCode: silent.badgeCode,
      scanId: randomUUID(),
      scannedAt: minutesAgo(1),
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'lead/no_consent',
      errors: [expect.objectContaining({ field: 'badgeCode', code: 'lead/no_consent' })],
    });
    expect(res.body.visitor).toBeUndefined();
    expect(await leadRows(`"participantId" = '${silent.participantId}'`)).toBe(0);
    const logged = await s.testApp.query<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM activity_log WHERE action LIKE 'lead.%' AND data LIKE '%${silent.participantId}%'`,
    );
    expect(Number(logged[0].n)).toBe(0);
  });

  it('refuses unknown badges, exhibitors’ badges and one’s own team, naming the badge code', async () => {
    const at = { scannedAt: minutesAgo(1) };
    const unknown = await scan(stand.token, {
      badgeCode: 'CVT-XXXX-YYYY',
      scanId: randomUUID(),
      ...at,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({
      code: 'lead/unknown_badge',
      errors: [expect.objectContaining({ field: 'badgeCode' })],
    });
    const badge = async (participantId: string) =>
      (
        await s.testApp.query<{ badgeCode: string }>(
          `SELECT "badgeCode" FROM participants WHERE id = '${participantId}'`,
        )
      )[0].badgeCode;
    const own = await scan(stand.token, {
      badgeCode: await badge(colleague.participantId),
      scanId: randomUUID(),
      ...at,
    });
    expect(own.status).toBe(409);
    expect(own.body.code).toBe('lead/own_staff');
    const exhibitor = await scan(stand.token, {
      badgeCode: await badge(other.participantId),
      scanId: randomUUID(),
      ...at,
    });
    expect(exhibitor.status).toBe(409);
    expect(exhibitor.body.code).toBe('lead/not_a_visitor');
    // A badge of another edition is unknown here.
    const elsewhere = await s.createEdition(liveEditionBody({ name: 'Ailleurs' }));
    const stranger = await s.registerVisitor(elsewhere.id, { scanConsent: true });
    const foreign = await scan(stand.token, {
      badgeCode: stranger.badgeCode,
      scanId: randomUUID(),
      ...at,
    });
    expect(foreign.status).toBe(404);
    expect(
      await leadRows(
        `"exhibitorId" = '${stand.id}' AND "participantId" = '${stranger.participantId}'`,
      ),
    ).toBe(0);
  });

  it('refuses a scan id another stand used', async () => {
    const visitor = await s.registerVisitor(edition.id, { scanConsent: true });
    const scanId = randomUUID();
    expect(
      (await scan(other.token, { badgeCode: visitor.badgeCode, scanId, scannedAt: minutesAgo(1) }))
        .status,
    ).toBe(201);
    const res = await scan(stand.token, {
      badgeCode: visitor.badgeCode,
      scanId,
      scannedAt: minutesAgo(1),
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'lead/scan_id_taken',
      errors: [expect.objectContaining({ field: 'scanId' })],
    });
  });

  it('shows a stand’s leads to its members only, newest first', async () => {
    const mine = await as(s.http, stand.token).get(url());
    expect(mine.status).toBe(200);
    const items = mine.body.items as LeadBody[];
    expect(mine.body).toMatchObject({ exhibitorId: stand.id, total: items.length });
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.every((l) => l.exhibitorId === stand.id)).toBe(true);
    const times = items.map((l) => Date.parse(l.scannedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(
      items.find((l) => l.visitor.participantId === willing.participantId)?.visitor.email,
    ).toBe(willing.email);

    // A colleague of the stand sees the same list.
    const theirs = await as(s.http, colleague.token).get(url());
    expect((theirs.body.items as LeadBody[]).map((l) => l.id)).toEqual(items.map((l) => l.id));

    // Another stand sees only its own.
    const elsewhere = await as(s.http, other.token).get(url());
    expect(elsewhere.status).toBe(200);
    const ids = new Set(items.map((l) => l.id));
    expect((elsewhere.body.items as LeadBody[]).some((l) => ids.has(l.id))).toBe(false);
    expect((elsewhere.body.items as LeadBody[]).every((l) => l.exhibitorId === other.id)).toBe(
      true,
    );

    // Visitors and organizers see no one's.
    for (const token of [willing.token, s.organizerToken]) {
      const res = await as(s.http, token).get(url());
      expect(res.status).toBe(403);
      expect(res.body.items).toBeUndefined();
      expect((await as(s.http, token).get(`${url()}.csv`)).status).toBe(403);
      const scanned = await scan(token, {
        badgeCode: willing.badgeCode,
        scanId: randomUUID(),
        scannedAt: minutesAgo(1),
      });
      expect(scanned.status).toBe(403);
    }
    expect((await s.http.get(url())).status).toBe(401);
    // An exhibitor of another edition is no stand here.
    const later = await s.createEdition(liveEditionBody({ name: 'Plus tard' }));
    const stranger = await s.onboardExhibitor(later.id);
    const res = await as(s.http, stranger.token).get(url());
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('lead/stands_only');
  });

  it('lets the stand’s members note and rate a lead, and nobody else', async () => {
    const lead = ((await as(s.http, stand.token).get(url())).body.items as LeadBody[]).find(
      (l) => l.visitor.participantId === willing.participantId,
    )!;
    const patch = (token: string, body: object) =>
      as(s.http, token).patch(`/api/leads/${lead.id}`, body);
    const noted = await patch(stand.token, {
      note: 'Cherche des fromages fermiers ; rappeler en juin.',
      rating: 4,
    });
    expect(noted.status).toBe(200);
    expect(noted.body).toMatchObject({
      id: lead.id,
      note: 'Cherche des fromages fermiers ; rappeler en juin.',
      rating: 4,
    });
    // A colleague changes the rating only; the note stays.
    const rated = await patch(colleague.token, { rating: 5 });
    expect(rated.body).toMatchObject({
      rating: 5,
      note: 'Cherche des fromages fermiers ; rappeler en juin.',
    });
    const cleared = await patch(colleague.token, { rating: null });
    expect(cleared.body.rating).toBeNull();
    expect((await patch(stand.token, { rating: 5 })).status).toBe(200);

    // Another stand's lead is as unknown as no lead at all.
    const theirs = await patch(other.token, { note: 'Pas à moi' });
    expect(theirs.status).toBe(404);
    expect(theirs.body.code).toBe('lead/not_found');
    const none = await as(s.http, stand.token).patch(`/api/leads/${randomUUID()}`, { note: 'x' });
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('lead/not_found');
    expect((await patch(willing.token, { note: 'moi' })).status).toBe(403);
    expect((await patch(s.organizerToken, { note: 'orga' })).status).toBe(403);
    const stored = await s.testApp.query<{ note: string; rating: number }>(
      `SELECT note, rating FROM leads WHERE id = '${lead.id}'`,
    );
    expect(stored[0]).toMatchObject({
      note: 'Cherche des fromages fermiers ; rappeler en juin.',
      rating: 5,
    });
  });

  it('exports the stand’s leads as a French spreadsheet', async () => {
    const res = await as(s.http, colleague.token).get(`${url()}.csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="contacts.csv"');
    const text = res.text;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'scanné le;prénom;nom;structure;catégorie;email;téléphone;intérêt (1 à 5);note;scanné par',
    );
    const row = lines.find((l) => l.includes(willing.email))!;
    const [when, ...rest] = row.split(';');
    expect(when).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    // The note holds a `;`: quoted.
    expect(rest.join(';')).toBe(
      `Hélène;Acheteuse;Village vacances Le Lazaret;professionnel;${willing.email};04 67 00 00 00;5;"Cherche des fromages fermiers ; rappeler en juin.";Marie Exposante`,
    );
    // Only the stand's own visitors.
    const theirs = await as(s.http, other.token).get(`${url()}.csv`);
    expect(theirs.text).not.toContain(willing.email);
    // A stand with no lead gets the headers alone.
    const empty = await s.onboardExhibitor(edition.id, { stand: 'C03' });
    const none = await as(s.http, empty.token).get(`${url()}.csv`);
    expect(none.text).toBe(
      '\uFEFFscanné le;prénom;nom;structure;catégorie;email;téléphone;intérêt (1 à 5);note;scanné par\r\n',
    );
  });

  it('hides the contacts of a visitor who withdrew the consent, and records no new scan of them', async () => {
    const visitor = await s.registerVisitor(edition.id, { scanConsent: true, phone: '0611223344' });
    const first = await scan(stand.token, {
      badgeCode: visitor.badgeCode,
      scanId: randomUUID(),
      scannedAt: minutesAgo(1),
    });
    expect(first.status).toBe(201);
    await as(s.http, visitor.token)
      .patch(`/api/editions/${edition.id}/registrations/${visitor.participantId}/profile`, {
        scanConsent: false,
      })
      .expect(200);
    const lead = ((await as(s.http, stand.token).get(url())).body.items as LeadBody[]).find(
      (l) => l.id === first.body.id,
    )!;
    expect(lead.visitor).toMatchObject({ email: null, phone: null, scanConsent: false });
    const csv = (await as(s.http, stand.token).get(`${url()}.csv`)).text;
    expect(csv).not.toContain(visitor.email);
    expect(csv).not.toContain('0611223344');
    const again = await scan(colleague.token, {
      badgeCode: visitor.badgeCode,
      scanId: randomUUID(),
      scannedAt: minutesAgo(0),
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('lead/no_consent');
    // The scan sent before the withdrawal, sent again, is still the lead it made.
    const retried = await scan(stand.token, {
      badgeCode: visitor.badgeCode,
      scanId: first.body.scanId,
      scannedAt: first.body.scannedAt,
    });
    expect(retried.status).toBe(200);
    expect(retried.body.id).toBe(first.body.id);
  });

  it('keeps a stand’s leads when the member who scanned leaves the team', async () => {
    const email = `paul-${randomUUID().slice(0, 8)}@test.example`;
    const added = await as(s.http, s.organizerToken).post(
      `/api/editions/${edition.id}/exhibitors/${stand.id}/members`,
      { email, firstName: 'Paul', lastName: 'Saisonnier', password: PASSWORD },
    );
    expectStatus(added, 201);
    const temp = await login(s.http, email, PASSWORD);
    const visitor = await s.registerVisitor(edition.id, { scanConsent: true });
    const made = await scan(temp, {
      badgeCode: visitor.badgeCode,
      scanId: randomUUID(),
      scannedAt: minutesAgo(1),
    });
    expect(made.status).toBe(201);
    await s.http
      .delete(
        `/api/editions/${edition.id}/exhibitors/${stand.id}/members/${added.body.participantId}`,
      )
      .auth(s.organizerToken, { type: 'bearer' })
      .expect(204);
    const lead = ((await as(s.http, stand.token).get(url())).body.items as LeadBody[]).find(
      (l) => l.id === made.body.id,
    );
    expect(lead?.scannedBy).toMatchObject({ firstName: 'Paul', lastName: 'Saisonnier' });
    // Out of the team, no more stand's leads.
    expect((await as(s.http, temp).get(url())).status).toBe(403);
  });

  it('gives organizers the counts, never the contacts', async () => {
    const stats = await as(s.http, s.organizerToken).get(`/api/editions/${edition.id}/stats`);
    expect(stats.status).toBe(200);
    const total = await leadRows(`"editionId" = '${edition.id}'`);
    expect(stats.body.leads).toEqual({ total, stands: 2 });
    expect(JSON.stringify(stats.body)).not.toContain(willing.email);
  });

  it('names the field and its code for bad input', async () => {
    const good = { badgeCode: willing.badgeCode, scanId: randomUUID(), scannedAt: minutesAgo(1) };
    const refused = async (body: object, field: string, code: string) => {
      const res = await scan(stand.token, body);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, code })]),
      );
      return res;
    };
    await refused(
      { scanId: good.scanId, scannedAt: good.scannedAt },
      'badgeCode',
      'validation/required',
    );
    await refused({ ...good, badgeCode: '' }, 'badgeCode', 'validation/too_short');
    await refused({ ...good, scanId: 'scan-1' }, 'scanId', 'validation/uuid');
    await refused(
      { badgeCode: good.badgeCode, scannedAt: good.scannedAt },
      'scanId',
      'validation/required',
    );
    await refused({ ...good, scannedAt: 'hier' }, 'scannedAt', 'validation/date_time');
    const future = await refused(
      { ...good, scannedAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString() },
      'scannedAt',
      'lead/scanned_in_future',
    );
    expect(future.body.code).toBe('validation/invalid');
    await refused(
      { ...good, scannedAt: new Date(Date.now() - 3 * 24 * 3600_000).toISOString() },
      'scannedAt',
      'lead/scanned_before_edition',
    );
    await refused({ ...good, extra: 1 }, 'extra', 'validation/unknown_field');
    expect(await leadRows(`"scanId" = '${good.scanId}'`)).toBe(0);

    const lead = ((await as(s.http, stand.token).get(url())).body.items as LeadBody[])[0];
    const patch = (body: object) => as(s.http, stand.token).patch(`/api/leads/${lead.id}`, body);
    const six = await patch({ rating: 6 });
    expect(six.status).toBe(400);
    expect(six.body.errors).toEqual([
      expect.objectContaining({ field: 'rating', code: 'validation/too_large', limit: 5 }),
    ]);
    const half = await patch({ rating: 2.5 });
    expect(half.body.errors).toEqual([
      expect.objectContaining({ field: 'rating', code: 'validation/integer' }),
    ]);
    const long = await patch({ note: 'a'.repeat(2001) });
    expect(long.status).toBe(400);
    expect(long.body.errors).toEqual([
      expect.objectContaining({ field: 'note', code: 'validation/too_long', limit: 2000 }),
    ]);
    const nullNote = await patch({ note: null });
    expect(nullNote.body.errors).toEqual([
      expect.objectContaining({ field: 'note', code: 'validation/not_null' }),
    ]);
    const badId = await as(s.http, stand.token).patch('/api/leads/not-a-uuid', { note: 'x' });
    expect(badId.status).toBe(400);
    expect(badId.body.errors).toEqual([
      expect.objectContaining({ field: 'leadId', code: 'validation/uuid' }),
    ]);
    const unknownEdition = await as(s.http, stand.token).get(`/api/editions/${randomUUID()}/leads`);
    expect(unknownEdition.status).toBe(404);
    expect(unknownEdition.body.code).toBe('edition/not_found');
  });
});
