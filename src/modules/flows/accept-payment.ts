// Payment success, in one transaction (DESIGN §5, §7): the payment is locked
// so duplicates queue behind each other and see the first one's result; the
// order goes paid → its reserved keys sold → fulfilment rows → delivered;
// the money is posted to the ledger; events go to the outbox. A late payment
// on an expired order re-reserves stock, or parks the order in needs_action.
import { minorUnits } from '../../lib/money.ts';
import type pg from 'pg';
import { prepared, withTransaction } from '../../db/client.ts';
import { faultPoint } from '../../lib/faults.ts';
import { ledgerTransactionStatement, postLedgerTransaction, type LedgerTransactionInput } from '../money/ledger.ts';
import { assertionCode, runPipeline, type Statement } from '../../db/pipeline.ts';
import { lockPendingPaymentStatement, markPaymentSucceededStatement } from '../payments/mark-payment-succeeded.ts';
import type { OrderStatus } from '../orders/state-machine.ts';
import {
  awaitingFulfilmentSet, deliverPaidOrder, DELIVERY_MODE_SQL, deliveryMode, reachedBy, reReserve, sellAndFulfilStatement, type OrderRef, type Reached,
} from './deliver-paid-order.ts';
import { queueWebhookDeliveryStatement } from './webhook-delivery-queue.ts';
import { noteNeedsAction } from '../orders/note-needs-action.ts';
import { transitionOrder, transitionOrderStatement } from '../orders/transition-order.ts';
import { emitEvent } from '../shared/outbox.ts';
import { notificationStatement, recordNotification } from '../payments/notify/record-notification.ts';
import { deliveryEmailStatement, queueDeliveryEmail } from '../notifications/queue-delivery-email.ts';
import { moveWalletBalance, walletAccount } from '../wallet/move-wallet-balance.ts';
import type { Services } from '../shared/context.ts';

export interface VerifiedPayment {
  paymentId: string;
  gateway: string;
  tradeNo: string;
  amount: number;
  currency: string;
  /** Who vouches for it: `gateway:sandbox`, `admin:usr_…` */
  actor: string;
  /** The gateway's attempt id from the notify; must match the one stored when the attempt was made. */
  gatewayReference?: string;
  /**
   * The configuration whose keys verified the notify: it must be the one the
   * payment was opened with, or a shop could settle another shop's payment
   * with its own gateway key. Undefined when a person vouches (admin).
   */
  configId?: string;
}

export type SettleOutcome =
  | { result: 'delivered'; orderId: string }
  /** Paid; goods done by hand wait in the shop's queue. */
  | { result: 'awaiting_fulfilment'; orderId: string }
  /** Paid; the shop's endpoint is being asked for the items. */
  | { result: 'delivering'; orderId: string }
  | { result: 'needs_action'; orderId: string; reason: string }
  | { result: 'duplicate'; orderId: string }
  /** A wallet top-up: the buyer's balance was credited. */
  | { result: 'credited'; topupId: string }
  | { result: 'rejected'; reason: string };

interface LockedPayment {
  id: string; order_id: string; merchant_id: string; topup_id: string | null; topup_user_id: string | null; gateway: string; status: string; amount: string; currency: string;
  gateway_trade_no: string | null; order_status: OrderStatus; fee: string; gateway_reference: string | null;
  gateway_config_id: string | null; config_merchant_id: string | null; commission: string | null;
  /** How the order's goods are delivered once paid (DELIVERY_MODE_SQL): now, by hand (with the SLA hours), or by the shop's endpoint. */
  delivery_mode: string | null; manual_sla: number | null;
}

const PAYMENT_SELECT = `select p.id, p.order_id, p.merchant_id, p.topup_id, t.user_id as topup_user_id, p.gateway, p.status, p.amount, p.currency,
            p.gateway_trade_no, p.fee, p.gateway_reference, o.status as order_status, p.gateway_config_id, gc.merchant_id as config_merchant_id,
            o.commission, dm.mode as delivery_mode, dm.sla as manual_sla
       from payments p left join orders o on o.id = p.order_id left join wallet_topups t on t.id = p.topup_id
            left join gateway_configs gc on gc.id = p.gateway_config_id
            left join lateral (${DELIVERY_MODE_SQL.replace('$1', 'p.order_id')}) dm on true
      where p.id = $1`;

/**
 * Settles a verified payment. With `notifiedFrom` (the notify's source IP),
 * the notification and its outcome are recorded in the same transaction.
 */
export async function acceptPayment(s: Services, p: VerifiedPayment, notifiedFrom?: string): Promise<SettleOutcome> {
  const usual = await acceptPendingPayment(s, p, notifiedFrom);
  if (usual) return usual;
  try {
    return await withTransaction(s.database.pool, async (q) => {
      const outcome = await acceptPaymentInTransaction(s, q, p);
      if (notifiedFrom !== undefined) await recordNotification(q, s.clock.now(), p.gateway, p.paymentId, outcome, notifiedFrom);
      return outcome;
    }).then((outcome) => {
      // Committed, but the gateway has not heard back yet.
      faultPoint('payment.committed');
      return outcome;
    });
  } catch (err) {
    if (isTradeNumberTaken(err)) {
      const outcome: SettleOutcome = { result: 'rejected', reason: 'trade_no_used_by_another_payment' };
      if (notifiedFrom !== undefined) await recordNotification(s.database.pool, s.clock.now(), p.gateway, p.paymentId, outcome, notifiedFrom);
      return outcome;
    }
    throw err;
  }
}

/** The trade number already settled another payment: a replay moved onto another order. */
function isTradeNumberTaken(err: unknown): boolean {
  return (err as { code?: string; constraint?: string }).constraint === 'payments_gateway_trade_key';
}

/**
 * The usual case — a pending payment for an order awaiting it — in two round
 * trips: read the payment, then one pipeline (one transaction) that locks it,
 * asserts it is still pending, and makes every change acceptPaymentInTransaction
 * would. Undefined when anything is unusual (a repeat, a late payment, a
 * top-up, a mismatch) or changed in between: the caller then settles under
 * the lock step by step, which decides every such case.
 */
async function acceptPendingPayment(s: Services, p: VerifiedPayment, notifiedFrom?: string): Promise<SettleOutcome | undefined> {
  const now = s.clock.now();
  const pool = s.database.pool;
  const { rows } = await prepared<LockedPayment>(pool, PAYMENT_SELECT, [p.paymentId]);
  const pay = rows[0];
  if (!pay || pay.status !== 'pending' || pay.topup_id || pay.order_status !== 'pending_payment' || refusal(pay, p)) return undefined;
  const base = { orderId: pay.order_id, merchantId: pay.merchant_id, actor: p.actor, at: now };
  const statements: Statement[] = [
    lockPendingPaymentStatement(pay.id),
    markPaymentSucceededStatement(succeeded(pay, p, now)),
  ];
  faultPoint('payment.marked_succeeded');
  statements.push(ledgerTransactionStatement(paymentPosting(pay, now)));
  faultPoint('payment.ledger_posted');
  // pending_payment → paid → delivered in one update of the order (both events written), then the keys.
  // Goods done by hand go to the shop's queue instead (awaiting_fulfilment, due within the SLA);
  // goods the shop's endpoint issues stay paid while the first call is queued.
  const mode = deliveryMode({ mode: pay.delivery_mode, sla: pay.manual_sla });
  const fromPending = { ...base, from: ['pending_payment'] as const };
  statements.push(transitionOrderStatement(
    mode.mode === 'now' ? { ...fromPending, via: 'paid', to: 'delivered', set: { paid_at: now, delivered_at: now } }
      : mode.mode === 'manual' ? { ...fromPending, via: 'paid', to: 'awaiting_fulfilment', set: { paid_at: now, ...awaitingFulfilmentSet(now, mode.slaHours) } }
        : { ...fromPending, to: 'paid', set: { paid_at: now } },
    { mustMove: 'order_not_pending' }));
  faultPoint('order.paid');
  statements.push(sellAndFulfilStatement(base));
  if (mode.mode === 'webhook') statements.push(queueWebhookDeliveryStatement(base));
  faultPoint('order.delivered');
  const email = mode.mode === 'now' ? deliveryEmailStatement(s, pay.order_id) : undefined;
  if (email) statements.push(email);
  const outcome = settledAs(reachedBy(mode), pay.order_id);
  if (notifiedFrom !== undefined) statements.push(notificationStatement(now, p.gateway, p.paymentId, outcome, notifiedFrom));
  try {
    await runPipeline(pool, statements);
  } catch (err) {
    if (assertionCode(err) !== undefined || isTradeNumberTaken(err)) return undefined;
    throw err;
  }
  // Committed, but the gateway has not heard back yet.
  faultPoint('payment.committed');
  return outcome;
}

/** Why a verified notify does not fit the payment it names (or that it repeats one already settled); undefined if it fits. */
function refusal(pay: LockedPayment, p: VerifiedPayment): SettleOutcome | undefined {
  if (pay.gateway !== p.gateway) return { result: 'rejected', reason: 'gateway_mismatch' };
  if (p.configId !== undefined && pay.gateway_config_id !== p.configId) return { result: 'rejected', reason: 'configuration_mismatch' };
  if (minorUnits(pay.amount) !== p.amount) return { result: 'rejected', reason: 'amount_mismatch' };
  if (pay.currency !== p.currency) return { result: 'rejected', reason: 'currency_mismatch' };
  if (p.gatewayReference !== undefined && pay.gateway_reference !== null && pay.gateway_reference !== p.gatewayReference) {
    return { result: 'rejected', reason: 'gateway_reference_mismatch' };
  }
  if (pay.status === 'succeeded') {
    if (pay.gateway_trade_no === p.tradeNo || p.actor.startsWith('admin:')) return { result: 'duplicate', orderId: pay.order_id ?? pay.topup_id ?? pay.id };
    return { result: 'rejected', reason: 'payment_settled_by_another_trade' };
  }
  return undefined;
}

function succeeded(pay: LockedPayment, p: VerifiedPayment, at: Date) {
  return {
    paymentId: pay.id, merchantId: pay.merchant_id, orderId: pay.order_id, amount: minorUnits(pay.amount), currency: pay.currency,
    tradeNo: p.tradeNo, actor: p.actor, at,
  };
}

/**
 * The money of an order payment, for the ledger: ours to account for from
 * here on, whatever happens to the order. The shop's share (the goods less
 * the platform's commission) waits in its escrow until the order completes.
 */
function paymentPosting(pay: LockedPayment, at: Date): LedgerTransactionInput {
  const amount = minorUnits(pay.amount);
  const fee = minorUnits(pay.fee);
  const commission = pay.commission === null ? 0 : minorUnits(pay.commission);
  const revenue = (owner: string, n: number) =>
    n > 0 ? [{ account: { kind: 'platform_revenue' as const, owner, merchantId: null, currency: pay.currency }, amount: -n }] : [];
  return {
    kind: 'payment', causeType: 'payment', causeId: pay.id, orderId: pay.order_id, at,
    entries: pay.config_merchant_id ? directEntries(pay) : [
      { account: { kind: 'gateway_clearing', owner: pay.gateway, merchantId: null, currency: pay.currency }, amount },
      { account: { kind: 'merchant_escrow', owner: pay.merchant_id, merchantId: pay.merchant_id, currency: pay.currency }, amount: -(amount - fee - commission) },
      ...revenue('commission', commission),
      // The gateway fee the buyer paid on top covers the platform's gateway costs.
      ...revenue('gateway_fees', fee),
    ],
  };
}

/** Settles inside the caller's transaction (a wallet payment at checkout), under the payment's lock, step by step. */
export async function acceptPaymentInTransaction(s: Services, q: pg.PoolClient, p: VerifiedPayment): Promise<SettleOutcome> {
  const now = s.clock.now();
  const { rows } = await prepared<LockedPayment>(q, `${PAYMENT_SELECT} for update of p`, [p.paymentId]);
  const pay = rows[0];
  if (!pay) return { result: 'rejected', reason: 'unknown_payment' };
  const refused = refusal(pay, p);
  if (refused) return refused;
  if (pay.topup_id) return creditTopup(s, q, pay, p);

  const marked = markPaymentSucceededStatement(succeeded(pay, p, now));
  await prepared(q, marked.text, marked.values);
  faultPoint('payment.marked_succeeded');
  await postLedgerTransaction(q, paymentPosting(pay, now));
  faultPoint('payment.ledger_posted');
  const base = { orderId: pay.order_id, merchantId: pay.merchant_id, actor: p.actor, at: now };
  let prev = await transitionOrder(q, { ...base, from: ['pending_payment'], to: 'paid', set: { paid_at: now } });
  if (!prev) {
    // Late: the order expired or was cancelled and its keys went back to stock.
    prev = await transitionOrder(q, { ...base, from: ['expired', 'cancelled'], to: 'paid', set: { paid_at: now }, note: 'late payment' });
    if (!prev) {
      // Already paid through another attempt, or in a state we must not touch: a person looks at it.
      await emitEvent(q, now, pay.merchant_id, 'payment.unmatched', { payment_id: pay.id, order_id: pay.order_id, order_status: pay.order_status });
      return parkOrder(q, base, pay.order_status, 'payment_for_settled_order');
    }
    if (!(await reReserve(q, pay.order_id, now))) {
      return parkOrder(q, base, 'paid', 'out_of_stock_after_expiry');
    }
  }

  faultPoint('order.paid');
  const reached = await deliverPaidOrder(q, base);
  faultPoint('order.delivered');
  if (reached === 'delivered') await queueDeliveryEmail(s, q, pay.order_id);
  return settledAs(reached, pay.order_id);
}

function settledAs(reached: Reached, orderId: string): SettleOutcome {
  return reached === 'delivered' ? { result: 'delivered', orderId } : reached === 'awaiting_fulfilment' ? { result: 'awaiting_fulfilment', orderId } : { result: 'delivering', orderId };
}

/**
 * Paid through the shop's own gateway account: the money went straight to the
 * shop, never through the platform. Recorded all the same, on the shop's
 * accounts (the gateway fee, if any, is the shop's too).
 */
function directEntries(pay: LockedPayment) {
  return [
    { account: { kind: 'merchant_gateway_clearing' as const, owner: `${pay.gateway}:${pay.merchant_id}`, merchantId: pay.merchant_id, currency: pay.currency }, amount: minorUnits(pay.amount) },
    { account: { kind: 'merchant_direct_sales' as const, owner: pay.merchant_id, merchantId: pay.merchant_id, currency: pay.currency }, amount: -minorUnits(pay.amount) },
  ];
}

/** A top-up payment: the buyer's wallet gets the amount (less any gateway fee), the ledger says so. */
async function creditTopup(s: Services, q: pg.PoolClient, pay: LockedPayment, p: VerifiedPayment): Promise<SettleOutcome> {
  const now = s.clock.now();
  const topupId = pay.topup_id;
  const userId = pay.topup_user_id;
  if (!topupId || !userId) throw new Error(`payment ${pay.id} is not a wallet top-up`);
  const amount = minorUnits(pay.amount);
  const fee = minorUnits(pay.fee);
  await q.query(`update payments set status = 'succeeded', gateway_trade_no = $2, succeeded_at = $3, confirmed_by = $4 where id = $1`,
    [pay.id, p.tradeNo, now, p.actor]);
  await q.query(`update wallet_topups set status = 'succeeded', credited_at = $2 where id = $1`, [pay.topup_id, now]);
  await moveWalletBalance(q, { userId, currency: pay.currency, amount: amount - fee, kind: 'topup', refId: topupId, at: now });
  await postLedgerTransaction(q, {
    kind: 'topup', causeType: 'payment', causeId: pay.id, at: now,
    entries: [
      { account: { kind: 'gateway_clearing', owner: pay.gateway, merchantId: null, currency: pay.currency }, amount },
      { account: walletAccount(userId, pay.currency), amount: -(amount - fee) },
      ...(fee > 0 ? [{ account: { kind: 'platform_revenue' as const, owner: 'gateway_fees', merchantId: null, currency: pay.currency }, amount: -fee }] : []),
    ],
  });
  await emitEvent(q, now, null, 'wallet.topped_up', { topup_id: pay.topup_id, payment_id: pay.id, amount: amount - fee, currency: pay.currency });
  return { result: 'credited', topupId };
}

async function parkOrder(
  q: pg.PoolClient,
  base: OrderRef,
  from: OrderStatus,
  reason: string,
): Promise<SettleOutcome> {
  if (from === 'paid') {
    await transitionOrder(q, { ...base, from: ['paid'], to: 'needs_action', note: reason, set: { needs_action_reason: reason } });
  } else {
    // The order itself stays as it is (e.g. delivered); the reason is recorded on it for the console.
    await noteNeedsAction(q, { ...base, status: from, reason });
  }
  return { result: 'needs_action', orderId: base.orderId, reason };
}
