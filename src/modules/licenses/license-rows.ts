// Reading a license by its key, and the shapes of the public license API
// (Lemon Squeezy's: license_key, instance, meta), shared by its three calls.
import type { Keyring } from '../../lib/crypto.ts';
import { licenseStatus, type LicenseStatus } from './license-status.ts';
import type { RowOf } from '../../db/rows.ts';
import type { licenseInstances, licenses } from '../../db/schema.ts';

/** A sold license found by the keyed hash of its key (`$1`): never a pending one (its order was not paid). */
export const LICENSE_BY_KEY = `select l.id, l.merchant_id, l.product_id, l.order_id, l.order_item_id, l.status, l.key_ciphertext, l.key_key_id,
         l.activation_limit, l.activation_usage, l.expires_at, l.created_at, o.status as order_status, o.email, p.title as product_name, m.slug as store_slug,
         p.parent_id, p.variant_name, pp.title as parent_title
    from licenses l join orders o on o.id = l.order_id join products p on p.id = l.product_id join merchants m on m.id = l.merchant_id
         left join products pp on pp.id = p.parent_id
   where l.key_hash = $1 and l.status <> 'pending'`;

export type LicenseRow = Pick<RowOf<typeof licenses>, 'id' | 'merchant_id' | 'product_id' | 'order_id' | 'order_item_id' | 'status' | 'key_ciphertext'
  | 'key_key_id' | 'activation_limit' | 'activation_usage' | 'expires_at' | 'created_at'> & {
  order_status: string; email: string; product_name: string; store_slug: string; parent_id: string | null; variant_name: string | null; parent_title: string | null;
};

export type InstanceRow = Pick<RowOf<typeof licenseInstances>, 'id' | 'name' | 'created_at'>;

/** What a license API call answers: an HTTP status and Lemon Squeezy's body (with the call's flag). */
export interface LicenseAnswer {
  httpStatus: 200 | 400 | 404 | 422 | 429;
  body: {
    activated?: boolean; valid?: boolean; deactivated?: boolean; error: string | null;
    license_key: ReturnType<typeof presentLicenseKey> | null; instance?: ReturnType<typeof presentInstance> | null; meta: ReturnType<typeof presentMeta> | null;
  };
}

export function presentLicenseKey(keyring: Keyring, l: LicenseRow, now: Date, usage = l.activation_usage) {
  const status: LicenseStatus = licenseStatus({ ...l, activation_usage: usage }, now);
  return {
    id: l.id, status, key: keyring.open({ ciphertext: l.key_ciphertext, keyId: l.key_key_id }),
    activation_limit: l.activation_limit, activation_usage: usage,
    created_at: l.created_at.toISOString(), expires_at: l.expires_at?.toISOString() ?? null, test_mode: false,
  };
}

export function presentInstance(n: InstanceRow) {
  return { id: n.id, name: n.name, created_at: n.created_at.toISOString() };
}

/**
 * Lemon Squeezy's meta: where the key comes from — the product, and the
 * variant when it was sold through one (so a client checking the product id
 * accepts every variant's keys). The buyer's email is masked: the key may
 * have been passed on.
 */
export function presentMeta(l: LicenseRow) {
  const variant = l.parent_id !== null;
  return {
    store_id: l.merchant_id, store_slug: l.store_slug, order_id: l.order_id, order_item_id: l.order_item_id,
    product_id: l.parent_id ?? l.product_id, product_name: (variant ? l.parent_title : null) ?? l.product_name,
    variant_id: variant ? l.product_id : null, variant_name: variant ? l.variant_name : null,
    customer_id: null, customer_name: null, customer_email: maskEmail(l.email),
  };
}

function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** Why a license found cannot be used now, in Lemon Squeezy's words; undefined when it can. */
export function unusable(l: LicenseRow, now: Date): string | undefined {
  const status = licenseStatus(l, now);
  if (status === 'disabled') return 'This license key has been disabled.';
  if (status === 'expired') return 'This license key has expired.';
  return undefined;
}

export const NOT_FOUND = 'license_key not found.';
