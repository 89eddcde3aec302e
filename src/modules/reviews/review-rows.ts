// Reviews (评价) as stored and shown. The public never sees who wrote one,
// only a masked hint; a review of an order refunded since is marked.
import { z } from 'zod';
import type { RowOf } from '../../db/rows.ts';
import type { reviews } from '../../db/schema.ts';

export const Score = z.number().int().min(1).max(5);

export type ReviewRow = RowOf<typeof reviews> & {
  order_status: string; email: string; product_title: string; order_number?: string; has_refund: boolean;
};

export const REVIEW_SELECT = `select r.id, r.order_id, r.merchant_id, r.product_id, r.rating, r.activation, r.accuracy, r.support, r.comment,
    r.reply, r.replied_at, r.created_at, o.status as order_status, o.email, o.number as order_number, p.title as product_title,
    exists (select 1 from refunds f where f.order_id = r.order_id and f.status = 'succeeded') as has_refund
  from reviews r join orders o on o.id = r.order_id join products p on p.id = r.product_id`;

/** "b***@e***.com": enough to tell reviews apart, not enough to find the buyer. */
export function maskBuyer(email: string): string {
  const [user = '', domain = ''] = email.split('@');
  return `${user.slice(0, 1)}***@${domain.slice(0, 1)}***`;
}

export function presentReview(r: ReviewRow, audience: 'public' | 'shop') {
  return {
    id: r.id, object: 'review' as const, product_id: r.product_id, product_title: r.product_title,
    rating: r.rating, activation: r.activation, accuracy: r.accuracy, support: r.support, comment: r.comment,
    reply: r.reply, replied_at: r.replied_at?.toISOString() ?? null, created_at: r.created_at.toISOString(),
    /** Money went back to the buyer of this order (in full or in part), before or after the review. */
    refunded: r.has_refund,
    buyer: maskBuyer(r.email),
    ...(audience === 'shop' ? { order_id: r.order_id, order_number: r.order_number ?? null } : {}),
  };
}
export type ReviewView = ReturnType<typeof presentReview>;
