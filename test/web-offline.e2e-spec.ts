import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { ORGANIZER, PASSWORD } from './support/app.js';
import { BrowserPages, launchChromium, screenshot } from './support/browser.js';
import { qrVideo } from './support/camera.js';
import {
  as,
  liveEditionBody,
  TestSession,
  type EditionInfo,
  type VisitorInfo,
} from './support/session.js';

/**
 * The convention floor with the Wi-Fi down, in Debian's Chromium: badges checked in at the door
 * without network wait on the device ("en attente") and reach the server with their own scan times
 * when it comes back; the app itself, the agenda and the catalogue open again offline from the last
 * visit.
 */
const LONG = 120_000;

/**
 * The network cut for the page and for its service worker alike: the emulation of `setOffline` has
 * not always reached a service worker's own requests (Playwright #2311), so those are also aborted
 * by a route (Playwright routes them, unless PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK is set).
 */
const abortFromWorker = (route: Route) =>
  route.request().serviceWorker() ? route.abort('internetdisconnected') : route.fallback();

async function offline(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
  await context.route('**', abortFromWorker);
}

async function online(context: BrowserContext): Promise<void> {
  await context.unroute('**', abortFromWorker);
  await context.setOffline(false);
}

describe('the convention floor offline, in a real browser', () => {
  let s: TestSession;
  let browser: Browser;
  let edition: EditionInfo & { slots: { id: string }[] };
  let visitors: VisitorInfo[];
  const pages = new BrowserPages(
    () => browser,
    () => s.testApp.url,
  );

  beforeAll(async () => {
    s = await TestSession.start();
    browser = await launchChromium();
    edition = (
      await as(s.http, s.organizerToken).post(
        '/api/editions',
        liveEditionBody({ name: 'Rencontres ESS Lozère' }),
      )
    ).body;
    visitors = [];
    for (const firstName of ['Anaïs', 'Bérénice', 'Céline'])
      visitors.push(await s.registerVisitor(edition.id, { firstName, lastName: 'Aubrac' }));
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  afterEach(() => {
    expect(pages.errors.splice(0)).toEqual([]);
  });

  /** Waits until the service worker controls the page, so that what it cached serves offline. */
  const controlled = async (page: Page) => {
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) =>
          navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
        );
      }
    });
  };

  it(
    'checks three badges in offline, then sends them with their scan times when the network is back',
    async () => {
      const page = await pages.open();
      await pages.logIn(page, ORGANIZER.email, ORGANIZER.password, '/check-in');
      await controlled(page);
      // A visit under the service worker: what the page reads is kept for offline.
      await page.reload();
      await pages.waitFor(page, page.getByLabel('Code du badge'));
      const context = page.context();

      await offline(context);
      const before = Date.now();
      for (const visitor of [...visitors, visitors[0]]) {
        await page.getByLabel('Code du badge').fill(visitor.badgeCode.toLowerCase());
        await page.getByRole('button', { name: "Enregistrer l'entrée" }).click();
        await pages.waitFor(page, page.getByText(`Badge ${visitor.badgeCode} enregistré`));
      }
      const rows = page.locator('ol.scans li');
      await expect(rows.count()).resolves.toBe(4);
      await expect(page.locator('ol.scans li[data-status="pending"]').count()).resolves.toBe(4);
      await pages.waitFor(page, page.getByText('4 scans en attente du réseau.'));
      await expect(rows.first().innerText()).resolves.toContain('en attente');
      // Still offline after a while (the page retries): the server has none of them.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const checkedIn = () =>
        s.testApp.query<{ badgeCode: string; checkedInAt: string | Date | null }>(
          `SELECT "badgeCode", "checkedInAt" FROM participants WHERE "editionId" = '${edition.id}' AND "checkedInAt" IS NOT NULL ORDER BY "badgeCode"`,
        );
      await expect(checkedIn()).resolves.toEqual([]);
      // A reload offline: the app comes from the service worker, the scans from the device.
      await page.reload();
      await pages.waitFor(page, page.getByText('4 scans en attente du réseau.'));
      await screenshot(page, 'check-in-offline');
      const back = Date.now();

      await online(context);
      await pages.waitFor(page, page.getByText('Tous les scans de cet appareil sont envoyés.'));
      await expect(page.locator('ol.scans li[data-status="sent"]').count()).resolves.toBe(4);
      await pages.waitFor(page, page.locator('ol.scans li', { hasText: 'Anaïs Aubrac' }).first());
      // Three check-ins, each at the time its badge was scanned, before the network came back;
      // Anaïs's badge, scanned twice, counts once, at the first scan.
      const stored = await checkedIn();
      expect(stored.map((r) => r.badgeCode)).toEqual(visitors.map((v) => v.badgeCode).sort());
      for (const row of stored) {
        const at = new Date(
          typeof row.checkedInAt === 'string' && !row.checkedInAt.endsWith('Z')
            ? `${row.checkedInAt.replace(' ', 'T')}Z`
            : row.checkedInAt!,
        ).getTime();
        expect(at).toBeGreaterThanOrEqual(before - 1000);
        expect(at).toBeLessThan(back);
      }
      const stats = await as(s.http, s.organizerToken)
        .get(`/api/editions/${edition.id}/stats`)
        .expect(200);
      expect(stats.body.checkIns).toBe(3);
      await expect(page.locator('ol.scans li', { hasText: 'Anaïs Aubrac' }).count()).resolves.toBe(
        2,
      );
      await page.context().close();
    },
    LONG,
  );

  it(
    'opens the agenda and the catalogue offline from the last visit',
    async () => {
      const stand = await s.onboardExhibitor(edition.id, {
        organization: {
          name: 'Coopérative des Causses',
          legalForm: 'scop',
          city: 'Mende',
          sectors: ['alimentation'],
          department: '48',
        },
        stand: 'D4',
      });
      const visitor = visitors[1];
      const request = await as(s.http, visitor.token)
        .post(`/api/editions/${edition.id}/meetings`, { toParticipantId: stand.participantId })
        .expect(201);
      await as(s.http, stand.token)
        .post(`/api/meetings/${request.body.id}/accept`, { slotId: edition.slots[1].id })
        .expect(200);
      const page = await pages.open();
      await pages.logIn(page, visitor.email, PASSWORD, '/agenda');
      const meeting = page.locator('li.meeting', { hasText: 'Coopérative des Causses' });
      await pages.waitFor(page, meeting);
      await controlled(page);
      // The last visit, under the service worker: the agenda, then the catalogue.
      await page.reload();
      await pages.waitFor(page, meeting);
      await page.goto('/');
      await pages.waitFor(page, page.getByText('Coopérative des Causses').first());

      // Installable, as Chromium judges it: a manifest with icons, a service worker that serves
      // the page. (A Playwright context is incognito, which Chromium names as a reason of its own.)
      const cdp = await page.context().newCDPSession(page);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
        installabilityErrors: { errorId: string }[];
      };
      expect(
        installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'),
      ).toEqual([]);
      const manifest = await s.http.get('/manifest.webmanifest').expect(200);
      expect(JSON.parse(manifest.text)).toMatchObject({
        short_name: 'Coventis',
        lang: 'fr',
      });

      await offline(page.context());
      await page.goto('/agenda');
      await pages.waitFor(page, meeting);
      await page.goto('/');
      await pages.waitFor(page, page.getByText('Coopérative des Causses').first());
      await page.context().close();
    },
    LONG,
  );

  it(
    'keeps a lead scanned at a stand offline, then sends it with its scan time',
    async () => {
      const stand = await s.onboardExhibitor(edition.id, { stand: 'E5' });
      const willing = await s.registerVisitor(edition.id, {
        firstName: 'Élise',
        lastName: 'Margeride',
        scanConsent: true,
      });
      const page = await pages.open();
      await pages.logIn(page, stand.email, PASSWORD, '/leads');
      await pages.waitFor(page, page.getByLabel('Code du badge'));
      await controlled(page);
      await page.reload();
      await pages.waitFor(page, page.getByText('Aucun contact pour l’instant'));

      await offline(page.context());
      const before = Date.now();
      await page.getByLabel('Code du badge').fill(willing.badgeCode);
      await page.getByRole('button', { name: 'Enregistrer le contact' }).click();
      await pages.waitFor(page, page.getByText(`Badge ${willing.badgeCode} enregistré`));
      await pages.waitFor(page, page.locator('ol.scans li[data-status="pending"]'));
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const leads = () =>
        s.testApp.query<{ scannedAt: string | Date }>(
          `SELECT "scannedAt" FROM leads WHERE "participantId" = '${willing.participantId}'`,
        );
      await expect(leads()).resolves.toEqual([]);
      const back = Date.now();

      await online(page.context());
      await pages.waitFor(page, page.getByText('Élise Margeride est ajouté(e) à vos contacts.'));
      await pages.waitFor(page, page.getByRole('listitem', { name: 'Élise Margeride' }));
      const [lead] = await leads();
      const at = new Date(
        typeof lead.scannedAt === 'string' && !/Z|[+-]\d\d:?\d\d$/.test(lead.scannedAt)
          ? `${lead.scannedAt.replace(' ', 'T')}Z`
          : lead.scannedAt,
      ).getTime();
      expect(at).toBeGreaterThanOrEqual(before - 1000);
      expect(at).toBeLessThan(back);
      await page.context().close();
    },
    LONG,
  );

  it(
    'reads a badge with the camera at the desk and checks it in',
    async () => {
      const visitor = await s.registerVisitor(edition.id, {
        firstName: 'Dorothée',
        lastName: 'Aubrac',
      });
      // A camera that films the badge's QR code: Chromium's fake capture device, fed a video.
      const video = path.join(mkdtempSync(path.join(tmpdir(), 'coventis-camera-')), 'badge.y4m');
      qrVideo(video, visitor.badgeCode);
      const filming = await launchChromium([
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ]);
      try {
        const desk = new BrowserPages(
          () => filming,
          () => s.testApp.url,
        );
        const page = await desk.open();
        await page.context().grantPermissions(['camera']);
        await desk.logIn(page, ORGANIZER.email, ORGANIZER.password, '/check-in');
        await page.getByRole('button', { name: 'Scanner avec la caméra' }).click();
        await desk.waitFor(page, page.getByText('Dorothée Aubrac est entré(e).'));
        await page.getByRole('button', { name: 'Fermer la caméra' }).click();
        // Held in front of the camera for a while, the badge was one scan.
        await expect(page.locator('ol.scans li', { hasText: 'Dorothée' }).count()).resolves.toBe(1);
        const badge = await as(s.http, visitor.token)
          .get(`/api/editions/${edition.id}/registrations/${visitor.participantId}/badge`)
          .expect(200);
        expect(badge.body.checkedInAt).not.toBeNull();
        expect(desk.errors).toEqual([]);
      } finally {
        await filming.close();
      }
    },
    LONG,
  );
});
