import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { DEMO_EDITION, DEMO_PASSWORD, DEMO_VISITORS } from '../seeds/demo-data.js';
import { DEMO_ORGANIZER_EMAIL } from '../src/seed/seed.service.js';
import { startApp, type TestApp } from './support/app.js';
import { BrowserPages, launchChromium, SCREENSHOTS } from './support/browser.js';
import { PdfReader } from './support/pdf.js';
import { as, expectStatus, login } from './support/session.js';

/**
 * The PDFs downloaded from the web app in Debian's Chromium, on the demo data: a stand's agenda from
 * its agenda page; the badges sheet, everyone's agendas and the table plan from the organizer's
 * dashboard; a badge again from the registrations list. The first page of the agenda and of the
 * badges sheet become screenshots (`test/screenshots/agenda-pdf.png`, `badges-pdf.png`; copies in
 * docs/screenshots/).
 */
const LONG = 90_000;

describe('printing from the web app, in a real browser', () => {
  let app: TestApp;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => app.url,
  );

  beforeAll(async () => {
    app = await startApp({ SEED_DEMO: 'auto' });
    browser = await launchChromium();
    // Three more meetings for Le Lazaret, one of them on the second day, so that its printed agenda
    // shows two days' work.
    const editions = await app.http.get('/api/editions');
    const edition = (editions.body as { id: string; name: string }[]).find(
      (e) => e.name === DEMO_EDITION.name,
    )!;
    const lazaret = await login(app.http, 'lazaret@demo.example', DEMO_PASSWORD);
    const me = await as(app.http, lazaret).get('/api/auth/me');
    const stand = (me.body.participations as { editionId: string; participantId: string }[]).find(
      (p) => p.editionId === edition.id,
    )!;
    for (const [i, visitor] of DEMO_VISITORS.slice(1, 4).entries()) {
      const token = await login(app.http, visitor.email, DEMO_PASSWORD);
      const asked = await as(app.http, token).post(`/api/editions/${edition.id}/meetings`, {
        toParticipantId: stand.participantId,
      });
      expectStatus(asked, 201);
      const free = await as(app.http, lazaret).get(
        `/api/editions/${edition.id}/meetings/free-slots?with=${asked.body.requester.participantId}`,
      );
      const slot = (free.body as { id: string; day: number }[]).find(
        (s) => s.day === (i < 2 ? 0 : 1),
      )!;
      expectStatus(
        await as(app.http, lazaret).post(`/api/meetings/${asked.body.id}/accept`, {
          slotId: slot.id,
        }),
        200,
      );
    }
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(() => {
    expect(pages.errors.splice(0)).toEqual([]);
  });

  /** Clicks `button` and reads the PDF the browser saved. */
  async function downloaded(page: Page, button: string): Promise<{ file: Download; pdf: Buffer }> {
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: button }).click(),
    ]);
    const pdf = readFileSync(await file.path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    return { file, pdf };
  }

  async function firstPageScreenshot(reader: PdfReader, name: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(path.join(SCREENSHOTS, `${name}.png`), await reader.png(1, 1.5));
  }

  it(
    'downloads my agenda as a PDF from the agenda page',
    async () => {
      const page = await pages.open();
      await pages.logIn(page, 'lazaret@demo.example', DEMO_PASSWORD, '/agenda');
      await pages.waitFor(page, page.getByRole('heading', { name: 'Mon agenda' }));
      const { file, pdf } = await downloaded(page, 'Télécharger mon agenda (PDF)');
      expect(file.suggestedFilename()).toBe('agenda-helene-castanier.pdf');
      const reader = PdfReader.open(pdf);
      const text = await reader.text();
      expect(text).toContain(DEMO_EDITION.name);
      expect(text).toContain('Le Corum, Montpellier');
      expect(text).toContain('Hélène Castanier');
      expect(text).toContain('Le Lazaret');
      expect(text).toContain('mercredi 19 mai 2027');
      expect(text).toContain('jeudi 20 mai 2027');
      for (const visitor of DEMO_VISITORS.slice(1, 4)) {
        expect(text).toContain(`${visitor.firstName} ${visitor.lastName}`);
      }
      await firstPageScreenshot(reader, 'agenda-pdf');
      await reader.close();
      await page.context().close();
    },
    LONG,
  );

  it(
    'gives the organizer the badges sheet, everyone’s agendas and the table plan',
    async () => {
      const page = await pages.open();
      await pages.logIn(page, DEMO_ORGANIZER_EMAIL, DEMO_PASSWORD, '/dashboard');
      const panel = page.locator('.print-panel');
      await pages.waitFor(page, panel.getByRole('heading', { name: 'Documents à imprimer' }));

      const badges = await downloaded(page, 'Planche de badges (PDF)');
      expect(badges.file.suggestedFilename()).toMatch(/^badges-coventis-2027.*\.pdf$/);
      const sheet = PdfReader.open(badges.pdf);
      const sheets = await sheet.pages();
      // 39 stands' contacts and 40 visitors, 8 to a page.
      expect(sheets.length).toBeGreaterThanOrEqual(10);
      expect(sheets.join('\n')).toContain('Castanier');
      await firstPageScreenshot(sheet, 'badges-pdf');
      await sheet.close();

      await panel.getByLabel('Pour', { exact: true }).selectOption({ label: 'les exposants' });
      const exhibitors = await downloaded(page, 'Planche de badges (PDF)');
      const theirs = PdfReader.open(exhibitors.pdf);
      const text = await theirs.text();
      expect(text).toContain('EXPOSANT');
      expect(text).not.toContain('VISITEUR');
      await theirs.close();

      await panel.getByLabel('Pour', { exact: true }).selectOption({ label: 'tout le monde' });
      const agendas = await downloaded(page, 'Agendas pour l’accueil (PDF)');
      const bundle = PdfReader.open(agendas.pdf);
      expect((await bundle.pages()).some((p) => p.includes('Hélène Castanier'))).toBe(true);
      await bundle.close();

      const plan = await downloaded(page, 'Plan des tables (PDF)');
      expect(plan.file.suggestedFilename()).toBe('plan-des-tables-2027-05-19.pdf');
      const hall = PdfReader.open(plan.pdf);
      const first = (await hall.pages())[0];
      expect(first).toContain('mercredi 19 mai 2027, 09:00–09:20');
      expect(first).toContain('Table 30');
      await hall.close();
      await panel.screenshot({ path: path.join(SCREENSHOTS, 'print-panel.png') });

      // A badge found in the registrations list, printed again.
      await page.getByRole('link', { name: 'Inscriptions' }).click();
      await page.getByLabel('Rechercher').fill('Castanier');
      await pages.waitFor(page, page.getByText('1 inscription', { exact: true }));
      const again = await downloaded(page, 'Badges affichés (PDF)');
      const one = PdfReader.open(again.pdf);
      const reprinted = await one.pages();
      expect(reprinted).toHaveLength(1);
      expect(reprinted[0]).toContain('Castanier');
      expect(reprinted[0]).not.toContain('Abadie');
      await one.close();
      await page.context().close();
    },
    LONG,
  );
});
