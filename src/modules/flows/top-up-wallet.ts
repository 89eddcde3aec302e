// A buyer tops up their wallet (充值) through any enabled gateway but the
// wallet itself. The top-up is paid like an order; its notify credits the
// balance (flows/accept-payment.ts) instead of delivering keys.
import { z } from 'zod';
import { withTransaction } from '../../db/client.ts';
import { AppError, rateLimited } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { isCurrencyCode } from '../../lib/money.ts';
import { chooseGateway } from '../payments/choose-gateway.ts';
import { paymentUrl } from '../payments/gateways/gateways.ts';
import { openPayment } from './open-payment.ts';
import { buyerOf, type Ctx } from '../shared/context.ts';
import { PaymentOut } from '../orders/schemas.ts';

export const TopupInput = z.object({
  amount: z.number().int().min(1).max(100_000_000).describe('Minor units the wallet receives'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY').refine(isCurrencyCode, 'must be an ISO 4217 code such as CNY'),
  gateway: z.string().min(1).max(32),
  method: z.string().max(32).optional(),
});
export type TopupInput = z.infer<typeof TopupInput>;

const MAX_PENDING_TOPUPS = 5;
const TOPUP_TTL_MS = 30 * 60 * 1000;

/** A logged-in buyer (`ctx.actor`) tops up their wallet. */
export const TopupOut = z.object({
  topup: z.object({ id: z.string(), object: z.literal('wallet_topup'), amount: z.number().int(), currency: z.string(), status: z.string(), created_at: z.string() }),
  payment: PaymentOut,
});

export async function topUpWallet(s: Ctx, input: TopupInput) {
  const { ip: buyerIp, userId } = buyerOf(s);
  if (!userId) throw new Error('a wallet top-up needs the buyer account');
  if (input.gateway === 'wallet') {
    throw new AppError(422, 'gateway_unavailable', 'A wallet cannot be topped up from itself.', 'invalid_request_error', 'gateway');
  }
  const chosen = await chooseGateway(s, { id: null, gateways: null }, input, input.currency, input.amount);
  const now = s.clock.now();
  const topupId = newId('wtp', now.getTime());
  const paymentId = newId('pay', now.getTime());
  const amount = input.amount + chosen.fee;
  await withTransaction(s.database.pool, async (q) => {
    const { rows } = await q.query<{ n: number }>(
      `select count(*)::int as n from wallet_topups where user_id = $1 and status = 'pending' and created_at > $2`,
      [userId, new Date(now.getTime() - TOPUP_TTL_MS)]);
    if ((rows[0]?.n ?? 0) >= MAX_PENDING_TOPUPS) throw rateLimited('too_many_pending', 'You have too many unpaid top-ups. Pay one or wait for it to lapse.');
    await q.query(`insert into wallet_topups (id, user_id, amount, currency, status, created_at) values ($1, $2, $3, $4, 'pending', $5)`,
      [topupId, userId, input.amount, input.currency, now]);
    await q.query(
      `insert into payments (id, topup_id, gateway, method, fee, amount, currency, created_at, gateway_config_id) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [paymentId, topupId, chosen.gateway, chosen.method, chosen.fee, amount, input.currency, now, chosen.config.id]);
  });
  const action = !chosen.config.adapter.ownPayPage
    ? await openPayment(s, chosen.config, {
        purpose: { kind: 'topup', topupId }, paymentId, amount, currency: input.currency, method: chosen.method,
        subject: 'Wallet top-up · 余额充值', buyerIp, expiresAt: new Date(now.getTime() + TOPUP_TTL_MS),
      })
    : null;
  return {
    topup: { id: topupId, object: 'wallet_topup' as const, amount: input.amount, currency: input.currency, status: 'pending', created_at: now.toISOString() },
    payment: {
      id: paymentId, gateway: chosen.gateway, method: chosen.method, status: 'pending', amount, fee: chosen.fee, currency: input.currency,
      pay_url: paymentUrl(s, chosen.gateway, paymentId), action,
    },
  };
}
