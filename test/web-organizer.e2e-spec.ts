import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_EDITION, DEMO_PASSWORD, DEMO_VISITORS } from '../seeds/demo-data.js';
import { DEMO_ORGANIZER_EMAIL, PAST_EDITION } from '../src/seed/seed.service.js';
import { startApp, type TestApp } from './support/app.js';
import { as, login } from './support/session.js';
import { BrowserPages, launchChromium, screenshot } from './support/browser.js';

/**
 * The organizer's screens in Debian's Chromium, on the demo data: an edition created from the web
 * (its empty form answered in French, field by field), its slots made breaks, the switch to the
 * 2025 edition, the registrations searched and downloaded, an announcement that reaches a visitor.
 */
const LONG = 90_000;
const visitor = DEMO_VISITORS[0];

describe('organizer screens in a real browser', () => {
  let app: TestApp;
  let browser: Browser;
  const pages = new BrowserPages(
    () => browser,
    () => app.url,
  );

  beforeAll(async () => {
    app = await startApp({ SEED_DEMO: 'auto' });
    browser = await launchChromium();
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(() => {
    expect(pages.errors.splice(0)).toEqual([]);
  });

  const open = () => pages.open();
  const waitFor = (page: Page, locator: Locator) => pages.waitFor(page, locator);
  const logIn = (page: Page, email: string, next: string) =>
    pages.logIn(page, email, DEMO_PASSWORD, next);

  it(
    'creates an edition from the web; its empty form is answered in French under each field',
    async () => {
      const page = await open();
      await logIn(page, DEMO_ORGANIZER_EMAIL, '/dashboard');
      await page.getByRole('link', { name: 'Créer une édition' }).click();
      await waitFor(page, page.getByRole('heading', { name: 'Nouvelle édition' }));
      await page.getByLabel('Nom de l’édition').fill('');
      await page.getByLabel('Nombre de tables').fill('');
      await page.getByRole('button', { name: 'Créer l’édition' }).click();

      await waitFor(
        page,
        page.locator('#field-name-error', { hasText: 'Ce champ est obligatoire.' }),
      );
      await waitFor(
        page,
        page.locator('#field-city-error', { hasText: 'Ce champ est obligatoire.' }),
      );
      await waitFor(
        page,
        page.locator('#field-days\\.0\\.date-error', {
          hasText: 'Saisissez une date au format AAAA-MM-JJ.',
        }),
      );
      await waitFor(
        page,
        page.locator('#field-tables-error', { hasText: 'Saisissez un nombre entier.' }),
      );
      // No sentence of the API's, nor any field name of it, reaches the French page.
      const text = await page.locator('main').innerText();
      expect(text).not.toMatch(/must|should|slotMinutes|days\.0/);
      await screenshot(page, 'edition-errors');

      await page.getByLabel('Nom de l’édition').fill('Rencontres ESS du Gard 2028');
      await page.getByLabel('Ville').fill('Nîmes');
      await page.getByLabel('Lieu', { exact: true }).fill('Parc des expositions');
      await page.getByLabel('Nombre de tables').fill('12');
      await page.getByLabel('Durée d’un rendez-vous (minutes)').fill('25');
      await page.getByLabel('Jour 1').fill('2028-03-14');
      await page.getByRole('button', { name: 'Ajouter une journée' }).click();
      await page.getByLabel('Jour 2').fill('2028-03-15');
      await page.getByRole('button', { name: 'Créer l’édition' }).click();
      await waitFor(page, page.getByRole('heading', { name: 'Modifier l’édition' }));

      // Slots every 30 minutes: the 12:00 slot of the first day becomes a break for everybody.
      const noon = page.locator('.slot-grid button', { hasText: '12:00' }).first();
      await noon.click();
      await waitFor(
        page,
        page.locator('.slot-grid button[aria-pressed="true"]', { hasText: '12:00' }),
      );
      const stored = (await app.http.get('/api/editions').expect(200)).body as {
        id: string;
        name: string;
      }[];
      const created = stored.find((e) => e.name === 'Rencontres ESS du Gard 2028');
      expect(created).toBeDefined();
      const detail = (await app.http.get(`/api/editions/${created!.id}`).expect(200)).body as {
        days: unknown[];
        tables: number;
        slots: { startsAt: string; kind: string }[];
      };
      expect(detail.days).toHaveLength(2);
      expect(detail.tables).toBe(12);
      expect(detail.slots.filter((s) => s.kind === 'break').map((s) => s.startsAt)).toEqual([
        '2028-03-14T12:00:00+01:00',
      ]);
      await screenshot(page, 'edition-editor');
      await page.context().close();
    },
    LONG,
  );

  it(
    'switches to the 2025 edition and back, and lists registrations with search and CSV',
    async () => {
      const page = await open();
      await logIn(page, DEMO_ORGANIZER_EMAIL, '/dashboard');
      const switcher = page.getByLabel('Édition', { exact: true });
      await switcher.selectOption({ label: PAST_EDITION.name });
      await waitFor(page, page.locator('.lead', { hasText: PAST_EDITION.name }));
      await switcher.selectOption({ label: DEMO_EDITION.name });
      await waitFor(page, page.locator('.lead', { hasText: DEMO_EDITION.name }));

      await page.getByRole('link', { name: 'Inscriptions' }).click();
      await waitFor(page, page.getByRole('heading', { name: 'Inscriptions' }));
      await page.getByLabel('Rechercher').fill(visitor.lastName);
      const row = page.locator('tbody tr', { hasText: visitor.email });
      await waitFor(page, row);
      await expect(page.locator('tbody tr').count()).resolves.toBe(1);
      await waitFor(page, page.getByText('1 inscription', { exact: true }));

      await page.getByLabel('Rechercher').fill('');
      await page.getByLabel('Type').selectOption('exhibitor');
      await waitFor(page, page.locator('tbody tr', { hasText: 'Exposant' }).first());
      await expect(page.locator('tbody tr', { hasText: 'Visiteur' }).count()).resolves.toBe(0);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Télécharger en CSV' }).click(),
      ]);
      const csv = readFileSync(await download.path(), 'utf8');
      expect(csv.split('\r\n')[0]).toBe(
        '\uFEFFprénom;nom;email;type;catégorie;structure;badge;arrivé le',
      );
      expect(csv).toContain(';exposant;');
      expect(csv).not.toContain(';visiteur;');
      await screenshot(page, 'registrations');
      await page.context().close();
    },
    LONG,
  );

  it(
    'sends an announcement that a visitor with the app open sees at once',
    async () => {
      const reader = await open();
      await logIn(reader, visitor.email, '/agenda');
      await waitFor(reader, reader.getByRole('heading', { name: 'Mon agenda' }));
      const page = await open();
      await logIn(page, DEMO_ORGANIZER_EMAIL, '/dashboard');
      await page.getByRole('button', { name: 'Envoyer l’annonce' }).click();
      await waitFor(
        page,
        page.locator('#field-message-error', { hasText: 'Ce champ est obligatoire.' }),
      );
      await page
        .getByLabel('Message', { exact: true })
        .fill('La plénière commence dans 10 minutes.');
      await page.getByRole('button', { name: 'Envoyer l’annonce' }).click();
      await waitFor(page, page.getByText('Annonce envoyée.'));
      await waitFor(
        reader,
        reader.locator('.announcement', { hasText: 'La plénière commence dans 10 minutes.' }),
      );
      await reader.context().close();
      await page.context().close();
    },
    LONG,
  );

  it(
    'records that a meeting took place, asking first when its slot has not begun',
    async () => {
      const page = await open();
      await logIn(page, DEMO_ORGANIZER_EMAIL, '/dashboard');
      await page.getByRole('link', { name: 'Rendez-vous et présences' }).click();
      await waitFor(page, page.getByRole('heading', { name: 'Rendez-vous', exact: true }));
      // The demo edition is in 2027: its confirmed meetings are all to come.
      const card = page.locator('.meetings-admin li.card').first();
      await waitFor(page, card);
      const who = await card.locator('h2').innerText();
      await card.getByRole('button', { name: 'A eu lieu' }).click();
      const ask = card.getByRole('alertdialog');
      await waitFor(page, ask.getByText('Ce créneau n’a pas encore commencé.', { exact: false }));
      await screenshot(page, 'meetings-attendance');
      await ask.getByRole('button', { name: 'Oui, noter' }).click();
      await page.getByLabel('Statut').selectOption({ label: 'A eu lieu' });
      const held = page.locator('.meetings-admin li.card', { hasText: who });
      await waitFor(page, held.locator('.status', { hasText: 'A eu lieu' }));
      await page.context().close();
    },
    LONG,
  );

  it(
    "confirms a convention for a visitor's organization from the panel, and shows who confirmed",
    async () => {
      const organizer = await login(app.http, DEMO_ORGANIZER_EMAIL, DEMO_PASSWORD);
      const esat = await login(app.http, 'ateliers-garrigues@demo.example', DEMO_PASSWORD);
      const editions = (await app.http.get('/api/editions').expect(200)).body as {
        id: string;
        name: string;
      }[];
      const editionId = editions.find((e) => e.name === DEMO_EDITION.name)!.id;
      const me = (await as(app.http, esat).get('/api/auth/me').expect(200)).body as {
        organizationId: string;
        participations: { editionId: string; participantId: string }[];
      };
      const stand = me.participations.find((p) => p.editionId === editionId)!.participantId;
      // A visitor who named an organization (no account of its own) meets the ESAT; held.
      const buyer = await login(app.http, visitor.email, DEMO_PASSWORD);
      const request = await as(app.http, buyer)
        .post(`/api/editions/${editionId}/meetings`, { toParticipantId: stand })
        .expect(201);
      await as(app.http, esat).post(`/api/meetings/${request.body.id}/accept`, {}).expect(200);
      await as(app.http, organizer)
        .post(`/api/meetings/${request.body.id}/attendance`, {
          attendance: 'held',
          confirmFuture: true,
        })
        .expect(200);
      const visitorId = (request.body as { requester: { participantId: string } }).requester
        .participantId;
      const title = 'Ateliers de cuisine pour les vacanciers';
      await as(app.http, esat)
        .post('/api/conventions', {
          editionId,
          title,
          kind: 'service',
          parties: [
            { organizationId: me.organizationId, role: 'prestataire' },
            { participantId: visitorId, role: 'client' },
          ],
          meetingIds: [request.body.id],
        })
        .then((res) =>
          expect([res.status, res.body]).toEqual([201, expect.objectContaining({ title })]),
        );

      const page = await open();
      await logIn(page, DEMO_ORGANIZER_EMAIL, '/dashboard');
      await page.getByRole('button', { name: `Suivi de « ${title} »` }).click();
      const panel = page.locator('.convention-panel');
      const town = panel.locator('.parties li', { hasText: visitor.organizationName });
      await waitFor(page, town.getByText('pas encore confirmé'));
      await waitFor(page, panel.locator('.parties li[data-confirmed="true"]', { hasText: 'ESAT' }));
      await town
        .getByRole('button', { name: `Confirmer pour ${visitor.organizationName}` })
        .click();
      await waitFor(
        page,
        panel.locator('.parties li[data-confirmed="true"]', { hasText: visitor.organizationName }),
      );
      await expect(panel.getByText('pas encore confirmé').count()).resolves.toBe(0);
      await page.context().close();
    },
    LONG,
  );

  it(
    'speaks English on the edition form, errors included',
    async () => {
      const page = await open();
      await logIn(page, DEMO_ORGANIZER_EMAIL, '/dashboard');
      await page.getByLabel('Langue').selectOption('en');
      await page.getByRole('link', { name: 'Create an edition' }).click();
      await page.getByLabel('Name of the edition').fill('');
      await page.getByRole('button', { name: 'Create the edition' }).click();
      await waitFor(
        page,
        page.locator('#field-name-error', { hasText: 'This field is required.' }),
      );
      await waitFor(
        page,
        page.locator('#field-days\\.0\\.date-error', { hasText: 'Enter a date as YYYY-MM-DD.' }),
      );
      await page.context().close();
    },
    LONG,
  );

  it(
    'spaces the slot labels of the dashboard chart so that none runs into the next, on a phone',
    async () => {
      const page = await open();
      await page.setViewportSize({ width: 390, height: 844 });
      await logIn(page, DEMO_ORGANIZER_EMAIL, '/dashboard');
      const chart = page.locator('.slot-chart .chart[data-axis-labels]');
      await waitFor(page, chart);
      const overlaps = await chart.evaluate((element: HTMLElement) => {
        const drawn = JSON.parse(element.dataset.axisLabels!) as { label: string; x: number }[];
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = element.dataset.axisFont!;
        const width = (label: string) => context.measureText(label).width;
        const clashes = drawn
          .slice(1)
          .filter(
            (next, i) => next.x - drawn[i].x < (width(drawn[i].label) + width(next.label)) / 2,
          )
          .map((next) => next.label);
        return { shown: drawn.length, clashes };
      });
      // Several labels fit on a phone, and no two of them overlap.
      expect(overlaps.shown).toBeGreaterThan(2);
      expect(overlaps.clashes).toEqual([]);
      await page.context().close();
    },
    LONG,
  );
});
