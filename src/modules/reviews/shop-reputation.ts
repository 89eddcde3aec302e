// A shop's reputation (信誉), shown as a badge on its storefront: how buyers
// rated it, and how often its orders ended in a dispute or a refund (in full
// or in part), over the last 90 days. The formula is public (docs/money.md):
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

/** Public pages ask often; the figures move slowly. Kept per process for a minute. */
const CACHE_MS = 60_000;
const cache = new Map<string, { at: number; value: Promise<Reputation> }>();
type Reputation = Awaited<ReturnType<typeof computeReputation>>;

export async function shopReputation(ctx: Ctx, shopSlug: string): Promise<Reputation> {
  const now = ctx.clock.now().getTime();
  const hit = cache.get(shopSlug);
  if (hit && now - hit.at < CACHE_MS && now >= hit.at) return hit.value;
  const value = computeReputation(ctx, shopSlug);
  cache.set(shopSlug, { at: now, value });
  value.catch(() => cache.delete(shopSlug));
  if (cache.size > 10_000) cache.delete(cache.keys().next().value ?? '');
  return value;
}

async function computeReputation(ctx: Ctx, shopSlug: string) {
  const since = new Date(ctx.clock.now().getTime() - 90 * 86_400_000);
  // Each count walks one shop's rows in the window through an index on (merchant_id, time).
  const { rows } = await ctx.database.pool.query<Row & { id: string; name: string; slug: string }>(
    `select m.id, m.name, m.slug, rv.*,
            (select count(*) from orders o where o.merchant_id = m.id and o.delivered_at >= $2) as orders,
            (select count(distinct d.order_id) from disputes d join orders o on o.id = d.order_id
              where d.merchant_id = m.id and d.created_at >= $2 and o.delivered_at >= $2) as disputed,
            (select count(distinct f.order_id) from refunds f join orders o on o.id = f.order_id
              where f.merchant_id = m.id and f.created_at >= $2 and f.status = 'succeeded' and o.delivered_at >= $2) as refunded
       from merchants m,
       lateral (select count(*) as reviews, avg(rating) as rating, avg(activation) as activation, avg(accuracy) as accuracy, avg(support) as support
                  from reviews where merchant_id = m.id and created_at >= $2) rv
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
