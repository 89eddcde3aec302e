// What an order's money amounts to in its shop's accounts, from the ledger
// (never a stored column): what it still holds in escrow, and the shop's
// share as it stands.
import { accountCode, accountId, type AccountRef } from './ledger.ts';
import type { Queryable } from '../../db/client.ts';
import { minorUnits } from '../../lib/money.ts';

/** The credit the order's ledger transactions left in these shop accounts. */
async function orderCredit(q: Queryable, merchantId: string, currency: string, orderId: string, kinds: readonly AccountRef['kind'][]): Promise<number> {
  const accounts = kinds.map((kind) => accountId(accountCode({ kind, owner: merchantId, merchantId, currency })));
  const { rows } = await q.query<{ credit: string }>(
    `select coalesce(-sum(e.amount), 0) as credit from ledger_entries e
      where e.account_id = any($2) and e.transaction_id = any(array(select id from ledger_transactions where order_id = $1))`,
    [orderId, accounts]);
  return minorUnits(rows[0]?.credit ?? 0);
}

/** Still in escrow: the shop's share of the sale less what refunds took back and what completion released. */
export function orderEscrow(q: Queryable, merchantId: string, currency: string, orderId: string): Promise<number> {
  return orderCredit(q, merchantId, currency, orderId, ['merchant_escrow']);
}

/**
 * The shop's share as it stands: what the sale put in its escrow (or,
 * through its own gateway account, its direct sales) less what refunds took
 * back (completion only moves escrow to available).
 */
export function orderShopShare(q: Queryable, merchantId: string, currency: string, orderId: string): Promise<number> {
  return orderCredit(q, merchantId, currency, orderId, ['merchant_escrow', 'merchant_available', 'merchant_direct_sales']);
}
