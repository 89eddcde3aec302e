// Money back to a buyer (DESIGN §7, §8): full or partial, through the gateway
// where it can refund. In three steps so no lock is held while the gateway
// thinks: (1) lock the payment, check what is left to refund, reserve the
// amount and record the refund as pending; (2) ask the gateway
// (ask-gateway-to-refund.ts); (3) record its answer (finish-refund.ts). A
// refund the gateway refuses is marked failed and changes nothing else; one
// whose answer never came (a timeout, or the process died between the steps)
// stays pending and reconcile-refunds.ts asks the gateway again, with the same
// refund id, until it has an answer.
import { minorUnits, toDecimalString } from '../../lib/money.ts';
import { z } from 'zod';
import { withTransaction, type Queryable } from '../../db/client.ts';
import { AppError, conflict, notFound, validationError } from '../../lib/errors.ts';
import { faultPoint } from '../../lib/faults.ts';
import { newId } from '../../lib/ids.ts';
import type { OrderStatus } from '../orders/state-machine.ts';
import { type Ctx, actorLabel, ordersScope } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';
import { paymentGatewayConfig } from '../payments/gateways/gateway-configs.ts';
import { askGatewayToRefund } from '../payments/refunds/ask-gateway-to-refund.ts';
import { finishRefund } from './finish-refund.ts';
import { presentRefund, type RefundView } from '../payments/refunds/refund-view.ts';

export const RefundInput = z.object({
  amount: z.number().int().min(1).optional().describe('Minor units; the whole refundable remainder when absent'),
  reason: z.string().trim().min(1).max(500).optional(),
  to: z.enum(['gateway', 'wallet']).optional()
    .describe("Where the money goes: the gateway (default where it can refund) or the buyer's wallet (default otherwise; the order must have a buyer account)"),
});
export type RefundInput = z.infer<typeof RefundInput>;


const REFUNDABLE: readonly OrderStatus[] = ['paid', 'awaiting_fulfilment', 'delivered', 'needs_action', 'disputed', 'partially_refunded', 'completed'];

interface Locked {
  id: string; order_id: string; merchant_id: string; gateway: string; amount: string; fee: string; currency: string;
  gateway_trade_no: string | null; gateway_reference: string | null; order_status: OrderStatus; needs_action_reason: string | null; refunded: string;
  buyer_user_id: string | null; gateway_config_id: string | null; config_merchant_id: string | null;
}

/** The actor's own merchant's order, or any for a platform admin (`ordersScope`). */
/**
 * `opts.platform`: a platform job refunding across shops (the overdue job); a
 * person's refund is always scoped by `ordersScope`.
 */
export async function refundOrder(ctx: Ctx, orderId: string, input: RefundInput, opts: { onlyFrom?: readonly OrderStatus[]; platform?: boolean } = {}): Promise<RefundView> {
  const merchantId = opts.platform ? undefined : ordersScope(ctx);
  const pool = ctx.database.pool;
  const now = ctx.clock.now();
  const actor = actorLabel(ctx.actor);

  // (1) Reserve the amount. The payment row lock serialises refunds of one
  // payment, and `payments.refunded` is read from the locked row itself (FOR
  // UPDATE returns its newest version), never from a snapshot taken before
  // the lock; the database's check keeps it between 0 and the amount paid.
  // The order row is locked too (payment, then order, as finish-refund does),
  // so its status is current and a shop fulfilling it by hand waits.
  const { pay, refundId, amount, destination } = await withTransaction(pool, async (q) => {
    const { rows } = await q.query<Locked>(
      `select p.id, p.order_id, p.merchant_id, p.gateway, p.amount, p.fee, p.currency, p.gateway_trade_no, p.gateway_reference,
              p.refunded, o.status as order_status, o.needs_action_reason, o.buyer_user_id, p.gateway_config_id,
              (select gc.merchant_id from gateway_configs gc where gc.id = p.gateway_config_id) as config_merchant_id
         from payments p join orders o on o.id = p.order_id
        where p.order_id = $1 and p.status = 'succeeded' ${merchantId ? 'and p.merchant_id = $2' : ''}
        order by p.succeeded_at limit 1
        for update of p, o`,
      merchantId ? [orderId, merchantId] : [orderId]);
    const pay = rows[0];
    if (!pay) {
      const { rows: exists } = await q.query('select 1 from orders where id = $1' + (merchantId ? ' and merchant_id = $2' : ''), merchantId ? [orderId, merchantId] : [orderId]);
      if (exists.length === 0) throw notFound('order');
      throw conflict('order_not_paid', 'This order has no settled payment to refund.');
    }
    if (!REFUNDABLE.includes(pay.order_status)) throw conflict('order_not_refundable', `An order in status ${pay.order_status} cannot be refunded.`);
    // A caller that decided on an earlier look (the overdue job) refunds only if the order is still as it saw it.
    if (opts.onlyFrom && !opts.onlyFrom.includes(pay.order_status)) throw conflict('order_changed', `The order is now ${pay.order_status}.`);
    const remaining = minorUnits(pay.amount) - minorUnits(pay.refunded);
    if (remaining <= 0) throw conflict('already_refunded', 'This payment has been refunded in full.');
    const amount = input.amount ?? remaining;
    // Paid but not yet delivered (the shop's endpoint is still being asked for the items, or gave up): in full, or wait for the delivery.
    if ((pay.order_status === 'paid' || (pay.order_status === 'needs_action' && pay.needs_action_reason === 'webhook_failed')) && amount < remaining) {
      throw conflict('partial_refund_not_allowed', 'This order is still waiting for its items: refund it in full, or wait until it is delivered.');
    }
    if (amount > remaining) throw validationError(`at most ${toDecimalString(remaining, pay.currency)} ${pay.currency} is left to refund`, 'amount');
    const { rows: pending } = await q.query(`select 1 from refunds where payment_id = $1 and status = 'pending' limit 1`, [pay.id]);
    if (pending.length > 0) throw conflict('refund_in_progress', 'Another refund of this payment is still with the gateway.');
    await q.query('update payments set refunded = refunded + $2 where id = $1', [pay.id, amount]);
    const destination = await chooseDestination(ctx, q, pay, input.to);
    const refundId = newId('rfd', now.getTime());
    await q.query(
      `insert into refunds (id, payment_id, order_id, merchant_id, amount, currency, status, destination, reason, requested_by, created_at)
       values ($1, $2, $3, $4, $5, $6, 'pending', $10, $7, $8, $9)`,
      [refundId, pay.id, pay.order_id, pay.merchant_id, amount, pay.currency, input.reason ?? null, actor, now, destination]);
    await writeAudit(q, ctx.actor, now, {
      action: 'refund.request', targetType: 'refund', targetId: refundId, merchantId: pay.merchant_id,
      data: { order_id: pay.order_id, payment_id: pay.id, amount, currency: pay.currency, destination },
    });
    return { pay, refundId, amount, destination };
  });

  faultPoint('refund.reserved');

  // (2) The gateway, outside any transaction.
  const answer = await askGatewayToRefund(ctx, {
    refundId, paymentId: pay.id, gateway: pay.gateway, gatewayConfigId: pay.gateway_config_id, tradeNo: pay.gateway_trade_no,
    gatewayReference: pay.gateway_reference, amount, paymentAmount: minorUnits(pay.amount), currency: pay.currency, destination, reason: input.reason,
  });
  faultPoint('refund.gateway_answered');

  // (3) Record the answer.
  if (answer.kind === 'unknown') {
    ctx.log.warn({ refundId, gateway: pay.gateway, message: answer.message }, 'no final answer from the gateway to a refund; left pending for reconciliation');
    // Still pending; what the gateway last said is kept for the console.
    const { rows } = await pool.query(`update refunds set failure_message = $2 where id = $1 and status = 'pending' returning *`, [refundId, answer.message]);
    if (!rows[0]) return presentRefund((await pool.query('select * from refunds where id = $1', [refundId])).rows[0]);
    return presentRefund(rows[0]);
  }
  if (answer.kind === 'failed') {
    await finishRefund(ctx, refundId, { kind: 'failed', message: answer.message });
    throw answer.unsupported
      ? new AppError(422, 'refund_not_supported', `The refund did not go through: ${answer.message}`)
      : new AppError(502, 'gateway_error', `The refund did not go through: ${answer.message}`, 'api_error');
  }
  return finishRefund(ctx, refundId, { kind: 'succeeded', gatewayRefundId: answer.gatewayRefundId });
}

/**
 * Wallet-paid orders refund to the wallet. Otherwise the gateway, unless the
 * caller asks for the wallet or the gateway cannot refund — then the wallet,
 * if the buyer has an account.
 */
async function chooseDestination(ctx: Ctx, q: Queryable, pay: Locked, asked: 'gateway' | 'wallet' | undefined): Promise<'gateway' | 'wallet'> {
  const noAccount = (why: string) => new AppError(422, 'refund_not_supported', `${why} The buyer checked out without an account, so there is no wallet to refund to; refund them another way.`);
  if (pay.gateway === 'wallet') return 'wallet';
  if (pay.config_merchant_id && asked === 'wallet') {
    throw new AppError(422, 'refund_not_supported', "This order was paid through the shop's own gateway account: the platform never held the money, so it cannot refund it to a wallet.");
  }
  if (asked === 'wallet') {
    if (!pay.buyer_user_id) throw noAccount('You asked for the wallet.');
    return 'wallet';
  }
  const config = await paymentGatewayConfig(ctx, q, { gateway: pay.gateway, gatewayConfigId: pay.gateway_config_id });
  if (config?.adapter.refund) return 'gateway';
  if (asked === 'gateway' || !pay.buyer_user_id || pay.config_merchant_id) throw noAccount(`The ${pay.gateway} gateway cannot refund through its API.`);
  return 'wallet';
}
