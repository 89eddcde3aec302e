import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { handleSandboxNotify } from '../../modules/payments/handle-sandbox-notify.ts';
import { loadSandboxPayment } from '../../modules/payments/load-sandbox-payment.ts';
import { signSandboxNotify } from '../../modules/payments/sandbox.ts';
import { sandboxPayPage } from '../pages/sandbox-pay.ts';

export const paymentRoutes: FastifyPluginAsyncZod = async (app) => {
  const s = app.services;

  const notifySchema = {
    tags: ['payments'],
    summary: 'Sandbox gateway notify (JSON, form or query string)',
    description:
      'Fields `payment_id, trade_no, amount, currency, status, timestamp, signature`; signature = hex HMAC-SHA256(sandbox secret, ' +
      '"{payment_id}.{trade_no}.{amount}.{currency}.{status}.{timestamp}"). Answers 200 `success` for a verified notify (also a repeat), 400 `fail` otherwise.',
  };

  app.post('/api/v1/payments/sandbox/notify', { schema: notifySchema }, async (req, reply) => {
    const answer = await handleSandboxNotify(s, req.body, req.ip);
    return reply.code(answer.status).type('text/plain; charset=utf-8').send(answer.body);
  });
  app.get('/api/v1/payments/sandbox/notify', { schema: notifySchema }, async (req, reply) => {
    const answer = await handleSandboxNotify(s, req.query, req.ip);
    return reply.code(answer.status).type('text/plain; charset=utf-8').send(answer.body);
  });

  app.get('/pay/sandbox/:payment_id', {
    schema: { hide: true, params: z.object({ payment_id: z.string().min(1).max(64) }) },
  }, async (req, reply) => {
    const pay = await loadSandboxPayment(s, req.params.payment_id);
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').type('text/html; charset=utf-8');
    if (!pay || !s.config.sandboxEnabled) return reply.code(404).send(sandboxPayPage(undefined));
    const base = { payment_id: pay.id, trade_no: `sbx_${pay.id.slice(4)}`, amount: pay.amount, currency: pay.currency, timestamp: Math.floor(s.clock.now().getTime() / 1000) };
    return reply.send(sandboxPayPage({
      ...pay,
      succeed: signSandboxNotify(s.keyring, { ...base, status: 'succeeded' }),
      fail: signSandboxNotify(s.keyring, { ...base, status: 'failed' }),
    }));
  });
};
