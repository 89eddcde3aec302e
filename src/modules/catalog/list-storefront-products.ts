import { minorUnits } from '../../lib/money.ts';
import { notFound } from '../../lib/errors.ts';
import type { Ctx, Services } from '../shared/context.ts';
import type { Delivery } from './schemas.ts';
// Buyers are told up to KEY_COUNT_CAP keys, and that there are more.
import { countKeysSql, KEY_COUNT_CAP } from '../vault/count-keys.ts';
import type { ManualField } from './manual-fields.ts';

interface StorefrontRow {
  parent_id: string | null; variant_name: string | null;
  id: string; slug: string; title: string; description: string; category: string | null; price: string; currency: string;
  min_quantity: number; max_quantity: number; available: string; rating_average: string | null; rating_count: string;
  price_tiers: { min_quantity: number; unit_price: number }[]; delivery: Delivery; shared_limit: number | null; shared_held: number;
  pick_enabled: boolean; pick_surcharge: string; validity_days: number | null; license_activation_limit: number | null;
  manual_fields: ManualField[] | null; manual_sla_hours: number | null; file_name: string | null; file_size: string | null;
}

const COLUMNS = `p.parent_id, p.variant_name, p.id, p.slug, p.title, p.description, p.category, p.price, p.currency, p.min_quantity, p.max_quantity, p.price_tiers,
  p.delivery, p.shared_limit, p.shared_held, p.pick_enabled, p.pick_surcharge, p.validity_days, p.license_activation_limit, p.manual_fields, p.manual_sla_hours,
  (select pf.filename from product_files pf where pf.id = p.download_file_id) as file_name, (select pf.size from product_files pf where pf.id = p.download_file_id) as file_size,
  case when p.delivery = 'card' then ${countKeysSql('p.id', 'available', KEY_COUNT_CAP)} else 0 end as available,
  rv.rating_average, rv.rating_count`;
/** Buyers' ratings of the product (reviews module's table, read-only here). */
const RATINGS = `left join lateral (select round(avg(r.rating), 2) as rating_average, count(*) as rating_count from reviews r
    where r.product_id = p.id or r.product_id in (select v.id from products v where v.parent_id = p.id)) rv on true`;

/** The variants of the given products, in their order. */
async function variantsOf(s: Services, parentIds: string[]): Promise<Map<string, StorefrontRow[]>> {
  const out = new Map<string, StorefrontRow[]>();
  if (parentIds.length === 0) return out;
  const { rows } = await s.database.pool.query<StorefrontRow>(
    `select ${COLUMNS} from products p ${RATINGS} where p.parent_id = any($1) and p.visibility <> 'hidden' order by p.variant_position, p.id`, [parentIds]);
  for (const r of rows) {
    const list = out.get(r.parent_id ?? '') ?? [];
    list.push(r);
    out.set(r.parent_id ?? '', list);
  }
  return out;
}

/** A product as buyers see it; with variants, its price is the lowest of those in stock and its stock their sum. */
function present(r: StorefrontRow, variantRows: StorefrontRow[] = []) {
  const variants = variantRows.map((v) => ({ ...presentOne(v), name: v.variant_name ?? '' }));
  const inStock = variants.filter((v) => v.stock.available >= v.min_quantity);
  const stock = variants.length === 0 ? stockOf(r) : {
    available: Math.min(variants.reduce((n, v) => n + v.stock.available, 0), 1_000_000), unlimited: variants.some((v) => v.stock.unlimited),
    capped: variants.some((v) => v.stock.capped),
  };
  return { ...presentOne(r), variants, stock, price: variants.length ? Math.min(...(inStock.length ? inStock : variants).map((v) => v.price)) : minorUnits(r.price) };
}

/** One product or variant, its own settings only. */
function presentOne(r: StorefrontRow) {
  return {
    id: r.id, object: 'product' as const, slug: r.slug, title: r.title, description: r.description, category: r.category,
    price: minorUnits(r.price), currency: r.currency, delivery: r.delivery,
    min_quantity: r.min_quantity, max_quantity: r.max_quantity,
    stock: stockOf(r),
    price_tiers: r.price_tiers,
    pick: { enabled: r.pick_enabled, surcharge: minorUnits(r.pick_surcharge) },
    license: r.delivery === 'license' ? { activation_limit: r.license_activation_limit } : null,
    manual: r.delivery === 'manual' ? { fields: r.manual_fields ?? [], sla_hours: r.manual_sla_hours ?? 24 } : null,
    download: r.delivery === 'download' && r.file_name !== null ? { filename: r.file_name, size: Number(r.file_size) } : null,
    validity_days: r.validity_days,
    rating: { average: r.rating_average === null ? null : Number(r.rating_average), count: Number(r.rating_count) },
  };
}

/** Card goods: the keys in stock. Shared goods: what their limit leaves, or (no limit) the most one order may take; licenses are made as sold. */
function stockOf(r: StorefrontRow): { available: number; unlimited: boolean; capped: boolean } {
  if (r.delivery === 'card') return { available: Number(r.available), unlimited: false, capped: Number(r.available) >= KEY_COUNT_CAP };
  if (r.delivery === 'download') return { available: r.file_name === null ? 0 : r.max_quantity, unlimited: r.file_name !== null, capped: false };
  if (r.delivery === 'license' || r.delivery === 'manual' || r.delivery === 'webhook' || r.shared_limit === null) return { available: r.max_quantity, unlimited: true, capped: false };
  return { available: Math.max(0, r.shared_limit - r.shared_held), unlimited: false, capped: false };
}

async function loadShop(s: Services, shopSlug: string) {
  const { rows } = await s.database.pool.query<{ id: string; name: string; slug: string }>(
    `select id, name, slug from merchants where slug = $1 and status = 'active'`, [shopSlug]);
  if (!rows[0]) throw notFound('shop');
  return rows[0];
}

/** The public listing of a shop: public products with price and available stock, shelved by category. */
export async function listStorefrontProducts(s: Ctx, { shopSlug }: { shopSlug: string }) {
  const shop = await loadShop(s, shopSlug);
  const { rows } = await s.database.pool.query<StorefrontRow>(
    `select ${COLUMNS} from products p ${RATINGS} where p.merchant_id = $1 and p.visibility = 'public' and p.parent_id is null
      order by p.category nulls last, p.id limit 500`, [shop.id]);
  const variants = await variantsOf(s, rows.map((r) => r.id));
  return { object: 'list' as const, shop: { slug: shop.slug, name: shop.name }, data: rows.map((r) => present(r, variants.get(r.id))), has_more: false };
}

/** One product of a shop as a buyer sees it (public or unlisted; never hidden). */
export async function getStorefrontProduct(s: Ctx, { shopSlug, productId }: { shopSlug: string; productId: string }) {
  const shop = await loadShop(s, shopSlug);
  const { rows } = await s.database.pool.query<StorefrontRow>(
    `select ${COLUMNS} from products p ${RATINGS} where p.merchant_id = $1 and p.id = $2 and p.visibility <> 'hidden' and p.parent_id is null`, [shop.id, productId]);
  if (!rows[0]) throw notFound('product');
  return { shop: { slug: shop.slug, name: shop.name }, product: present(rows[0], (await variantsOf(s, [productId])).get(productId)) };
}
