// The demo platform: an admin, a merchant with a shop, a card-key product with
// stock. Runs at start unless XIAOPU_DEMO=0; does nothing if the demo shop exists.
import { randomBytes } from 'node:crypto';
import { withTransaction } from '../../db/client.ts';
import { createAdmin } from '../accounts/create-admin.ts';
import { signup } from '../accounts/signup.ts';
import { createProduct } from '../catalog/create-product.ts';
import type { Services } from '../shared/context.ts';
import { importCards } from '../vault/import-cards.ts';

export const DEMO = {
  admin: { email: 'admin@xiaopu.local', password: 'admin12345' },
  merchant: { email: 'demo@xiaopu.local', password: 'demo12345' },
  shopSlug: 'demo',
};

export async function seedDemo(s: Services): Promise<{ created: boolean }> {
  // One process seeds; others wait for it and then find the shop.
  return withTransaction(s.database.pool, async (q) => {
    await q.query('select pg_advisory_xact_lock(727002)');
    const { rowCount } = await q.query('select 1 from merchants where slug = $1', [DEMO.shopSlug]);
    if (rowCount) return { created: false };
    await createAdmin(s, DEMO.admin);
    const { merchant, user } = await signup(s, { email: DEMO.merchant.email, password: DEMO.merchant.password, shop_name: '小铺演示店 Demo Shop', shop_slug: DEMO.shopSlug }, '127.0.0.1');
    if (!merchant) throw new Error('the demo signup made no shop');
    const ctx = { ...s, actor: { type: 'member' as const, userId: user.id, merchantId: merchant.id } };
    const product = await createProduct(ctx, merchant.id, {
      title: 'Steam 钱包充值卡 ¥50 · Steam Wallet Code', description: 'Delivered the second you pay. 付款后立即发货。',
      price: 4800, currency: 'CNY', delivery: 'card', min_quantity: 1, max_quantity: 5, slug: 'steam-50',
    });
    const keys = Array.from({ length: 100 }, () => `DEMO-${randomBytes(6).toString('hex').toUpperCase().match(/.{4}/g)?.join('-')}`);
    await importCards(ctx, { merchantId: merchant.id, productId: product.id, source: 'json', lines: keys });
    return { created: true };
  });
}
