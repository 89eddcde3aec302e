// The double-entry ledger (DESIGN §8). A transaction's entries sum to zero per
// currency; a transaction is unique per (kind, cause), so posting twice is a no-op.
import { createHash } from 'node:crypto';
import { prepared, type Queryable } from '../../db/client.ts';
import type { Statement } from '../../db/pipeline.ts';
import { newId } from '../../lib/ids.ts';
import { transactionDigest } from './ledger-digest.ts';

export type AccountKind =
  | 'gateway_clearing' | 'merchant_escrow' | 'merchant_available' | 'platform_revenue' | 'buyer_wallet'
  /** Payouts asked for and not yet sent (owner: the merchant), and money sent out to shops (owner: the payout rail). */
  | 'payouts_in_flight' | 'payouts_sent'
  /** A shop's own gateway account: money that went straight to the shop. */
  | 'merchant_gateway_clearing' | 'merchant_direct_sales';

export interface AccountRef {
  kind: AccountKind;
  /** e.g. the gateway name or the merchant id */
  owner: string;
  merchantId: string | null;
  currency: string;
}

export interface LedgerEntryInput {
  account: AccountRef;
  /** Signed minor units: positive debits, negative credits. */
  amount: number;
}

export interface LedgerTransactionInput {
  kind: string;
  causeType: string;
  causeId: string;
  /** The order the money belongs to (a sale, its refunds, its completion): how escrow per order is found. */
  orderId?: string;
  /** Words for the statement (an adjustment's reason). */
  memo?: string;
  at: Date;
  entries: LedgerEntryInput[];
}

export function accountCode(a: AccountRef): string {
  return `${a.kind}:${a.owner}:${a.currency}`;
}

/** Account ids are derived from their codes, so no lookup is needed to post. */
export function accountId(code: string): string {
  return 'lac_' + createHash('sha256').update(code).digest('hex').slice(0, 26);
}

export function assertBalanced(entries: LedgerEntryInput[]): void {
  const sums = new Map<string, number>();
  for (const e of entries) {
    if (!Number.isSafeInteger(e.amount)) throw new Error('ledger amounts are integer minor units');
    sums.set(e.account.currency, (sums.get(e.account.currency) ?? 0) + e.amount);
  }
  for (const [currency, sum] of sums) {
    if (sum !== 0) throw new Error(`unbalanced ledger transaction: ${currency} sums to ${sum}`);
  }
}

/** Posts a balanced transaction in one statement. Returns false if this cause was already posted. */
export async function postLedgerTransaction(q: Queryable, input: LedgerTransactionInput): Promise<boolean> {
  const st = ledgerTransactionStatement(input);
  const { rows } = await prepared<{ n: string }>(q, st.text, st.values);
  return Number(rows[0]?.n ?? 0) > 0;
}

/** The posting as one statement (for pipelines); its one row's `n` is the number of entries written (0 if already posted). */
export function ledgerTransactionStatement(input: LedgerTransactionInput): Statement {
  assertBalanced(input.entries);
  const id = newId('ltx', input.at.getTime());
  const digest = transactionDigest({
    id, kind: input.kind, causeType: input.causeType, causeId: input.causeId, orderId: input.orderId ?? null, memo: input.memo ?? null, createdAt: input.at,
    entries: input.entries.map((e) => ({ accountId: accountId(accountCode(e.account)), amount: e.amount, currency: e.account.currency })),
  });
  const values: unknown[] = [id, input.kind, input.causeType, input.causeId, input.at, input.orderId ?? null, digest, input.memo ?? null];
  const accounts: string[] = [];
  const entries: string[] = [];
  for (const e of input.entries) {
    const code = accountCode(e.account);
    values.push(accountId(code), code, e.account.kind, e.account.merchantId, e.account.currency, e.amount);
    const n = values.length;
    accounts.push(`($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $5::timestamptz)`);
    entries.push(`($${n - 5}, $${n}::bigint, $${n - 1})`);
  }
  const text = `with a as (insert into ledger_accounts (id, code, kind, merchant_id, currency, created_at)
                values ${accounts.join(', ')} on conflict do nothing),
     t as (insert into ledger_transactions (id, kind, cause_type, cause_id, created_at, order_id, digest, memo)
           values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (kind, cause_type, cause_id) do nothing returning id),
     e as (insert into ledger_entries (transaction_id, account_id, amount, currency, created_at)
           select t.id, v.account_id, v.amount, v.currency, $5 from t,
                  (values ${entries.join(', ')}) as v(account_id, amount, currency)
           returning 1)
     select count(*) as n from e`;
  return { text, values };
}
