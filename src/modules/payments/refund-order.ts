// Money back to a buyer (DESIGN §7, §8): full or partial, through the gateway
// where it can refund. In three steps so no lock is held while the gateway
// thinks: (1) lock the payment, check what is left to refund and record the
// refund as pending; (2) ask the gateway; (3) record its answer, reverse the
// ledger and move the order to refunded / partially_refunded. A refund the
// gateway refuses is marked failed and changes nothing else.
import type pg from 'pg';
import { z } from 'zod';
import { withTransaction } from '../../db/client.ts';
import { AppError, conflict, notFound, validationError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { postLedgerTransaction } from '../money/ledger.ts';
import type { OrderStatus } from '../orders/state-machine.ts';
import { transitionOrder } from '../orders/transition-order.ts';
import { actorId, type Ctx } from '../shared/context.ts';
import { emitEvent } from '../shared/outbox.ts';
import { writeAudit } from '../trust/audit.ts';
import { GatewayError, type RefundResult } from './gateway-adapter.ts';
import { loadGatewayConfigById } from './gateway-configs.ts';
import { moveWalletBalance, walletAccount } from '../wallet/move-wallet-balance.ts';

export const RefundInput = z.object({
  amount: z.number().int().min(1).optional().describe('Minor units; the whole refundable remainder when absent'),
  reason: z.string().trim().min(1).max(500).optional(),
  to: z.enum(['gateway', 'wallet']).optional()
    .describe("Where the money goes: the gateway (default where it can refund) or the buyer's wallet (default otherwise; the order must have a buyer account)"),
});
export type RefundInput = z.infer<typeof RefundInput>;

export interface RefundView {
  id: string;
  object: 'refund';
  order_id: string;
  payment_id: string;
  amount: number;
  currency: string;
  status: 'pending' | 'succeeded' | 'failed';
  destination: string;
  reason: string | null;
  failure_message: string | null;
  created_at: string;
  completed_at: string | null;
}

const REFUNDABLE: readonly OrderStatus[] = ['paid', 'delivered', 'needs_action', 'disputed', 'partially_refunded'];

interface Locked {
  id: string; order_id: string; merchant_id: string; gateway: string; amount: string; fee: string; currency: string;
  gateway_trade_no: string | null; gateway_reference: string | null; order_status: OrderStatus; refunded: string;
  buyer_user_id: string | null; gateway_config_id: string | null; config_merchant_id: string | null;
}

/** `merchantId` scopes the order to one merchant; undefined for platform admins. */
export async function refundOrder(ctx: Ctx, orderId: string, merchantId: string | undefined, input: RefundInput, ip?: string): Promise<RefundView> {
  const pool = ctx.database.pool;
  const now = ctx.clock.now();
  const actor = `${ctx.actor.type}:${actorId(ctx.actor)}`;

  // (1) Reserve the amount. The payment row lock serialises refunds of one
  // payment, and `payments.refunded` is read from the locked row itself (FOR
  // UPDATE returns its newest version), never from a snapshot taken before
  // the lock; the database's check keeps it between 0 and the amount paid.
  const { pay, refundId, amount, destination } = await withTransaction(pool, async (q) => {
    const { rows } = await q.query<Locked>(
      `select p.id, p.order_id, p.merchant_id, p.gateway, p.amount, p.fee, p.currency, p.gateway_trade_no, p.gateway_reference,
              p.refunded, o.status as order_status, o.buyer_user_id, p.gateway_config_id,
              (select gc.merchant_id from gateway_configs gc where gc.id = p.gateway_config_id) as config_merchant_id
         from payments p join orders o on o.id = p.order_id
        where p.order_id = $1 and p.status = 'succeeded' ${merchantId ? 'and p.merchant_id = $2' : ''}
        order by p.succeeded_at limit 1
        for update of p`,
      merchantId ? [orderId, merchantId] : [orderId]);
    const pay = rows[0];
    if (!pay) {
      const { rows: exists } = await q.query('select 1 from orders where id = $1' + (merchantId ? ' and merchant_id = $2' : ''), merchantId ? [orderId, merchantId] : [orderId]);
      if (exists.length === 0) throw notFound('order');
      throw conflict('order_not_paid', 'This order has no settled payment to refund.');
    }
    if (!REFUNDABLE.includes(pay.order_status)) throw conflict('order_not_refundable', `An order in status ${pay.order_status} cannot be refunded.`);
    const remaining = Number(pay.amount) - Number(pay.refunded);
    if (remaining <= 0) throw conflict('already_refunded', 'This payment has been refunded in full.');
    const amount = input.amount ?? remaining;
    if (amount > remaining) throw validationError(`at most ${remaining} (minor units) is left to refund`, 'amount');
    const { rows: pending } = await q.query(`select 1 from refunds where payment_id = $1 and status = 'pending' limit 1`, [pay.id]);
    if (pending.length > 0) throw conflict('refund_in_progress', 'Another refund of this payment is still with the gateway.');
    await q.query('update payments set refunded = refunded + $2 where id = $1', [pay.id, amount]);
    const destination = await chooseDestination(ctx, pay, input.to);
    const refundId = newId('rfd', now.getTime());
    await q.query(
      `insert into refunds (id, payment_id, order_id, merchant_id, amount, currency, status, destination, reason, requested_by, created_at)
       values ($1, $2, $3, $4, $5, $6, 'pending', $10, $7, $8, $9)`,
      [refundId, pay.id, pay.order_id, pay.merchant_id, amount, pay.currency, input.reason ?? null, actor, now, destination]);
    await writeAudit(q, ctx.actor, now, {
      action: 'refund.request', targetType: 'refund', targetId: refundId, merchantId: pay.merchant_id, ip,
      data: { order_id: pay.order_id, payment_id: pay.id, amount, currency: pay.currency, destination },
    });
    return { pay, refundId, amount, destination };
  });

  // (2) The gateway, outside any transaction.
  let result: RefundResult | undefined;
  let failure: string | undefined;
  let unsupported = false;
  const config = pay.gateway === 'sandbox' || destination === 'wallet' || !pay.gateway_config_id
    ? undefined : await loadGatewayConfigById(pool, ctx.keyring, pay.gateway_config_id);
  if (destination === 'wallet') {
    result = { status: 'succeeded' };
  } else if (pay.gateway === 'sandbox') {
    result = ctx.config.sandboxEnabled ? { status: 'succeeded', gatewayRefundId: `sbx_${refundId.slice(4)}` } : undefined;
    failure = result ? undefined : 'The sandbox gateway is off.';
  } else if (!config?.adapter.refund || config.settings === undefined) {
    unsupported = true;
    failure = `The ${pay.gateway} gateway cannot refund through its API; refund the buyer another way.`;
  } else {
    try {
      result = await config.adapter.refund(config.settings, {
        paymentId: pay.id, tradeNo: pay.gateway_trade_no ?? '', gatewayReference: pay.gateway_reference, refundId, amount,
        paymentAmount: Number(pay.amount), currency: pay.currency, reason: input.reason,
      });
    } catch (err) {
      if (!(err instanceof GatewayError)) throw err;
      failure = err.message;
    }
  }

  // (3) Record the answer.
  if (!result) {
    await withTransaction(pool, async (q) => {
      const at = ctx.clock.now();
      const failed = await q.query(`update refunds set status = 'failed', failure_message = $2, completed_at = $3 where id = $1 and status = 'pending'`, [refundId, failure, at]);
      if (failed.rowCount === 1) await q.query('update payments set refunded = refunded - $2 where id = $1', [pay.id, amount]);
      await writeAudit(q, ctx.actor, at, { action: 'refund.failed', targetType: 'refund', targetId: refundId, merchantId: pay.merchant_id, ip, data: { message: failure } });
    });
    throw unsupported
      ? new AppError(422, 'refund_not_supported', `The refund did not go through: ${failure}`)
      : new AppError(502, 'gateway_error', `The refund did not go through: ${failure}`, 'api_error');
  }
  const accepted = result;
  return withTransaction(pool, async (q) => {
    const at = ctx.clock.now();
    const done = await q.query(`update refunds set status = 'succeeded', gateway_refund_id = $2, completed_at = $3 where id = $1 and status = 'pending'`,
      [refundId, accepted.gatewayRefundId ?? null, at]);
    if (done.rowCount !== 1) throw conflict('refund_in_progress', 'This refund was finished by someone else.');
    if (destination === 'wallet') {
      await moveWalletBalance(q, { userId: pay.buyer_user_id!, currency: pay.currency, amount, kind: 'refund', refId: refundId, at });
    }
    await reverseLedger(q, pay, refundId, amount, at, destination);
    const totalRefunded = Number(pay.refunded) + amount;
    const full = totalRefunded >= Number(pay.amount);
    await transitionOrder(q, {
      orderId: pay.order_id, merchantId: pay.merchant_id, actor, at,
      from: full ? ['paid', 'delivered', 'needs_action', 'disputed', 'partially_refunded'] : ['paid', 'delivered', 'needs_action', 'disputed'],
      to: full ? 'refunded' : 'partially_refunded', note: `refund ${refundId}`,
      set: full ? { needs_action_reason: null } : {},
    });
    await emitEvent(q, at, pay.merchant_id, 'refund.succeeded', { refund_id: refundId, order_id: pay.order_id, amount, currency: pay.currency });
    const { rows } = await q.query('select * from refunds where id = $1', [refundId]);
    return present(rows[0]);
  });
}

/**
 * The refund reverses the payment's booking: the merchant's escrow gives back
 * its share first (the order total), then the platform its gateway fee.
 */
async function reverseLedger(q: pg.PoolClient, pay: Locked, refundId: string, amount: number, at: Date, destination: 'gateway' | 'wallet'): Promise<void> {
  if (pay.config_merchant_id) {
    // Through the shop's own gateway account: the shop's books only.
    await postLedgerTransaction(q, {
      kind: 'refund', causeType: 'refund', causeId: refundId, at,
      entries: [
        { account: { kind: 'merchant_gateway_clearing', owner: `${pay.gateway}:${pay.merchant_id}`, merchantId: pay.merchant_id, currency: pay.currency }, amount: -amount },
        { account: { kind: 'merchant_direct_sales', owner: pay.merchant_id, merchantId: pay.merchant_id, currency: pay.currency }, amount },
      ],
    });
    return;
  }
  const net = Number(pay.amount) - Number(pay.fee);
  const escrowLeft = Math.max(0, net - Number(pay.refunded));
  const fromEscrow = Math.min(amount, escrowLeft);
  const fromFees = amount - fromEscrow;
  await postLedgerTransaction(q, {
    kind: 'refund', causeType: 'refund', causeId: refundId, at,
    entries: [
      destination === 'wallet'
        ? { account: walletAccount(pay.buyer_user_id!, pay.currency), amount: -amount }
        : { account: { kind: 'gateway_clearing', owner: pay.gateway, merchantId: null, currency: pay.currency }, amount: -amount },
      ...(fromEscrow > 0 ? [{ account: { kind: 'merchant_escrow' as const, owner: pay.merchant_id, merchantId: pay.merchant_id, currency: pay.currency }, amount: fromEscrow }] : []),
      ...(fromFees > 0 ? [{ account: { kind: 'platform_revenue' as const, owner: 'gateway_fees', merchantId: null, currency: pay.currency }, amount: fromFees }] : []),
    ],
  });
}

/**
 * Wallet-paid orders refund to the wallet. Otherwise the gateway, unless the
 * caller asks for the wallet or the gateway cannot refund — then the wallet,
 * if the buyer has an account.
 */
async function chooseDestination(ctx: Ctx, pay: Locked, asked: 'gateway' | 'wallet' | undefined): Promise<'gateway' | 'wallet'> {
  const noAccount = (why: string) => new AppError(422, 'refund_not_supported', `${why} The buyer checked out without an account, so there is no wallet to refund to; refund them another way.`);
  if (pay.gateway === 'wallet') return 'wallet';
  if (pay.config_merchant_id && asked === 'wallet') {
    throw new AppError(422, 'refund_not_supported', "This order was paid through the shop's own gateway account: the platform never held the money, so it cannot refund it to a wallet.");
  }
  if (asked === 'wallet') {
    if (!pay.buyer_user_id) throw noAccount('You asked for the wallet.');
    return 'wallet';
  }
  if (pay.gateway === 'sandbox') return 'gateway';
  const config = pay.gateway_config_id ? await loadGatewayConfigById(ctx.database.pool, ctx.keyring, pay.gateway_config_id) : undefined;
  if (config?.adapter.refund) return 'gateway';
  if (asked === 'gateway' || !pay.buyer_user_id || pay.config_merchant_id) throw noAccount(`The ${pay.gateway} gateway cannot refund through its API.`);
  return 'wallet';
}

function present(r: Record<string, unknown>): RefundView {
  return {
    id: r.id as string, object: 'refund', order_id: r.order_id as string, payment_id: r.payment_id as string, amount: Number(r.amount),
    currency: r.currency as string, status: r.status as RefundView['status'], destination: r.destination as string,
    reason: (r.reason as string | null) ?? null, failure_message: (r.failure_message as string | null) ?? null,
    created_at: (r.created_at as Date).toISOString(), completed_at: r.completed_at ? (r.completed_at as Date).toISOString() : null,
  };
}
