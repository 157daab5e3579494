import type { Browser, Locator, Page } from 'playwright-core';
import { PASSWORD } from './support/app.js';
import { BrowserPages, launchChromium, screenshot } from './support/browser.js';
import { as, TestSession, type EditionInfo, type ExhibitorInfo } from './support/session.js';

/**
 * An exhibitor's team in Debian's Chromium: the contact invites a colleague, who joins from the link
 * in another browser; the contact accepts a visitor's request for the colleague, whose agenda shows
 * it; then, in English, the colleague hands it back.
 */
const LONG = 90_000;

describe('exhibitor teams in a real browser', () => {
  let s: TestSession;
  let browser: Browser;
  let edition: EditionInfo;
  let stand: ExhibitorInfo;
  const pages = new BrowserPages(
    () => browser,
    () => s.testApp.url,
  );
  const colleagueEmail = `lea.collegue-${Date.now()}@test.example`;
  let joinPath = '';
  let contactPage: Page;
  let colleaguePage: Page;

  beforeAll(async () => {
    s = await TestSession.start();
    browser = await launchChromium();
    edition = await s.createEdition({ name: 'Coventis équipes' });
    stand = await s.onboardExhibitor(edition.id, {
      organization: { name: 'Ferme coopérative des Garrigues', legalForm: 'scic' },
      contact: { firstName: 'Marie', lastName: 'Exposante' },
      stand: 'B07',
    });
    const visitor = await s.registerVisitor(edition.id, {
      firstName: 'Hélène',
      lastName: 'Acheteuse',
      organizationName: 'Village vacances Le Lazaret',
    });
    const res = await as(s.http, visitor.token).post(`/api/editions/${edition.id}/meetings`, {
      toParticipantId: stand.participantId,
      message: 'Bonjour, parlons de légumes en circuit court.',
    });
    expect(res.status).toBe(201);
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  afterEach(() => {
    expect(pages.errors.splice(0)).toEqual([]);
  });

  const open = (language: 'fr' | 'en' = 'fr') => pages.open({ language });

  /** The page's heading once it shows; if it never does, the failure says what the page shows. */
  async function heading(page: Page): Promise<Locator> {
    const title = page.getByRole('heading', { level: 1 });
    await pages.waitFor(page, title);
    return title;
  }

  it(
    'lets the contact invite a colleague and shows the link to copy',
    async () => {
      contactPage = await open();
      await contactPage.goto('/login?next=%2Fteam');
      await contactPage.getByLabel('Adresse e-mail', { exact: true }).fill(stand.email);
      await contactPage.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
      await contactPage.getByRole('button', { name: 'Se connecter' }).click();
      await contactPage.waitForURL((url) => url.pathname === '/team');
      expect(await (await heading(contactPage)).textContent()).toBe('Mon équipe');
      await contactPage.getByText('Ferme coopérative des Garrigues — stand B07').waitFor();
      await contactPage.getByRole('listitem', { name: 'Marie Exposante' }).waitFor();

      await contactPage.getByLabel('Adresse e-mail du collègue').fill(colleagueEmail);
      await contactPage.getByLabel('Prénom (facultatif)', { exact: true }).fill('Léa');
      await contactPage.getByLabel('Nom (facultatif)', { exact: true }).fill('Collègue');
      await contactPage.getByRole('button', { name: 'Créer le lien d’invitation' }).click();
      const link = contactPage.getByLabel(`Lien d’invitation pour ${colleagueEmail}`);
      await link.waitFor();
      const url = new URL(await link.inputValue());
      expect(url.origin).toBe(s.testApp.url.replace(/\/$/, ''));
      expect(url.pathname).toMatch(/^\/join\/[\w-]{43}$/);
      joinPath = url.pathname;
      await contactPage.getByText('Invitations en attente (1)').waitFor();
      await screenshot(contactPage, 'team-invite');
    },
    LONG,
  );

  it(
    'lets the colleague join from the link in another browser, and see the stand’s request',
    async () => {
      colleaguePage = await open();
      await colleaguePage.goto(joinPath);
      expect(await (await heading(colleaguePage)).textContent()).toBe(
        'Rejoindre l’équipe de Ferme coopérative des Garrigues',
      );
      expect(await colleaguePage.getByLabel('Prénom', { exact: true }).inputValue()).toBe('Léa');
      // Submitted without a password: the reason is told in French, beside the field.
      await colleaguePage.getByRole('button', { name: 'Rejoindre l’équipe' }).click();
      await colleaguePage.getByText('Ce champ est obligatoire.').waitFor();
      await colleaguePage.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
      await colleaguePage.getByRole('button', { name: 'Rejoindre l’équipe' }).click();
      await colleaguePage.waitForURL((url) => url.pathname === '/inbox');
      await colleaguePage.getByRole('listitem', { name: /Village vacances Le Lazaret/ }).waitFor();
      await colleaguePage.getByText('Demande adressée à Marie Exposante').waitFor();

      // The link served once.
      const again = await open();
      await again.goto(joinPath);
      await again.getByText('Ce lien d’invitation a déjà servi.').waitFor();
      await again.context().close();
    },
    LONG,
  );

  it(
    'accepts the request with the colleague as its holder; it lands in the colleague’s agenda',
    async () => {
      await contactPage.goto('/inbox');
      await heading(contactPage);
      const request = contactPage.getByRole('listitem', { name: /Village vacances Le Lazaret/ });
      await request.getByRole('button', { name: 'Accepter…' }).click();
      await request
        .getByLabel('Qui tient ce rendez-vous ?')
        .selectOption({ label: 'Léa Collègue' });
      const confirm = request.getByRole('button', { name: 'Confirmer le rendez-vous' });
      await confirm.waitFor();
      await request.getByLabel('Créneau du rendez-vous').waitFor();
      await screenshot(contactPage, 'team-accept-holder');
      await confirm.click();
      await contactPage.getByText('Aucune demande en attente.').waitFor();

      await colleaguePage.goto('/agenda');
      await heading(colleaguePage);
      await colleaguePage.getByText('1 rendez-vous confirmé').waitFor();
      await colleaguePage
        .locator('li.meeting[data-status="scheduled"]')
        .getByText('Village vacances Le Lazaret (Hélène Acheteuse)')
        .waitFor();
      await screenshot(colleaguePage, 'team-colleague-agenda');
    },
    LONG,
  );

  it(
    'in English, the colleague hands the meeting back to the contact',
    async () => {
      const english = await open('en');
      await english.goto('/login?next=%2Fagenda');
      await english.getByLabel(/mail/i).fill(colleagueEmail);
      await english.getByLabel(/password/i).fill(PASSWORD);
      await english.getByRole('button', { name: /log in/i }).click();
      await english.waitForURL((url) => url.pathname === '/agenda');
      expect(await (await heading(english)).textContent()).toBe('My agenda');
      await english.getByRole('button', { name: 'Change who holds it' }).click();
      await english.getByLabel('New holder').selectOption({ label: 'Marie Exposante' });
      await english.getByRole('button', { name: 'Hand over the meeting' }).click();
      await english
        .getByRole('button', { name: 'Change who holds it' })
        .waitFor({ state: 'detached' });
      await english.getByRole('link', { name: 'My team' }).click();
      expect(await (await heading(english)).textContent()).toBe('My team');
      await english.getByText('Members (2)').waitFor();
      await english.getByRole('button', { name: 'Leave the team' }).waitFor();
      await screenshot(english, 'team-en');

      await contactPage.goto('/agenda');
      await heading(contactPage);
      await contactPage.getByText('1 rendez-vous confirmé').waitFor();
      await english.context().close();
    },
    LONG,
  );
});
