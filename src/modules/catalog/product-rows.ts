// Reading products with their stock counts, shared by the catalog use cases.
import { minorUnits } from '../../lib/money.ts';
import type { Queryable } from '../../db/client.ts';
import type { RowOf } from '../../db/rows.ts';
import type { products } from '../../db/schema.ts';
import type { Delivery, PriceTiers, ProductOut } from './schemas.ts';
import type { ManualField } from './manual-fields.ts';
import { countKeysSql } from '../vault/count-keys.ts';

/** The columns PRODUCT_COLUMNS reads (row types from the schema) and the stock counts. */
export type ProductRow = Pick<RowOf<typeof products>, 'id' | 'merchant_id' | 'slug' | 'title' | 'description' | 'category' | 'price' | 'currency'
  | 'parent_id' | 'variant_name' | 'shared_limit' | 'shared_held' | 'webhook_url' | 'license_activation_limit' | 'license_key_format' | 'manual_sla_hours' | 'manual_auto_refund' | 'pick_enabled' | 'pick_surcharge' | 'validity_days' | 'min_quantity' | 'max_quantity' | 'created_at' | 'updated_at' | 'instructions'> & {
  delivery: Delivery; visibility: 'public' | 'unlisted' | 'hidden'; price_tiers: PriceTiers; manual_fields: ManualField[] | null;
  variants: Array<{ id: string; name: string; price: string | number; validity_days: number | null; available: number; sold: number }>;
  download_file: { id: string; product_id: string; filename: string; size: number; sha256: string; created_at: string } | null;
  available: string; reserved: string; sold: string; void: string;
};

/** Stock counts come from the cards themselves (no counters to drift). */
export const PRODUCT_COLUMNS = `p.id, p.merchant_id, p.parent_id, p.variant_name, p.slug, p.title, p.description, p.category, p.price, p.currency, p.delivery, p.shared_limit, p.shared_held, p.license_activation_limit, p.license_key_format, p.webhook_url, p.manual_fields, p.manual_sla_hours, p.manual_auto_refund, p.pick_enabled, p.pick_surcharge, p.validity_days,
  p.min_quantity, p.max_quantity, p.visibility, p.created_at, p.updated_at, p.price_tiers, p.instructions,
  (select coalesce(json_agg(json_build_object('id', v.id, 'name', v.variant_name, 'price', v.price, 'validity_days', v.validity_days,
            'available', (select count(*) from cards c where c.product_id = v.id and c.status = 'available'),
            'sold', (select count(*) from cards c where c.product_id = v.id and c.status = 'sold')) order by v.variant_position, v.id), '[]')
     from products v where v.parent_id = p.id) as variants,
  (select json_build_object('id', pf.id, 'product_id', pf.product_id, 'filename', pf.filename, 'size', pf.size, 'sha256', pf.sha256, 'created_at', pf.created_at)
     from product_files pf where pf.id = p.download_file_id) as download_file,
  coalesce(s.available, 0) as available, coalesce(s.reserved, 0) as reserved, coalesce(s.sold, 0) as sold, coalesce(s.void, 0) as void`;

/** Each state's count (available keys on their own partial index, the rest on the index of the other states), up to `cap` in a list. */
export function stockJoin(cap?: number): string {
  return `left join lateral (select ${countKeysSql('p.id', 'available', cap)} as available, ${countKeysSql('p.id', 'reserved', cap)} as reserved,
    ${countKeysSql('p.id', 'sold', cap)} as sold, ${countKeysSql('p.id', 'void', cap)} as void) s on true`;
}

/** `countCap`: the counts were made by `stockJoin(countCap)` (a list). */
export function presentProduct(r: ProductRow, countCap?: number): ProductOut {
  const stock = { available: Number(r.available), reserved: Number(r.reserved), sold: Number(r.sold), void: Number(r.void) };
  return {
    id: r.id, object: 'product', parent_id: r.parent_id, variant_name: r.variant_name,
    variants: r.variants.map((v) => ({ id: v.id, name: v.name, price: Number(v.price), validity_days: v.validity_days, stock: { available: Number(v.available), sold: Number(v.sold) } })),
    slug: r.slug, title: r.title, description: r.description, category: r.category, price: minorUnits(r.price),
    currency: r.currency, delivery: r.delivery, shared: r.delivery === 'shared' ? { limit: r.shared_limit, held: r.shared_held } : null,
    pick: { enabled: r.pick_enabled, surcharge: minorUnits(r.pick_surcharge) },
    license: r.delivery === 'license' ? { activation_limit: r.license_activation_limit, validity_days: r.validity_days, key_format: r.license_key_format ?? 'uuid' } : null,
    webhook: r.delivery === 'webhook' && r.webhook_url ? { url: r.webhook_url } : null,
    download: r.delivery === 'download' ? {
      file: r.download_file ? { ...r.download_file, object: 'file' as const, size: Number(r.download_file.size), created_at: new Date(r.download_file.created_at).toISOString() } : null,
    } : null,
    manual: r.delivery === 'manual' ? { fields: r.manual_fields ?? [], sla_hours: r.manual_sla_hours ?? 24, auto_refund: r.manual_auto_refund } : null,
    validity_days: r.validity_days, min_quantity: r.min_quantity, max_quantity: r.max_quantity,
    visibility: r.visibility, price_tiers: r.price_tiers, instructions: r.instructions,
    stock: { ...stock, capped: countCap !== undefined && Object.values(stock).some((n) => n >= countCap) },
    created_at: r.created_at.toISOString(), updated_at: r.updated_at.toISOString(),
  };
}

export async function loadProduct(q: Queryable, merchantId: string, productId: string): Promise<ProductRow | undefined> {
  const { rows } = await q.query<ProductRow>(
    `select ${PRODUCT_COLUMNS} from products p ${stockJoin()} where p.id = $1 and p.merchant_id = $2`, [productId, merchantId]);
  return rows[0];
}

/** The unit price of an order of `quantity`: the largest tier it reaches, else the price. */
export function unitPriceFor(price: number, tiers: PriceTiers, quantity: number): number {
  let unit = price;
  for (const t of tiers) if (quantity >= t.min_quantity) unit = t.unit_price;
  return unit;
}
