// What an order still holds in its shop's escrow, from the ledger: the
// shop's share of the sale less what refunds took back and what completion
// released. Never a stored column.
import { accountCode, accountId } from './ledger.ts';
import type { Queryable } from '../../db/client.ts';
import { minorUnits } from '../../lib/money.ts';

export async function orderEscrow(q: Queryable, merchantId: string, currency: string, orderId: string): Promise<number> {
  const escrow = accountId(accountCode({ kind: 'merchant_escrow', owner: merchantId, merchantId, currency }));
  const { rows } = await q.query<{ held: string }>(
    `select coalesce(-sum(e.amount), 0) as held from ledger_entries e
      where e.account_id = $2 and e.transaction_id = any(array(select id from ledger_transactions where order_id = $1))`,
    [orderId, escrow]);
  return minorUnits(rows[0]?.held ?? 0);
}

/**
 * The shop's share of an order as it stands, from the ledger: what the sale
 * put in its escrow (or, through its own gateway account, its direct sales)
 * less what refunds took back (completion only moves escrow to available).
 */
export async function orderShopShare(q: Queryable, merchantId: string, currency: string, orderId: string): Promise<number> {
  const owner = { owner: merchantId, merchantId, currency };
  // A sale through the shop's own gateway account is booked as a direct sale instead.
  const accounts = (['merchant_escrow', 'merchant_available', 'merchant_direct_sales'] as const).map((kind) => accountId(accountCode({ kind, ...owner })));
  const { rows } = await q.query<{ share: string }>(
    `select coalesce(-sum(e.amount), 0) as share from ledger_entries e
      where e.account_id = any($2) and e.transaction_id = any(array(select id from ledger_transactions where order_id = $1))`,
    [orderId, accounts]);
  return minorUnits(rows[0]?.share ?? 0);
}
