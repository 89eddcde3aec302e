// Refunds whose answer never came: the gateway timed out, or the process died
// between asking the gateway and recording its answer. Left alone they would
// stay pending for ever and block every later refund of the payment. This job
// (every minute) claims each refund pending for more than a few minutes and
// asks the gateway again with the same refund id — the gateway's idempotency
// key, so a refund it already made is answered, never made twice — then
// records the answer exactly as the original request would have.
import { minorUnits } from '../../lib/money.ts';
import type { Ctx, Services } from '../shared/context.ts';
import { askGatewayToRefund } from '../payments/refunds/ask-gateway-to-refund.ts';
import { finishRefund } from './finish-refund.ts';

/** A refund younger than this may still have its own request waiting on the gateway (which times out after 10 s). */
export const RECONCILE_AFTER_MS = 2 * 60_000;
/** A claim lasts longer than a batch can take (BATCH × the 10 s gateway timeout), so two runners never ask about one refund at once. */
export const CLAIM_MS = 15 * 60_000;
/** Gateways keep refund idempotency keys for about a day (Stripe: 24 h): older refunds wait for a person. */
const GIVE_UP_AFTER_MS = 23 * 3600_000;
const BATCH = 10;

interface Claimed {
  id: string; payment_id: string; amount: string; currency: string; destination: 'gateway' | 'wallet'; reason: string | null;
  gateway: string; gateway_config_id: string | null; gateway_trade_no: string | null; gateway_reference: string | null; pay_amount: string;
}

export async function reconcileRefunds(s: Services): Promise<{ succeeded: number; failed: number; unknown: number }> {
  const now = s.clock.now();
  const stale = new Date(now.getTime() - RECONCILE_AFTER_MS);
  const claimExpired = new Date(now.getTime() - CLAIM_MS);
  const tooOld = new Date(now.getTime() - GIVE_UP_AFTER_MS);
  // The claim (reconciled_at) keeps two job runners from asking about the same refund at once.
  const { rows } = await s.database.pool.query<Claimed>(
    `with c as (
       update refunds set reconciled_at = $1
        where id in (select id from refunds where status = 'pending' and created_at < $2 and created_at > $4
                        and (reconciled_at is null or reconciled_at < $3)
                      order by created_at limit ${BATCH} for update skip locked)
        returning id, payment_id, amount, currency, destination, reason)
     select c.*, p.gateway, p.gateway_config_id, p.gateway_trade_no, p.gateway_reference, p.amount as pay_amount
       from c join payments p on p.id = c.payment_id`,
    [now, stale, claimExpired, tooOld]);
  const ctx = { ...s, actor: { type: 'system' as const, name: 'reconcile_refunds' } };
  const tally = { succeeded: 0, failed: 0, unknown: 0 };
  for (const r of rows) {
    try {
      await reconcileOne(ctx, r, tally);
    } catch (err) {
      // One refund's trouble must not hold back the rest of the batch; its claim lapses and it is tried again.
      s.log.error({ refundId: r.id, err }, 'reconciling a refund failed');
    }
  }
  return tally;
}

async function reconcileOne(ctx: Ctx, r: Claimed, tally: { succeeded: number; failed: number; unknown: number }): Promise<void> {
  const answer = await askGatewayToRefund(ctx, {
    refundId: r.id, paymentId: r.payment_id, gateway: r.gateway, gatewayConfigId: r.gateway_config_id, tradeNo: r.gateway_trade_no,
    gatewayReference: r.gateway_reference, amount: minorUnits(r.amount), paymentAmount: minorUnits(r.pay_amount), currency: r.currency,
    destination: r.destination, reason: r.reason ?? undefined,
  }, { again: true });
  if (answer.kind === 'unknown') {
    tally.unknown++;
    ctx.log.warn({ refundId: r.id, message: answer.message }, 'still no final answer from the gateway to a refund; asking again later');
    await ctx.database.pool.query(`update refunds set failure_message = $2 where id = $1 and status = 'pending'`, [r.id, answer.message]);
    return;
  }
  await finishRefund(ctx, r.id, answer.kind === 'failed' ? { kind: 'failed', message: answer.message } : { kind: 'succeeded', gatewayRefundId: answer.gatewayRefundId });
  tally[answer.kind]++;
}
