// The buyer's view of an order: number + access token. A wrong token and an
// unknown order answer the same 404.
import { prepared } from '../../db/client.ts';
import { safeEqual } from '../../lib/crypto.ts';
import { notFound } from '../../lib/errors.ts';
import { paymentUrl } from '../payments/gateways.ts';
import type { Services } from '../shared/context.ts';
import { loadItems, ORDER_COLUMNS, presentItems, presentOrderSummary, revealDeliveries, type OrderRow } from './order-rows.ts';

export async function readOrderAsBuyer(s: Services, number: string, token: string) {
  const pool = s.database.pool;
  const { rows } = await prepared<OrderRow & { shop_slug: string; shop_name: string; payment_id: string | null; gateway: string | null }>(pool,
    `select ${ORDER_COLUMNS}, m.slug as shop_slug, m.name as shop_name, p.id as payment_id, p.gateway
       from orders o join merchants m on m.id = o.merchant_id
       left join lateral (select id, gateway from payments where order_id = o.id order by id desc limit 1) p on true
      where o.number = $1`, [number.toUpperCase()]);
  const order = rows[0];
  const expected = s.keyring.orderAccessToken(order?.id ?? 'ord_none');
  if (!order || !safeEqual(expected, token)) throw notFound('order');
  const [items, deliveries] = await Promise.all([loadItems(pool, [order.id]), revealDeliveries(pool, s.keyring, order)]);
  return {
    order: {
      ...presentOrderSummary(order),
      shop: { slug: order.shop_slug, name: order.shop_name },
      items: presentItems(items.get(order.id) ?? []),
      payment: order.payment_id ? { id: order.payment_id, gateway: order.gateway, pay_url: paymentUrl(s, order.gateway ?? '', order.payment_id) } : null,
    },
    deliveries,
  };
}
