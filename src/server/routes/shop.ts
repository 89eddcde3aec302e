import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DashboardOut, DashboardQuery, merchantDashboard } from '../../modules/analytics/merchant-dashboard.ts';
import { configureGateway, ConfigureGatewayInput } from '../../modules/payments/configure-gateway.ts';
import { listShopOwnGateways } from '../../modules/payments/list-gateways.ts';
import { GatewayOut } from '../../modules/payments/gateways/gateway-configs.ts';
import { listOf } from '../../modules/shared/pagination.ts';
import { testGateway } from '../../modules/payments/test-gateway.ts';
import { getShop, ShopOut, updateShop, UpdateShopInput } from '../../modules/shops/shop-settings.ts';
import { requireMerchant } from '../plugins/auth.ts';

export const shopRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/shop', {
    schema: { tags: ['shop'], summary: 'Your shop: name, slug, status and the gateways it offers', response: { 200: ShopOut } },
  }, async (req) => {
    const { ctx } = requireMerchant(req, 'shop:read');
    return getShop(ctx);
  });

  app.patch('/api/v1/shop', {
    schema: {
      tags: ['shop'], summary: 'Rename your shop or narrow the gateways it offers (audited)',
      description: '`gateways: null` offers every gateway the platform has enabled; a list offers only those of them.',
      body: UpdateShopInput, response: { 200: ShopOut },
    },
  }, async (req) => {
    const { ctx } = requireMerchant(req, 'shop:write');
    return updateShop(ctx, req.body);
  });

  app.get('/api/v1/dashboard', {
    schema: {
      tags: ['shop'], summary: 'Sales and orders today and per day over 30 days, orders needing action, products low on stock',
      querystring: DashboardQuery, response: { 200: DashboardOut },
    },
  }, async (req) => {
    const { ctx } = requireMerchant(req, 'orders:read');
    return merchantDashboard(ctx, req.query);
  });

  app.get('/api/v1/shop/gateways', {
    schema: { tags: ['shop'], summary: 'Gateways the platform lets your shop configure with its own account, and your configuration of each',
      response: { 200: listOf(GatewayOut) } },
  }, async (req) => {
    const { ctx } = requireMerchant(req, 'shop:read');
    return { object: 'list' as const, data: await listShopOwnGateways(ctx), has_more: false };
  });

  app.put('/api/v1/shop/gateways/:gateway', {
    schema: {
      tags: ['shop'],
      summary: "Configure your shop's own account with a gateway (where the platform allows it)",
      description: 'Same body as the admin\'s gateway configuration. Payments through it go straight to your account; its notify URL is ' +
        'shown in the answer (`/api/v1/payments/{gateway}/notify/{config_id}`). 403 `gateway_not_configurable` if the platform does not allow it.',
      params: z.object({ gateway: z.string().min(1).max(32) }), body: ConfigureGatewayInput, response: { 200: GatewayOut },
    },
  }, async (req) => {
    const { ctx } = requireMerchant(req, 'shop:write');
    return configureGateway(ctx, req.params.gateway, req.body);
  });

  app.post('/api/v1/shop/gateways/:gateway/test', {
    schema: { tags: ['shop'], summary: "Test your shop's own gateway settings with a harmless call", params: z.object({ gateway: z.string().min(1).max(32) }),
      response: { 200: z.object({ ok: z.boolean(), message: z.string() }) } },
  }, async (req) => {
    const { ctx } = requireMerchant(req, 'shop:write');
    return testGateway(ctx, req.params.gateway);
  });
};
