import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Writes .br and .gz beside each text file once the bundle is on disk (so with its final
 * content); the server sends them as they are (`preCompressed`).
 */
function precompress(): Plugin {
  return {
    name: 'coventis-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg)$/.test(fileName)) continue;
        const source = readFileSync(join(dir, fileName));
        writeFileSync(join(dir, `${fileName}.gz`), gzipSync(source, { level: 9 }));
        writeFileSync(join(dir, `${fileName}.br`), brotliCompressSync(source));
      }
    },
  };
}

// Preact rather than React: the same component model in 4 kB, which leaves the catalogue page
// far under its 150 kB budget on a venue's poor network; its JSX needs no Babel, only Vite's own
// transform told where the runtime is.
export default defineConfig({
  root: import.meta.dirname,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: true },
  plugins: [
    // Installable, and usable on the venue's Wi-Fi when it drops: the app's files come from the
    // service worker's cache, and the API's answers to reads (agenda, catalogue, who I am) from
    // the last time they came (network first: online, always fresh). Writes are never cached: scans
    // made offline wait in IndexedDB (src/scan-queue.ts).
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: null,
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Coventis — convention d’affaires de l’ESS',
        short_name: 'Coventis',
        lang: 'fr',
        start_url: '/',
        display: 'standalone',
        theme_color: '#0b5d3b',
        background_color: '#ffffff',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/socket\.io\//],
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            urlPattern: ({ url, request }) =>
              url.pathname.startsWith('/api/') &&
              request.method === 'GET' &&
              !/\.(csv|pdf|ics|png)$/.test(url.pathname),
            handler: 'NetworkFirst',
            options: {
              cacheName: 'coventis-api',
              networkTimeoutSeconds: 6,
              expiration: { maxEntries: 300, maxAgeSeconds: 7 * 24 * 3600 },
            },
          },
        ],
      },
    }),
    precompress(),
  ],
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
