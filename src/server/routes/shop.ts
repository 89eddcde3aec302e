import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getShop, ShopOut, updateShop, UpdateShopInput } from '../../modules/shops/shop-settings.ts';
import { requireMerchant } from '../plugins/auth.ts';

export const shopRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/shop', {
    schema: { tags: ['shop'], summary: 'Your shop: name, slug, status and the gateways it offers', response: { 200: ShopOut } },
  }, async (req) => {
    const { ctx, merchantId } = requireMerchant(req, 'shop:read');
    return getShop(ctx, merchantId);
  });

  app.patch('/api/v1/shop', {
    schema: {
      tags: ['shop'], summary: 'Rename your shop or narrow the gateways it offers (audited)',
      description: '`gateways: null` offers every gateway the platform has enabled; a list offers only those of them.',
      body: UpdateShopInput, response: { 200: ShopOut },
    },
  }, async (req) => {
    const { ctx, merchantId } = requireMerchant(req, 'shop:write');
    return updateShop(ctx, merchantId, req.body, req.ip);
  });
};
