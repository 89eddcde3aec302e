import { openDownload } from '../../modules/downloads/open-download.ts';
import { buyerCtx } from '../plugins/auth.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/errors.ts';
import { getStorefrontProduct, listStorefrontProducts } from '../../modules/catalog/list-storefront-products.ts';
import { placeOrder } from '../../modules/flows/place-order.ts';
import { listShopGateways } from '../../modules/payments/list-shop-gateways.ts';
import { lookupOrders } from '../../modules/orders/lookup-orders.ts';
import { readOrderAsBuyer } from '../../modules/orders/read-order-as-buyer.ts';
import { confirmReceipt } from '../../modules/flows/confirm-receipt.ts';
import { listPickableCards, PicksQuery } from '../../modules/vault/pick-cards.ts';
import { BuyerOrderOut, CreateOrderInput, CreateOrderOut, LookupInput } from '../../modules/orders/schemas.ts';
import { StorefrontProductOut } from '../../modules/catalog/schemas.ts';

const ShopParams = z.object({ shop_slug: z.string().min(1).max(64) });

export const storefrontRoutes: FastifyPluginAsyncZod = async (app) => {

  app.get('/api/v1/storefront/:shop_slug/products', {
    schema: {
      tags: ['storefront'], summary: "A shop's public products with price and available stock", params: ShopParams,
      response: { 200: z.object({ object: z.literal('list'), shop: z.object({ slug: z.string(), name: z.string() }), data: z.array(StorefrontProductOut), has_more: z.boolean() }) },
    },
  }, async (req) => listStorefrontProducts(buyerCtx(req), { shopSlug: req.params.shop_slug }));

  app.get('/api/v1/storefront/:shop_slug/products/:product_id', {
    schema: {
      tags: ['storefront'], summary: 'One product of a shop, with price and available stock (public or unlisted)',
      params: ShopParams.extend({ product_id: z.string().min(1).max(64) }),
      response: { 200: z.object({ shop: z.object({ slug: z.string(), name: z.string() }), product: StorefrontProductOut }) },
    },
  }, async (req) => getStorefrontProduct(buyerCtx(req), { shopSlug: req.params.shop_slug, productId: req.params.product_id }));

  app.get('/api/v1/storefront/:shop_slug/products/:product_id/picks', {
    schema: {
      tags: ['storefront'], summary: '自选卡密: the keys a buyer may pick from, by masked preview (products that allow picking)',
      description: 'Pass the chosen `id` as `card_id` at checkout (quantity 1). 404 when the product does not allow picking.',
      params: z.object({ shop_slug: z.string().min(1).max(64), product_id: z.string().min(1).max(64) }), querystring: PicksQuery,
      response: { 200: z.object({ object: z.literal('list'), data: z.array(z.object({ id: z.string(), object: z.literal('pickable_card'), preview: z.string() })), has_more: z.boolean() }) },
    },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return listPickableCards(buyerCtx(req), { ...req.query, shopSlug: req.params.shop_slug, productId: req.params.product_id });
  });

  app.get('/api/v1/storefront/:shop_slug/gateways', {
    schema: {
      tags: ['storefront'], summary: 'The ways to pay this shop offers (for the checkout\'s gateway choice)', params: ShopParams,
      response: { 200: z.object({ object: z.literal('list'), data: z.array(z.object({
        gateway: z.string(), title: z.string(), methods: z.array(z.string()), currencies: z.array(z.string()).nullable(),
        fee_bps: z.number().int(), fee_fixed: z.number().int(), min_amount: z.number().int().nullable(), max_amount: z.number().int().nullable(),
      })), has_more: z.boolean() }) },
    },
  }, async (req) => ({ object: 'list' as const, data: await listShopGateways(buyerCtx(req), { shopSlug: req.params.shop_slug }), has_more: false }));

  app.post('/api/v1/storefront/:shop_slug/orders', {
    schema: {
      tags: ['storefront'],
      summary: 'Guest checkout: reserve the keys and open a payment',
      description: 'Errors: 409 `out_of_stock`, 422 `validation_error`, 429 `too_many_pending`. Keep `access_token`: it reads the order and its keys. ' +
        'With `gateway: "wallet"` the buyer must be logged in (session cookie + X-CSRF-Token); the balance is debited and the order delivered ' +
        'in the same transaction (409 `insufficient_balance` if it is too low).',
      params: ShopParams, body: CreateOrderInput, response: { 201: CreateOrderOut },
    },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return reply.code(201).send(await placeOrder(buyerCtx(req), { ...req.body, shopSlug: req.params.shop_slug }));
  });

  app.get('/api/v1/storefront/orders/:number', {
    schema: {
      tags: ['storefront'], summary: 'The buyer reads an order and, once delivered, its keys',
      params: z.object({ number: z.string().min(1).max(40) }), response: { 200: BuyerOrderOut },
      headers: z.object({ 'x-order-token': z.string().max(200).optional() }),
      security: [{ orderToken: [] }],
    },
  }, async (req, reply) => {
    const token = req.headers['x-order-token'];
    if (!token) throw new AppError(401, 'order_token_required', 'Send the order access token in the X-Order-Token header.', 'authentication_error');
    reply.header('cache-control', 'no-store');
    return readOrderAsBuyer(buyerCtx(req), { number: req.params.number, token });
  });

  app.post('/api/v1/storefront/orders/:number/confirm', {
    schema: {
      tags: ['storefront'], summary: 'The buyer confirms receipt (确认收货): the order completes before its escrow window ends',
      description: 'Answers the order, `completed`; repeating it answers the same. 409 `order_disputed` while a dispute is open, ' +
        '409 `order_not_delivered` before delivery or after a refund in full.',
      params: z.object({ number: z.string().min(1).max(40) }),
      headers: z.object({ 'x-order-token': z.string().max(200).optional() }),
      security: [{ orderToken: [] }],
      response: { 200: z.object({ id: z.string(), object: z.literal('order'), number: z.string(), status: z.string(), completed_at: z.string().nullable() }) },
    },
  }, async (req) => {
    const token = req.headers['x-order-token'];
    if (!token) throw new AppError(401, 'order_token_required', 'Send the order access token in the X-Order-Token header.', 'authentication_error');
    return confirmReceipt(buyerCtx(req), { number: req.params.number, token });
  });

  app.post('/api/v1/storefront/orders/lookup', {
    schema: {
      tags: ['storefront'],
      summary: 'Find orders by number + query password, or email + query password',
      description: 'A wrong password and an unknown order both answer `{"orders": []}`. Rate-limited (429 `rate_limited`).',
      body: LookupInput,
      response: { 200: z.object({ orders: z.array(z.object({ number: z.string(), status: z.string(), created_at: z.string(), access_token: z.string() })) }) },
    },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return lookupOrders(buyerCtx(req), req.body);
  });

  app.get('/api/v1/downloads/:id', {
    // Files are sent as they are: most are compressed already, and a size lets the browser show progress.
    compress: false,
    schema: {
      tags: ['storefront'], summary: 'Download a bought file through its signed link (from the order page or the delivery email)',
      description: 'The link carries `expires` and `signature`; a wrong one is 404, an expired one 410 `link_expired` (the order page gives a new one), ' +
        'a refunded order\'s file 410 `download_unavailable`. Sent as an attachment with its SHA-256 as ETag; one `Range: bytes=…` resumes a large ' +
        'download (206; 416 past the end; If-Range honoured). 503 `file_unavailable` if the platform lost the file.',
      params: z.object({ id: z.string().min(1).max(64) }),
      querystring: z.object({ expires: z.coerce.number().int().min(0).max(1e11), signature: z.string().min(1).max(100) }),
    },
  }, async (req, reply) => {
    const d = await openDownload(buyerCtx(req), {
      fulfilmentId: req.params.id, expires: req.query.expires, signature: req.query.signature, range: req.headers.range,
      ifRange: typeof req.headers['if-range'] === 'string' ? req.headers['if-range'] : undefined, count: req.method === 'GET',
    });
    if (d.unsatisfiable) {
      return reply.code(416).header('content-range', `bytes */${d.size}`)
        .send({ error: { type: 'invalid_request_error', code: 'range_not_satisfiable', message: `The file has ${d.size} bytes.` } });
    }
    const ascii = d.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    reply
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(d.filename)}`)
      .header('cache-control', 'private, no-store')
      .header('etag', d.etag)
      .header('accept-ranges', 'bytes');
    if (d.range) {
      reply.code(206).header('content-range', `bytes ${d.range.start}-${d.range.end}/${d.size}`).header('content-length', d.range.end - d.range.start + 1);
    } else {
      reply.header('content-length', d.size);
    }
    return reply.send(d.stream);
  });
};
