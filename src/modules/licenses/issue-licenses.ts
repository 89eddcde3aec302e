// Issuing license keys: made (and sealed) at checkout, one per unit, waiting
// as `pending` with the order; the sale makes them `active` in its own
// statement. A late payment finds them still there, so nothing has to be made
// again, and an order never paid leaves keys no API call can find.
import type { Keyring } from '../../lib/crypto.ts';
import { newId } from '../../lib/ids.ts';
import { generateLicenseKey } from './license-keys.ts';

export interface SealedLicenses { ids: string[]; hashes: Buffer[]; ciphertexts: Buffer[]; keyId: string }

/** `quantity` new keys of `format`, encrypted, with the hashes they will be found by. */
export function sealLicenses(keyring: Keyring, format: string, quantity: number, at: Date): SealedLicenses {
  const out: SealedLicenses = { ids: [], hashes: [], ciphertexts: [], keyId: keyring.keyId };
  for (let i = 0; i < quantity; i++) {
    const key = generateLicenseKey(format);
    const sealed = keyring.seal(key);
    out.ids.push(newId('lic', at.getTime()));
    out.hashes.push(keyring.licenseKeyHash(key));
    out.ciphertexts.push(sealed.ciphertext);
  }
  return out;
}

/**
 * The insert of an order item's pending licenses, for a checkout statement
 * (each argument names a parameter): one row per element of the arrays,
 * `returning 1 as n` so the caller can count them like reserved keys.
 */
export function pendingLicensesSql(p: {
  orderId: string; orderItemId: string; merchantId: string; productId: string; at: string;
  ids: string; hashes: string; ciphertexts: string; keyId: string; activationLimit: string; validityDays: string;
}): string {
  return `insert into licenses (id, merchant_id, product_id, order_id, order_item_id, status, key_hash, key_ciphertext, key_key_id, activation_limit, validity_days, created_at)
          select u.id, ${p.merchantId}, ${p.productId}, ${p.orderId}, ${p.orderItemId}, 'pending', u.h, u.c, ${p.keyId}, ${p.activationLimit}::int, ${p.validityDays}::int, ${p.at}
            from unnest(${p.ids}::text[], ${p.hashes}::bytea[], ${p.ciphertexts}::bytea[]) as u(id, h, c)
          returning 1 as n`;
}

/**
 * The sale's part for licenses (a CTE body): the pending licenses of the
 * given order items become active, their validity counted from `at`.
 * Returns one row per license made active.
 */
export function activateLicensesSql(p: { orderItemIds: string; at: string }): string {
  return `update licenses l set status = 'active', issued_at = ${p.at},
                 expires_at = case when l.validity_days is not null then ${p.at} + make_interval(days => l.validity_days) end
           where l.order_item_id = any(array(${p.orderItemIds})) and l.status = 'pending'
          returning 1`;
}
