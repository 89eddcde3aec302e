// The buyer's view of an order: number + access token. A wrong token and an
// unknown order answer the same 404.
import { prepared } from '../../db/client.ts';
import { safeEqual } from '../../lib/crypto.ts';
import { notFound } from '../../lib/errors.ts';
import { paymentUrl } from '../payments/gateways/gateways.ts';
import type { Ctx } from '../shared/context.ts';
import {
  DELIVERED_STATUSES, itemsAndCardsColumns, openDeliveries, ORDER_COLUMNS, presentItems, presentOrderSummary,
  type ItemRow, type LicenseJson, type OrderRow, type SoldCardJson,
} from './order-rows.ts';

export async function readOrderAsBuyer(s: Ctx, { number, token }: { number: string; token: string }) {
  const pool = s.database.pool;
  // One statement (one round trip): the order, its items and its keys still
  // encrypted. Nothing is decrypted or shown unless the token is the order's.
  type Row = OrderRow & {
    shop_slug: string; shop_name: string; delivery_note: string | null; payment_id: string | null; gateway: string | null; items: ItemRow[]; sold_cards: SoldCardJson[]; licenses: LicenseJson[];
  };
  const { rows } = await prepared<Row>(pool,
    `select ${ORDER_COLUMNS}, m.slug as shop_slug, m.name as shop_name, case when o.status = any($2) then m.delivery_note end as delivery_note,
            p.id as payment_id, p.gateway, ${itemsAndCardsColumns('$2')}
       from orders o join merchants m on m.id = o.merchant_id
       left join lateral (select id, gateway from payments where order_id = o.id order by id desc limit 1) p on true
      where o.number = $1`, [number.toUpperCase(), DELIVERED_STATUSES]);
  const order = rows[0];
  const expected = s.keyring.orderAccessToken(order?.id ?? 'ord_none');
  if (!order || !safeEqual(expected, token)) throw notFound('order');
  const deliveries = openDeliveries(s.keyring, order, order.sold_cards, order.items, order.delivery_note, order.licenses, s.clock.now(), s.config.downloadLinkHours);
  return {
    order: {
      ...presentOrderSummary(order),
      shop: { slug: order.shop_slug, name: order.shop_name },
      items: presentItems(order.items, s.keyring),
      payment: order.payment_id ? { id: order.payment_id, gateway: order.gateway, pay_url: paymentUrl(s, order.gateway ?? '', order.payment_id) } : null,
    },
    deliveries,
  };
}
