// After checkout commits, ask the gateway to open the payment attempt (some
// gateways need a server call: a QR code, a Checkout Session). The answer —
// where the buyer goes next — is stored on the payment. If the gateway cannot
// be reached or refuses, the order is cancelled and its keys go back to stock
// at once, so a broken gateway never holds stock hostage.
import { withTransaction } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { transitionOrder } from '../orders/transition-order.ts';
import type { Services } from '../shared/context.ts';
import { releaseStock } from '../vault/reserve-cards.ts';
import { GatewayError, type PaymentAction } from '../payments/gateways/gateway-adapter.ts';
import { checkPaymentAction } from '../payments/check-payment-action.ts';
import { configNotifyUrl, type GatewayConfig } from '../payments/gateways/gateway-configs.ts';

export type PaymentPurpose =
  | { kind: 'order'; orderId: string; orderNumber: string; merchantId: string }
  | { kind: 'topup'; topupId: string };

export interface OpenPaymentInput {
  purpose: PaymentPurpose;
  paymentId: string;
  amount: number;
  currency: string;
  method: string | null;
  subject: string;
  buyerIp: string;
  expiresAt: Date;
}

export async function openPayment(s: Services, config: GatewayConfig, p: OpenPaymentInput): Promise<PaymentAction> {
  const base = s.config.publicUrl;
  try {
    const created = await config.adapter.createPayment(config.settings, {
      paymentId: p.paymentId, orderNumber: p.purpose.kind === 'order' ? p.purpose.orderNumber : p.purpose.topupId,
      amount: p.amount, currency: p.currency, method: p.method ?? undefined, subject: p.subject,
      notifyUrl: configNotifyUrl(base, config),
      returnUrl: p.purpose.kind === 'order' ? `${base}/o/${p.purpose.orderNumber}` : `${base}/pay/${p.paymentId}`,
      buyerIp: p.buyerIp, expiresAt: p.expiresAt,
    });
    checkPaymentAction(created.action, s.config.gatewayHttpUrls);
    await s.database.pool.query('update payments set action = $2, gateway_reference = $3 where id = $1',
      [p.paymentId, JSON.stringify(created.action), created.gatewayReference ?? null]);
    return created.action;
  } catch (err) {
    const reason = err instanceof GatewayError ? err.message : 'internal error';
    s.log.warn({ gateway: config.gateway, paymentId: p.paymentId, err: err instanceof GatewayError ? { message: err.message, detail: err.detail } : err },
      'gateway could not open the payment; cancelling what it was for');
    const purpose = p.purpose;
    await withTransaction(s.database.pool, async (q) => {
      const now = s.clock.now();
      if (purpose.kind === 'order') {
        const prev = await transitionOrder(q, {
          orderId: purpose.orderId, merchantId: purpose.merchantId, from: ['pending_payment'], to: 'cancelled', actor: `gateway:${config.gateway}`,
          at: now, note: 'the gateway could not open the payment',
        });
        if (prev) await releaseStock(q, purpose.orderId);
      } else {
        await q.query(`update wallet_topups set status = 'failed' where id = $1 and status = 'pending'`, [purpose.topupId]);
      }
      await q.query(`update payments set status = 'failed' where id = $1 and status = 'pending'`, [p.paymentId]);
    });
    if (!(err instanceof GatewayError)) throw err;
    throw new AppError(502, 'gateway_error', `${config.adapter.title} could not open the payment: ${reason} ${purpose.kind === 'order' ? 'The order was cancelled' : 'Nothing was charged'}; try again or choose another way to pay.`,
      'api_error', 'gateway');
  }
}
