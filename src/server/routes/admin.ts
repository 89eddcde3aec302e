import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getOrder, listOrders, ListOrdersQuery } from '../../modules/orders/merchant-orders.ts';
import { confirmPaymentManually } from '../../modules/flows/confirm-payment.ts';
import { retryParkedOrder } from '../../modules/flows/retry-parked-order.ts';
import { notFound } from '../../lib/errors.ts';
import { requireAdmin } from '../plugins/auth.ts';
import { MerchantOrderDetailOut, MerchantOrderOut, RetryOut } from '../../modules/orders/schemas.ts';
import { RefundOut } from '../../modules/payments/refunds/refund-view.ts';
import { GatewayOut } from '../../modules/payments/gateways/gateway-configs.ts';
import { listOf } from '../../modules/shared/pagination.ts';
import { AppError } from '../../lib/errors.ts';
import { configureGateway, ConfigureGatewayInput } from '../../modules/payments/configure-gateway.ts';
import { getGateway, listGateways } from '../../modules/payments/list-gateways.ts';
import { refundOrder, RefundInput } from '../../modules/flows/refund-order.ts';
import { resolveRefund, ResolveRefundInput } from '../../modules/flows/resolve-refund.ts';
import { GatewayQueryReportOut, queryGatewayForOrder } from '../../modules/flows/query-gateway.ts';
import { testGateway } from '../../modules/payments/test-gateway.ts';
import { AuditEntryOut, AuditQuery, listAuditLog } from '../../modules/admin/audit-log.ts';
import { AdminMerchantOut, ListMerchantsQuery, listMerchants, UpdateMerchantInput, updateMerchant } from '../../modules/admin/manage-merchants.ts';

const GatewayParams = z.object({ gateway: z.string().min(1).max(32) });

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/admin/orders', {
    schema: { tags: ['admin'], summary: 'Orders across all shops (e.g. status=needs_action)', querystring: ListOrdersQuery, response: { 200: listOf(MerchantOrderOut) } },
  }, async (req) => listOrders(requireAdmin(req), req.query));

  app.get('/api/v1/admin/orders/:id', {
    schema: { tags: ['admin'], summary: 'One order of any shop', params: z.object({ id: z.string().min(1).max(64) }), response: { 200: MerchantOrderDetailOut } },
  }, async (req) => getOrder(requireAdmin(req), req.params.id));

  app.post('/api/v1/admin/orders/:id/retry_fulfilment', {
    schema: { tags: ['admin'], summary: 'Retry delivery of an order parked in needs_action', params: z.object({ id: z.string().min(1).max(64) }), response: { 200: RetryOut } },
  }, async (req) => {
    const r = await retryParkedOrder(requireAdmin(req), req.params.id);
    if (!r) throw notFound('order');
    return r;
  });

  app.post('/api/v1/admin/payments/:id/confirm', {
    schema: {
      tags: ['admin'],
      summary: 'Confirm by hand that a payment arrived (audited, idempotent)',
      description: 'Settles the payment as a verified notify would: the order is delivered, or parked in needs_action if its stock is gone.',
      params: z.object({ id: z.string().min(1).max(64) }),
      body: z.object({ note: z.string().trim().min(1, 'say why (e.g. the gateway statement line)').max(500) }),
      response: { 200: z.object({ result: z.string(), order_id: z.string().optional(), topup_id: z.string().optional(), reason: z.string().optional() }) },
    },
  }, async (req) => {
    const outcome = await confirmPaymentManually(requireAdmin(req), req.params.id, req.body.note);
    switch (outcome.result) {
      case 'rejected':
        throw new AppError(409, 'payment_rejected', `The payment cannot be confirmed: ${outcome.reason}.`);
      case 'needs_action':
        return { result: outcome.result, order_id: outcome.orderId, reason: outcome.reason };
      case 'delivered':
      case 'awaiting_fulfilment':
      case 'delivering':
      case 'duplicate':
        return { result: outcome.result, order_id: outcome.orderId };
      case 'credited':
        return { result: outcome.result, topup_id: outcome.topupId };
    }
  });

  app.get('/api/v1/admin/gateways/sandbox', {
    schema: { tags: ['admin'], summary: 'The sandbox gateway: whether it is on, its notify URL and secret (admins only)',
      response: { 200: z.object({ gateway: z.literal('sandbox'), enabled: z.boolean(), notify_url: z.string(), secret: z.string() }) } },
  }, async (req) => {
    requireAdmin(req);
    const s = app.services;
    return {
      gateway: 'sandbox' as const, enabled: s.config.sandboxEnabled, notify_url: `${s.config.publicUrl}/api/v1/payments/sandbox/notify`,
      secret: s.keyring.sandboxSecret,
    };
  });

  app.get('/api/v1/admin/gateways', {
    schema: { tags: ['admin'], summary: 'Every gateway XiaoPu ships, with its settings (secrets never echoed) and notify URL', response: { 200: listOf(GatewayOut) } },
  }, async (req) => {
    requireAdmin(req);
    return { object: 'list' as const, data: await listGateways(app.services), has_more: false };
  });

  app.get('/api/v1/admin/gateways/:gateway', {
    schema: { tags: ['admin'], summary: 'One gateway: settings without secrets, which secrets are set, limits, fee, notify URL', params: GatewayParams, response: { 200: GatewayOut } },
  }, async (req) => {
    requireAdmin(req);
    return getGateway(app.services, req.params.gateway);
  });

  app.put('/api/v1/admin/gateways/:gateway', {
    schema: {
      tags: ['admin'],
      summary: 'Configure a gateway',
      description: 'Settings are validated for the gateway (epay: `{version:1, api_url, pid, key}` or `{version:2, api_url, pid, ' +
        'merchant_private_key, platform_public_key}`). Secret settings are stored encrypted and never echoed; leave one out to keep ' +
        'its stored value. Audited.',
      params: GatewayParams, body: ConfigureGatewayInput, response: { 200: GatewayOut },
    },
  }, async (req) => configureGateway(requireAdmin(req), req.params.gateway, req.body));

  app.post('/api/v1/admin/gateways/:gateway/test', {
    schema: { tags: ['admin'], summary: 'Test the saved settings with a harmless call to the gateway (audited)', params: GatewayParams,
      response: { 200: z.object({ ok: z.boolean(), message: z.string() }) } },
  }, async (req) => testGateway(requireAdmin(req), req.params.gateway));

  app.post('/api/v1/admin/orders/:id/query_gateway', {
    schema: {
      tags: ['admin'],
      summary: "Ask the gateway for its view of the order's payment; settle it if the gateway says paid (audited, idempotent)",
      params: z.object({ id: z.string().min(1).max(64) }), response: { 200: GatewayQueryReportOut },
    },
  }, async (req) => queryGatewayForOrder(requireAdmin(req), req.params.id));

  app.post('/api/v1/admin/orders/:id/refunds', {
    schema: { tags: ['admin'], summary: 'Refund any shop\'s order in full or in part, through its gateway (audited)',
      params: z.object({ id: z.string().min(1).max(64) }), body: RefundInput, response: { 201: RefundOut } },
  }, async (req, reply) => reply.code(201).send(await refundOrder(requireAdmin(req), req.params.id, req.body)));

  app.post('/api/v1/admin/refunds/:id/resolve', {
    schema: {
      tags: ['admin'], summary: 'Decide a pending refund by hand after checking at the gateway (audited)',
      description: 'For a refund left `pending` because its gateway never answered and cannot be asked again safely (epay v1). '
        + '`succeeded` books it as refunded; `failed` gives the amount back to refund again. 409 `refund_not_pending` once decided.',
      params: z.object({ id: z.string().min(1).max(64) }), body: ResolveRefundInput, response: { 200: RefundOut },
    },
  }, async (req) => resolveRefund(requireAdmin(req), req.params.id, req.body));

  app.get('/api/v1/admin/merchants', {
    schema: { tags: ['admin'], summary: 'Shops: status, owner, commission, products, orders in 30 days', querystring: ListMerchantsQuery, response: { 200: listOf(AdminMerchantOut) } },
  }, async (req) => listMerchants(requireAdmin(req), req.query));

  app.patch('/api/v1/admin/merchants/:id', {
    schema: {
      tags: ['admin'], summary: 'Approve, suspend or reinstate a shop; set its commission (audited)',
      description: 'A pending or suspended shop\'s storefront answers 404 and takes no orders. Suspending needs a `reason`.',
      params: z.object({ id: z.string().min(1).max(64) }), body: UpdateMerchantInput, response: { 200: AdminMerchantOut },
    },
  }, async (req) => updateMerchant(requireAdmin(req), { ...req.body, merchantId: req.params.id }));

  app.get('/api/v1/admin/audit', {
    schema: { tags: ['admin'], summary: 'The audit log, newest first (filter by merchant_id or action)', querystring: AuditQuery, response: { 200: listOf(AuditEntryOut) } },
  }, async (req) => listAuditLog(requireAdmin(req), req.query));
};
