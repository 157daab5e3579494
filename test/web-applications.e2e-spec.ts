import type { Browser, Page } from 'playwright-core';
import * as errors from '../web/src/locales/errors.js';
import { BrowserPages, launchChromium, screenshot } from './support/browser.js';
import { ORGANIZER, PASSWORD } from './support/app.js';
import { TestSession, type EditionInfo, type ExhibitorInfo } from './support/session.js';

/**
 * Exhibitor applications in Debian's Chromium against the real server: a structure applies from the
 * web, the organizer decides from the panel, the catalogue shows the approved one only.
 */
const LONG = 90_000;

describe('exhibitor applications in a real browser', () => {
  let s: TestSession;
  let browser: Browser;
  let edition: EditionInfo;
  let returning: ExhibitorInfo;
  const pages = new BrowserPages(
    () => browser,
    () => s.testApp.url,
  );

  beforeAll(async () => {
    s = await TestSession.start();
    browser = await launchChromium();
    // The web app shows the next edition: 2027. Le Lazaret exhibited at another one (2029).
    edition = await s.createEdition({ name: 'Coventis 2027' });
    const later = await s.createEdition({
      name: 'Coventis 2029',
      days: [{ date: '2029-05-16', start: '09:00', end: '12:00' }],
    });
    returning = await s.onboardExhibitor(later.id, {
      organization: {
        name: 'Le Lazaret',
        legalForm: 'association',
        sectors: ['tourisme'],
        city: 'Sète',
        offers: ['Séjours pour groupes'],
        needs: ['Produits régionaux'],
      },
      contact: { firstName: 'Luc', lastName: 'Directeur' },
    });
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  afterEach(() => {
    expect(pages.errors.splice(0)).toEqual([]);
  });

  async function open(path: string, language?: 'en'): Promise<Page> {
    const page = await pages.open({ path, language });
    await pages.waitFor(page, page.getByRole('heading', { level: 1 }));
    return page;
  }

  const logIn = (page: Page, email: string, password: string, next: string) =>
    pages.logIn(page, email, password, next);

  const catalogueNames = async () => {
    const res = await s.http.get(`/api/editions/${edition.id}/exhibitors?limit=100`);
    return (res.body as { items: { organization: { name: string } }[] }).items.map(
      (e) => e.organization.name,
    );
  };

  /** The error shown under a field of the form, by the field's name. */
  const errorOf = (page: Page, name: string) => page.locator(`#field-${name}-error`);

  it(
    'a structure applies in French, the organizer approves it, and it joins the catalogue',
    async () => {
      const page = await open('/');
      await page.getByRole('link', { name: 'Exposer au salon' }).click();
      await page.getByRole('heading', { name: 'Exposer au salon' }).waitFor();
      await page.getByLabel('Nom de la structure').fill('La Table de Cana');
      await page.getByLabel('Forme juridique').selectOption('entreprise_insertion');
      await page.getByLabel('Ville').fill('Montpellier');
      await page.getByLabel('Département').fill('34');
      const sectors = page.getByRole('group', { name: 'Filières' });
      await sectors.getByLabel('Restauration', { exact: true }).check();
      await sectors.getByLabel('Insertion', { exact: true }).check();
      await page.getByLabel('Présentation').fill('Traiteur d’insertion à Montpellier.');
      await page.getByLabel('Ce que vous proposez').fill('Buffets\nPlateaux-repas');
      await page.getByLabel('Ce que vous recherchez').fill('Produits locaux');
      await page.getByLabel('Souhaits pour le stand').fill('Près de l’espace repas');
      await page.getByLabel('Prénom').fill('Awa');
      await page.getByLabel('Nom', { exact: true }).fill('Traiteur');
      await page.getByLabel('Adresse e-mail').fill('awa@cana.example');
      await page.getByLabel('Mot de passe').fill(PASSWORD);
      await screenshot(page, 'apply');
      await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();

      await page.waitForURL((url) => url.pathname === '/application');
      await page.getByRole('heading', { name: 'Ma candidature' }).waitFor();
      await page.getByText('En attente d’examen').waitFor();
      await expect(catalogueNames()).resolves.not.toContain('La Table de Cana');
      // Logged in with the account the application opened: the header offers to log out.
      await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();

      const organizer = await open('/');
      await logIn(organizer, ORGANIZER.email, ORGANIZER.password, '/dashboard');
      await organizer
        .getByRole('link', { name: 'Candidatures des exposants : 1 en attente' })
        .click();
      await organizer.getByRole('heading', { name: 'Candidatures des exposants' }).waitFor();
      const card = organizer.getByRole('listitem').filter({
        has: organizer.getByRole('heading', { name: 'La Table de Cana' }),
      });
      await card.getByText('Près de l’espace repas').waitFor();
      await card.getByText('awa@cana.example').waitFor();
      await card.getByLabel('Stand attribué').fill('E05');
      await screenshot(organizer, 'applications-panel');
      await card.getByRole('button', { name: 'Accepter' }).click();
      await organizer.getByText('Aucune candidature.').waitFor();
      await organizer.getByLabel('Statut').selectOption('approved');
      await organizer.getByRole('heading', { name: 'La Table de Cana' }).waitFor();
      await organizer.getByText('Stand E05').waitFor();

      await expect(catalogueNames()).resolves.toContain('La Table de Cana');
      await page.reload();
      await page.getByText('Acceptée').waitFor();
      await page.getByText('Votre stand : E05').waitFor();
      await page.getByRole('link', { name: 'Voir sa fiche au catalogue' }).click();
      await page.getByRole('heading', { name: 'La Table de Cana' }).waitFor();
      await page.getByText('Plateaux-repas').waitFor();
      await page.context().close();
      await organizer.context().close();
    },
    LONG,
  );

  it(
    'the organizer refuses with a note, required, and the applicant reads it',
    async () => {
      const body = {
        organization: {
          name: 'Atelier du Refus',
          legalForm: 'scop',
          sectors: ['bâtiment'],
          department: '30',
          city: 'Nîmes',
        },
        contact: {
          firstName: 'Jean',
          lastName: 'Menuisier',
          email: 'jean@refus.example',
          password: PASSWORD,
        },
      };
      const applied = await s.http.post(`/api/editions/${edition.id}/applications`).send(body);
      expect(applied.status).toBe(201);

      const organizer = await open('/');
      await logIn(organizer, ORGANIZER.email, ORGANIZER.password, '/applications');
      const card = organizer.getByRole('listitem').filter({
        has: organizer.getByRole('heading', { name: 'Atelier du Refus' }),
      });
      await card.getByRole('button', { name: 'Refuser' }).click();
      // No note: told in French under the note field, and nothing decided.
      await card.locator('.field .error', { hasText: 'Ce champ est obligatoire.' }).waitFor();
      await expect(
        card.getByLabel('Message pour la structure').getAttribute('aria-invalid'),
      ).resolves.toBe('true');
      await card
        .getByLabel('Message pour la structure')
        .fill('Le salon est complet en menuiserie cette année.');
      await card.getByRole('button', { name: 'Refuser' }).click();
      await organizer.getByRole('heading', { name: 'Atelier du Refus' }).waitFor({
        state: 'detached',
      });

      // Logging in with no stand yet lands on the application, not on an empty inbox.
      const page = await open('/login');
      await page.getByLabel('Adresse e-mail').fill('jean@refus.example');
      await page.getByLabel('Mot de passe').fill(PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL((url) => url.pathname === '/application');
      await page.getByText('Refusée').waitFor();
      await page.getByText('Le salon est complet en menuiserie cette année.').waitFor();
      await expect(catalogueNames()).resolves.not.toContain('Atelier du Refus');
      await page.context().close();
      await organizer.context().close();
    },
    LONG,
  );

  it(
    'a structure that exhibited before applies with its profile prefilled',
    async () => {
      const page = await open('/');
      await logIn(page, returning.email, PASSWORD, '/apply');
      await page.getByText('Vous candidatez avec le profil de Le Lazaret').waitFor();
      const name = page.getByLabel('Nom de la structure');
      await expect(name.inputValue()).resolves.toBe('Le Lazaret');
      await expect(page.getByLabel('Ce que vous proposez').inputValue()).resolves.toBe(
        'Séjours pour groupes',
      );
      await expect(page.getByLabel('Prénom').inputValue()).resolves.toBe('Luc');
      // An account of its own already: no password asked.
      await expect(page.getByLabel('Mot de passe').count()).resolves.toBe(0);
      await page.getByLabel('Ce que vous recherchez').fill('Produits régionaux\nLégumes bio');
      await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();
      await page.getByText('En attente d’examen').waitFor();
      const profile = await s.http.get(`/api/organizations/${returning.organizationId}`);
      expect(profile.body.needs).toEqual(['Produits régionaux', 'Légumes bio']);
      // Applying again shows the pending application instead of the form.
      await page.goto('/apply');
      await page.getByText('Votre candidature à cette édition est en cours d’examen.').waitFor();
      await page.context().close();
    },
    LONG,
  );

  it(
    'submitting the form empty shows French messages beside the fields, never the API’s English',
    async () => {
      const page = await open('/apply');
      await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();
      const fr = errors.fr;
      await errorOf(page, 'organization-name').getByText(fr['validation/too_short_one']).waitFor();
      await errorOf(page, 'organization-legalForm').getByText(fr['validation/one_of']).waitFor();
      await errorOf(page, 'organization-city').getByText(fr['validation/too_short_one']).waitFor();
      await errorOf(page, 'organization-department')
        .getByText(fr['validation/department'])
        .waitFor();
      await errorOf(page, 'organization-sectors').getByText(fr['validation/too_few_one']).waitFor();
      await errorOf(page, 'contact-firstName').getByText(fr['validation/too_short_one']).waitFor();
      await errorOf(page, 'contact-email').getByText(fr['validation/email']).waitFor();
      await errorOf(page, 'contact-password')
        .getByText(fr['validation/too_short_other'].replace('{{count}}', '8'))
        .waitFor();
      await expect(
        page.getByLabel('Nom de la structure').getAttribute('aria-invalid'),
      ).resolves.toBe('true');
      const shown = (await page.locator('main').textContent()) ?? '';
      expect(shown).not.toMatch(/must (be|not)|should|organization\.\w|contact\.\w|Bad Request/);
      await screenshot(page, 'apply-errors');

      // A refusal that names no field of the form is told above the button, in French.
      await page.getByLabel('Nom de la structure').fill('Le Lazaret');
      await page.getByLabel('Forme juridique').selectOption('association');
      await page.getByLabel('Ville').fill('Sète');
      await page.getByLabel('Département').fill('34');
      await page
        .getByRole('group', { name: 'Filières' })
        .getByLabel('Tourisme', { exact: true })
        .check();
      await page.getByLabel('Prénom').fill('Usurpateur');
      await page.getByLabel('Nom', { exact: true }).fill('Inconnu');
      await page.getByLabel('Adresse e-mail').fill('autre@lazaret.example');
      await page.getByLabel('Mot de passe').fill(PASSWORD);
      await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();
      await page
        .getByRole('alert')
        .getByText(
          'Une structure de ce nom expose déjà avec son propre compte : connectez-vous avec ce compte pour candidater.',
        )
        .waitFor();
      await page.context().close();
    },
    LONG,
  );

  it(
    'in English: the page, and the messages beside the fields',
    async () => {
      const page = await open('/', 'en');
      await page.getByRole('link', { name: 'Exhibit', exact: true }).click();
      await page.getByRole('heading', { name: 'Exhibit at the convention' }).waitFor();
      await page.getByRole('button', { name: 'Send my application' }).click();
      const en = errors.en;
      await errorOf(page, 'organization-name').getByText(en['validation/too_short_one']).waitFor();
      await errorOf(page, 'organization-legalForm').getByText(en['validation/one_of']).waitFor();
      await errorOf(page, 'contact-email').getByText(en['validation/email']).waitFor();
      const shown = (await page.locator('main').textContent()) ?? '';
      expect(shown).not.toMatch(/must (be|not)|organization\.\w|contact\.\w/);
      await page.getByLabel('Phone').fill('call me');
      await page.getByRole('button', { name: 'Send my application' }).click();
      await errorOf(page, 'contact-phone')
        .getByText('Enter a phone number, for instance +33 4 67 00 00 00.')
        .waitFor();
      await screenshot(page, 'apply-en');
      await page.context().close();
    },
    LONG,
  );
});
