// The shop's view of its licenses (console and API): the key only by its
// last characters, the machines it is active on, why it was disabled.
import type { Queryable } from '../../db/client.ts';
import type { Keyring } from '../../lib/crypto.ts';
import { notFound } from '../../lib/errors.ts';
import { LICENSED_ORDER_STATUSES, licenseStatus } from './license-status.ts';
import type { RowOf } from '../../db/rows.ts';
import type { licenses } from '../../db/schema.ts';

export const SHOP_LICENSE_SELECT = `select l.id, l.product_id, p.title as product_title, l.order_id, o.number as order_number, o.status as order_status, l.status,
         l.key_ciphertext, l.key_key_id, l.activation_limit, l.activation_usage, l.expires_at, l.issued_at, l.created_at, l.disabled_at, l.disabled_reason,
         (select coalesce(json_agg(json_build_object('id', n.id, 'name', n.name, 'created_at', n.created_at) order by n.created_at, n.id), '[]')
            from license_instances n where n.license_id = l.id and n.deactivated_at is null) as instances
    from licenses l join orders o on o.id = l.order_id join products p on p.id = l.product_id`;

export type ShopLicenseRow = Pick<RowOf<typeof licenses>, 'id' | 'product_id' | 'status' | 'key_ciphertext' | 'key_key_id' | 'activation_limit'
  | 'activation_usage' | 'expires_at' | 'issued_at' | 'created_at' | 'disabled_at' | 'disabled_reason' | 'order_id'> & {
  product_title: string; order_number: string; order_status: string;
  instances: { id: string; name: string; created_at: string }[];
};

export function presentShopLicense(keyring: Keyring, l: ShopLicenseRow, now: Date) {
  const key = keyring.open({ ciphertext: l.key_ciphertext, keyId: l.key_key_id });
  return {
    id: l.id, object: 'license' as const, product_id: l.product_id, product_title: l.product_title, order_id: l.order_id, order_number: l.order_number,
    key_hint: `…${key.slice(-4)}`, status: licenseStatus(l, now), revoked: l.status === 'disabled',
    // Why it does not work: the shop's reason for revoking it, else its order's state (refunded) when that ends it.
    disabled_reason: l.disabled_reason ?? (LICENSED_ORDER_STATUSES.includes(l.order_status) ? null : `order_${l.order_status}`),
    activation_limit: l.activation_limit, activation_usage: l.activation_usage,
    expires_at: l.expires_at?.toISOString() ?? null, issued_at: l.issued_at?.toISOString() ?? null, created_at: l.created_at.toISOString(),
    instances: l.instances.map((n) => ({ id: n.id, name: n.name, created_at: new Date(n.created_at).toISOString() })),
  };
}

/** One sold license of the shop, locked for a change when `forUpdate`; 404 otherwise (another shop's too). */
export async function loadShopLicense(q: Queryable, merchantId: string, licenseId: string, forUpdate = false): Promise<ShopLicenseRow> {
  const { rows } = await q.query<ShopLicenseRow>(
    `${SHOP_LICENSE_SELECT} where l.id = $1 and l.merchant_id = $2 and l.status <> 'pending'${forUpdate ? ' for update of l' : ''}`, [licenseId, merchantId]);
  const row = rows[0];
  if (!row) throw notFound('license');
  return row;
}
