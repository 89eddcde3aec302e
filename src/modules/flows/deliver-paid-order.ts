// Delivering a paid order's goods (card keys sold, license keys made active; shared goods need no sale), shared by payment settlement and the
// retry of orders parked in needs_action.
import type pg from 'pg';
import { prepared } from '../../db/client.ts';
import { holdShared, releaseCards, releaseShared, reserveCards, reservePicked } from '../vault/reserve-cards.ts';
import { sellReservedCardsSql } from '../vault/sell-cards.ts';
import { transitionOrderStatement } from '../orders/transition-order.ts';
import { sqlAssert, type Statement } from '../../db/pipeline.ts';
import { activateLicensesSql } from '../licenses/issue-licenses.ts';
import { queueWebhookDeliveryStatement } from './webhook-delivery-queue.ts';

const SELL = sellReservedCardsSql({ orderItemIds: "(select id from items where delivery = 'card')", at: '$2' });

export interface OrderRef { orderId: string; merchantId: string; actor: string; at: Date }

/**
 * How an order's goods are delivered once paid: `now` (keys, licenses, files,
 * shared text), `manual` (the shop's queue; `sla` hours) or `webhook` (the
 * shop's endpoint issues them). `$1` is the order id; read with the payment
 * in the usual notify.
 */
export const DELIVERY_MODE_SQL = `select case when bool_or(pr.delivery = 'webhook') then 'webhook' when bool_or(pr.delivery = 'manual') then 'manual' else 'now' end as mode,
         max(pr.manual_sla_hours) as sla
    from order_items i join products pr on pr.id = i.product_id where i.order_id = $1`;

export type DeliveryMode = { mode: 'now' } | { mode: 'manual'; slaHours: number } | { mode: 'webhook' };

export function deliveryMode(row: { mode: string | null; sla: number | null } | undefined): DeliveryMode {
  if (row?.mode === 'manual') return { mode: 'manual', slaHours: row.sla ?? 24 };
  if (row?.mode === 'webhook') return { mode: 'webhook' };
  return { mode: 'now' };
}

/** What a paid order reaches: delivered, the shop's queue, or paid while the shop's endpoint is called. */
export type Reached = 'delivered' | 'awaiting_fulfilment' | 'paid';

/**
 * paid → keys sold → fulfilment rows → delivered; or, for goods done by hand,
 * paid → awaiting_fulfilment (the shop's queue, due within the SLA); or, for
 * goods the shop's endpoint issues, paid with the first call queued. The
 * order's keys must be reserved. Returns the state reached.
 */
export async function deliverPaidOrder(q: pg.PoolClient, base: OrderRef): Promise<Reached> {
  const { rows } = await prepared<{ mode: string | null; sla: number | null }>(q, DELIVERY_MODE_SQL, [base.orderId]);
  const mode = deliveryMode(rows[0]);
  for (const st of deliveryStatements(base, mode)) await prepared(q, st.text, st.values);
  return reachedBy(mode);
}

export function reachedBy(mode: DeliveryMode): Reached {
  return mode.mode === 'now' ? 'delivered' : mode.mode === 'manual' ? 'awaiting_fulfilment' : 'paid';
}

/** What an order done by hand sets when it enters the shop's queue: its due time. */
export function awaitingFulfilmentSet(at: Date, slaHours: number): Record<string, unknown> {
  return { fulfil_due_at: new Date(at.getTime() + slaHours * 3_600_000) };
}

/**
 * The delivery as statements that check themselves (so they can go in one
 * pipeline): sell the reserved keys and write one fulfilment per item (its id
 * derived from the item's, so a repeat finds it) — raising unless exactly the
 * ordered quantity was sold — then paid → delivered.
 */
export function deliveryStatements(base: OrderRef, mode: DeliveryMode = { mode: 'now' }): Statement[] {
  switch (mode.mode) {
    case 'now':
      return [sellAndFulfilStatement(base), transitionOrderStatement({ ...base, from: ['paid'], to: 'delivered', set: { delivered_at: base.at } }, { mustMove: 'order_not_paid' })];
    case 'manual':
      return [sellAndFulfilStatement(base),
        transitionOrderStatement({ ...base, from: ['paid'], to: 'awaiting_fulfilment', set: awaitingFulfilmentSet(base.at, mode.slaHours) }, { mustMove: 'order_not_paid' })];
    case 'webhook':
      // The order stays paid; the first call to the shop's endpoint is queued (flows/deliver-via-webhook.ts).
      return [sellAndFulfilStatement(base), queueWebhookDeliveryStatement(base)];
  }
}

/**
 * Sell the order's reserved keys and write its fulfilments (one per item, of
 * the item's delivery kind), raising unless exactly the ordered quantity of
 * card keys was sold. Goods done by hand get theirs when the shop fulfils. Shared goods were counted when held; their fulfilment
 * keeps the product's text as it is now (encrypted), so a later change of the
 * text reaches only later buyers.
 */
export function sellAndFulfilStatement(base: OrderRef): Statement {
  return {
    text: `with items as (select i.id, i.quantity, p.delivery, p.shared_ciphertext, p.shared_key_id, p.download_file_id
                           from order_items i join products p on p.id = i.product_id where i.order_id = $1),
          sold as (${SELL}),
          lic as (${activateLicensesSql({ orderItemIds: "select id from items where delivery = 'license'", at: '$2' })}),
          f as (insert into fulfilments (id, order_id, order_item_id, merchant_id, kind, quantity, created_at, payload_ciphertext, payload_key_id, file_id)
                select 'ful_' || substr(items.id, 5), $1, items.id, $3, items.delivery, items.quantity, $2,
                       case when items.delivery = 'shared' then items.shared_ciphertext end, case when items.delivery = 'shared' then items.shared_key_id end,
                       case when items.delivery = 'download' then items.download_file_id end
                  from items where items.delivery not in ('manual', 'webhook')
                on conflict (order_item_id) do nothing)
     select ${sqlAssert("(select count(*) from sold) = (select coalesce(sum(quantity), 0) from items where delivery = 'card')", 'keys_not_reserved')},
            ${sqlAssert("(select count(*) from lic) = (select coalesce(sum(quantity), 0) from items where delivery = 'license')", 'licenses_not_issued')},
            ${sqlAssert("not exists (select 1 from items where delivery = 'download' and download_file_id is null)", 'no_file')}`,
    values: [base.orderId, base.at, base.merchantId],
  };
}

/** Reserves stock again for every item of a paid order whose reservation lapsed; all or none. */
export async function reReserve(q: pg.PoolClient, orderId: string, now: Date): Promise<boolean> {
  const { rows: items } = await q.query<{ id: string; product_id: string; quantity: number; delivery: string; picked_card_id: string | null }>(
    `select i.id, i.product_id, i.quantity, p.delivery, i.picked_card_id
       from order_items i join products p on p.id = i.product_id where i.order_id = $1`, [orderId]);
  const heldShared: Array<{ productId: string; quantity: number }> = [];
  for (const item of items) {
    // A picked key (自选) is that key again or nothing: the buyer paid for it.
    // License keys wait with the order (pending) until it is paid, however late; goods done by hand hold nothing.
    const ok = ['license', 'manual', 'download', 'webhook'].includes(item.delivery) ? true : item.delivery === 'shared'
      ? await holdShared(q, { productId: item.product_id, quantity: item.quantity })
      : item.picked_card_id
        ? await reservePicked(q, { cardId: item.picked_card_id, orderItemId: item.id, productId: item.product_id, until: now })
        : (await reserveCards(q, { productId: item.product_id, orderItemId: item.id, quantity: item.quantity, until: now })) === item.quantity;
    if (!ok) {
      // Give back only what this attempt took: the keys it reserved, the shared units it held.
      await releaseCards(q, orderId);
      for (const h of heldShared) await releaseShared(q, h);
      return false;
    }
    if (item.delivery === 'shared') heldShared.push({ productId: item.product_id, quantity: item.quantity });
  }
  return true;
}

