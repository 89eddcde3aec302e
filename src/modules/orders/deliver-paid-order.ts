// Delivering a paid order's card keys, shared by payment settlement and the
// retry of orders parked in needs_action.
import type pg from 'pg';
import { newId } from '../../lib/ids.ts';
import { releaseCards, reserveCards, sellReservedCards } from '../vault/reserve-cards.ts';
import { transitionOrder } from './transition-order.ts';

export interface OrderRef { orderId: string; merchantId: string; actor: string; at: Date }

/** paid → keys sold → fulfilment rows → delivered. The order's keys must be reserved. */
export async function deliverPaidOrder(q: pg.PoolClient, base: OrderRef): Promise<void> {
  const { rows: items } = await q.query<{ id: string; quantity: number }>('select id, quantity from order_items where order_id = $1', [base.orderId]);
  const want = items.reduce((n, i) => n + i.quantity, 0);
  const sold = await sellReservedCards(q, base.orderId, base.at);
  if (sold !== want) throw new Error(`order ${base.orderId}: sold ${sold} keys, expected ${want}`);
  await q.query(
    `insert into fulfilments (id, order_id, order_item_id, merchant_id, kind, quantity, created_at)
     select u.id, $1, u.item, $2, 'card', u.qty, $3 from unnest($4::text[], $5::text[], $6::int[]) as u(id, item, qty)
     on conflict (order_item_id) do nothing`,
    [base.orderId, base.merchantId, base.at, items.map(() => newId('ful', base.at.getTime())), items.map((i) => i.id), items.map((i) => i.quantity)],
  );
  await transitionOrder(q, { ...base, from: ['paid'], to: 'delivered', set: { delivered_at: base.at } });
}

/** Reserves stock again for every item of a paid order whose reservation lapsed; all or none. */
export async function reReserve(q: pg.PoolClient, orderId: string, now: Date): Promise<boolean> {
  const { rows: items } = await q.query<{ id: string; product_id: string; quantity: number }>(
    'select id, product_id, quantity from order_items where order_id = $1', [orderId]);
  for (const item of items) {
    const got = await reserveCards(q, { productId: item.product_id, orderItemId: item.id, quantity: item.quantity, until: now });
    if (got !== item.quantity) {
      await releaseCards(q, orderId);
      return false;
    }
  }
  return true;
}

