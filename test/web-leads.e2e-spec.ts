import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { PASSWORD } from './support/app.js';
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
 * Lead retrieval in Debian's Chromium: a visitor registers and ticks the consent box, the badge says
 * it; the stand types the badge code by hand, keeps the contact with a note and a rating and
 * downloads its contacts; a visitor who did not consent is told apart, in French, and not kept.
 */
const LONG = 90_000;

describe('lead retrieval in a real browser', () => {
  let s: TestSession;
  let browser: Browser;
  let edition: EditionInfo;
  let stand: ExhibitorInfo;
  let silent: VisitorInfo;
  const pages = new BrowserPages(
    () => browser,
    () => s.testApp.url,
  );
  const email = `camille.roux-${Date.now()}@test.example`;
  let badgeCode = '';
  let visitorPage: Page;
  let standPage: Page;

  beforeAll(async () => {
    s = await TestSession.start();
    browser = await launchChromium();
    // Scans carry the phone's time: the edition is today.
    edition = await s.createEdition(liveEditionBody({ name: 'Coventis sur les stands' }));
    stand = await s.onboardExhibitor(edition.id, {
      organization: { name: 'Ferme coopérative des Garrigues', legalForm: 'scic' },
      contact: { firstName: 'Marie', lastName: 'Exposante' },
      stand: 'B07',
    });
    silent = await s.registerVisitor(edition.id, { firstName: 'Sans', lastName: 'Accord' });
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  afterEach(() => {
    expect(pages.errors.splice(0)).toEqual([]);
  });

  it(
    'registers a visitor who ticks the consent box, and the badge says it',
    async () => {
      visitorPage = await pages.open({ path: '/register' });
      const consent = visitorPage.getByRole('checkbox', {
        name: /J’accepte que les exposants scannent mon badge/,
      });
      await pages.waitFor(visitorPage, consent);
      // Unticked unless the visitor ticks it.
      expect(await consent.isChecked()).toBe(false);
      await visitorPage.getByLabel('Prénom').fill('Camille');
      await visitorPage.getByLabel('Nom', { exact: true }).fill('Roux');
      await visitorPage.getByLabel('Adresse e-mail').fill(email);
      await visitorPage.getByLabel('Mot de passe').fill('un-mot-de-passe');
      await visitorPage.getByLabel('Structure (facultatif)').fill('Collège Jean Moulin de Sète');
      await visitorPage.getByLabel('Téléphone (facultatif)').fill('06 12 34 56 78');
      await consent.check();
      await screenshot(visitorPage, 'register-consent');
      await visitorPage.getByRole('button', { name: "M'inscrire" }).click();
      await pages.waitFor(visitorPage, visitorPage.getByRole('heading', { name: 'Mon badge' }));
      await visitorPage
        .locator('.badge')
        .getByText('Les exposants peuvent scanner ce badge pour garder vos coordonnées.')
        .waitFor();
      badgeCode = (await visitorPage.locator('.badge-code').textContent()) ?? '';
      expect(badgeCode).toMatch(/^CVT-/);
      await screenshot(visitorPage, 'badge-consent');
    },
    LONG,
  );

  it(
    'lets the stand type the code by hand, keep the contact, note and rate it, and download the CSV',
    async () => {
      standPage = await pages.open();
      await pages.logIn(standPage, stand.email, PASSWORD, '/agenda');
      await standPage.getByRole('link', { name: 'Scanner un visiteur' }).click();
      await pages.waitFor(
        standPage,
        standPage.getByRole('heading', { level: 1, name: 'Scanner un visiteur' }),
      );
      await standPage.getByText('Aucun contact pour l’instant').waitFor();

      await standPage.getByLabel('Code du badge').fill(badgeCode.toLowerCase());
      await standPage.getByRole('button', { name: 'Enregistrer le contact' }).click();
      await standPage.getByText('Camille Roux est ajouté(e) à vos contacts.').waitFor();
      const card = standPage.getByRole('listitem', { name: 'Camille Roux' });
      await card.getByText('Collège Jean Moulin de Sète').waitFor();
      await card.getByRole('link', { name: email }).waitFor();
      await card.getByRole('link', { name: '06 12 34 56 78' }).waitFor();
      await card.getByText(/Scanné le .* par Marie Exposante/).waitFor();
      await standPage.getByRole('heading', { name: 'Mes contacts (1)' }).waitFor();

      // The same badge again: still one contact.
      await standPage.getByLabel('Code du badge').fill(badgeCode);
      await standPage.getByRole('button', { name: 'Enregistrer le contact' }).click();
      await standPage.getByText('Camille Roux était déjà dans vos contacts.').waitFor();
      await standPage.getByRole('heading', { name: 'Mes contacts (1)' }).waitFor();

      await card
        .getByLabel('Note')
        .fill('Cantine de 400 couverts ; veut des légumes bio. Rappeler.');
      await card.getByLabel('Intérêt').selectOption({ label: '4 sur 5' });
      await card.getByRole('button', { name: 'Enregistrer' }).click();
      await card.getByText('Enregistré.').waitFor();
      const stored = await as(s.http, stand.token).get(`/api/editions/${edition.id}/leads`);
      expect(stored.body.items).toEqual([
        expect.objectContaining({
          note: 'Cantine de 400 couverts ; veut des légumes bio. Rappeler.',
          rating: 4,
        }),
      ]);

      const [download] = await Promise.all([
        standPage.waitForEvent('download'),
        standPage.getByRole('button', { name: 'Télécharger mes contacts (CSV)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('contacts.csv');
      const csv = readFileSync(await download.path(), 'utf8');
      const [header, row] = csv.split('\r\n');
      expect(header).toBe(
        '\uFEFFscanné le;prénom;nom;structure;catégorie;email;téléphone;intérêt (1 à 5);note;scanné par',
      );
      expect(row).toContain(
        `;Camille;Roux;Collège Jean Moulin de Sète;professionnel;${email};06 12 34 56 78;4;"Cantine de 400 couverts ; veut des légumes bio. Rappeler.";Marie Exposante`,
      );
      await screenshot(standPage, 'leads');
    },
    LONG,
  );

  it(
    'tells the stand, in French, that a visitor who did not consent is not kept',
    async () => {
      await standPage.getByLabel('Code du badge').fill(silent.badgeCode);
      await standPage.getByRole('button', { name: 'Enregistrer le contact' }).click();
      await standPage
        .locator('#field-badgeCode-error', {
          hasText:
            'Ce visiteur n’a pas accepté que les exposants gardent ses coordonnées : rien n’a été enregistré.',
        })
        .waitFor();
      expect(await standPage.getByLabel('Code du badge').getAttribute('aria-invalid')).toBe('true');
      await standPage.getByRole('heading', { name: 'Mes contacts (1)' }).waitFor();
      await expect(standPage.getByRole('listitem', { name: 'Sans Accord' }).count()).resolves.toBe(
        0,
      );
      const rows = await s.testApp.query<{ n: number | string }>(
        `SELECT COUNT(*) AS n FROM leads WHERE "participantId" = '${silent.participantId}'`,
      );
      expect(Number(rows[0].n)).toBe(0);
      await screenshot(standPage, 'leads-no-consent');
    },
    LONG,
  );

  it(
    'lets the visitor withdraw the consent in the profile: the badge and the stand follow',
    async () => {
      await visitorPage.getByRole('link', { name: 'Changer d’avis dans mon profil' }).click();
      const consent = visitorPage.getByRole('checkbox', {
        name: /J’accepte que les exposants scannent mon badge/,
      });
      await pages.waitFor(visitorPage, consent);
      expect(await consent.isChecked()).toBe(true);
      await consent.uncheck();
      await visitorPage.getByRole('button', { name: 'Enregistrer mon profil' }).click();
      await visitorPage.getByText('Profil enregistré').waitFor();
      await visitorPage.getByRole('link', { name: 'Mon badge' }).click();
      await visitorPage
        .locator('.badge')
        .getByText('Ce badge ne transmet pas vos coordonnées aux exposants.')
        .waitFor();

      await standPage.reload();
      const card = standPage.getByRole('listitem', { name: 'Camille Roux' });
      await pages.waitFor(
        standPage,
        card.getByText(
          'Cette personne a retiré son accord : ses coordonnées ne sont plus affichées.',
        ),
      );
      await expect(card.getByRole('link', { name: email }).count()).resolves.toBe(0);
      // The stand's note stays.
      expect(await card.getByLabel('Note').inputValue()).toBe(
        'Cantine de 400 couverts ; veut des légumes bio. Rappeler.',
      );
    },
    LONG,
  );
});
