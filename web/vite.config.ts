// The web app: the storefront (light, for buyers on phones) and the merchant
// console and admin (a separate entry, never loaded for buyers). Built into
// dist/web and served by the same process as the API (`npm start`);
// `npm run dev` serves it with hot reload and proxies the API.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = import.meta.dirname;
const api = `http://127.0.0.1:${process.env.XIAOPU_API_PORT ?? '3000'}`;

/** In development, the same stable links as in production: storefront pages get store.html, /console and /admin get console.html. */
function pageRoutes(): Plugin {
  const page = (url: string): string | undefined => {
    const path = url.split('?')[0]!;
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

export default defineConfig({
  root: here,
  appType: 'mpa',
  plugins: [react(), pageRoutes()],
  build: {
    outDir: resolve(here, '../dist/web'),
    emptyOutDir: true,
    manifest: true,
    // The console carries ECharts (~190 KB gzipped); buyers never load it.
    chunkSizeWarningLimit: 700,
    rollupOptions: { input: { store: resolve(here, 'store.html'), console: resolve(here, 'console.html') } },
  },
  server: {
    port: Number(process.env.XIAOPU_WEB_PORT ?? 5173),
    proxy: { '/api': api, '/pay': api, '/docs': api, '/openapi.json': api, '/healthz': api },
  },
});
