// A merchant (or admin) sends the delivery email again — the buyer lost it,
// or typed their address wrong at first and support fixed it. Rate-limited
// per order and audited.
import { withTransaction } from '../../db/client.ts';
import { AppError, conflict, notFound } from '../../lib/errors.ts';
import { type Ctx, ordersScope } from '../shared/context.ts';
import { hitRateLimit } from '../trust/rate-limit.ts';
import { writeAudit } from '../trust/audit.ts';
import { queueDeliveryEmail } from './queue-delivery-email.ts';

const DELIVERED = ['delivered', 'completed', 'disputed', 'partially_refunded'];

export async function resendDeliveryEmail(ctx: Ctx, orderId: string): Promise<{ queued: true }> {
  const merchantId = ordersScope(ctx);
  if (!ctx.config.mail) throw new AppError(409, 'email_not_configured', 'This platform sends no email: set XIAOPU_SMTP_URL.');
  const now = ctx.clock.now();
  return withTransaction(ctx.database.pool, async (q) => {
    const { rows } = await q.query<{ status: string; merchant_id: string }>(
      'select status, merchant_id from orders where id = $1 and ($2::text is null or merchant_id = $2)', [orderId, merchantId ?? null]);
    const order = rows[0];
    if (!order) throw notFound('order');
    if (!DELIVERED.includes(order.status)) throw conflict('order_not_delivered', 'Only a delivered order has a delivery email.');
    await hitRateLimit(ctx.database.pool, now, `resend_email:${orderId}`, 5, 3600);
    await queueDeliveryEmail(ctx, q, orderId, `delivery_email:${orderId}:${now.getTime()}`);
    await writeAudit(q, ctx.actor, now, { action: 'order.resend_email', targetType: 'order', targetId: orderId, merchantId: order.merchant_id });
    return { queued: true as const };
  });
}
