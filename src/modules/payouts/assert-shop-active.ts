// Money leaves a shop only while the platform lets it trade: a suspended (or
// not yet approved) shop keeps its console and its balance, but asks for no
// payout and changes no payout destination until it is reinstated — a
// suspension for a fraud check must not be a race to withdraw.
import type { Queryable } from '../../db/client.ts';
import { forbidden, notFound } from '../../lib/errors.ts';

/** 403 `shop_not_active` unless the shop is active; holds the shop row (for share) until the transaction ends, so a suspension waits for it. */
export async function assertShopActive(q: Queryable, merchantId: string): Promise<void> {
  const { rows } = await q.query<{ status: string }>('select status from merchants where id = $1 for share', [merchantId]);
  const status = rows[0]?.status;
  if (!status) throw notFound('shop');
  if (status !== 'active') {
    throw forbidden('shop_not_active', status === 'suspended'
      ? 'This shop is suspended: payouts and payout destinations wait until the platform reinstates it.'
      : 'This shop is not approved yet: payouts and payout destinations wait until the platform approves it.');
  }
}
