import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { refundOrder, RefundInput } from '../../modules/flows/refund-order.ts';
import { FulfilInput, fulfilManualOrder } from '../../modules/flows/fulfil-manual-order.ts';
import { resendDeliveryEmail } from '../../modules/notifications/resend-delivery-email.ts';
import { getOrder, listOrders, ListOrdersQuery } from '../../modules/orders/merchant-orders.ts';
import { retryParkedOrder } from '../../modules/flows/retry-parked-order.ts';
import { MerchantOrderDetailOut, MerchantOrderOut, RetryOut } from '../../modules/orders/schemas.ts';
import { RefundOut } from '../../modules/payments/refunds/refund-view.ts';
import { listOf } from '../../modules/shared/pagination.ts';
import { notFound } from '../../lib/errors.ts';
import { requireMerchant } from '../plugins/auth.ts';

export const orderRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/orders', {
    schema: { tags: ['orders'], summary: 'List orders, newest first (filter by status, e.g. needs_action)', querystring: ListOrdersQuery, response: { 200: listOf(MerchantOrderOut) } },
  }, async (req) => {
    const { ctx } = requireMerchant(req, 'orders:read');
    return listOrders(ctx, req.query);
  });

  app.get('/api/v1/orders/:id', {
    schema: { tags: ['orders'], summary: 'One order with items, payments and events', params: z.object({ id: z.string().min(1).max(64) }), response: { 200: MerchantOrderDetailOut } },
  }, async (req) => {
    const { ctx } = requireMerchant(req, 'orders:read');
    return getOrder(ctx, req.params.id);
  });

  app.post('/api/v1/orders/:id/retry_fulfilment', {
    schema: {
      tags: ['orders'], summary: 'Try a parked order again: deliver it after restocking, or (delivery webhook) call the shop\'s endpoint again after fixing it',
      params: z.object({ id: z.string().min(1).max(64) }), response: { 200: RetryOut },
    },
  }, async (req) => {
    const { ctx } = requireMerchant(req, 'orders:write');
    const r = await retryParkedOrder(ctx, req.params.id);
    if (!r) throw notFound('order');
    return r;
  });

  app.post('/api/v1/orders/:id/fulfil', {
    schema: {
      tags: ['orders'], summary: 'Fulfil a hand-done (代充) order waiting in the queue: a note and/or the items issued',
      description: 'The order goes awaiting_fulfilment → delivered; the buyer sees the note and items and gets the delivery email. 409 `order_not_awaiting_fulfilment`.',
      params: z.object({ id: z.string().min(1).max(64) }), body: FulfilInput, response: { 200: MerchantOrderDetailOut },
    },
  }, async (req) => {
    const { ctx } = requireMerchant(req, 'orders:write');
    return fulfilManualOrder(ctx, { ...req.body, orderId: req.params.id });
  });

  app.post('/api/v1/orders/:id/refunds', {
    schema: {
      tags: ['orders'],
      summary: 'Refund an order in full or in part, through its gateway',
      description: 'Without `amount`, refunds what is left. The order becomes `refunded` or `partially_refunded` and the ledger is reversed. ' +
        'Errors: 409 `order_not_paid`, `order_not_refundable`, `already_refunded`, `refund_in_progress`; 422 `refund_not_supported` ' +
        '(the gateway has no refund API); 502 `gateway_error` (the gateway refused; nothing changed).',
      params: z.object({ id: z.string().min(1).max(64) }), body: RefundInput, response: { 201: RefundOut },
    },
  }, async (req, reply) => {
    const { ctx } = requireMerchant(req, 'orders:write');
    return reply.code(201).send(await refundOrder(ctx, req.params.id, req.body));
  });

  app.post('/api/v1/orders/:id/resend_email', {
    schema: {
      tags: ['orders'], summary: 'Send the delivery email again (rate-limited, audited)',
      description: 'Answers 202; the worker sends it. 409 `email_not_configured` without XIAOPU_SMTP_URL, 409 `order_not_delivered`.',
      params: z.object({ id: z.string().min(1).max(64) }), response: { 202: z.object({ queued: z.literal(true) }) },
    },
  }, async (req, reply) => {
    const { ctx } = requireMerchant(req, 'orders:write');
    return reply.code(202).send(await resendDeliveryEmail(ctx, req.params.id));
  });
};
