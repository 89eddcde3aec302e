// An admin's adjustment (调账) of a shop's available balance: a credit
// (compensation, a correction in the shop's favour) or a debit (a fee, a
// clawback), with a reason the shop sees on its statement. One ledger
// transaction between the shop's available balance and the platform's
// `adjustments` account; audited in the same transaction. A retried request
// with the same Idempotency-Key is answered from the first (server plugin).
import { z } from 'zod';
import { withTransaction } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Ctx } from '../shared/context.ts';
import { emitEvent } from '../shared/outbox.ts';
import { writeAudit } from '../trust/audit.ts';
import { postLedgerTransaction } from './ledger.ts';

export const AdjustmentInput = z.object({
  amount: z.number().int().refine((n) => n !== 0 && Number.isSafeInteger(n), 'a non-zero number of minor units')
    .describe('Minor units: positive credits the shop, negative debits it'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO currency code, e.g. CNY'),
  reason: z.string().trim().min(1, 'say why (the shop sees it)').max(500),
});
export type AdjustmentInput = z.infer<typeof AdjustmentInput>;

export async function adjustBalance(ctx: Ctx, { merchantId, ...input }: AdjustmentInput & { merchantId: string }) {
  const at = ctx.clock.now();
  return withTransaction(ctx.database.pool, async (q) => {
    const { rows } = await q.query('select 1 from merchants where id = $1', [merchantId]);
    if (!rows[0]) throw notFound('merchant');
    const id = newId('adj', at.getTime());
    await postLedgerTransaction(q, {
      kind: 'adjustment', causeType: 'adjustment', causeId: id, memo: input.reason, at,
      entries: [
        { account: { kind: 'merchant_available', owner: merchantId, merchantId, currency: input.currency }, amount: -input.amount },
        { account: { kind: 'platform_revenue', owner: 'adjustments', merchantId: null, currency: input.currency }, amount: input.amount },
      ],
    });
    await writeAudit(q, ctx.actor, at, { action: 'balance.adjusted', targetType: 'adjustment', targetId: id, merchantId, data: { ...input } });
    await emitEvent(q, at, merchantId, 'balance.adjusted', { adjustment_id: id, amount: input.amount, currency: input.currency, reason: input.reason });
    return { id, object: 'adjustment' as const, merchant_id: merchantId, amount: input.amount, currency: input.currency, reason: input.reason, created_at: at.toISOString() };
  });
}
