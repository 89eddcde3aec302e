// Step 3 of a refund: record the gateway's answer. Succeeded: credit the
// wallet if that is where the money goes, reverse the payment's booking, and
// move the order to refunded / partially_refunded. Failed: mark it and give
// the reserved amount back. Both only from `pending` (the payment row locked),
// so a refund finished twice — by its request and by reconciliation — has one
// effect; the second finds it finished and returns it as it is.
import { minorUnits } from '../../lib/money.ts';
import type pg from 'pg';
import { withTransaction } from '../../db/client.ts';
import { postLedgerTransaction } from '../money/ledger.ts';
import { commissionRefunded } from '../money/commission.ts';
import { orderEscrow } from '../money/order-escrow.ts';
import { transitionOrder } from '../orders/transition-order.ts';
import { actorLabel, type Ctx } from '../shared/context.ts';
import { emitEvent } from '../shared/outbox.ts';
import { disputeAfterFailedRefund, disputeAfterRefund } from './dispute-on-refund.ts';
import { writeAudit } from '../trust/audit.ts';
import { moveWalletBalance, walletAccount } from '../wallet/move-wallet-balance.ts';
import { presentRefund, type RefundView } from '../payments/refunds/refund-view.ts';

export type RefundOutcome = { kind: 'succeeded'; gatewayRefundId?: string } | { kind: 'failed'; message: string };

interface Locked {
  id: string; payment_id: string; order_id: string; merchant_id: string; amount: string; currency: string; status: string; destination: 'gateway' | 'wallet';
  gateway: string; pay_amount: string; fee: string; refunded: string; buyer_user_id: string | null; config_merchant_id: string | null;
  order_total: string; commission: string;
}

/** `audit`: an audit row to write in the same transaction (a person deciding the outcome). */
export async function finishRefund(ctx: Ctx, refundId: string, outcome: RefundOutcome,
  audit?: { action: string; data: Record<string, unknown> }): Promise<RefundView> {
  return withTransaction(ctx.database.pool, async (q) => {
    const at = ctx.clock.now();
    const { rows } = await q.query<Locked>(
      `select r.id, r.payment_id, r.order_id, r.merchant_id, r.amount, r.currency, r.status, r.destination,
              p.gateway, p.amount as pay_amount, p.fee, p.refunded, o.buyer_user_id, o.total as order_total, o.commission,
              (select gc.merchant_id from gateway_configs gc where gc.id = p.gateway_config_id) as config_merchant_id
         from refunds r join payments p on p.id = r.payment_id join orders o on o.id = r.order_id
        where r.id = $1 for update of p, o`, [refundId]);
    const r = rows[0];
    if (!r) throw new Error(`no refund ${refundId}`);
    if (r.status !== 'pending') return presentRefund((await q.query('select * from refunds where id = $1', [refundId])).rows[0]);
    const amount = minorUnits(r.amount);
    if (audit) await writeAudit(q, ctx.actor, at, { action: audit.action, targetType: 'refund', targetId: refundId, merchantId: r.merchant_id, data: audit.data });

    if (outcome.kind === 'failed') {
      await q.query(`update refunds set status = 'failed', failure_message = $2, completed_at = $3 where id = $1 and status = 'pending'`, [refundId, outcome.message, at]);
      await q.query('update payments set refunded = refunded - $2 where id = $1', [r.payment_id, amount]);
      await writeAudit(q, ctx.actor, at, { action: 'refund.failed', targetType: 'refund', targetId: refundId, merchantId: r.merchant_id, data: { message: outcome.message } });
      await disputeAfterFailedRefund(q, { orderId: r.order_id, message: outcome.message, at });
      return presentRefund((await q.query('select * from refunds where id = $1', [refundId])).rows[0]);
    }

    await q.query(`update refunds set status = 'succeeded', gateway_refund_id = $2, completed_at = $3 where id = $1 and status = 'pending'`,
      [refundId, outcome.gatewayRefundId ?? null, at]);
    if (r.destination === 'wallet') {
      if (!r.buyer_user_id) throw new Error(`wallet refund ${refundId} of an order without a buyer account`);
      await moveWalletBalance(q, { userId: r.buyer_user_id, currency: r.currency, amount, kind: 'refund', refId: refundId, at });
    }
    // `refunded` already includes this refund (it was reserved): what came before it is the rest.
    const before = minorUnits(r.refunded) - amount;
    await reverseLedger(q, r, amount, before, at);
    const full = minorUnits(r.refunded) >= minorUnits(r.pay_amount);
    await transitionOrder(q, {
      orderId: r.order_id, merchantId: r.merchant_id, actor: actorLabel(ctx.actor), at,
      // A partial refund of an order parked in needs_action leaves it parked: its keys are still owed (retry-parked-order).
      // A completed order refunded in part stays completed (the refund is on its page), a disputed one
      // stays disputed until the dispute is resolved; in full, either is refunded.
      // An order awaiting the shop's hand stays in its queue after a partial refund.
      // In part: only a delivered order becomes partially_refunded (one still waiting for its items stays where it is).
      from: full ? ['paid', 'awaiting_fulfilment', 'delivered', 'needs_action', 'disputed', 'partially_refunded', 'completed'] : ['delivered'],
      to: full ? 'refunded' : 'partially_refunded', note: `refund ${refundId}`,
      set: full ? { needs_action_reason: null } : {},
    });
    // A refund in full answers the buyer's dispute; a partial one, the platform's partial ruling.
    await disputeAfterRefund(ctx, q, { orderId: r.order_id, refundId, amount, currency: r.currency, full, at });
    await emitEvent(q, at, r.merchant_id, 'refund.succeeded', { refund_id: refundId, order_id: r.order_id, amount, currency: r.currency });
    return presentRefund((await q.query('select * from refunds where id = $1', [refundId])).rows[0]);
  });
}

/**
 * The refund reverses the payment's booking. The goods part (up to the order
 * total) comes back from the shop's share and the platform's commission in
 * proportion; the shop's share from what the order still has in escrow, the
 * rest (after completion) from the shop's available balance, which may go
 * negative: a debt the console shows. Beyond the total, the platform gives
 * back the gateway fee.
 */
async function reverseLedger(q: pg.PoolClient, r: Locked, amount: number, refundedBefore: number, at: Date): Promise<void> {
  const base = { kind: 'refund', causeType: 'refund', causeId: r.id, orderId: r.order_id, at };
  if (r.config_merchant_id) {
    // Through the shop's own gateway account: the shop's books only.
    await postLedgerTransaction(q, {
      ...base,
      entries: [
        { account: { kind: 'merchant_gateway_clearing', owner: `${r.gateway}:${r.merchant_id}`, merchantId: r.merchant_id, currency: r.currency }, amount: -amount },
        { account: { kind: 'merchant_direct_sales', owner: r.merchant_id, merchantId: r.merchant_id, currency: r.currency }, amount },
      ],
    });
    return;
  }
  const total = minorUnits(r.order_total);
  const goodsBefore = Math.min(refundedBefore, total);
  const goods = Math.min(amount, total - goodsBefore);
  const fromFees = amount - goods;
  const commission = commissionRefunded(minorUnits(r.commission), total, goodsBefore, goods);
  const shopShare = goods - commission;
  const escrowLeft = await orderEscrow(q, r.merchant_id, r.currency, r.order_id);
  const fromEscrow = Math.min(shopShare, Math.max(0, escrowLeft));
  const fromAvailable = shopShare - fromEscrow;
  const shop = (kind: 'merchant_escrow' | 'merchant_available', n: number) =>
    n > 0 ? [{ account: { kind, owner: r.merchant_id, merchantId: r.merchant_id, currency: r.currency }, amount: n }] : [];
  const platform = (owner: string, n: number) =>
    n > 0 ? [{ account: { kind: 'platform_revenue' as const, owner, merchantId: null, currency: r.currency }, amount: n }] : [];
  await postLedgerTransaction(q, {
    ...base,
    entries: [
      r.destination === 'wallet'
        ? { account: walletAccount(r.buyer_user_id ?? '', r.currency), amount: -amount }
        : { account: { kind: 'gateway_clearing', owner: r.gateway, merchantId: null, currency: r.currency }, amount: -amount },
      ...shop('merchant_escrow', fromEscrow),
      ...shop('merchant_available', fromAvailable),
      ...platform('commission', commission),
      ...platform('gateway_fees', fromFees),
    ],
  });
}
