import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

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
  plugins: [precompress()],
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
