// A buyer acting on an order proves it with the order's access token
// (X-Order-Token). A wrong token and an unknown order answer the same 404.
import { prepared, type Queryable } from '../../db/client.ts';
import { safeEqual, type Keyring } from '../../lib/crypto.ts';
import { notFound } from '../../lib/errors.ts';
import type { OrderStatus } from './state-machine.ts';

export interface TokenOrder {
  id: string; number: string; merchant_id: string; status: OrderStatus; currency: string; total: string; delivered_at: Date | null;
  escrow_hours: number | null;
}

/** The order `number` names, if `token` is its access token; `lock` takes its row lock (inside a transaction). */
export async function orderByToken(q: Queryable, keyring: Keyring, number: string, token: string, lock = false): Promise<TokenOrder> {
  const { rows } = await prepared<TokenOrder>(q,
    `select o.id, o.number, o.merchant_id, o.status, o.currency, o.total, o.delivered_at, m.escrow_hours
       from orders o join merchants m on m.id = o.merchant_id where o.number = $1${lock ? ' for update of o' : ''}`, [number.toUpperCase()]);
  const order = rows[0];
  const expected = keyring.orderAccessToken(order?.id ?? 'ord_none');
  if (!order || !safeEqual(expected, token)) throw notFound('order');
  return order;
}
