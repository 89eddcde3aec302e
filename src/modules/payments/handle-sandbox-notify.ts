// A sandbox notify: verify completely, then settle. Every notify is recorded
// with its outcome (never its signature). Repeats answer `success` and change nothing.
import type { Queryable } from '../../db/client.ts';
import { newId } from '../../lib/ids.ts';
import type { Services } from '../shared/context.ts';
import { verifySandboxNotify } from './sandbox.ts';
import { settlePayment } from './settle-payment.ts';

export interface NotifyAnswer {
  status: 200 | 400;
  body: string;
  outcome: string;
}

export async function recordNotification(q: Queryable, at: Date, gateway: string, paymentId: string | undefined, outcome: string, reason: string | null, ip: string): Promise<void> {
  await q.query('insert into payment_notifications (id, gateway, payment_id, outcome, reason, ip, created_at) values ($1, $2, $3, $4, $5, $6, $7)',
    [newId('ntf', at.getTime()), gateway, paymentId ?? null, outcome, reason, ip, at]);
}

export async function handleSandboxNotify(s: Services, body: unknown, ip: string): Promise<NotifyAnswer> {
  const now = s.clock.now();
  const pool = s.database.pool;
  if (!s.config.sandboxEnabled) {
    await recordNotification(pool, now, 'sandbox', undefined, 'rejected', 'gateway_disabled', ip);
    return { status: 400, body: 'fail', outcome: 'gateway_disabled' };
  }
  const verdict = verifySandboxNotify(s.keyring, body);
  if (!verdict.ok) {
    await recordNotification(pool, now, 'sandbox', verdict.paymentId, 'rejected', verdict.reason, ip);
    return { status: 400, body: 'fail', outcome: verdict.reason };
  }
  const n = verdict.notify;
  if (n.status !== 'succeeded') {
    // A verified failure report: acknowledged, the order stays payable until it expires.
    await recordNotification(pool, now, 'sandbox', n.payment_id, 'ignored', `status_${n.status}`, ip);
    return { status: 200, body: 'success', outcome: 'ignored' };
  }
  const outcome = await settlePayment(s, {
    paymentId: n.payment_id, gateway: 'sandbox', tradeNo: n.trade_no, amount: n.amount, currency: n.currency, actor: 'gateway:sandbox',
  });
  const reason = outcome.result === 'rejected' || outcome.result === 'needs_action' ? outcome.reason : null;
  await recordNotification(pool, now, 'sandbox', n.payment_id, outcome.result, reason, ip);
  if (outcome.result === 'rejected') return { status: 400, body: 'fail', outcome: outcome.reason };
  return { status: 200, body: 'success', outcome: outcome.result };
}
