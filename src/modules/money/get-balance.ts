// GET /api/v1/balance (DESIGN §13, Stripe's balance object): a shop's money
// per currency, from the ledger.
import { shopOf, type Ctx } from '../shared/context.ts';
import { merchantBalances } from './balances.ts';

export async function getBalance(ctx: Ctx) {
  const merchantId = shopOf(ctx);
  const b = await merchantBalances(ctx.database.pool, merchantId);
  const currencies = [...new Set([...b.pending.keys(), ...b.available.keys(), ...b.inPayout.keys()])].sort();
  const list = (m: Map<string, number>) => currencies.map((currency) => ({ amount: m.get(currency) ?? 0, currency }));
  return { object: 'balance' as const, available: list(b.available), pending: list(b.pending), in_payout: list(b.inPayout) };
}
