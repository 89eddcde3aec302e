// The web app: the storefront (light, for buyers on phones) and the merchant
// console and admin (a separate entry, never loaded for buyers). Built into
// dist/web and served by the same process as the API (`npm start`);
// `npm run dev` serves it with hot reload and proxies the API.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = import.meta.dirname;
const api = `http://127.0.0.1:${process.env.XIAOPU_API_PORT ?? '3000'}`;

/** In development, the same stable links as in production: storefront pages get store.html, /console and /admin get console.html. */
function pageRoutes(): Plugin {
  const page = (url: string): string | undefined => {
    const path = url.split('?')[0] ?? url;
    if (path === '/console' || path.startsWith('/console/') || path === '/admin' || path.startsWith('/admin/')) return '/console.html';
    if (path === '/' || path === '/lookup' || /^\/(s|o)\/[^.]+$/.test(path)) return '/store.html';
    return undefined;
  };
  return {
    name: 'xiaopu-page-routes',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const target = req.url ? page(req.url) : undefined;
        if (target) req.url = target;
        next();
      });
    },
  };
}

/** Writes .br and .gz beside each text asset, so the server sends them compressed without compressing per request. */
function precompress(outDir: string): Plugin {
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  return {
    name: 'xiaopu-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(join(outDir, 'assets'))) {
        if (!/\.(js|css|svg|json|html|txt)$/.test(file) || statSync(file).size < 1024) continue;
        const data = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

const outDir = resolve(here, '../dist/web');

export default defineConfig({
  root: here,
  appType: 'mpa',
  plugins: [react(), pageRoutes(), precompress(outDir)],
  build: {
    outDir,
    emptyOutDir: true,
    manifest: true,
    // The console carries ECharts (~190 KB gzipped); buyers never load it.
    chunkSizeWarningLimit: 700,
    rollupOptions: { input: { store: resolve(here, 'store.html'), console: resolve(here, 'console.html') } },
  },
  server: {
    // The page people open: XIAOPU_WEB_PORT, else PORT, else 5173.
    port: Number(process.env.XIAOPU_WEB_PORT ?? process.env.PORT ?? 5173),
    proxy: { '/api': api, '/pay': api, '/docs': api, '/openapi.json': api, '/healthz': api },
  },
});
