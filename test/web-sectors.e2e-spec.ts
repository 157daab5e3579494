import type { Browser, Locator, Page } from 'playwright-core';
import * as errors from '../web/src/locales/errors.js';
import { ORGANIZER, PASSWORD } from './support/app.js';
import { BrowserPages, launchChromium, screenshot } from './support/browser.js';
import { TestSession, type EditionInfo, type ExhibitorInfo } from './support/session.js';

/**
 * The list of sectors in Debian's Chromium: the organizer adds and renames an entry, an exhibitor
 * ticks it in its profile, the catalogue's filter offers it; in English, the organizer merges one.
 */
const LONG = 90_000;

describe('sectors in a real browser', () => {
  let s: TestSession;
  let browser: Browser;
  let edition: EditionInfo;
  let exhibitor: ExhibitorInfo;
  const pages = new BrowserPages(
    () => browser,
    () => s.testApp.url,
  );

  beforeAll(async () => {
    s = await TestSession.start();
    browser = await launchChromium();
    edition = await s.createEdition({ name: 'Coventis filières' });
    exhibitor = await s.onboardExhibitor(edition.id, {
      organization: {
        name: 'Prud’homie des pêcheurs de Thau',
        legalForm: 'association',
        sectors: ['alimentation'],
      },
    });
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  afterEach(() => {
    expect(pages.errors.splice(0)).toEqual([]);
  });

  /** The page's heading once it shows; if it never does, the failure says what the page shows. */
  async function heading(page: Page, name: string): Promise<Locator> {
    const title = page.getByRole('heading', { level: 1, name });
    await pages.waitFor(page, title);
    return title;
  }

  const row = (page: Page, label: string) =>
    page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });

  it(
    'the organizer adds an entry and renames it, told in French',
    async () => {
      const page = await pages.open();
      await pages.logIn(page, ORGANIZER.email, ORGANIZER.password, '/dashboard');
      await page.getByRole('link', { name: 'Filières' }).click();
      await heading(page, 'Filières');
      await page.getByRole('rowheader', { name: 'Alimentation', exact: true }).waitFor();

      // An empty label: the API's code, told in French under the field.
      await page.getByRole('button', { name: 'Ajouter la filière' }).click();
      await page
        .locator('#field-label-error', { hasText: errors.fr['validation/too_short_one'] })
        .waitFor();
      await expect(page.getByLabel('Nom de la filière').getAttribute('aria-invalid')).resolves.toBe(
        'true',
      );
      expect(await page.locator('main').textContent()).not.toMatch(/must|label|Bad Request/);
      // A spelling another entry answers to.
      await page.getByLabel('Nom de la filière').fill('Agro-alimentaire');
      await page.getByRole('button', { name: 'Ajouter la filière' }).click();
      await page.locator('#field-label-error', { hasText: errors.fr['sector/exists'] }).waitFor();

      await page.getByLabel('Nom de la filière').fill('Pêche');
      await page.getByLabel('Autres écritures (facultatif)').fill('aquaculture, conchyliculture');
      await page.getByRole('button', { name: 'Ajouter la filière' }).click();
      await page.getByRole('status').getByText('Filière « Pêche » ajoutée.').waitFor();
      await row(page, 'Pêche').getByText('aquaculture, conchyliculture').waitFor();

      await page.getByRole('button', { name: 'Modifier « Pêche »' }).click();
      const form = page.getByRole('form', { name: 'Modifier « Pêche »' });
      await form.getByLabel('Nom de la filière').fill('Pêche et conchyliculture');
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      await page
        .getByRole('status')
        .getByText('Filière « Pêche et conchyliculture » enregistrée.')
        .waitFor();
      // The old label stays a spelling of the entry.
      await row(page, 'Pêche et conchyliculture')
        .getByText('aquaculture, conchyliculture, Pêche')
        .waitFor();

      // An entry in use cannot be deleted, and the page says why.
      const remove = page.getByRole('button', { name: 'Supprimer « Alimentation »' });
      await expect(remove.isDisabled()).resolves.toBe(true);
      await row(page, 'Alimentation')
        .getByText('Utilisée par 1 structure : fusionnez-la plutôt que de la supprimer.')
        .waitFor();
      await screenshot(page, 'sectors');
      await page.context().close();
    },
    LONG,
  );

  it(
    'an exhibitor ticks sectors in its profile, and the catalogue’s filter offers them',
    async () => {
      const page = await pages.open();
      await pages.logIn(page, exhibitor.email, PASSWORD, '/profile');
      await heading(page, 'Ma fiche exposant');
      const sectors = page.getByRole('group', { name: 'Filières' });
      await pages.waitFor(page, sectors.getByText('Cochez une ou plusieurs filières.'));
      await expect(sectors.getByLabel('Alimentation', { exact: true }).isChecked()).resolves.toBe(
        true,
      );
      await sectors.getByLabel('Pêche et conchyliculture', { exact: true }).check();
      await page.getByRole('button', { name: 'Enregistrer ma fiche' }).click();
      await page.getByText('Fiche enregistrée').waitFor();
      await screenshot(page, 'profile-sectors');

      await page.getByRole('link', { name: 'Catalogue' }).click();
      await heading(page, 'Catalogue des exposants');
      const filter = page.getByLabel('Filière', { exact: true });
      await filter
        .locator('option', { hasText: 'Pêche et conchyliculture' })
        .waitFor({ state: 'attached' });
      // Only the entries exhibitors of the edition have, besides "all".
      await expect(filter.locator('option').allTextContents()).resolves.toEqual([
        'Tous',
        'Alimentation',
        'Pêche et conchyliculture',
      ]);
      await filter.selectOption('Pêche et conchyliculture');
      await page.getByRole('link', { name: 'Prud’homie des pêcheurs de Thau' }).waitFor();
      await page.getByText('1 exposant', { exact: true }).waitFor();
      await page.context().close();
    },
    LONG,
  );

  it(
    'in English: the organizer merges one entry into another',
    async () => {
      const page = await pages.open();
      await pages.logIn(page, ORGANIZER.email, ORGANIZER.password, '/dashboard');
      await page.getByLabel('Langue').selectOption('en');
      await page.getByRole('link', { name: 'Sectors' }).click();
      await heading(page, 'Sectors');

      await page.getByRole('button', { name: 'Add the sector' }).click();
      await page
        .locator('#field-label-error', { hasText: errors.en['validation/too_short_one'] })
        .waitFor();

      await page
        .getByRole('button', { name: 'Merge "Pêche et conchyliculture" into another sector' })
        .click();
      const form = page.getByRole('form', {
        name: 'Merge "Pêche et conchyliculture" into another sector',
      });
      await form.getByLabel('Merge "Pêche et conchyliculture" into').selectOption({
        label: 'Alimentation',
      });
      await form
        .getByText(
          'Merge "Pêche et conchyliculture" into "Alimentation"? Its organization moves to "Alimentation", and its name and other spellings with it.',
        )
        .waitFor();
      await form.getByRole('button', { name: 'Confirm the merge' }).click();
      await page
        .getByRole('status')
        .getByText('"Pêche et conchyliculture" merged into "Alimentation".')
        .waitFor();
      await page.getByRole('rowheader', { name: 'Pêche et conchyliculture' }).waitFor({
        state: 'detached',
      });
      await row(page, 'Alimentation')
        .getByText(/Pêche et conchyliculture/)
        .waitFor();
      const profile = await s.http.get(`/api/organizations/${exhibitor.organizationId}`);
      expect(profile.body.sectors).toEqual(['Alimentation']);
      await page.context().close();
    },
    LONG,
  );
});
