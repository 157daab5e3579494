import type { Browser } from 'playwright-core';
import { ORGANIZER, PASSWORD } from './support/app.js';
import { BrowserPages, launchChromium, screenshot } from './support/browser.js';
import {
  as,
  liveEditionBody,
  TestSession,
  type EditionInfo,
  type ExhibitorInfo,
  type VisitorInfo,
} from './support/session.js';

/**
 * A party's agenda on the day, in Debian's Chromium: a meeting whose slot has begun is said to have
 * taken place from the agenda, which then labels it; one to come moves to another slot both have
 * free; the place shows alone ("Table 2", never with a stand beside it).
 */
const LONG = 90_000;

describe('the agenda on the day, in a real browser', () => {
  let s: TestSession;
  let browser: Browser;
  let edition: EditionInfo & { timezone: string; slots: { id: string; startsAt: string }[] };
  let stand: ExhibitorInfo;
  let visitor: VisitorInfo;
  const pages = new BrowserPages(
    () => browser,
    () => s.testApp.url,
  );

  // A request from the visitor, accepted by the stand at `slotId`.
  const meet = async (slotId: string) => {
    const req = await as(s.http, visitor.token).post(`/api/editions/${edition.id}/meetings`, {
      toParticipantId: stand.participantId,
    });
    expect(req.status).toBe(201);
    const ok = await as(s.http, stand.token).post(`/api/meetings/${req.body.id}/accept`, {
      slotId,
    });
    expect(ok.status).toBe(200);
    return req.body.id as string;
  };

  beforeAll(async () => {
    s = await TestSession.start();
    browser = await launchChromium();
    // Slots of 30 minutes from 10 minutes ago: the first has begun, the three others are to come.
    edition = (await as(s.http, s.organizerToken).post('/api/editions', liveEditionBody())).body;
    stand = await s.onboardExhibitor(edition.id, {
      organization: {
        name: 'Maraîchers du Lodévois',
        legalForm: 'scic',
        city: 'Lodève',
        sectors: ['alimentation'],
        department: '34',
      },
      stand: 'B10',
    });
    visitor = await s.registerVisitor(edition.id, { firstName: 'Hélène', lastName: 'Acheteuse' });
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  afterEach(() => {
    expect(pages.errors.splice(0)).toEqual([]);
  });

  it(
    'says from the agenda that a begun meeting took place, and labels it',
    async () => {
      const id = await meet(edition.slots[0].id);
      const page = await pages.open();
      await pages.logIn(page, visitor.email, PASSWORD, '/agenda');
      const meeting = page.locator('li.meeting[data-status="scheduled"]');
      await pages.waitFor(page, meeting);
      // The table alone: the stand's label would send the visitor to the wrong place.
      await expect(meeting.locator('.meta').innerText()).resolves.toMatch(/^Table \d+$/);
      await expect(
        meeting.getByRole('button', { name: 'Changer de créneau' }).count(),
      ).resolves.toBe(0);
      await meeting.getByRole('button', { name: 'Le rendez-vous a eu lieu' }).click();
      const held = page.locator('li.meeting[data-status="held"]');
      await pages.waitFor(page, held.locator('.tag-held', { hasText: 'a eu lieu' }));
      const stored = await as(s.http, s.organizerToken).get(`/api/meetings/${id}`);
      expect(stored.body.status).toBe('held');
      await screenshot(page, 'agenda-held');
      await page.context().close();
    },
    LONG,
  );

  it(
    'moves a meeting to come to another slot free for both',
    async () => {
      const id = await meet(edition.slots[1].id);
      const page = await pages.open();
      await pages.logIn(page, visitor.email, PASSWORD, '/agenda');
      const meeting = page.locator('li.meeting[data-status="scheduled"]');
      await pages.waitFor(page, meeting);
      await expect(
        meeting.getByRole('button', { name: 'Le rendez-vous a eu lieu' }).count(),
      ).resolves.toBe(0);
      await meeting.getByRole('button', { name: 'Changer de créneau' }).click();
      const picker = meeting.getByLabel('Nouveau créneau, libre pour vous deux');
      await pages.waitFor(page, picker);
      await picker.selectOption(edition.slots[3].id);
      await meeting.getByRole('button', { name: 'Déplacer le rendez-vous' }).click();
      // The agenda shows the new time, in the edition's zone; the server has it.
      const time = new Intl.DateTimeFormat('fr', {
        hour: '2-digit',
        minute: '2-digit',
        timeZone: edition.timezone,
      }).format(new Date(edition.slots[3].startsAt));
      await pages.waitFor(page, meeting.locator('.time', { hasText: new RegExp(`^${time}`) }));
      const stored = await as(s.http, s.organizerToken).get(`/api/meetings/${id}`);
      expect(stored.body.slot.id).toBe(edition.slots[3].id);
      await page.context().close();
    },
    LONG,
  );

  it(
    'prints the agenda as a list of meetings, without its buttons, forms and checkboxes',
    async () => {
      // A visitor of their own: the other tests keep the first one's meeting with the stand open.
      const reader = await s.registerVisitor(edition.id, { firstName: 'Imprimé' });
      const req = await as(s.http, reader.token)
        .post(`/api/editions/${edition.id}/meetings`, { toParticipantId: stand.participantId })
        .expect(201);
      await as(s.http, stand.token)
        .post(`/api/meetings/${req.body.id}/accept`, { slotId: edition.slots[2].id })
        .expect(200);
      const page = await pages.open();
      await pages.logIn(page, reader.email, PASSWORD, '/agenda');
      const meeting = page.locator('li.meeting[data-status="scheduled"]').first();
      await pages.waitFor(page, meeting);
      // On screen: the actions and the availability grid (loaded after the agenda) are there.
      await pages.waitFor(page, page.locator('input[type="checkbox"]').first());
      expect(await page.locator('button:visible').count()).toBeGreaterThan(0);
      expect(await page.locator('input[type="checkbox"]:visible').count()).toBeGreaterThan(0);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('button:visible, a.button:visible').count()).toBe(0);
      expect(await page.locator('input[type="checkbox"]:visible').count()).toBe(0);
      expect(await page.locator('header:visible, nav:visible, form:visible').count()).toBe(0);
      // What is printed is the meetings: time, partner and table.
      await expect(meeting.isVisible()).resolves.toBe(true);
      await expect(meeting.locator('.meta').innerText()).resolves.toMatch(/^Table \d+$/);
      await screenshot(page, 'agenda-print');
      await page.context().close();
    },
    LONG,
  );

  it(
    'turns a kind of mail off and on from the agenda, and says so',
    async () => {
      const reader = await s.registerVisitor(edition.id, { firstName: 'Courriel' });
      const page = await pages.open();
      await pages.logIn(page, reader.email, PASSWORD, '/agenda');
      const reminder = page.getByLabel('un rappel avant chaque rendez-vous');
      await pages.waitFor(page, reminder);
      await expect(reminder.isChecked()).resolves.toBe(true);
      await reminder.uncheck();
      await pages.waitFor(
        page,
        page.getByRole('status').filter({
          hasText: 'Vous ne recevrez plus : un rappel avant chaque rendez-vous.',
        }),
      );
      const prefs = await as(s.http, reader.token).get('/api/mail/preferences').expect(200);
      expect(prefs.body).toEqual({ off: ['meeting.reminder'] });
      // Read again from the server, the box stays as it was left.
      await page.reload();
      await pages.waitFor(page, reminder);
      await expect(reminder.isChecked()).resolves.toBe(false);
      await reminder.check();
      await pages.waitFor(
        page,
        page.getByRole('status').filter({ hasText: 'Vous recevrez de nouveau' }),
      );
      expect((await as(s.http, reader.token).get('/api/mail/preferences')).body).toEqual({
        off: [],
      });
      await page.context().close();
    },
    LONG,
  );

  it(
    'opens the convention form from the mail saying an agreement was reached, after logging in',
    async () => {
      const farm = await s.onboardExhibitor(edition.id, {
        organization: {
          name: 'Ferme de Cantagrils',
          legalForm: 'scop',
          city: 'Saint-Martin-de-Londres',
          sectors: ['alimentation'],
          department: '34',
        },
        stand: 'C3',
      });
      const village = await s.registerVisitor(edition.id, { firstName: 'Lucie' });
      const req = await as(s.http, village.token)
        .post(`/api/editions/${edition.id}/meetings`, { toParticipantId: farm.participantId })
        .expect(201);
      const id = (req.body as { id: string }).id;
      await as(s.http, farm.token)
        .post(`/api/meetings/${id}/accept`, { slotId: edition.slots[0].id })
        .expect(200);
      for (const [stage, answer] of [
        ['first', 'cooperation_possible'],
        ['second', 'agreement_reached'],
      ]) {
        await as(s.http, farm.token)
          .post(`/api/meetings/${id}/feedback`, { stage, answer })
          .expect(200);
      }
      // The link of the mail, followed by somebody not logged in on this browser.
      const page = await pages.open();
      await page.goto(`/agenda?declare=${id}`);
      await page.getByRole('link', { name: 'Connectez-vous pour voir cette page.' }).click();
      await pages.waitFor(page, page.getByLabel('Adresse e-mail'));
      await page.getByLabel('Adresse e-mail').fill(farm.email);
      await page.getByLabel('Mot de passe').fill(PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL((url) => url.pathname === '/agenda' && url.search === `?declare=${id}`);
      // The form is open, its title suggested and in focus: the roles are left to fill.
      const title = page.getByLabel('Intitulé de la convention');
      await pages.waitFor(page, title);
      await expect(title.inputValue()).resolves.toBe('Accord avec Mairie de Lunel');
      await expect(title.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await page.getByLabel('Rôle de mon organisation').fill('fournisseur');
      await page.getByLabel('Rôle de Mairie de Lunel').fill('acheteur');
      await page.getByRole('button', { name: 'Déclarer la convention' }).click();
      await pages.waitFor(page, page.getByRole('status').filter({ hasText: 'Accord avec' }));
      const conventions = await as(s.http, s.organizerToken)
        .get(`/api/conventions?editionId=${edition.id}`)
        .expect(200);
      expect(conventions.body).toEqual([
        expect.objectContaining({ title: 'Accord avec Mairie de Lunel' }),
      ]);
      await page.context().close();

      // The organizer's dashboard counts the answers, and shows how the mail went.
      const desk = await pages.open();
      await pages.logIn(desk, ORGANIZER.email, ORGANIZER.password, '/dashboard');
      const answers = (stage: string, answer: string) =>
        desk.locator(`[data-feedback="${stage}"] [data-answer="${answer}"] dd`);
      await pages.waitFor(
        desk,
        answers('first', 'cooperation_possible').filter({ hasText: /^1$/ }),
      );
      await expect(answers('second', 'agreement_reached').innerText()).resolves.toBe('1');
      await expect(answers('first', 'not_relevant').innerText()).resolves.toBe('0');
      // Once the confirmations have all gone (to the mail folder: no SMTP server here).
      const confirmations = async () =>
        (
          (await as(s.http, s.organizerToken).get(`/api/editions/${edition.id}/mail/figures`))
            .body as { kinds: { kind: string; sent: number; pending: number }[] }
        ).kinds.find((k) => k.kind === 'registration.confirmed')!;
      let confirmed = await confirmations();
      for (let wait = 0; wait < 300 && confirmed.pending > 0; wait++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        confirmed = await confirmations();
      }
      expect(confirmed).toMatchObject({ pending: 0 });
      // Hélène and Lucie at least.
      expect(confirmed.sent).toBeGreaterThanOrEqual(2);
      await desk.getByRole('button', { name: 'Actualiser' }).click();
      const row = desk.locator('tr[data-kind="registration.confirmed"]');
      await expect(row.locator('th').innerText()).resolves.toBe('Confirmation d’inscription');
      await pages.waitFor(
        desk,
        row.locator('[data-column="sent"]', { hasText: new RegExp(`^${confirmed.sent}$`) }),
      );
      await screenshot(desk, 'dashboard-follow-up');
      await desk.context().close();
    },
    LONG,
  );
});
