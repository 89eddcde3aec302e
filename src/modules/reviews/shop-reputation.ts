// A shop's reputation (信誉), shown as a badge on its storefront: how buyers
// rated it, and how often its orders ended in a dispute or a refund, over the
// last 90 days. The formula is public (docs/money.md):
//   score = 100 × (average rating ÷ 5) × (1 − min(1, 2 × dispute rate)) × (1 − min(1, refund rate))
// with a shop that has no review yet rated 4 (neither rewarded nor punished
// for being new). Badge: `new` under 5 delivered orders in 90 days, else
// `excellent` ≥ 90, `good` ≥ 75, `fair` ≥ 50, `poor` below.
import { notFound } from '../../lib/errors.ts';
import type { Ctx } from '../shared/context.ts';

export type Badge = 'new' | 'excellent' | 'good' | 'fair' | 'poor';

interface Row {
  reviews: string; rating: string | null; activation: string | null; accuracy: string | null; support: string | null;
  orders: string; disputed: string; refunded: string;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function reputationScore(r: { rating: number | null; orders: number; disputeRate: number; refundRate: number }): { score: number; badge: Badge } {
  const rating = r.rating ?? 4;
  const score = Math.round(100 * (rating / 5) * (1 - Math.min(1, 2 * r.disputeRate)) * (1 - Math.min(1, r.refundRate)));
  const badge: Badge = r.orders < 5 ? 'new' : score >= 90 ? 'excellent' : score >= 75 ? 'good' : score >= 50 ? 'fair' : 'poor';
  return { score, badge };
}

export async function shopReputation(ctx: Ctx, shopSlug: string) {
  const since = new Date(ctx.clock.now().getTime() - 90 * 86_400_000);
  const { rows } = await ctx.database.pool.query<Row & { id: string; name: string; slug: string }>(
    `select m.id, m.name, m.slug, rv.*, od.*
       from merchants m,
       lateral (select count(*) as reviews, avg(rating) as rating, avg(activation) as activation, avg(accuracy) as accuracy, avg(support) as support
                  from reviews where merchant_id = m.id and created_at >= $2) rv,
       lateral (select count(*) as orders,
                       count(*) filter (where exists (select 1 from disputes d where d.order_id = o.id)) as disputed,
                       count(*) filter (where o.status in ('refunded', 'partially_refunded')) as refunded
                  from orders o where o.merchant_id = m.id and o.delivered_at >= $2) od
      where m.slug = $1 and m.status = 'active'`, [shopSlug, since]);
  const r = rows[0];
  if (!r) throw notFound('shop');
  const orders = Number(r.orders);
  const disputeRate = orders ? Number(r.disputed) / orders : 0;
  const refundRate = orders ? Number(r.refunded) / orders : 0;
  const avg = (v: string | null) => (v === null ? null : round2(Number(v)));
  const rating = avg(r.rating);
  return {
    object: 'reputation' as const, shop: { slug: r.slug, name: r.name }, window_days: 90,
    reviews: Number(r.reviews), rating, activation: avg(r.activation), accuracy: avg(r.accuracy), support: avg(r.support),
    orders, dispute_rate: round2(disputeRate), refund_rate: round2(refundRate),
    ...reputationScore({ rating, orders, disputeRate, refundRate }),
  };
}
