import { buyerCtx, gatewayCtx } from '../plugins/auth.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { handleGatewayNotify } from '../../modules/flows/handle-gateway-notify.ts';
import { loadPaymentPage } from '../../modules/payments/load-payment-page.ts';
import { loadSandboxPayment } from '../../modules/payments/load-sandbox-payment.ts';
import { signSandboxNotify } from '../../modules/payments/gateways/sandbox.ts';
import { environmentGatewayConfig } from '../../modules/payments/gateways/gateway-configs.ts';
import { isAllowedPaymentUrl } from '../../modules/payments/check-payment-action.ts';
import { payPage } from '../pages/pay.ts';
import { sandboxPayPage } from '../pages/sandbox-pay.ts';

export const paymentRoutes: FastifyPluginAsyncZod = async (app) => {
  const s = app.services;

  app.get('/pay/sandbox/:payment_id', {
    schema: { hide: true, params: z.object({ payment_id: z.string().min(1).max(64) }) },
  }, async (req, reply) => {
    const pay = await loadSandboxPayment(buyerCtx(req), req.params.payment_id);
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').type('text/html; charset=utf-8');
    if (!pay || !environmentGatewayConfig(s, 'sandbox')?.enabled) return reply.code(404).send(sandboxPayPage(undefined));
    const base = { payment_id: pay.id, trade_no: `sbx_${pay.id.slice(4)}`, amount: pay.amount, currency: pay.currency, timestamp: Math.floor(s.clock.now().getTime() / 1000) };
    return reply.send(sandboxPayPage({
      ...pay,
      succeed: signSandboxNotify(s.keyring, { ...base, status: 'succeeded' }),
      fail: signSandboxNotify(s.keyring, { ...base, status: 'failed' }),
    }, app.pageCsp(reply)));
  });

  // Every other gateway: one notify URL per gateway, GET or POST as the gateway
  // sends. Bodies are kept as raw text (Stripe and WeChat Pay sign the exact
  // bytes) and parsed here as JSON or a form.
  await app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_req, body, done) => done(null, body));
    const handler = async (req: FastifyRequest<{ Params: { gateway: string; config_id?: string } }>, reply: FastifyReply) => {
      const rawBody = typeof req.body === 'string' ? req.body : '';
      const answer = await handleGatewayNotify(gatewayCtx(req, req.params.gateway), {
        gateway: req.params.gateway,
        notify: {
          method: req.method, query: (req.query ?? {}) as Record<string, unknown>, body: parseNotifyBody(req.headers['content-type'], rawBody),
          rawBody, headers: req.headers,
        },
        configId: req.params.config_id,
      });
      if (!answer) return reply.code(404).type('text/plain; charset=utf-8').send('unknown gateway');
      return reply.code(answer.answer.status).type(answer.answer.contentType).send(answer.answer.body);
    };
    const schema = {
      tags: ['payments'],
      summary: 'A gateway\'s notify (sandbox, epay, …): verified completely, then settled once',
      description: 'The notify URL to configure at the gateway. Answers in the form the gateway expects (epay: `success`). '
        + 'The sandbox (`/api/v1/payments/sandbox/notify`, JSON, form or query string): fields `payment_id, trade_no, amount, currency, status, timestamp, signature`; '
        + 'signature = hex HMAC-SHA256(sandbox secret, "{payment_id}.{trade_no}.{amount}.{currency}.{status}.{timestamp}"); '
        + 'answers 200 `success` for a verified notify (also a repeat), 400 `fail` otherwise.',
      params: z.object({ gateway: z.string().min(1).max(32) }),
    };
    // The sandbox's notify URL is part of the core contract (DESIGN §12): the same handler, listed on its own.
    const sandboxHandler = (req: FastifyRequest, reply: FastifyReply) =>
      handler(Object.assign(req, { params: { gateway: 'sandbox' } }) as FastifyRequest<{ Params: { gateway: string } }>, reply);
    const { params: _gatewayParam, ...common } = schema;
    const sandboxSchema = { ...common, summary: 'The sandbox gateway\'s notify (JSON, form or query string)' };
    raw.post('/api/v1/payments/sandbox/notify', { schema: sandboxSchema }, sandboxHandler);
    raw.get('/api/v1/payments/sandbox/notify', { schema: sandboxSchema }, sandboxHandler);
    raw.post('/api/v1/payments/:gateway/notify', { schema }, handler);
    raw.get('/api/v1/payments/:gateway/notify', { schema }, handler);
    const shopSchema = {
      ...schema,
      summary: "A notify for a shop's own gateway account (the URL its configuration shows)",
      params: z.object({ gateway: z.string().min(1).max(32), config_id: z.string().min(1).max(64) }),
    };
    raw.post('/api/v1/payments/:gateway/notify/:config_id', { schema: shopSchema }, handler);
    raw.get('/api/v1/payments/:gateway/notify/:config_id', { schema: shopSchema }, handler);
  });

  app.get('/pay/:payment_id', {
    schema: { hide: true, params: z.object({ payment_id: z.string().min(1).max(64) }) },
  }, async (req, reply) => {
    const page = await loadPaymentPage(buyerCtx(req), req.params.payment_id);
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').type('text/html; charset=utf-8');
    if (!page) return reply.code(404).send(await payPage(undefined));
    const formTarget = page.action?.kind === 'form' && isAllowedPaymentUrl(page.action.action, true) ? page.action.action : undefined;
    return reply.send(await payPage(page, app.pageCsp(reply, { formTarget })));
  });

  app.get('/pay/:payment_id/status', {
    schema: { hide: true, params: z.object({ payment_id: z.string().min(1).max(64) }) },
  }, async (req, reply) => {
    const page = await loadPaymentPage(s, req.params.payment_id);
    reply.header('cache-control', 'no-store');
    if (!page) return reply.code(404).send({ error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such payment.' } });
    return { status: page.status };
  });
};

function parseNotifyBody(contentType: string | undefined, raw: string): unknown {
  if (raw === '') return undefined;
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return undefined;
    }
  }
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(formEntries(raw));
  return undefined;
}

/** Form fields; a repeated field becomes an array (which adapters reject), as `money[]=` tricks must not pass. */
function formEntries(raw: string): Array<[string, string | string[]]> {
  const out = new Map<string, string | string[]>();
  for (const [k, v] of new URLSearchParams(raw)) {
    const prev = out.get(k);
    out.set(k, prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]);
  }
  return [...out];
}
