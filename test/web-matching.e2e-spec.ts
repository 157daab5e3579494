import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  DEMO_EDITION,
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
  type DemoOrganization,
} from '../seeds/demo-data.js';
import { DEMO_ORGANIZER_EMAIL } from '../src/seed/seed.service.js';
import { startApp, type TestApp } from './support/app.js';
import { launchChromium, phone, screenshot, SCREENSHOTS } from './support/browser.js';
import { as, login } from './support/session.js';

/**
 * Matchmaking in the web app, on the demo edition, in Debian's Chromium: an exhibitor's and a
 * visitor's suggestions (why, a request in two clicks, "not interested" and its undo), a visitor's
 * profile, and the organizer's view of who has no partner yet, turned into requests.
 */
const LONG = 90_000;

const org = (key: string): DemoOrganization => DEMO_ORGANIZATIONS.find((o) => o.key === key)!;
const lazaret = org('lazaret');
const frca = org('frca');
const esat = org('ateliers-garrigues');
const labelRoute = org('label-route');
const mobileco = org('mobileco');
const demoNames = new Set(DEMO_ORGANIZATIONS.map((o) => o.name));

describe('suggestions in a real browser, on the demo edition', () => {
  let app: TestApp;
  let browser: Browser;
  let editionId: string;
  let lazaretToken: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startApp({ SEED_DEMO: 'auto' });
    browser = await launchChromium();
    const editions = (await app.http.get('/api/editions').expect(200)).body as {
      id: string;
      name: string;
    }[];
    editionId = editions.find((e) => e.name === DEMO_EDITION.name)!.id;
    lazaretToken = await login(app.http, lazaret.contact.email, DEMO_PASSWORD);
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  async function open(pathname?: string): Promise<Page> {
    const page = await phone(browser, app.url);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    if (pathname) await page.goto(pathname);
    return page;
  }

  /** What the page shows, for a failure's message. */
  async function shown(page: Page): Promise<string> {
    return `${page.url()} shows:\n${await page.evaluate(() => document.body.innerText).catch(String)}`;
  }

  async function waitFor(page: Page, locator: Locator): Promise<void> {
    await locator.waitFor({ timeout: 15_000 }).catch(async (error: Error) => {
      throw new Error(`${error.message}\n${await shown(page)}`);
    });
  }

  async function logIn(page: Page, email: string, next: string): Promise<void> {
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await waitFor(page, page.getByLabel('Adresse e-mail'));
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL((url) => url.pathname === next);
  }

  /** The page from its top down to the bottom of `until`: the header and what matters, not 24 cards. */
  async function screenshotTop(page: Page, name: string, until: Locator): Promise<void> {
    const box = (await until.boundingBox())!;
    const scrollY = await page.evaluate(() => window.scrollY);
    await page.screenshot({
      path: path.join(SCREENSHOTS, `${name}.png`),
      fullPage: true,
      clip: { x: 0, y: 0, width: 390, height: Math.ceil(box.y + scrollY + box.height + 16) },
    });
  }

  /** One part of a long page (the dashboard's panel), as it is drawn. */
  async function screenshotOf(part: Locator, name: string): Promise<void> {
    await part.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  }

  const suggestionsOf = (page: Page) => page.getByRole('region', { name: 'Suggestions pour vous' });
  /** The suggestions' names, in the order shown. */
  const names = (section: Locator) => section.getByRole('heading', { level: 3 }).allTextContents();
  const reasonsOf = (card: Locator) =>
    card.getByRole('list', { name: 'Pourquoi cette suggestion' }).getByRole('listitem');
  const suggestedByApi = async (token: string): Promise<string[]> => {
    const res = await as(app.http, token)
      .get(`/api/editions/${editionId}/recommendations?limit=50`)
      .expect(200);
    return (res.body as { items: { name: string }[] }).items.map((i) => i.name);
  };

  it(
    'shows an exhibitor who to meet and why, requests a meeting in two clicks, dismisses one and undoes it',
    async () => {
      const page = await open();
      await logIn(page, lazaret.contact.email, '/');
      const section = suggestionsOf(page);
      await waitFor(page, section.getByRole('heading', { level: 3 }).first());
      // The catalogue is still there, below.
      await page.getByRole('heading', { level: 1, name: 'Catalogue des exposants' }).waitFor();

      // The FRCA comes first, and the reason quotes the village's need and the federation's offer.
      const shownNames = await names(section);
      expect(shownNames[0]).toBe(frca.name);
      expect(shownNames).toHaveLength(3);
      const card = section.getByRole('listitem', { name: frca.name });
      await expect(card.getByText('Exposant', { exact: true }).count()).resolves.toBe(1);
      const reasons = await reasonsOf(card).allTextContents();
      const quoting = reasons.find((r) => r.includes(`« ${lazaret.needs[0]} »`));
      expect(quoting).toContain(`« ${frca.offers[0]} »`);
      expect(reasons).toContain('même département : Hérault');
      // More behind one button.
      await section.getByRole('button', { name: 'Voir plus de suggestions' }).click();
      await expect(section.getByRole('heading', { level: 3 }).count()).resolves.toBeGreaterThan(3);
      await screenshotTop(page, 'suggestions', card);

      // The name leads to the exhibitor's page, which suggests others, never the FRCA itself.
      await card.getByRole('link', { name: frca.name }).click();
      await page.getByRole('heading', { level: 1, name: frca.name }).waitFor();
      const also = page.getByRole('region', { name: 'Ils pourraient aussi vous intéresser' });
      await waitFor(page, also.getByRole('listitem').first());
      const others = await also.getByRole('listitem').allTextContents();
      expect(others.length).toBeGreaterThanOrEqual(1);
      expect(others.length).toBeLessThanOrEqual(3);
      expect(others.some((o) => o.includes(frca.name))).toBe(false);
      // Each one says why, in a word.
      await expect(also.locator('.meta').count()).resolves.toBe(others.length);
      await page.getByRole('link', { name: '← Retour au catalogue' }).click();

      // "Demander un rendez-vous": the message is written already, and can be added to.
      const frcaCard = suggestionsOf(page).getByRole('listitem', { name: frca.name });
      await frcaCard.getByRole('button', { name: 'Demander un rendez-vous' }).click();
      const message = frcaCard.getByLabel('Message de la demande');
      const written = await message.inputValue();
      expect(written).toContain(frca.offers[0]);
      await message.fill(`${written} Nous servons 300 couverts par jour en été.`);
      await frcaCard.getByRole('button', { name: 'Envoyer la demande' }).click();
      await frcaCard.getByText(`Demande envoyée à ${frca.name}.`).waitFor();
      const agenda = await as(app.http, lazaretToken)
        .get(`/api/editions/${editionId}/agenda`)
        .expect(200);
      const sent = (
        agenda.body as {
          meetings: {
            status: string;
            direction: string;
            message: string | null;
            partner: { organizationName: string | null };
          }[];
        }
      ).meetings.filter((m) => m.partner.organizationName === frca.name);
      expect(sent).toEqual([
        expect.objectContaining({
          status: 'requested',
          direction: 'outgoing',
          message: expect.stringContaining('Nous servons 300 couverts par jour en été.'),
        }),
      ]);
      // And the agenda shows it waiting for an answer.
      await frcaCard.getByRole('link', { name: 'Voir mon agenda' }).click();
      await page
        .locator('.meeting', { hasText: `${frca.name} (${frca.contact.firstName}` })
        .getByText('Demande envoyée, en attente de réponse')
        .waitFor();

      // Back on the catalogue, the FRCA is no longer suggested: a request is open with it.
      await page.getByRole('link', { name: 'Catalogue' }).click();
      await waitFor(page, suggestionsOf(page).getByRole('heading', { level: 3 }).first());
      const now = await names(suggestionsOf(page));
      expect(now).not.toContain(frca.name);

      // "Pas intéressé": the card gives way to an undo, and the API suggests it no more.
      const next = now[0];
      const nextCard = suggestionsOf(page).getByRole('listitem', { name: next });
      await nextCard.getByRole('button', { name: 'Pas intéressé' }).click();
      await nextCard.getByText(`Suggestion retirée : ${next}.`).waitFor();
      await expect(
        nextCard.getByRole('button', { name: 'Demander un rendez-vous' }).count(),
      ).resolves.toBe(0);
      expect(await suggestedByApi(lazaretToken)).not.toContain(next);
      await screenshotTop(page, 'suggestions-dismissed', suggestionsOf(page));
      // The keyboard is on "Annuler": Enter undoes it.
      await page.waitForFunction(() => document.activeElement?.textContent === 'Annuler');
      await page.keyboard.press('Enter');
      await nextCard.getByRole('button', { name: 'Pas intéressé' }).waitFor();
      expect(await suggestedByApi(lazaretToken)).toContain(next);
      await page.reload();
      await waitFor(page, suggestionsOf(page).getByRole('heading', { level: 3 }).first());
      expect((await names(suggestionsOf(page)))[0]).toBe(next);
      await page.context().close();
    },
    LONG,
  );

  it(
    'marks a mutual interest, and only there',
    async () => {
      // Label Route and Mobileco answer each other's needs (before the organizer's test below
      // turns this pair into a request); the badge is on exactly the cards the API calls mutual.
      const token = await login(app.http, labelRoute.contact.email, DEMO_PASSWORD);
      const res = await as(app.http, token)
        .get(`/api/editions/${editionId}/recommendations`)
        .expect(200);
      const mutual = new Map(
        (res.body as { items: { name: string; mutual: boolean }[] }).items.map((i) => [
          i.name,
          i.mutual,
        ]),
      );
      expect(mutual.get(mobileco.name)).toBe(true);

      const page = await open();
      await logIn(page, labelRoute.contact.email, '/');
      const section = suggestionsOf(page);
      await waitFor(page, section.getByRole('heading', { level: 3 }).first());
      const shownNames = await names(section);
      expect(shownNames).toContain(mobileco.name);
      for (const name of shownNames) {
        const badge = section
          .getByRole('listitem', { name })
          .getByText('Intérêt réciproque', { exact: true });
        await expect(badge.count()).resolves.toBe(mutual.get(name) ? 1 : 0);
      }
      await screenshotTop(
        page,
        'suggestions-mutual',
        section.getByRole('listitem', { name: mobileco.name }),
      );
      await page.context().close();
    },
    LONG,
  );

  it(
    'suggests an exhibitor to a visitor who registered with a need',
    async () => {
      const need = 'Produits régionaux en circuit court pour la cantine du collège';
      const page = await open('/register');
      await page.getByLabel('Prénom').fill('Nadia');
      await page.getByLabel('Nom', { exact: true }).fill('Fabre');
      await page.getByLabel('Adresse e-mail').fill('nadia.fabre@test.example');
      await page.getByLabel('Mot de passe').fill('un-mot-de-passe');
      await page.getByLabel('Structure (facultatif)').fill('Collège Jean Moulin de Sète');
      await page.getByLabel('Ce que je recherche').fill(need);
      await page
        .getByLabel('Ce que je propose')
        .fill('Visites de la cuisine pour les producteurs\nRepas de 450 élèves');
      await screenshot(page, 'register-needs');
      await page.getByRole('button', { name: "M'inscrire" }).click();
      await page.getByRole('heading', { name: 'Mon badge' }).waitFor();

      await page.getByRole('link', { name: 'Catalogue' }).click();
      const section = suggestionsOf(page);
      await waitFor(page, section.getByRole('heading', { level: 3 }).first());
      const first = section.getByRole('listitem').first();
      const name = (await first.getByRole('heading', { level: 3 }).textContent())!;
      expect(demoNames.has(name)).toBe(true);
      await expect(first.getByText('Exposant', { exact: true }).count()).resolves.toBe(1);
      const reasons = await reasonsOf(first).allTextContents();
      expect(reasons.some((r) => r.includes(`« ${need} »`))).toBe(true);
      await screenshotTop(page, 'suggestions-visitor', section);

      // Its page, with a few other suggestions.
      await first.getByRole('link', { name }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      const also = page.getByRole('region', { name: 'Ils pourraient aussi vous intéresser' });
      await waitFor(page, also.getByRole('listitem').first());
      const others = await also.getByRole('listitem').allTextContents();
      expect(others.length).toBeLessThanOrEqual(3);
      expect(others.some((o) => o.includes(name))).toBe(false);
      await page.context().close();
    },
    LONG,
  );

  it(
    'tells a visitor with an empty profile how to get suggestions, and the profile page brings them',
    async () => {
      const page = await open('/register');
      await page.getByLabel('Prénom').fill('Joël');
      await page.getByLabel('Nom', { exact: true }).fill('Rigaud');
      await page.getByLabel('Adresse e-mail').fill('joel.rigaud@test.example');
      await page.getByLabel('Mot de passe').fill('un-mot-de-passe');
      await page.getByRole('button', { name: "M'inscrire" }).click();
      await page.getByRole('heading', { name: 'Mon badge' }).waitFor();

      await page.getByRole('link', { name: 'Catalogue' }).click();
      const section = suggestionsOf(page);
      await waitFor(
        page,
        section.getByText('Votre profil ne dit pas encore ce que vous recherchez'),
      );
      await expect(section.getByRole('listitem').count()).resolves.toBe(0);
      await section.getByRole('link', { name: 'Compléter mon profil' }).click();

      await page.getByRole('heading', { level: 1, name: 'Mon profil' }).waitFor();
      const needs = page.getByLabel('Ce que je recherche');
      await expect(needs.inputValue()).resolves.toBe('');
      await needs.fill('Blanchisserie pour le linge de notre camping');
      await page.getByLabel('Structure (facultatif)').fill('Camping Les Salins');
      await page.getByRole('button', { name: 'Enregistrer mon profil' }).click();
      await page.getByText('Profil enregistré').waitFor();
      await screenshot(page, 'visitor-profile');
      // Saved: a fresh page reads it back.
      await page.reload();
      await expect(page.getByLabel('Ce que je recherche').inputValue()).resolves.toBe(
        'Blanchisserie pour le linge de notre camping',
      );
      await expect(page.getByLabel('Structure (facultatif)').inputValue()).resolves.toBe(
        'Camping Les Salins',
      );

      await page.getByRole('link', { name: '← Voir mes suggestions' }).click();
      await waitFor(page, suggestionsOf(page).getByRole('heading', { level: 3 }).first());
      expect((await names(suggestionsOf(page)))[0]).toBe(esat.name);
      await page.context().close();
    },
    LONG,
  );

  it(
    'shows the organizer who has no partner yet, and turns mutual matches into requests after a preview',
    async () => {
      const page = await open();
      await logIn(page, DEMO_ORGANIZER_EMAIL, '/dashboard');
      await page.getByText('En direct').waitFor();
      const panel = page.getByRole('region', { name: 'Sans partenaire' });
      const count = panel.getByText(/^\d+ personnes sans bonne piste ou sans rendez-vous\.$/);
      await waitFor(page, count);
      const before = parseInt((await count.textContent())!, 10);
      expect(before).toBeGreaterThan(10);
      const table = panel.getByRole('table', {
        name: 'Personnes sans bonne piste ou sans rendez-vous',
      });
      await expect(table.getByRole('columnheader').allTextContents()).resolves.toEqual([
        'Nom',
        'Bonnes pistes',
        'Rendez-vous',
      ]);
      // Ten at first, the others behind one button; each one an exhibitor or a professional.
      const rows = table.locator('tbody tr');
      await expect(rows.count()).resolves.toBe(10);
      await panel.getByRole('button', { name: `Voir les ${before} personnes` }).click();
      await expect(rows.count()).resolves.toBe(before);
      const people = await table.getByRole('rowheader').allTextContents();
      expect(people.every((p) => /(Exposant|Visiteur)$/.test(p))).toBe(true);
      expect(people.some((p) => p.startsWith(frca.name))).toBe(false); // It has a request now.
      await panel.getByRole('button', { name: 'Voir moins' }).click();

      const pending = page.locator('[data-counter="requested"] dd');
      const pendingBefore = Number(await pending.textContent());

      // The preview: who would ask whom, and how many; nothing is created yet.
      await panel.getByRole('button', { name: 'Proposer des rendez-vous' }).click();
      const previewText = panel.getByText(/^\d+ demandes seraient créées :$/);
      await waitFor(page, previewText);
      const proposed = parseInt((await previewText.textContent())!, 10);
      expect(proposed).toBeGreaterThan(0);
      const pairs = await panel.locator('.proposals li').allTextContents();
      expect(pairs).toHaveLength(proposed);
      for (const pair of pairs) expect(pair).toMatch(/^.+ → .+$/);
      // The village asked the FRCA already (the first test): it is not made to ask again.
      expect(pairs.some((p) => p.startsWith(`${lazaret.name} →`))).toBe(false);
      await expect(pending.textContent()).resolves.toBe(String(pendingBefore));
      await screenshotOf(panel, 'dashboard-match-requests');

      await panel.getByRole('button', { name: 'Confirmer' }).click();
      await panel.getByText(`${proposed} demandes de rendez-vous créées.`).waitFor();
      await page
        .locator('[data-counter="requested"] dd', {
          hasText: new RegExp(`^${pendingBefore + proposed}$`),
        })
        .waitFor();
      // Those who now have a meeting leave the list.
      await page
        .waitForFunction(
          (n) => {
            const text = [...document.querySelectorAll('.coverage .count')].map(
              (p) => p.textContent ?? '',
            )[0];
            return parseInt(text, 10) < n;
          },
          before,
          { timeout: 15_000 },
        )
        .catch(async (error: Error) => {
          throw new Error(`${error.message}\n${await shown(page)}`);
        });
      await screenshotOf(panel, 'dashboard-coverage');
      await page.context().close();
    },
    LONG,
  );

  it(
    'speaks English: the section, its cards and their buttons',
    async () => {
      const page = await open();
      await logIn(page, lazaret.contact.email, '/');
      await waitFor(page, suggestionsOf(page).getByRole('heading', { level: 3 }).first());
      await page.getByLabel('Langue').selectOption('en');
      const section = page.getByRole('region', { name: 'Suggestions for you' });
      await section.waitFor();
      const card = section.getByRole('listitem').first();
      await card.getByRole('button', { name: 'Request a meeting' }).waitFor();
      await card.getByRole('button', { name: 'Not interested' }).waitFor();
      await card.getByRole('list', { name: 'Why this suggestion' }).waitFor();
      await expect(card.getByText('Exhibitor', { exact: true }).count()).resolves.toBe(1);
      await section.getByRole('button', { name: 'See more suggestions' }).waitFor();
      await section.getByRole('link', { name: 'Complete my exhibitor profile' }).waitFor();
      await card.getByRole('button', { name: 'Request a meeting' }).click();
      await card.getByLabel('Message of the request').waitFor();
      await card.getByRole('button', { name: 'Send the request' }).waitFor();
      await card.getByRole('button', { name: 'Cancel' }).click();
      await card.getByRole('button', { name: 'Not interested' }).click();
      await card.getByRole('button', { name: 'Undo' }).click();
      await card.getByRole('button', { name: 'Request a meeting' }).waitFor();
      await screenshotTop(page, 'suggestions-en', section);
      await page.context().close();
    },
    LONG,
  );
});
