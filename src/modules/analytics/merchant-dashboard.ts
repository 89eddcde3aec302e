// The merchant dashboard: sales and orders today and over 30 days (per day,
// in the merchant's chosen time zone), and products running low on stock.
import { z } from 'zod';
import { shopOf, type Ctx } from '../shared/context.ts';
import { countKeysSql, KEY_COUNT_CAP } from '../vault/count-keys.ts';

export const DashboardQuery = z.object({
  tz: z.string().max(64).regex(/^[A-Za-z_]+(?:\/[A-Za-z_+-]+)*$|^UTC$/, 'must be an IANA time zone such as Asia/Shanghai')
    .refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai').default('Asia/Shanghai'),
  low_stock: z.coerce.number().int().min(0).max(100_000).default(10),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

const SOLD = `('paid', 'awaiting_fulfilment', 'delivered', 'completed', 'disputed', 'partially_refunded', 'needs_action')`;

const Totals = z.object({
  currency: z.string(), orders: z.number().int(),
  sales: z.number().int().describe('Minor units, net of refunds: what the orders paid that day came to, less what has been refunded of them since'),
});
export const DashboardOut = z.object({
  object: z.literal('dashboard'), time_zone: z.string(),
  today: z.array(Totals).describe('Per currency'), last_30_days: z.array(Totals).describe('Per currency'),
  daily: z.array(Totals.extend({ day: z.string().describe('YYYY-MM-DD in time_zone') })).describe('Each of the 30 days, per currency'),
  orders_by_status_30_days: z.record(z.string(), z.number().int()),
  needs_action: z.number().int().describe('Orders waiting for a person now'),
  low_stock: z.array(z.object({ id: z.string(), title: z.string(), available: z.number().int() })).describe('Products at or below low_stock keys'),
});

export async function merchantDashboard(ctx: Ctx, query: DashboardQuery) {
  const merchantId = shopOf(ctx);
  const pool = ctx.database.pool;
  const now = ctx.clock.now();
  const tz = query.tz;
  const [days, totals, low, pending] = await Promise.all([
    pool.query<{ day: string; currency: string; orders: string; sales: string }>(
      `select to_char(d.day, 'YYYY-MM-DD') as day, c.currency, count(o.id) as orders,
              coalesce(sum(greatest(o.total - coalesce(r.refunded, 0), 0)), 0) as sales
         from generate_series(date_trunc('day', $2::timestamptz at time zone $3) - interval '29 days',
                              date_trunc('day', $2::timestamptz at time zone $3), interval '1 day') as d(day)
         cross join (select distinct currency from orders where merchant_id = $1 and status in ${SOLD}
                     union select 'CNY' where not exists (select 1 from orders where merchant_id = $1 and status in ${SOLD})) c
         left join orders o on o.merchant_id = $1 and o.status in ${SOLD} and o.currency = c.currency
              and date_trunc('day', o.paid_at at time zone $3) = d.day
         left join lateral (select sum(f.amount) as refunded from refunds f where f.order_id = o.id and f.status = 'succeeded') r on true
        group by d.day, c.currency order by d.day, c.currency`,
      [merchantId, now, tz]),
    pool.query<{ status: string; n: string }>(
      `select status, count(*) as n from orders where merchant_id = $1 and created_at > $2::timestamptz - interval '30 days' group by status`,
      [merchantId, now]),
    // Counted up to KEY_COUNT_CAP keys each: low stock is what matters here.
    pool.query<{ id: string; title: string; available: string }>(
      `select p.id, p.title, ${countKeysSql('p.id', 'available', KEY_COUNT_CAP)} as available
         from products p where p.merchant_id = $1 and p.visibility <> 'hidden' and p.delivery = 'card'
          -- A product with variants sells none of its own keys: its variants are listed instead.
          and not exists (select 1 from products v where v.parent_id = p.id)
        order by available, p.id`, [merchantId]),
    // What needs a person: parked orders, and hand-done ones past their due time (flagged, still in the queue).
    pool.query<{ n: string }>(`select count(*) as n from orders where merchant_id = $1
      and (status = 'needs_action' or (status = 'awaiting_fulfilment' and fulfil_overdue_at is not null))`, [merchantId]),
  ]);
  const series = days.rows.map((r) => ({ day: r.day, currency: r.currency, orders: Number(r.orders), sales: Number(r.sales) }));
  const today = series.at(-1)?.day ?? '';
  const sum = (rows: typeof series) => {
    const by = new Map<string, { currency: string; orders: number; sales: number }>();
    for (const r of rows) {
      const x = by.get(r.currency) ?? { currency: r.currency, orders: 0, sales: 0 };
      x.orders += r.orders;
      x.sales += r.sales;
      by.set(r.currency, x);
    }
    return [...by.values()];
  };
  return {
    object: 'dashboard' as const,
    time_zone: tz,
    today: sum(series.filter((r) => r.day === today)),
    last_30_days: sum(series),
    daily: series,
    orders_by_status_30_days: Object.fromEntries(totals.rows.map((r) => [r.status, Number(r.n)])),
    needs_action: Number(pending.rows[0]?.n ?? 0),
    low_stock: low.rows.filter((r) => Number(r.available) <= query.low_stock).map((r) => ({ id: r.id, title: r.title, available: Number(r.available) })),
  };
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
