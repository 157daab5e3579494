import type { Browser, Page } from 'playwright-core';
import * as errors from '../web/src/locales/errors.js';
import { ORGANIZER } from './support/app.js';
import { BrowserPages, launchChromium } from './support/browser.js';
import { TestSession } from './support/session.js';

/**
 * Every form of the web app submitted empty (or wrong), in Debian's Chromium: what the person reads
 * is French, from the API's codes; never one of the API's English sentences nor a field name of it.
 */
const LONG = 90_000;
// A sentence of a dictionary, its bound ({{count}}) filled in.
const sentences = (dictionary: Record<string, string>) =>
  Object.values(dictionary).map(
    (text) =>
      new RegExp(
        `^${text.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\{count\}\}/g, '\\d+')}$`,
      ),
  );
const FRENCH = sentences(errors.fr);
const ENGLISH_SENTENCES = sentences(errors.en);
const isOneOf = (text: string, patterns: RegExp[]) => patterns.some((p) => p.test(text));
// Words of the API's English sentences, and its field names.
const ENGLISH =
  /\b(must|should|Wrong|badge CVT|email must|firstName|lastName|badgeCode|password must)\b/;

describe('errors in French, form by form', () => {
  let s: TestSession;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => s.testApp.url,
  );

  beforeAll(async () => {
    s = await TestSession.start();
    browser = await launchChromium();
    await s.createEdition({ name: 'Coventis erreurs' });
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  afterEach(() => {
    expect(pages.errors.splice(0)).toEqual([]);
  });

  /** The error texts the page shows, each one a French sentence of locales/errors.ts. */
  async function shownErrors(page: Page): Promise<string[]> {
    const first = page.locator('.error').first();
    await pages.waitFor(page, first);
    const texts = (await page.locator('.error').allInnerTexts()).flatMap((t) => t.split(' · '));
    await expect(page.locator('main').innerText()).resolves.not.toMatch(ENGLISH);
    return texts;
  }

  it(
    'logs in: empty, then a wrong password',
    async () => {
      const page = await pages.open({ path: '/login' });
      await page.getByRole('button', { name: 'Se connecter' }).click();
      const empty = await shownErrors(page);
      expect(empty.length).toBeGreaterThan(0);
      for (const text of empty) expect([text, isOneOf(text, FRENCH)]).toEqual([text, true]);
      await page.getByLabel('Adresse e-mail').fill(ORGANIZER.email);
      await page.getByLabel('Mot de passe').fill('pas-le-bon-mot');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await pages.waitFor(page, page.getByText('E-mail ou mot de passe incorrect.'));
      await page.context().close();
    },
    LONG,
  );

  it(
    'registers: empty',
    async () => {
      const page = await pages.open({ path: '/register' });
      await pages.waitFor(page, page.getByRole('heading', { level: 1 }));
      await page.getByRole('button', { name: "M'inscrire" }).click();
      const texts = await shownErrors(page);
      expect(texts).toContain('Ce champ est obligatoire.');
      for (const text of texts) expect([text, isOneOf(text, FRENCH)]).toEqual([text, true]);
      await expect(page.getByLabel('Prénom').getAttribute('aria-invalid')).resolves.toBe('true');
      await page.context().close();
    },
    LONG,
  );

  it(
    'checks a badge in at the welcome desk: empty, then unknown',
    async () => {
      const page = await pages.open();
      await pages.logIn(page, ORGANIZER.email, ORGANIZER.password, '/dashboard');
      await page.getByRole('button', { name: "Enregistrer l'entrée" }).click();
      const texts = await shownErrors(page);
      for (const text of texts) expect([text, isOneOf(text, FRENCH)]).toEqual([text, true]);
      await page.getByLabel('Code du badge').fill('CVT-AAAA-BBBB');
      await page.getByRole('button', { name: "Enregistrer l'entrée" }).click();
      // Said aloud, and kept beside the scan in the device's list.
      await pages.waitFor(
        page,
        page.getByRole('alert').filter({ hasText: 'Aucun badge avec ce code dans cette édition.' }),
      );
      await pages.waitFor(
        page,
        page.locator('ol.scans li[data-status="refused"]', { hasText: 'Aucun badge avec ce code' }),
      );
      await expect(page.locator('main').innerText()).resolves.not.toMatch(ENGLISH);
      await page.context().close();
    },
    LONG,
  );

  it(
    'speaks English when asked: the same refusals, in English',
    async () => {
      const page = await pages.open({ path: '/register', language: 'en' });
      await pages.waitFor(page, page.getByRole('heading', { level: 1 }));
      await page.getByLabel('Email address').fill('not-an-address');
      await page.getByRole('button', { name: 'Register' }).last().click();
      await pages.waitFor(
        page,
        page.getByText('Enter a valid email address, for example marie@example.org.'),
      );
      const texts = (await page.locator('.error').allInnerTexts()).flatMap((t) => t.split(' · '));
      for (const text of texts) {
        expect([text, isOneOf(text, ENGLISH_SENTENCES)]).toEqual([text, true]);
      }
      await expect(page.locator('main').innerText()).resolves.not.toMatch(ENGLISH);
      await page.context().close();
    },
    LONG,
  );
});
