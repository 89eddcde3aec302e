// An admin decides a payout: approve it, reject it (the money returns to the
// shop's available balance), or mark it paid with the transfer's reference
// (the money leaves the platform). Every decision is audited in its own
// transaction, under the payout's row lock, and repeating one answers the
// payout as it is: approve twice, reject twice, mark paid twice with the same
// reference are no-ops; a decision that contradicts an earlier one is 409.
import { z } from 'zod';
import { withTransaction } from '../../db/client.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { minorUnits } from '../../lib/money.ts';
import { postLedgerTransaction } from '../money/ledger.ts';
import type { Ctx } from '../shared/context.ts';
import { emitEvent } from '../shared/outbox.ts';
import { writeAudit } from '../trust/audit.ts';
import { available, inFlight, lockPayout, PAYOUT_COLUMNS, payoutFees, presentPayout, returned, type PayoutRow, type PayoutView } from './payout-rows.ts';

export const RejectPayoutInput = z.object({ reason: z.string().trim().min(1, 'say why (the shop sees it)').max(500) });
export const MarkPayoutPaidInput = z.object({ reference: z.string().trim().min(1, 'the transfer\'s reference, e.g. the Alipay order number').max(200) });

type Decision = { kind: 'approve' } | { kind: 'reject'; reason: string } | { kind: 'mark_paid'; reference: string };

export const approvePayout = (ctx: Ctx, id: string) => decide(ctx, id, { kind: 'approve' });
export const rejectPayout = (ctx: Ctx, id: string, input: z.infer<typeof RejectPayoutInput>) => decide(ctx, id, { kind: 'reject', reason: input.reason });
export const markPayoutPaid = (ctx: Ctx, id: string, input: z.infer<typeof MarkPayoutPaidInput>) => decide(ctx, id, { kind: 'mark_paid', reference: input.reference });

async function decide(ctx: Ctx, id: string, d: Decision): Promise<PayoutView> {
  const at = ctx.clock.now();
  return withTransaction(ctx.database.pool, async (q) => {
    const po = await lockPayout(q, id);
    if (!po) throw notFound('payout');
    const same = (d.kind === 'approve' && (po.status === 'approved' || po.status === 'paid'))
      || (d.kind === 'reject' && po.status === 'rejected')
      || (d.kind === 'mark_paid' && po.status === 'paid' && po.reference === d.reference);
    if (same) return presentPayout(po);
    if (po.status === 'rejected') throw conflict('payout_rejected', 'This payout was rejected; its money went back to the shop.');
    if (po.status === 'paid') {
      throw conflict('payout_paid', d.kind === 'mark_paid' ? `This payout was already marked paid with reference ${po.reference ?? ''}.` : 'This payout was already paid.');
    }
    const amount = minorUnits(po.amount);
    const fee = minorUnits(po.fee);
    let row: PayoutRow;
    if (d.kind === 'approve') {
      row = await update(q, id, `status = 'approved', approved_at = $2, updated_at = $2`, [at]);
    } else if (d.kind === 'reject') {
      row = await update(q, id, `status = 'rejected', rejected_at = $2, reason = $3, updated_at = $2`, [at, d.reason]);
      await postLedgerTransaction(q, {
        kind: 'payout_reversal', causeType: 'payout', causeId: id, at,
        entries: [
          { account: available(po.merchant_id, po.currency), amount: -amount },
          { account: inFlight(po.merchant_id, po.currency), amount: amount - fee },
          ...(fee > 0 ? [{ account: payoutFees(po.currency), amount: fee }] : []),
        ],
      });
    } else {
      row = await update(q, id, `status = 'paid', paid_at = $2, reference = $3, approved_at = coalesce(approved_at, $2), updated_at = $2`, [at, d.reference]);
      await postLedgerTransaction(q, {
        kind: 'payout_sent', causeType: 'payout', causeId: id, at,
        entries: [
          { account: inFlight(po.merchant_id, po.currency), amount: amount - fee },
          { account: { kind: 'payouts_sent', owner: 'manual', merchantId: null, currency: po.currency }, amount: -(amount - fee) },
        ],
      });
    }
    const action = d.kind === 'mark_paid' ? 'paid' : d.kind === 'approve' ? 'approved' : 'rejected';
    await writeAudit(q, ctx.actor, at, {
      action: `payout.${action}`, targetType: 'payout', targetId: id, merchantId: po.merchant_id,
      data: d.kind === 'reject' ? { reason: d.reason } : d.kind === 'mark_paid' ? { reference: d.reference } : {},
    });
    await emitEvent(q, at, po.merchant_id, `payout.${action}`, { payout_id: id, amount, fee, currency: po.currency });
    return presentPayout(row);
  });
}

async function update(q: Parameters<typeof lockPayout>[0], id: string, set: string, values: unknown[]): Promise<PayoutRow> {
  const { rows } = await q.query<PayoutRow>(`update payouts po set ${set} where id = $1 returning ${PAYOUT_COLUMNS}`, [id, ...values]);
  return returned(rows);
}
