// A shop's balances, summed from the ledger (DESIGN §8): never a stored
// column. `pending` is what its escrow holds (sold, not yet completed),
// `available` what it may pay out (completed sales, less refunds taken after
// completion and payouts asked for), `in_payout` what is on its way to it.
// Signs follow the shop: the ledger credits a shop's accounts (negative), so
// each balance is minus the sum of its entries. `available` may be negative:
// a refund after completion that the shop's balance did not cover.
import type { Queryable } from '../../db/client.ts';
import { minorUnits } from '../../lib/money.ts';

export interface Balances {
  pending: Map<string, number>;
  available: Map<string, number>;
  inPayout: Map<string, number>;
}

export const SHOP_ACCOUNT_KINDS = ['merchant_escrow', 'merchant_available', 'payouts_in_flight'] as const;

export async function merchantBalances(q: Queryable, merchantId: string, currency?: string): Promise<Balances> {
  const { rows } = await q.query<{ kind: string; currency: string; balance: string }>(
    `select a.kind, a.currency, coalesce(-(select sum(e.amount) from ledger_entries e where e.account_id = a.id), 0) as balance
       from ledger_accounts a
      where a.merchant_id = $1 and a.kind = any($2::text[]) and ($3::text is null or a.currency = $3)`,
    [merchantId, SHOP_ACCOUNT_KINDS, currency ?? null]);
  const out: Balances = { pending: new Map(), available: new Map(), inPayout: new Map() };
  for (const r of rows) {
    const target = r.kind === 'merchant_escrow' ? out.pending : r.kind === 'merchant_available' ? out.available : out.inPayout;
    target.set(r.currency, (target.get(r.currency) ?? 0) + minorUnits(r.balance));
  }
  return out;
}
