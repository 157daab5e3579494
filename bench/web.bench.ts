import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { ROOT, startServer, tempDatabase } from './support.js';

// `npm run bench:web`: the catalogue's first render on the demo edition in Debian's Chromium,
// from Chromium's own performance timing, on the loopback and on a throttled "slow 4G" phone.
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface Profile {
  name: string;
  /** Lighthouse's mobile preset: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, CPU 4x slower. */
  network?: { latency: number; downloadThroughput: number; uploadThroughput: number };
  cpuSlowdown?: number;
}

const PROFILES: Profile[] = [
  { name: 'loopback, desktop CPU' },
  {
    name: 'slow 4G, CPU 4x slower',
    network: {
      latency: 150,
      downloadThroughput: (1.6e6 / 8) * 0.9,
      uploadThroughput: (750e3 / 8) * 0.9,
    },
    cpuSlowdown: 4,
  },
];

interface Sample {
  ttfb: number;
  domContentLoaded: number;
  load: number;
  fcp: number;
  lcp: number;
  cards: number;
  scriptBytes: number;
}

/** The JavaScript the catalogue page loads (socket.io waits for a login), gzipped as sent. */
function catalogueScriptSize(): { raw: number; gzip: number } {
  const assets = path.join(ROOT, 'web/dist/assets');
  const html = readFileSync(path.join(ROOT, 'web/dist/index.html'), 'utf8');
  const entry = readdirSync(assets).filter((f) => f.endsWith('.js') && html.includes(f));
  const bytes = entry.map((f) => readFileSync(path.join(assets, f)));
  return {
    raw: bytes.reduce((n, b) => n + b.length, 0),
    gzip: bytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
  };
}

async function measure(browser: Browser, url: string, profile: Profile): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (profile.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
  }
  if (profile.cpuSlowdown)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
  // The moment the first exhibitor card is in the page, seen from inside it.
  await page.addInitScript(() => {
    const w = window as unknown as { cardsAt?: number; lcp?: number };
    new MutationObserver((_, observer) => {
      if (document.querySelector('.card')) {
        w.cardsAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('.card').first().waitFor();
  const sample = await page.evaluate(() => {
    const w = window as unknown as { cardsAt?: number; lcp?: number };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js'))
      .reduce((n, r) => n + r.transferSize, 0);
    return {
      ttfb: nav.responseStart,
      domContentLoaded: nav.domContentLoadedEventEnd,
      load: nav.loadEventEnd,
      fcp,
      lcp: w.lcp ?? NaN,
      cards: w.cardsAt ?? NaN,
      scriptBytes: scripts,
    };
  });
  await context.close();
  return sample;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const db = tempDatabase();
const server = await startServer(db.url, { SEED_DEMO: 'auto' });
const browser = await launchChromium();
try {
  const size = catalogueScriptSize();
  console.log(
    `catalogue page JavaScript: ${(size.raw / 1024).toFixed(1)} kB, ${(size.gzip / 1024).toFixed(1)} kB gzipped`,
  );
  console.log(
    `median of ${RUNS} cold loads (fresh browser context each), phone viewport 390x844, ms:`,
  );
  console.log(
    '| profile | TTFB | FCP | DOMContentLoaded | load | first cards | LCP | JS sent (kB) |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const profile of PROFILES) {
    await measure(browser, `${server.url}/`, profile); // a warm-up, not counted
    const samples: Sample[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await measure(browser, `${server.url}/`, profile));
    const m = (key: keyof Sample) => Math.round(median(samples.map((s) => s[key])));
    console.log(
      `| ${profile.name} | ${m('ttfb')} | ${m('fcp')} | ${m('domContentLoaded')} | ${m('load')} | ${m('cards')} | ${m('lcp')} | ${(m('scriptBytes') / 1024).toFixed(1)} |`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
  db.cleanup();
}
