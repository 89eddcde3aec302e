import { notFound } from '../../lib/errors.ts';
import type { Services } from '../shared/context.ts';

/** The public listing of a shop: public products with price and available stock. */
export async function listStorefrontProducts(s: Services, shopSlug: string) {
  const { rows: shops } = await s.database.pool.query<{ id: string; name: string; slug: string }>(
    `select id, name, slug from merchants where slug = $1 and status = 'active'`, [shopSlug]);
  const shop = shops[0];
  if (!shop) throw notFound('shop');
  const { rows } = await s.database.pool.query<{
    id: string; slug: string; title: string; description: string; price: string; currency: string; min_quantity: number; max_quantity: number; available: string;
  }>(
    `select p.id, p.slug, p.title, p.description, p.price, p.currency, p.min_quantity, p.max_quantity,
            (select count(*) from cards c where c.product_id = p.id and c.status = 'available') as available
       from products p where p.merchant_id = $1 and p.visibility = 'public' order by p.id limit 500`, [shop.id]);
  return {
    object: 'list' as const,
    shop: { slug: shop.slug, name: shop.name },
    data: rows.map((r) => ({
      id: r.id, object: 'product' as const, slug: r.slug, title: r.title, description: r.description, price: Number(r.price),
      currency: r.currency, min_quantity: r.min_quantity, max_quantity: r.max_quantity, stock: { available: Number(r.available) },
    })),
    has_more: false,
  };
}
