// A shop's statement (对账单): every ledger transaction that moved its money,
// newest first, with what it did to each balance. The lines add up: the sum
// of `pending` over all lines is the pending balance, and so on. JSON pages
// for the console and the API, CSV for spreadsheets.
import { z } from 'zod';
import type { Queryable } from '../../db/client.ts';
import { minorUnits, toDecimalString } from '../../lib/money.ts';
import { shopOf, type Ctx } from '../shared/context.ts';
import { PageQuery, pageClause, toPage } from '../shared/pagination.ts';
import { SHOP_ACCOUNT_KINDS } from './balances.ts';

export const BalanceTransactionsQuery = PageQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type BalanceTransactionsQuery = z.infer<typeof BalanceTransactionsQuery>;

/** What a ledger transaction is, in the shop's words. */
const TYPES: Readonly<Record<string, string>> = {
  payment: 'sale', refund: 'refund', completion: 'completion', payout: 'payout', payout_reversal: 'payout_returned', payout_sent: 'payout_paid',
  adjustment: 'adjustment',
};

interface Row {
  id: string; kind: string; cause_type: string; cause_id: string; order_id: string | null; order_number: string | null; created_at: Date; currency: string;
  pending: string; available: string; in_payout: string; commission: string; fee: string; description: string | null;
}

function present(r: Row) {
  return {
    id: r.id, object: 'balance_transaction' as const, type: TYPES[r.kind] ?? r.kind,
    order_id: r.order_id, order_number: r.order_number,
    payout_id: r.cause_type === 'payout' ? r.cause_id : null, refund_id: r.cause_type === 'refund' ? r.cause_id : null,
    /** An adjustment's reason, as the admin gave it. */
    description: r.description,
    currency: r.currency,
    /** Change to the pending (escrow) balance. */
    pending: minorUnits(r.pending),
    /** Change to the available balance. */
    available: minorUnits(r.available),
    in_payout: minorUnits(r.in_payout),
    /** The platform's commission this transaction took (negative: gave back). */
    commission: minorUnits(r.commission),
    /** A payout fee the platform took. */
    fee: minorUnits(r.fee),
    created_at: r.created_at.toISOString(),
  };
}
export type BalanceTransaction = ReturnType<typeof present>;

async function page(q: Queryable, merchantId: string, query: BalanceTransactionsQuery): Promise<Row[]> {
  const params: unknown[] = [merchantId, SHOP_ACCOUNT_KINDS];
  const p = pageClause(query, 'e.transaction_id', params);
  const { rows } = await q.query<Row>(
    `with ids as (select distinct e.transaction_id from ledger_entries e
                   where e.account_id = any(array(select id from ledger_accounts where merchant_id = $1 and kind = any($2::text[])))
                     and ${p.where} order by ${p.order} limit ${p.limit})
     select t.id, t.kind, t.cause_type, t.cause_id, t.order_id, o.number as order_number, t.created_at, e.currency,
            coalesce(-sum(e.amount) filter (where a.kind = 'merchant_escrow' and a.merchant_id = $1), 0) as pending,
            coalesce(-sum(e.amount) filter (where a.kind = 'merchant_available' and a.merchant_id = $1), 0) as available,
            coalesce(-sum(e.amount) filter (where a.kind = 'payouts_in_flight' and a.merchant_id = $1), 0) as in_payout,
            coalesce(-sum(e.amount) filter (where a.code like 'platform_revenue:commission:%'), 0) as commission,
            coalesce(-sum(e.amount) filter (where a.code like 'platform_revenue:payout_fees:%'), 0) as fee,
            t.memo as description
       from ids join ledger_transactions t on t.id = ids.transaction_id
            join ledger_entries e on e.transaction_id = t.id join ledger_accounts a on a.id = e.account_id
            left join orders o on o.id = t.order_id
      group by t.id, e.currency, o.number
      order by t.id ${p.order.endsWith('asc') ? 'asc' : 'desc'}`,
    params);
  return rows;
}

export async function listBalanceTransactions(ctx: Ctx, query: BalanceTransactionsQuery) {
  const merchantId = shopOf(ctx);
  return toPage((await page(ctx.database.pool, merchantId, query)).map(present), query);
}

const CSV_HEADER = 'created_at,id,type,order_number,currency,pending,available,in_payout,commission,fee,description';

/** A CSV field: quoted when it must be, and never read as a formula by a spreadsheet. */
function csvField(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole statement as CSV (amounts as decimals in their currency), newest first, read a page at a time. */
export async function* balanceTransactionsCsv(ctx: Ctx): AsyncGenerator<string> {
  const merchantId = shopOf(ctx);
  yield CSV_HEADER + '\n';
  let after: string | undefined;
  for (;;) {
    const rows = await page(ctx.database.pool, merchantId, { limit: 1000, ...(after ? { starting_after: after } : {}) });
    for (const r of rows.slice(0, 1000)) {
      const t = present(r);
      const d = (n: number) => toDecimalString(n, t.currency);
      yield [t.created_at, t.id, t.type, t.order_number ?? '', t.currency, d(t.pending), d(t.available), d(t.in_payout), d(t.commission), d(t.fee),
        csvField(t.description ?? '')].join(',') + '\n';
    }
    if (rows.length <= 1000) return;
    after = rows[999]?.id;
    if (!after) return;
  }
}
