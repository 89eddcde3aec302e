// The demo platform: an admin, a merchant with a shop, card-key products with
// stock, and one of each other kind worth trying (a membership in variants, a
// license, a hand-done top-up). Runs at start unless XIAOPU_DEMO=0; does
// nothing if the demo shop exists.
import { randomBytes } from 'node:crypto';
import { withTransaction } from '../../db/client.ts';
import { createAdmin } from '../accounts/create-admin.ts';
import { signup } from '../accounts/signup.ts';
import { createProduct } from '../catalog/create-product.ts';
import type { Services } from '../shared/context.ts';
import { importCards } from '../vault/import-cards.ts';
import { createVariant } from '../catalog/create-variant.ts';

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
    // A membership in variants (SKUs), each with its own keys.
    const vip = await createProduct(ctx, {
      title: '爱奇艺 VIP 会员 · iQIYI VIP', category: '会员 Memberships', price: 1900, currency: 'CNY', delivery: 'card', slug: 'iqiyi-vip',
      description: '选择时长，付款后立即发放兑换码。\n\nPick a length; the code arrives the second you pay.', max_quantity: 5,
    });
    for (const [name, price, days, stock] of [['1 个月', 1900, 30, 20], ['3 个月', 5200, 90, 10], ['12 个月', 17800, 365, 5]] as const) {
      const withVariant = await createVariant(ctx, { productId: vip.id, name, price, validity_days: days });
      const variant = withVariant.variants.find((v) => v.name === name);
      if (variant) await importCards(ctx, { merchantId: merchant.id, productId: variant.id, source: 'json', lines: Array.from({ length: stock }, demoKey) });
    }
    // Software sold with license keys (try the license API with the key you get).
    await createProduct(ctx, {
      title: 'Markdown 编辑器 Pro · License', category: '软件 Software', price: 9900, currency: 'CNY', delivery: 'license', slug: 'markdown-pro',
      description: '一年授权，最多 3 台设备。\n\nOne year, up to 3 devices. Activate with `POST /api/v1/licenses/activate`.',
      license: { activation_limit: 3, validity_days: 365, key_format: 'MD-####-####-####-####' }, max_quantity: 5,
    });
    // A top-up done by hand (代充): the buyer fills in their game account.
    await createProduct(ctx, {
      title: '原神 创世结晶 代充 · Genshin Crystals top-up', category: '代充 Top-ups', price: 3000, currency: 'CNY', delivery: 'manual', slug: 'genshin-topup',
      description: '填写 UID 与服务器，2 小时内到账。\n\nFill in your UID and server; done within 2 hours.',
      manual: {
        fields: [
          { key: 'uid', label: 'UID', type: 'text', required: true, max_length: 12 },
          { key: 'server', label: '服务器 Server', type: 'select', required: true, options: ['官服 CN', 'B服 Bilibili', 'Asia', 'Europe', 'America'] },
        ],
        sla_hours: 2, auto_refund: false,
      },
      max_quantity: 5,
    });
    return { created: true };
  });
}
