// 提现: a shop asks for a payout of its available balance (DESIGN §8, §13).
// The amount leaves `available` at once, in the same transaction that checks
// it, under a lock per shop and currency: concurrent requests queue, and the
// second sees what the first took — together they can never exceed the
// balance. The fee (XIAOPU_PAYOUT_FEE + XIAOPU_PAYOUT_FEE_BPS) is taken out
// of the amount; the rest waits in `payouts_in_flight` until an admin marks it
// paid, or returns if rejected.
import { z } from 'zod';
import { advisoryKey, withTransaction } from '../../db/client.ts';
import { conflict, notFound, validationError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { toDecimalString } from '../../lib/money.ts';
import { merchantBalances } from '../money/balances.ts';
import { commissionOf } from '../money/commission.ts';
import { postLedgerTransaction } from '../money/ledger.ts';
import { actorLabel, type Ctx, shopOf } from '../shared/context.ts';
import { emitEvent } from '../shared/outbox.ts';
import { writeAudit } from '../trust/audit.ts';
import { assertShopActive } from './assert-shop-active.ts';
import { available, inFlight, PAYOUT_COLUMNS, payoutFees, presentPayout, returned, type PayoutRow } from './payout-rows.ts';

export const RequestPayoutInput = z.object({
  amount: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).describe('Minor units, out of the available balance'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO currency code, e.g. CNY'),
  destination: z.string().min(1).max(64).optional().describe('A payout destination id (pdst_…); the newest one when absent'),
});
export type RequestPayoutInput = z.infer<typeof RequestPayoutInput>;

const LOCK_CLASS = 7270041;

/** The fee on a payout of `amount`. */
export function payoutFee(ctx: Ctx, amount: number): number {
  return ctx.config.payoutFee + commissionOf(amount, ctx.config.payoutFeeBps);
}

export async function requestPayout(ctx: Ctx, input: RequestPayoutInput) {
  const merchantId = shopOf(ctx);
  const { amount, currency } = input;
  const minimum = ctx.config.payoutMinimum;
  if (amount < minimum) throw validationError(`the smallest payout is ${toDecimalString(minimum, currency)} ${currency}`, 'amount');
  const fee = payoutFee(ctx, amount);
  if (fee >= amount) throw validationError(`the payout fee (${toDecimalString(fee, currency)} ${currency}) would take the whole amount`, 'amount');
  const at = ctx.clock.now();
  return withTransaction(ctx.database.pool, async (q) => {
    // One request at a time per shop and currency; the balance is read after the lock, so it includes every earlier request.
    await q.query('select pg_advisory_xact_lock($1::int, $2::int)', [LOCK_CLASS, advisoryKey(`${merchantId}:${currency}`)]);
    await assertShopActive(q, merchantId);
    const balance = (await merchantBalances(q, merchantId, currency)).available.get(currency) ?? 0;
    if (amount > balance) {
      throw conflict('insufficient_funds', `The available balance is ${toDecimalString(Math.max(0, balance), currency)} ${currency}; a payout cannot exceed it.`);
    }
    const { rows: dest } = await q.query<{ id: string; masked: string }>(
      `select id, masked from payout_destinations where merchant_id = $1 and deleted_at is null and ($2::text is null or id = $2) order by id desc limit 1`,
      [merchantId, input.destination ?? null]);
    if (input.destination && !dest[0]) throw notFound('payout destination');
    if (!dest[0]) throw validationError('add a payout destination first (POST /api/v1/payout_destinations)', 'destination');
    const id = newId('po', at.getTime());
    const { rows } = await q.query<PayoutRow>(
      `insert into payouts as po (id, merchant_id, amount, fee, currency, status, destination_id, destination_masked, requested_by, created_at, updated_at)
       values ($1, $2, $3, $4, $5, 'pending', $6, $7, $8, $9, $9) returning ${PAYOUT_COLUMNS}`,
      [id, merchantId, amount, fee, currency, dest[0].id, dest[0].masked, actorLabel(ctx.actor), at]);
    await postLedgerTransaction(q, {
      kind: 'payout', causeType: 'payout', causeId: id, at,
      entries: [
        { account: available(merchantId, currency), amount },
        { account: inFlight(merchantId, currency), amount: -(amount - fee) },
        ...(fee > 0 ? [{ account: payoutFees(currency), amount: -fee }] : []),
      ],
    });
    await writeAudit(q, ctx.actor, at, { action: 'payout.requested', targetType: 'payout', targetId: id, merchantId, data: { amount, fee, currency } });
    await emitEvent(q, at, merchantId, 'payout.created', { payout_id: id, amount, fee, currency });
    return presentPayout(returned(rows));
  });
}
