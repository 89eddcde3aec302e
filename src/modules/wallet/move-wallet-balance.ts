// The one way a wallet balance changes: in the caller's transaction, with a
// buyer-visible wallet transaction (unique per kind and cause, so a repeat is
// refused by the database) — the caller posts the matching ledger entries.
// The balance can never go negative: a debit larger than it fails with 409
// `insufficient_balance` and the caller's transaction rolls back.
import { minorUnits } from '../../lib/money.ts';
import { prepared, type Queryable } from '../../db/client.ts';
import { conflict } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { AccountRef } from '../money/ledger.ts';

export interface BalanceMove {
  userId: string;
  currency: string;
  /** Signed minor units: positive adds to the balance. */
  amount: number;
  kind: 'topup' | 'payment' | 'refund';
  refId: string;
  at: Date;
}

export function walletAccount(userId: string, currency: string): AccountRef {
  return { kind: 'buyer_wallet', owner: userId, merchantId: null, currency };
}

/** Returns the balance after the move. */
export async function moveWalletBalance(q: Queryable, m: BalanceMove): Promise<number> {
  if (!Number.isSafeInteger(m.amount) || m.amount === 0) throw new Error('wallet moves are non-zero integer minor units');
  // A credit may open the wallet; a debit only ever updates an existing one,
  // and only while the balance covers it (PostgreSQL checks constraints on the
  // row an upsert proposes, so a negative insert would fail even on conflict).
  const move = m.amount > 0
    ? `insert into wallets (user_id, currency, balance, updated_at) values ($1, $2, $3, $4)
       on conflict (user_id, currency) do update set balance = wallets.balance + excluded.balance, updated_at = excluded.updated_at
       returning balance`
    : `update wallets set balance = balance + $3, updated_at = $4
        where user_id = $1 and currency = $2 and balance + $3 >= 0
       returning balance`;
  const { rows } = await prepared<{ balance: string }>(q,
    `with w as (${move})
     insert into wallet_transactions (id, user_id, currency, amount, balance_after, kind, ref_id, created_at)
     select $5, $1, $2, $3, w.balance, $6, $7, $4 from w
     returning balance_after as balance`,
    [m.userId, m.currency, m.amount, m.at, newId('wtx', m.at.getTime()), m.kind, m.refId]);
  if (!rows[0]) throw conflict('insufficient_balance', 'The wallet balance is too low for this payment.');
  return minorUnits(rows[0].balance);
}
