import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { ROOT } from './app.js';

// The same Chromium, launched the same way, as the front-end benchmark.
export { launchChromium } from '../../bench/chromium.js';

export const SCREENSHOTS = path.join(ROOT, 'test/screenshots');

/** A phone-sized context, as a visitor in the hall has. */
export async function phone(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  return context.newPage();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * A browser test's pages: each opened on a phone in a context of its own (in English if asked), its
 * script errors collected for an `afterEach` to check, with a login and a wait whose failure says
 * what the page showed.
 */
export class BrowserPages {
  readonly errors: string[] = [];

  constructor(
    private readonly browser: () => Browser,
    private readonly baseURL: () => string,
  ) {}

  async open(options: { path?: string; language?: 'fr' | 'en' } = {}): Promise<Page> {
    const page = await phone(this.browser(), this.baseURL());
    page.on('pageerror', (error) => this.errors.push(error.message));
    if (options.language === 'en') {
      await page.addInitScript(() => localStorage.setItem('coventis.lang', 'en'));
    }
    if (options.path) await page.goto(options.path);
    return page;
  }

  async waitFor(page: Page, locator: Locator, timeout = 15_000): Promise<void> {
    await locator.waitFor({ timeout }).catch(async (error: Error) => {
      const shown = await page.evaluate(() => document.body.innerText).catch(String);
      throw new Error(`${error.message}\n${page.url()} shows:\n${shown}`);
    });
  }

  /** Logs in through the French login page and waits for `next`. */
  async logIn(page: Page, email: string, password: string, next: string): Promise<void> {
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await this.waitFor(page, page.getByLabel('Adresse e-mail'));
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL((url) => url.pathname === next);
  }
}
