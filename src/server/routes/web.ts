// The web app's pages (DESIGN §12 stable links): the storefront shell for
// /, /s/{shop}, /s/{shop}/p/{product}, /o/{number} and /lookup, the console
// shell for /console/* and /admin/*, and their
// hashed assets. Built by `npm run build:web` into dist/web (npm start and
// npm test build it first); `npm run dev` serves it with hot reload instead.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const WEB_DIST = fileURLToPath(new URL('../../../dist/web/', import.meta.url));


function readShell(name: 'store' | 'console'): string | undefined {
  try {
    return readFileSync(`${WEB_DIST}${name}.html`, 'utf8');
  } catch {
    return undefined;
  }
}

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>XiaoPu</title>
<p>The web app has not been built. Run <code>npm run build:web</code> (npm start does it for you), or <code>npm run dev</code> while developing.</p>
<p>The API is up: <a href="/docs">/docs</a>.</p>`;

export const webRoutes: FastifyPluginAsyncZod = async (app) => {
  const shell = readShell('store');
  // The console is its own entry: buyers never download its code.
  const consoleShell = readShell('console');
  if (shell) await app.register(fastifyStatic, {
    root: `${WEB_DIST}assets`, prefix: '/assets/', wildcard: true, index: false, decorateReply: false,
    // The build writes .br and .gz beside each asset (web/vite.config.ts).
    preCompressed: true,
    // File names carry a content hash: cache them for good.
    immutable: true, maxAge: '365d',
  });

  const page = { schema: { hide: true } } as const;
  const send = (reply: FastifyReply, html = shell) => {
    // The CSP, nosniff, no-referrer and no-framing headers come from plugins/security-headers.ts.
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8');
    return html ? reply.send(html) : reply.code(503).send(NOT_BUILT);
  };
  app.get('/', page, async (_req, reply) => send(reply));
  app.get('/lookup', page, async (_req, reply) => send(reply));
  app.get('/s/:shop_slug', { schema: { hide: true, params: z.object({ shop_slug: z.string().max(64) }) } }, async (_req, reply) => send(reply));
  app.get('/s/:shop_slug/p/:product_id', {
    schema: { hide: true, params: z.object({ shop_slug: z.string().max(64), product_id: z.string().max(64) }) },
  }, async (_req, reply) => send(reply));
  for (const url of ['/console', '/console/*', '/admin', '/admin/*']) {
    app.get(url, page, async (_req, reply) => send(reply, consoleShell));
  }
  app.get('/o/:number', { schema: { hide: true, params: z.object({ number: z.string().max(40) }) } }, async (_req, reply) => send(reply));
};
