import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { homePage, lookupPage, orderPage, shopPage } from '../pages/web.ts';

export const webRoutes: FastifyPluginAsyncZod = async (app) => {
  const html = { schema: { hide: true } };
  app.get('/', html, async (_req, reply) => {
    const { rows } = await app.services.database.pool.query<{ slug: string }>(`select slug from merchants where slug = 'demo'`);
    return reply.type('text/html; charset=utf-8').send(homePage(rows[0]?.slug));
  });
  app.get('/s/:shop_slug', { schema: { hide: true, params: z.object({ shop_slug: z.string().max(64) }) } }, async (req, reply) =>
    reply.type('text/html; charset=utf-8').send(shopPage(req.params.shop_slug)));
  app.get('/s/:shop_slug/p/:product_id', { schema: { hide: true, params: z.object({ shop_slug: z.string().max(64), product_id: z.string().max(64) }) } }, async (req, reply) =>
    reply.type('text/html; charset=utf-8').send(shopPage(req.params.shop_slug)));
  app.get('/o/:number', { schema: { hide: true, params: z.object({ number: z.string().max(40) }) } }, async (req, reply) =>
    reply.type('text/html; charset=utf-8').header('referrer-policy', 'no-referrer').send(orderPage(req.params.number)));
  app.get('/lookup', html, async (_req, reply) => reply.type('text/html; charset=utf-8').send(lookupPage()));
};
