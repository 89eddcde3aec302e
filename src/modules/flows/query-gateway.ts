// An admin asks the gateway for its view of an order's payment (查单). If the
// gateway says it is paid with the exact amount, the payment is settled as a
// verified notify would settle it (补单) — a lost notify costs nobody their
// keys. Audited; asking again changes nothing more.
import { z } from 'zod';
import { minorUnits } from '../../lib/money.ts';
import { withTransaction } from '../../db/client.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Ctx } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';
import { GatewayError, type QueryResult } from '../payments/gateways/gateway-adapter.ts';
import { paymentGatewayConfig } from '../payments/gateways/gateway-configs.ts';
import { acceptPayment, type SettleOutcome } from './accept-payment.ts';

export const GatewayQueryReportOut = z.object({
  payment_id: z.string(),
  gateway: z.string(),
  gateway_view: z.object({ found: z.boolean(), status: z.string().nullable(), trade_no: z.string().nullable(), amount: z.number().int().nullable(), currency: z.string().nullable() }),
  result: z.enum(['settled', 'needs_action', 'duplicate', 'not_paid', 'mismatch', 'rejected'])
    .describe('settled: paid and now delivered (or parked); duplicate: already settled; not_paid; mismatch: the gateway disagrees with our row'),
  reason: z.string().optional(),
});
export type GatewayQueryReport = z.infer<typeof GatewayQueryReportOut>;

export async function queryGatewayForOrder(ctx: Ctx, orderId: string): Promise<GatewayQueryReport> {
  if (ctx.actor.type !== 'admin') throw new AppError(403, 'admin_only', 'Only platform admins can query gateways.', 'permission_error');
  const pool = ctx.database.pool;
  const { rows } = await pool.query<{ id: string; gateway: string; amount: string; currency: string; merchant_id: string; gateway_reference: string | null; gateway_trade_no: string | null; gateway_config_id: string | null }>(
    `select id, gateway, amount, currency, merchant_id, gateway_reference, gateway_trade_no, gateway_config_id from payments
      where order_id = $1 order by (status = 'succeeded') desc, created_at desc limit 1`, [orderId]);
  const pay = rows[0];
  if (!pay) throw notFound('order');
  const config = await paymentGatewayConfig(ctx, pool, { gateway: pay.gateway, gatewayConfigId: pay.gateway_config_id });
  if (!config?.adapter.query) throw new AppError(422, 'not_supported', `The ${pay.gateway} gateway has no query API; confirm the payment by hand instead.`);
  if (config.settings === undefined) throw new AppError(409, 'gateway_not_configured', `The ${pay.gateway} gateway's saved settings are incomplete.`);

  let seen: QueryResult;
  try {
    seen = await config.adapter.query(config.settings, {
      paymentId: pay.id, gatewayReference: pay.gateway_reference, tradeNo: pay.gateway_trade_no, amount: minorUnits(pay.amount), currency: pay.currency,
    });
  } catch (err) {
    if (!(err instanceof GatewayError)) throw err;
    throw new AppError(502, 'gateway_error', err.message, 'api_error');
  }
  const report: GatewayQueryReport = {
    payment_id: pay.id, gateway: pay.gateway,
    gateway_view: seen.found
      ? { found: true, status: seen.status, trade_no: seen.tradeNo ?? null, amount: seen.amount ?? null, currency: seen.currency ?? null }
      : { found: false, status: null, trade_no: null, amount: null, currency: null },
    result: 'not_paid',
  };
  if (seen.found && seen.status === 'succeeded') {
    if ((seen.amount !== undefined && seen.amount !== minorUnits(pay.amount)) || (seen.currency !== undefined && seen.currency !== pay.currency) || !seen.tradeNo) {
      report.result = 'mismatch';
      report.reason = !seen.tradeNo ? 'the gateway gave no trade number' : 'the gateway reports a different amount or currency';
    } else {
      const outcome: SettleOutcome = await acceptPayment(ctx, {
        paymentId: pay.id, gateway: pay.gateway, tradeNo: seen.tradeNo, amount: seen.amount ?? minorUnits(pay.amount), currency: seen.currency ?? pay.currency,
        actor: `admin:${ctx.actor.userId}`,
      });
      switch (outcome.result) {
        case 'delivered': report.result = 'settled'; break;
        case 'awaiting_fulfilment': report.result = 'settled'; break;
        case 'delivering': report.result = 'settled'; break;
        case 'duplicate': report.result = 'duplicate'; break;
        case 'needs_action': report.result = 'needs_action'; report.reason = outcome.reason; break;
        case 'rejected': report.result = 'rejected'; report.reason = outcome.reason; break;
        case 'credited': report.result = 'settled'; break;
      }
    }
  }
  await withTransaction(pool, (q) => writeAudit(q, ctx.actor, ctx.clock.now(), {
    action: 'payment.query_gateway', targetType: 'payment', targetId: pay.id, merchantId: pay.merchant_id,
    data: { found: seen.found, status: report.gateway_view.status, result: report.result },
  }));
  return report;
}
