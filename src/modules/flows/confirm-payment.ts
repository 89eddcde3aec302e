// An admin confirms by hand that a payment arrived (audited, idempotent):
// the same settlement as a verified notify, vouched for by the admin.
import { minorUnits } from '../../lib/money.ts';
import { withTransaction } from '../../db/client.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Ctx } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';
import { acceptPaymentInTransaction, type SettleOutcome } from './accept-payment.ts';

export async function confirmPaymentManually(ctx: Ctx, paymentId: string, note: string): Promise<SettleOutcome> {
  if (ctx.actor.type !== 'admin') throw new AppError(403, 'admin_only', 'Only platform admins can confirm payments.', 'permission_error');
  const { rows } = await ctx.database.pool.query<{ gateway: string; amount: string; currency: string; merchant_id: string }>(
    'select gateway, amount, currency, merchant_id from payments where id = $1', [paymentId]);
  const pay = rows[0];
  if (!pay) throw notFound('payment');
  const admin = ctx.actor;
  // The settlement and its audit row commit together (DESIGN §4), or neither does.
  return withTransaction(ctx.database.pool, async (q) => {
    const outcome = await acceptPaymentInTransaction(ctx, q, {
      paymentId, gateway: pay.gateway, tradeNo: `manual_${paymentId}`, amount: minorUnits(pay.amount), currency: pay.currency, actor: `admin:${admin.userId}`,
    });
    await writeAudit(q, admin, ctx.clock.now(), {
      action: 'payment.confirm_manually', targetType: 'payment', targetId: paymentId, merchantId: pay.merchant_id,
      data: { note, result: outcome.result },
    });
    return outcome;
  });
}
