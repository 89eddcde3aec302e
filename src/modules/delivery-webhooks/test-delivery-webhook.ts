// The console's "test the endpoint": one signed call like a real one, with
// `data.test: true`, a made-up order and a quantity of 1; reports what came
// back (status, the reason it would fail, how long it took) — not the items.
import { shopOf, type Ctx } from '../shared/context.ts';
import { callDeliveryEndpoint } from './call-delivery-endpoint.ts';
import { hitRateLimit } from '../trust/rate-limit.ts';
import { loadWebhookProduct } from './webhook-product.ts';

export async function testDeliveryWebhook(ctx: Ctx, { productId }: { productId: string }) {
  const p = await loadWebhookProduct(ctx.database.pool, ctx.keyring, shopOf(ctx), productId);
  const at = ctx.clock.now();
  // The platform does not become a tool for probing someone's URL: a few tests a minute per shop.
  await hitRateLimit(ctx.database.pool, at, `webhook_test:${shopOf(ctx)}`, 10, 60);
  const started = performance.now();
  const msgId = `dlv_test_${at.getTime()}`;
  const answer = await callDeliveryEndpoint({
    url: p.url, secret: p.secret, msgId, at, quantity: 1, allowPrivate: ctx.config.webhookAllowPrivate,
    body: {
      id: msgId, type: 'delivery.requested', created_at: at.toISOString(),
      data: {
        order: { id: 'ord_test', object: 'order', number: 'TEST', status: 'paid', total: 0, currency: 'CNY', email: 'buyer@example.com' },
        item: { id: 'oit_test', product_id: productId, title: p.title, quantity: 1 },
        test: true,
      },
    },
  });
  return {
    ok: answer.ok, status: answer.status, error: answer.ok ? null : answer.error,
    items: answer.ok ? answer.items.length : 0, latency_ms: Math.round(performance.now() - started),
  };
}
