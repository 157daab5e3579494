import type { Response } from 'supertest';
import { BADGE_GRID } from '../src/print/pdf/badges-layout.js';
import { A4 } from '../src/print/pdf/document.js';
import { PASSWORD } from './support/app.js';
import { PdfReader } from './support/pdf.js';
import {
  as,
  expectStatus,
  login,
  TestSession,
  type EditionInfo,
  type ExhibitorInfo,
  type VisitorInfo,
} from './support/session.js';

/** Where each badge of a sheet is, in points from the page's top left corner. */
function badgeCells() {
  const { columns, rows, width, height } = BADGE_GRID;
  const left = (A4.width - columns * width) / 2;
  const top = (A4.height - rows * height) / 2;
  return Array.from({ length: columns * rows }, (_, i) => ({
    x: left + (i % columns) * width,
    y: top + Math.floor(i / columns) * height,
    width,
    height,
  }));
}

/** An agenda's top, where the QR of the badge is. */
const HEADER = { x: 0, y: 0, width: A4.width, height: 200 };

/**
 * The printed documents, downloaded over HTTP and read back with a PDF text extractor and a QR
 * decoder: a person's agenda, the badges sheet, the hall's table plan, every agenda for the desk.
 */
describe('printing (PDF)', () => {
  let s: TestSession;
  let edition: EditionInfo;
  let stand: ExhibitorInfo;
  let otherStand: ExhibitorInfo;
  let theo: VisitorInfo;
  let zoe: VisitorInfo;
  let idle: VisitorInfo;
  let stranger: VisitorInfo;
  let colleague: { participantId: string; token: string };
  let badgeOf: Map<string, string>;

  const base = () => `/api/editions/${edition.id}/print`;

  /** The PDF's bytes, whatever the status (an error's JSON then comes as bytes too). */
  const download = (token: string, url: string) =>
    s.http.get(url).auth(token, { type: 'bearer' }).responseType('blob');

  async function pdf(token: string, url: string): Promise<{ res: Response; reader: PdfReader }> {
    const res = await download(token, url);
    if (res.status !== 200) throw new Error(`${res.status}: ${String(res.body)}`);
    expect(res.headers['content-type']).toBe('application/pdf');
    const body = res.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    // The embedded Unicode font, never the WinAnsi Helvetica of PDF's standard fonts.
    expect(body.includes('DejaVuSans')).toBe(true);
    expect(body.includes('/Helvetica')).toBe(false);
    return { res, reader: PdfReader.open(body) };
  }

  const meet = async (from: string, to: string, slotId: string, by: string) => {
    const req = await as(s.http, from).post(`/api/editions/${edition.id}/meetings`, {
      toParticipantId: to,
    });
    expectStatus(req, 201);
    expectStatus(await as(s.http, by).post(`/api/meetings/${req.body.id}/accept`, { slotId }), 200);
    return req.body.id as string;
  };

  beforeAll(async () => {
    s = await TestSession.start();
    // Two days in March 2027, Paris time: 09:00–11:00 then 14:00–15:00, slots of 30 minutes.
    edition = await s.createEdition({
      name: 'Coventis 2027',
      venue: 'Le Corum',
      city: 'Montpellier',
      tables: 3,
      days: [
        { date: '2027-03-16', start: '09:00', end: '11:00' },
        { date: '2027-03-17', start: '14:00', end: '15:00' },
      ],
    });
    stand = await s.onboardExhibitor(edition.id, {
      organization: { name: 'Coopérative d’Œuvres' },
      contact: { firstName: 'Élodie', lastName: 'Lefèvre' },
      stand: 'B12',
    });
    otherStand = await s.onboardExhibitor(edition.id, {
      organization: { name: 'Maraîchers du Lodévois' },
      contact: { firstName: 'Hervé', lastName: 'Pagès' },
      stand: 'C03',
    });
    theo = await s.registerVisitor(edition.id, {
      firstName: 'Théo',
      lastName: 'Ménard',
      organizationName: 'Mairie de Sète',
    });
    zoe = await s.registerVisitor(edition.id, {
      firstName: 'Zoé',
      lastName: 'Œillet',
      category: 'public',
      organizationName: undefined,
      scanConsent: true,
    });
    idle = await s.registerVisitor(edition.id, { firstName: 'Ingrid', lastName: 'Sansrendezvous' });
    // Four more, whose badges go onto a second sheet.
    for (const lastName of ['Vidal', 'Weber', 'Xavier', 'Yılmaz']) {
      await s.registerVisitor(edition.id, { firstName: 'Noémie', lastName });
    }
    const elsewhere = await s.createEdition({ name: 'Autre édition' });
    stranger = await s.registerVisitor(elsewhere.id, {
      firstName: 'Stéphane',
      lastName: 'Ailleurs',
    });

    // A colleague of Élodie's stand, added by the organizer.
    const member = {
      email: `lea-${Date.now()}@test.example`,
      firstName: 'Léa',
      lastName: 'Collègue',
      password: PASSWORD,
    };
    const added = await as(s.http, s.organizerToken).post(
      `/api/editions/${edition.id}/exhibitors/${stand.id}/members`,
      member,
    );
    expectStatus(added, 201);
    colleague = {
      participantId: added.body.participantId,
      token: await login(s.http, member.email, PASSWORD),
    };

    // 09:30 at a table: Théo and Élodie; 10:00: Théo and Hervé; 14:00 the next day: Zoé and Élodie.
    const [, nineThirty, ten] = edition.slots;
    const afternoon = edition.slots.find((slot) => slot.day === 1)!;
    await meet(theo.token, stand.participantId, nineThirty.id, stand.token);
    await meet(otherStand.token, theo.participantId, ten.id, theo.token);
    await meet(zoe.token, stand.participantId, afternoon.id, stand.token);
    // Neither a request still waiting nor a cancelled meeting is printed.
    const waiting = await as(s.http, idle.token).post(`/api/editions/${edition.id}/meetings`, {
      toParticipantId: otherStand.participantId,
    });
    expectStatus(waiting, 201);
    const later = edition.slots.filter((slot) => slot.day === 1)[1];
    const cancelled = await meet(idle.token, stand.participantId, later.id, stand.token);
    expectStatus(await as(s.http, idle.token).post(`/api/meetings/${cancelled}/cancel`), 200);

    const list = await as(s.http, s.organizerToken).get(
      `/api/editions/${edition.id}/registrations?limit=200`,
    );
    expectStatus(list, 200);
    badgeOf = new Map(
      (list.body.items as { id: string; badgeCode: string }[]).map((r) => [r.id, r.badgeCode]),
    );
  });

  afterAll(async () => {
    await s?.close();
  });

  describe('a person’s agenda', () => {
    it('prints my meetings day by day in French, with the partner, the table and my badge’s QR', async () => {
      const { res, reader } = await pdf(stand.token, `${base()}/agenda.pdf`);
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="agenda-elodie-lefevre.pdf"',
      );
      const text = await reader.text();
      for (const expected of [
        'Coventis 2027',
        'Le Corum, Montpellier',
        'Élodie Lefèvre',
        'Coopérative d’Œuvres',
        'Exposant · Stand B12',
        'mardi 16 mars 2027',
        '09:30–10:00',
        'Théo Ménard',
        'Mairie de Sète',
        'mercredi 17 mars 2027',
        '14:00–14:30',
        'Zoé Œillet',
      ]) {
        expect(text).toContain(expected);
      }
      // Day one before day two, each meeting with its table.
      expect(text.indexOf('mardi 16 mars 2027')).toBeLessThan(text.indexOf('mercredi 17 mars'));
      expect(text).toMatch(/09:30–10:00\s+Table \d\s+Théo Ménard/);
      expect(text).toMatch(/Mes rendez-vous d’affaires\s?: 2/);
      // Hervé's meeting with Théo is not Élodie's, nor the cancelled one.
      expect(text).not.toContain('Hervé');
      await expect(reader.qrCodes(1, [HEADER])).resolves.toEqual([
        badgeOf.get(stand.participantId),
      ]);
      await reader.close();
    });

    it('prints a visitor’s agenda, a stand’s partner named with its stand', async () => {
      const { reader } = await pdf(theo.token, `${base()}/agenda.pdf`);
      const text = await reader.text();
      expect(text).toContain('Théo Ménard');
      expect(text).toContain('Visiteur professionnel');
      expect(text).toMatch(/Élodie Lefèvre\s+Coopérative d’Œuvres · stand B12/);
      expect(text).toMatch(/10:00–10:30\s+Table \d\s+Hervé Pagès/);
      expect(text).not.toContain('mercredi');
      await reader.close();
    });

    it('says so when there is nothing to print yet', async () => {
      const { reader } = await pdf(idle.token, `${base()}/agenda.pdf`);
      expect(await reader.text()).toContain('Aucun rendez-vous programmé pour l’instant.');
      await reader.close();
    });

    it('is for its owner, their stand’s colleagues and organizers', async () => {
      const forOrganizer = await pdf(
        s.organizerToken,
        `${base()}/agenda.pdf?participantId=${zoe.participantId}`,
      );
      expect(await forOrganizer.reader.text()).toContain('Zoé Œillet');
      await forOrganizer.reader.close();
      const forColleague = await pdf(
        colleague.token,
        `${base()}/agenda.pdf?participantId=${stand.participantId}`,
      );
      expect(await forColleague.reader.text()).toContain('Élodie Lefèvre');
      await forColleague.reader.close();

      const notYours = await as(s.http, theo.token).get(
        `${base()}/agenda.pdf?participantId=${stand.participantId}`,
      );
      expect(notYours.status).toBe(403);
      expect(notYours.body.code).toBe('print/not_yours');
      // Another stand's member is a stranger to Élodie's agenda.
      const otherTeam = await as(s.http, otherStand.token).get(
        `${base()}/agenda.pdf?participantId=${colleague.participantId}`,
      );
      expect(otherTeam.status).toBe(403);
      const notHere = await as(s.http, stranger.token).get(`${base()}/agenda.pdf`);
      expect(notHere.status).toBe(403);
      expect(notHere.body.code).toBe('meeting/not_participant');
      const anonymous = await s.http.get(`${base()}/agenda.pdf`);
      expect(anonymous.status).toBe(401);
    });

    it('refuses bad input with a code and the field', async () => {
      const organizerWithoutWhom = await as(s.http, s.organizerToken).get(`${base()}/agenda.pdf`);
      expect(organizerWithoutWhom.status).toBe(400);
      expect(organizerWithoutWhom.body.errors).toEqual([
        expect.objectContaining({ field: 'participantId', code: 'validation/required' }),
      ]);
      const malformed = await as(s.http, theo.token).get(`${base()}/agenda.pdf?participantId=12`);
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors).toEqual([
        expect.objectContaining({ field: 'participantId', code: 'validation/uuid' }),
      ]);
      const unknown = await as(s.http, s.organizerToken).get(
        `${base()}/agenda.pdf?participantId=${stranger.participantId}`,
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('registration/not_found');
      const unknownEdition = await as(s.http, theo.token).get(
        `/api/editions/00000000-0000-4000-8000-000000000000/print/agenda.pdf`,
      );
      expect(unknownEdition.status).toBe(404);
      expect(unknownEdition.body.code).toBe('edition/not_found');
      const extra = await as(s.http, theo.token).get(`${base()}/agenda.pdf?page=2`);
      expect(extra.status).toBe(400);
      expect(extra.body.errors[0]).toMatchObject({
        field: 'page',
        code: 'validation/unknown_field',
      });
    });
  });

  describe('the badges sheet', () => {
    it('prints everybody by name, 8 to an A4 page, each with its category, QR and code', async () => {
      const { res, reader } = await pdf(s.organizerToken, `${base()}/badges.pdf`);
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="badges-coventis-2027.pdf"',
      );
      const pages = await reader.pages();
      // Léa, Élodie, Théo, Zoé, Hervé, Ingrid, Noémie Vidal and Weber; then Xavier and Yılmaz.
      expect(pages).toHaveLength(2);
      const [text, second] = pages;
      for (const expected of [
        'Élodie',
        'Lefèvre',
        'Coopérative d’Œuvres',
        'EXPOSANT · STAND B12',
        'Théo',
        'Ménard',
        'Mairie de Sète',
        'VISITEUR PROFESSIONNEL',
        'Zoé',
        'Œillet',
        'GRAND PUBLIC',
        'Léa',
        'Maraîchers du Lodévois',
        badgeOf.get(theo.participantId)!,
      ]) {
        expect(text).toContain(expected);
      }
      expect(text).toContain('page 1 / 2');
      expect(second).toMatch(/Xavier[\s\S]*Yılmaz/);
      expect(pages.join('\n')).not.toContain('Stéphane');
      // In French alphabetical order of last names: Collègue, Lefèvre, Ménard, Œillet, Pagès…
      const order = ['Collègue', 'Lefèvre', 'Ménard', 'Œillet', 'Pagès', 'Sansrendezvous', 'Vidal'];
      const at = order.map((name) => text.indexOf(name));
      expect(at).toEqual([...at].sort((a, b) => a - b));
      const codes = await reader.qrCodes(1, badgeCells());
      expect(codes).toHaveLength(8);
      for (const who of [stand, otherStand, theo, zoe, idle, colleague]) {
        expect(codes).toContain(badgeOf.get(who.participantId));
      }
      await expect(reader.qrCodes(2, badgeCells())).resolves.toHaveLength(2);
      await reader.close();
    });

    it('prints a selection, or one kind', async () => {
      const selection = await pdf(
        s.organizerToken,
        `${base()}/badges.pdf?participantIds=${zoe.participantId},${theo.participantId}`,
      );
      const text = await selection.reader.text();
      expect(text).toContain('Zoé');
      expect(text).toContain('Théo');
      expect(text).not.toContain('Élodie');
      // Each visitor's badge says whether the stands may keep their contacts, as they chose.
      expect(text.match(/Les exposants peuvent scanner ce badge\./g)).toHaveLength(1);
      expect(text.match(/Ce badge ne transmet pas de coordonnées aux exposants\./g)).toHaveLength(
        1,
      );
      await selection.reader.close();
      const exhibitors = await pdf(s.organizerToken, `${base()}/badges.pdf?kind=exhibitor`);
      const theirs = await exhibitors.reader.text();
      expect(theirs).toContain('Élodie');
      expect(theirs).not.toContain('Théo');
      expect(theirs).not.toMatch(/scanner ce badge|transmet pas/);
      await exhibitors.reader.close();
    });

    it('is for organizers only, and says what is wrong with a selection', async () => {
      const visitor = await as(s.http, theo.token).get(`${base()}/badges.pdf`);
      expect(visitor.status).toBe(403);
      expect(visitor.body.code).toBe('auth/wrong_role');
      const exhibitor = await as(s.http, stand.token).get(`${base()}/badges.pdf`);
      expect(exhibitor.status).toBe(403);

      const malformed = await as(s.http, s.organizerToken).get(
        `${base()}/badges.pdf?participantIds=${theo.participantId},nope`,
      );
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors).toEqual([
        expect.objectContaining({ field: 'participantIds', code: 'validation/uuid' }),
      ]);
      const empty = await as(s.http, s.organizerToken).get(`${base()}/badges.pdf?participantIds=`);
      expect(empty.status).toBe(400);
      expect(empty.body.errors[0]).toMatchObject({
        field: 'participantIds',
        code: 'validation/too_few',
      });
      const elsewhere = await as(s.http, s.organizerToken).get(
        `${base()}/badges.pdf?participantIds=${stranger.participantId}`,
      );
      expect(elsewhere.status).toBe(400);
      expect(elsewhere.body.errors).toEqual([
        expect.objectContaining({ field: 'participantIds', code: 'print/unknown_participant' }),
      ]);
      const kind = await as(s.http, s.organizerToken).get(`${base()}/badges.pdf?kind=staff`);
      expect(kind.status).toBe(400);
      expect(kind.body.errors[0]).toMatchObject({ field: 'kind', code: 'validation/one_of' });
    });
  });

  describe('the table plan', () => {
    it('prints one slot: each table with the two people meeting there, free ones too', async () => {
      const slot = edition.slots[1];
      const { res, reader } = await pdf(s.organizerToken, `${base()}/tables.pdf?slotId=${slot.id}`);
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="plan-des-tables-2027-03-16-09h30.pdf"',
      );
      const pages = await reader.pages();
      expect(pages).toHaveLength(1);
      const text = pages[0];
      expect(text).toContain('Plan des tables — Coventis 2027');
      expect(text).toContain('mardi 16 mars 2027, 09:30–10:00');
      expect(text).toContain('1 rendez-vous · 2 tables libres');
      expect(text).toMatch(
        /Table 1\s+Théo Ménard\s+Mairie de Sète\s+Élodie Lefèvre\s+Coopérative d’Œuvres/,
      );
      expect(text).toMatch(/Table 2\s+libre/);
      expect(text).toMatch(/Table 3\s+libre/);
      await reader.close();
    });

    it('prints every slot of a day, one from a new page', async () => {
      const { reader } = await pdf(s.organizerToken, `${base()}/tables.pdf?date=2027-03-16`);
      const pages = await reader.pages();
      // 09:00 to 11:00 in slots of 30 minutes.
      expect(pages).toHaveLength(4);
      expect(pages[0]).toContain('mardi 16 mars 2027, 09:00–09:30');
      expect(pages[0]).toContain('0 rendez-vous · 3 tables libres');
      expect(pages[2]).toContain('mardi 16 mars 2027, 10:00–10:30');
      expect(pages[2]).toMatch(
        /Table 1\s+Hervé Pagès\s+Maraîchers du Lodévois\s+Théo Ménard\s+Mairie de Sète/,
      );
      await reader.close();
    });

    it('is for organizers only, for one slot or one day of the edition', async () => {
      const visitor = await as(s.http, theo.token).get(`${base()}/tables.pdf?date=2027-03-16`);
      expect(visitor.status).toBe(403);
      const cases: [string, string, string][] = [
        ['', 'slotId', 'print/slot_or_date'],
        [`slotId=${edition.slots[0].id}&date=2027-03-16`, 'slotId', 'print/slot_or_date'],
        ['date=2027-03-20', 'date', 'print/unknown_date'],
        ['date=16/03/2027', 'date', 'validation/date'],
        ['slotId=00000000-0000-4000-8000-000000000000', 'slotId', 'print/unknown_slot'],
        ['slotId=abc', 'slotId', 'validation/uuid'],
      ];
      for (const [query, field, code] of cases) {
        const res = await as(s.http, s.organizerToken).get(`${base()}/tables.pdf?${query}`);
        expect({ query, status: res.status, errors: res.body.errors }).toEqual({
          query,
          status: 400,
          errors: [expect.objectContaining({ field, code })],
        });
      }
    });
  });

  describe('every agenda, for the welcome desk', () => {
    it('prints everybody who has a meeting, each from a new page, by name', async () => {
      const { res, reader } = await pdf(s.organizerToken, `${base()}/agendas.pdf`);
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="agendas-coventis-2027.pdf"',
      );
      const pages = await reader.pages();
      // Lefèvre, Ménard, Œillet, Pagès: Ingrid and Léa have no meeting.
      expect(pages).toHaveLength(4);
      expect(pages[0]).toMatch(/Élodie Lefèvre\s+Coopérative d’Œuvres/);
      expect(pages[1]).toMatch(/Théo Ménard\s+Mairie de Sète/);
      expect(pages[2]).toContain('Zoé Œillet');
      expect(pages[3]).toContain('Hervé Pagès');
      expect(pages.join('\n')).not.toContain('Sansrendezvous');
      for (const [page, who] of [stand, theo, zoe, otherStand].entries()) {
        await expect(reader.qrCodes(page + 1, [HEADER])).resolves.toEqual([
          badgeOf.get(who.participantId),
        ]);
      }
      await reader.close();
    });

    it('prints a selection, meetings or not; organizers only', async () => {
      const { reader } = await pdf(
        s.organizerToken,
        `${base()}/agendas.pdf?participantIds=${idle.participantId},${theo.participantId}`,
      );
      const pages = await reader.pages();
      expect(pages).toHaveLength(2);
      expect(pages[0]).toContain('Théo Ménard');
      expect(pages[1]).toContain('Ingrid Sansrendezvous');
      expect(pages[1]).toContain('Aucun rendez-vous programmé');
      await reader.close();
      const visitors = await pdf(s.organizerToken, `${base()}/agendas.pdf?kind=visitor`);
      const theirs = await visitors.reader.pages();
      expect(theirs).toHaveLength(2);
      expect(theirs[0]).toContain('Théo Ménard');
      expect(theirs[1]).toContain('Zoé Œillet');
      await visitors.reader.close();
      const visitor = await as(s.http, theo.token).get(`${base()}/agendas.pdf`);
      expect(visitor.status).toBe(403);
      expect(visitor.body.code).toBe('auth/wrong_role');
    });
  });
});
