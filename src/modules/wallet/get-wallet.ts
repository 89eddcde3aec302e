// A buyer's wallet: balances per currency and the latest movements.
import { z } from 'zod';
import { minorUnits } from '../../lib/money.ts';
import type { Services } from '../shared/context.ts';
import { PageQuery, pageClause, toPage } from '../shared/pagination.ts';

export async function getWallet(s: Services, userId: string) {
  const { rows } = await s.database.pool.query<{ currency: string; balance: string }>(
    'select currency, balance from wallets where user_id = $1 order by currency', [userId]);
  return { object: 'wallet' as const, balances: rows.map((r) => ({ currency: r.currency, balance: minorUnits(r.balance) })) };
}

export const WalletOut = z.object({ object: z.literal('wallet'), balances: z.array(z.object({ currency: z.string(), balance: z.number().int() })) });
export const WalletTransactionOut = z.object({
  id: z.string(), object: z.literal('wallet_transaction'), currency: z.string(), amount: z.number().int().describe('Signed: in is positive'),
  balance_after: z.number().int(), kind: z.string().describe('topup, payment or refund'), ref_id: z.string().describe('The top-up, payment or refund'), created_at: z.string(),
});

export const WalletTransactionsQuery = PageQuery;

export async function listWalletTransactions(s: Services, userId: string, query: PageQuery) {
  const params: unknown[] = [userId];
  const c = pageClause(query, 'id', params);
  const { rows } = await s.database.pool.query<{ id: string; currency: string; amount: string; balance_after: string; kind: string; ref_id: string; created_at: Date }>(
    `select id, currency, amount, balance_after, kind, ref_id, created_at from wallet_transactions
      where user_id = $1 and ${c.where} order by ${c.order} limit ${c.limit}`, params);
  return toPage(rows.map((r) => ({
    id: r.id, object: 'wallet_transaction' as const, currency: r.currency, amount: minorUnits(r.amount), balance_after: minorUnits(r.balance_after),
    kind: r.kind, ref_id: r.ref_id, created_at: r.created_at.toISOString(),
  })), query);
}
