// A notify from a configured gateway (DESIGN §7), at
// `/api/v1/payments/{gateway}/notify`. Checked completely before anything
// changes: the adapter verifies what the gateway signed (signature in constant
// time, merchant/app id, trade status) and returns the signed payment id;
// optionally the gateway is asked whether the trade is really paid; then
// settlement checks payment, gateway, amount and currency against our row.
// Every notify is recorded with its outcome; repeats answer success and
// change nothing.
import { findUnstorable, UNSTORABLE } from '../../lib/text.ts';
import { actorAddress, type Ctx } from '../shared/context.ts';
import { adapterFor } from '../payments/gateways/adapters/index.ts';
import { GatewayError, type IncomingNotify, type NotifyAnswer, type NotifyVerdict } from '../payments/gateways/gateway-adapter.ts';
import { loadGatewayConfigById, platformGatewayConfig, type GatewayConfig } from '../payments/gateways/gateway-configs.ts';
import { isAddressBlocked, isPaymentFlooded } from '../payments/notify/notify-guard.ts';
import { recordNotification, type NotificationOutcome } from '../payments/notify/record-notification.ts';
import { acceptPayment } from './accept-payment.ts';

export interface HandledNotify {
  answer: NotifyAnswer;
  outcome: NotificationOutcome;
}

export interface GatewayNotifyInput {
  gateway: string;
  notify: IncomingNotify;
  /** A shop's own gateway account (its notify URL carries the id); absent for the platform's. */
  configId?: string;
}

/** `ctx.actor`: the gateway, as `{type: 'gateway', name, ip}` with the notify's source address. */
export async function handleGatewayNotify(s: Ctx, { gateway, notify: n, configId }: GatewayNotifyInput): Promise<HandledNotify | undefined> {
  const ip = actorAddress(s.actor) ?? '';
  const adapter = adapterFor(gateway);
  if (!adapter) return undefined;
  const pool = s.database.pool;
  const now = s.clock.now();
  const done = async (outcome: NotificationOutcome, paymentId?: string): Promise<HandledNotify> => {
    // Past the flood limits a refusal is answered as any refusal is (the
    // gateway's own "fail"), but recorded nowhere. Only refusals are cut off:
    // a gateway's address that also carries forgeries (or a shop's
    // misconfigured account) still delivers verified notifies.
    if (outcome.result === 'rejected' && (isAddressBlocked(ip, now) || isPaymentFlooded(paymentId, now))) {
      return { answer: adapter.answer(false), outcome: { result: 'rejected', reason: 'rate_limited' } };
    }
    await recordNotification(pool, now, gateway, paymentId, outcome, ip);
    return { answer: adapter.answer(outcome.result !== 'rejected'), outcome };
  };

  // What PostgreSQL cannot store (NUL, a lone surrogate) is never a real notify.
  if (findUnstorable(n.query, []) || findUnstorable(n.body, []) || UNSTORABLE.test(n.rawBody)) return done({ result: 'rejected', reason: 'malformed' });

  const config = configId === undefined
    ? await platformGatewayConfig(s, gateway)
    : await loadGatewayConfigById(pool, s.keyring, configId);
  if (!config || config.gateway !== gateway || (configId !== undefined && config.merchantId === null)) {
    return done({ result: 'rejected', reason: 'unknown_configuration' });
  }
  // A disabled configuration still settles payments it opened: the buyer paid.
  // Not so a gateway set from the environment that is off (the sandbox in production): it takes no money.
  if (config.settings === undefined) return done({ result: 'rejected', reason: config.adapter.fromEnvironment ? 'gateway_disabled' : 'gateway_not_configured' });

  let verdict: NotifyVerdict;
  try {
    verdict = await adapter.verifyNotify(config.settings, n, now);
  } catch (err) {
    s.log.warn({ gateway, err }, 'notify verification failed unexpectedly');
    verdict = { ok: false, reason: 'malformed' };
  }
  if (verdict.ok === 'ignore') return done({ result: 'ignored', reason: verdict.reason });
  if (verdict.ok === false) return done({ result: 'rejected', reason: verdict.reason }, verdict.paymentId);
  if (verdict.status !== 'succeeded') return done({ result: 'ignored', reason: `status_${verdict.status}` }, verdict.paymentId);

  const disagreement = await activeQuery(s, config, verdict);
  if (disagreement) return done({ result: 'rejected', reason: disagreement }, verdict.paymentId);

  const outcome = await acceptPayment(s, {
    paymentId: verdict.paymentId, gateway, tradeNo: verdict.tradeNo, amount: verdict.amount, currency: verdict.currency,
    actor: `gateway:${gateway}`, gatewayReference: verdict.gatewayReference, configId: config.id ?? undefined,
  }, ip);
  // acceptPayment recorded the notification in its own transaction.
  return { answer: adapter.answer(outcome.result !== 'rejected'), outcome };
}

/**
 * Before crediting, ask the gateway whether the trade is really paid (a leaked
 * key then cannot mint payments). Skipped for a payment already settled by
 * this trade (a repeat). Returns the reason to refuse, or undefined.
 */
async function activeQuery(s: Ctx, config: GatewayConfig, v: Extract<NotifyVerdict, { ok: true }>): Promise<string | undefined> {
  const { adapter } = config;
  if (!config.activeQuery || !adapter.query) return undefined;
  const { rows } = await s.database.pool.query<{ status: string; gateway_trade_no: string | null; gateway_reference: string | null }>(
    'select status, gateway_trade_no, gateway_reference from payments where id = $1 and gateway = $2 and gateway_config_id = $3',
    [v.paymentId, config.gateway, config.id]);
  const pay = rows[0];
  if (!pay) return undefined; // settlement rejects it (unknown payment, or opened with another configuration)
  if (pay.status === 'succeeded' && pay.gateway_trade_no === v.tradeNo) return undefined;
  try {
    const seen = await adapter.query(config.settings, {
      paymentId: v.paymentId, gatewayReference: pay.gateway_reference, tradeNo: v.tradeNo, amount: v.amount, currency: v.currency,
    });
    if (!seen.found) return 'query_not_found';
    if (seen.status !== 'succeeded') return `query_status_${seen.status}`;
    if (seen.amount !== undefined && seen.amount !== v.amount) return 'query_amount_mismatch';
    if (seen.tradeNo !== undefined && seen.tradeNo !== v.tradeNo) return 'query_trade_mismatch';
    return undefined;
  } catch (err) {
    if (!(err instanceof GatewayError)) throw err;
    s.log.warn({ gateway: config.gateway, paymentId: v.paymentId, message: err.message }, 'active query failed; the gateway will retry the notify');
    return 'query_failed';
  }
}
