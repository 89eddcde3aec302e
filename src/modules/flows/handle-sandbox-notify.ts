// A sandbox notify: verify completely, then settle. Every notify is recorded
// with its outcome (never its signature). Repeats answer `success` and change nothing.
import type { Services } from '../shared/context.ts';
import { verifySandboxNotify } from '../payments/gateways/sandbox.ts';
import { isAddressBlocked, isPaymentFlooded } from '../payments/notify/notify-guard.ts';
import { recordNotification } from '../payments/notify/record-notification.ts';
import { acceptPayment } from './accept-payment.ts';

export interface NotifyAnswer {
  status: 200 | 400;
  body: string;
  outcome: string;
}

export async function handleSandboxNotify(s: Services, body: unknown, ip: string): Promise<NotifyAnswer> {
  const now = s.clock.now();
  const pool = s.database.pool;
  // Past the flood limits a refusal gets the contract's answer (400 fail) but is recorded nowhere.
  const slowDown: NotifyAnswer = { status: 400, body: 'fail', outcome: 'rate_limited' };
  if (!s.config.sandboxEnabled) {
    if (isAddressBlocked(ip, now)) return slowDown;
    await recordNotification(pool, now, 'sandbox', undefined, { result: 'rejected', reason: 'gateway_disabled' }, ip);
    return { status: 400, body: 'fail', outcome: 'gateway_disabled' };
  }
  const verdict = verifySandboxNotify(s.keyring, body);
  if (!verdict.ok) {
    if (isAddressBlocked(ip, now) || isPaymentFlooded(verdict.paymentId, now)) return slowDown;
    await recordNotification(pool, now, 'sandbox', verdict.paymentId, { result: 'rejected', reason: verdict.reason }, ip);
    return { status: 400, body: 'fail', outcome: verdict.reason };
  }
  const n = verdict.notify;
  if (n.status !== 'succeeded') {
    // A verified failure report: acknowledged, the order stays payable until it expires.
    await recordNotification(pool, now, 'sandbox', n.payment_id, { result: 'ignored', reason: `status_${n.status}` }, ip);
    return { status: 200, body: 'success', outcome: 'ignored' };
  }
  const outcome = await acceptPayment(s, {
    paymentId: n.payment_id, gateway: 'sandbox', tradeNo: n.trade_no, amount: n.amount, currency: n.currency, actor: 'gateway:sandbox',
  }, ip);
  if (outcome.result === 'rejected') return { status: 400, body: 'fail', outcome: outcome.reason };
  return { status: 200, body: 'success', outcome: outcome.result };
}
