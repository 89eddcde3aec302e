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
    const { merchant, user } = await signup({ ...s, actor: { type: 'system', name: 'seed_demo' } },
      { email: DEMO.merchant.email, password: DEMO.merchant.password, shop_name: '小铺演示店 Demo Shop', shop_slug: DEMO.shopSlug });
    if (!merchant) throw new Error('the demo signup made no shop');
    const ctx = { ...s, actor: { type: 'member' as const, userId: user.id, merchantId: merchant.id } };
    const demoKey = () => `DEMO-${randomBytes(6).toString('hex').toUpperCase().match(/.{4}/g)?.join('-')}`;
    const shelf = [
      {
        title: 'Steam 钱包充值卡 ¥50 · Steam Wallet Code', category: 'Steam', price: 4800, slug: 'steam-50', stock: 100,
        description: '**Delivered the second you pay.** 付款后立即发货。\n\n- Redeem at *store.steampowered.com/account/redeemwalletcode*\n- 国区账号可用 · China region\n',
      },
      {
        title: 'Steam 钱包充值卡 ¥100 · Steam Wallet Code', category: 'Steam', price: 9500, slug: 'steam-100', stock: 40,
        description: 'Same as the ¥50 card, twice the value. 与 ¥50 卡相同，面值翻倍。',
      },
      {
        title: '网易云音乐 黑胶 VIP 月卡 · NetEase Music VIP (1 month)', category: '会员 Memberships', price: 1500, slug: 'netease-vip-1m', stock: 25,
        description: '兑换码，在 App「我的 → 兑换码」中使用。\n\nA redeem code for one month of VIP.',
      },
    ];
    for (const item of shelf) {
      const product = await createProduct(ctx, {
        title: item.title, description: item.description, category: item.category, price: item.price, currency: 'CNY', delivery: 'card',
        min_quantity: 1, max_quantity: 5, slug: item.slug,
      });
      await importCards(ctx, { merchantId: merchant.id, productId: product.id, source: 'json', lines: Array.from({ length: item.stock }, demoKey) });
    }
    return { created: true };
  });
}
