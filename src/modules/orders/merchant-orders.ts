// Orders as a merchant (or an admin) sees them: scoped to the merchant, paged.
import { minorUnits } from '../../lib/money.ts';
import { z } from 'zod';
import { notFound } from '../../lib/errors.ts';
import { type Ctx, ordersScope } from '../shared/context.ts';
import { PageQuery, pageClause, toPage } from '../shared/pagination.ts';
import { loadItems, ORDER_COLUMNS, presentItems, presentOrderSummary, type OrderRow } from './order-rows.ts';
import { ORDER_STATES } from './state-machine.ts';
import { orderShopShare } from '../money/order-escrow.ts';

export const ListOrdersQuery = PageQuery.extend({
  status: z.enum(ORDER_STATES).optional(),
  q: z.string().trim().min(1).max(254).optional().describe('An order number, or the buyer\'s email (exact, case-insensitive)'),
});
export type ListOrdersQuery = z.infer<typeof ListOrdersQuery>;

function present(r: OrderRow, items: ReturnType<typeof presentItems>, now: Date) {
  return { ...presentOrderSummary(r), merchant_id: r.merchant_id, email: r.email, needs_action_reason: r.needs_action_reason,
    // 代充: still in the shop's queue past its due time.
    overdue: r.status === 'awaiting_fulfilment' && r.fulfil_due_at !== null && r.fulfil_due_at.getTime() <= now.getTime(),
    // The platform's commission on this order (minor units); the shop's share is total − commission.
    commission: minorUnits(r.commission), items };
}

/** A merchant's orders, or every merchant's for a platform admin (`ordersScope`). */
export async function listOrders(ctx: Ctx, query: ListOrdersQuery) {
  const merchantId = ordersScope(ctx);
  const params: unknown[] = [];
  const conds: string[] = [];
  if (merchantId) {
    params.push(merchantId);
    conds.push(`o.merchant_id = $${params.length}`);
  }
  if (query.status) {
    params.push(query.status);
    conds.push(`o.status = $${params.length}`);
  }
  if (query.q) {
    params.push(query.q.includes('@') ? query.q.toLowerCase() : query.q.toUpperCase());
    conds.push(query.q.includes('@') ? `lower(o.email) = $${params.length}` : `o.number = $${params.length}`);
  }
  const c = pageClause(query, 'o.id', params);
  conds.push(c.where);
  const { rows } = await ctx.database.pool.query<OrderRow>(
    `select ${ORDER_COLUMNS} from orders o where ${conds.join(' and ')} order by ${c.order} limit ${c.limit}`, params);
  const items = await loadItems(ctx.database.pool, rows.map((r) => r.id));
  const now = ctx.clock.now();
  return toPage(rows.map((r) => present(r, presentItems(items.get(r.id) ?? []), now)), query);
}

export async function getOrder(ctx: Ctx, orderId: string) {
  const merchantId = ordersScope(ctx);
  const params: unknown[] = [orderId];
  let cond = '';
  if (merchantId) {
    params.push(merchantId);
    cond = ' and o.merchant_id = $2';
  }
  const { rows } = await ctx.database.pool.query<OrderRow>(`select ${ORDER_COLUMNS} from orders o where o.id = $1${cond}`, params);
  const order = rows[0];
  if (!order) throw notFound('order');
  const items = await loadItems(ctx.database.pool, [order.id]);
  const { rows: payments } = await ctx.database.pool.query<{ id: string; gateway: string; status: string; amount: string; currency: string; succeeded_at: Date | null }>(
    'select id, gateway, status, amount, currency, succeeded_at from payments where order_id = $1 order by id', [order.id]);
  const { rows: events } = await ctx.database.pool.query<{ from_status: string | null; to_status: string; actor: string; note: string | null; created_at: Date }>(
    'select from_status, to_status, actor, note, created_at from order_events where order_id = $1 order by id', [order.id]);
  // Delivery by the shop's endpoint: how the calls are going (the shop sees why its endpoint fails while the order retries).
  const { rows: hook } = await ctx.database.pool.query<{ attempts: number; last_status: number | null; last_error: string | null; next_at: Date | null; delivered_at: Date | null }>(
    'select attempts, last_status, last_error, next_at, delivered_at from webhook_deliveries where order_id = $1', [order.id]);
  const { rows: refunds } = await ctx.database.pool.query<{ id: string; amount: string; currency: string; status: string; reason: string | null; created_at: Date }>(
    'select id, amount, currency, status, reason, created_at from refunds where order_id = $1 order by id', [order.id]);
  const shopShare = await orderShopShare(ctx.database.pool, order.merchant_id, order.currency, order.id);
  return {
    // The shop sees what a 代充 buyer filled in (it needs it to do the job).
    ...present(order, presentItems(items.get(order.id) ?? [], ctx.keyring), ctx.clock.now()),
    refunded: refunds.filter((r) => r.status === 'succeeded').reduce((sum, r) => sum + minorUnits(r.amount), 0),
    shop_share: shopShare,
    refunds: refunds.map((r) => ({ id: r.id, amount: minorUnits(r.amount), currency: r.currency, status: r.status, reason: r.reason, created_at: r.created_at.toISOString() })),
    payments: payments.map((p) => ({ id: p.id, gateway: p.gateway, status: p.status, amount: minorUnits(p.amount), currency: p.currency, succeeded_at: p.succeeded_at?.toISOString() ?? null })),
    events: events.map((e) => ({ from: e.from_status, to: e.to_status, actor: e.actor, note: e.note, at: e.created_at.toISOString() })),
    webhook_delivery: hook[0] ? {
      attempts: hook[0].attempts, last_status: hook[0].last_status, last_error: hook[0].last_error,
      next_at: hook[0].next_at?.toISOString() ?? null, delivered_at: hook[0].delivered_at?.toISOString() ?? null,
    } : null,
  };
}
