// The one way an order changes state: a compare-and-set UPDATE, an order
// event and an outbox event, all in the caller's transaction (or pipeline).
// Zero rows updated means someone else moved the order first.
import { prepared, type Queryable } from '../../db/client.ts';
import { sqlAssert, type Statement } from '../../db/pipeline.ts';
import { newId } from '../../lib/ids.ts';
import { canTransition, type OrderStatus } from './state-machine.ts';

export interface TransitionInput {
  orderId: string;
  merchantId: string;
  from: readonly OrderStatus[];
  to: OrderStatus;
  /**
   * Pass through this state on the way (`pending_payment` → `paid` →
   * `delivered` when a payment delivers at once): one update of the order,
   * but both order events and both outbox events, in order.
   */
  via?: OrderStatus;
  actor: string;
  at: Date;
  note?: string;
  /** Extra columns to set, e.g. paid_at. Keys are trusted column names. */
  set?: Record<string, unknown>;
}

/** Returns the previous status, or undefined when the order was not in any of `from`. */
export async function transitionOrder(q: Queryable, input: TransitionInput): Promise<OrderStatus | undefined> {
  const st = transitionOrderStatement(input);
  const { rows } = await prepared<{ prev: OrderStatus }>(q, st.text, st.values);
  return rows[0]?.prev;
}

/**
 * The transition as one statement: lock and compare, update, order event,
 * outbox event. Its rows are the previous status (none if the order was not
 * in `from`); with `mustMove` it raises that code instead (pipelines).
 */
export function transitionOrderStatement(input: TransitionInput, opts: { mustMove?: string } = {}): Statement {
  const via = input.via;
  for (const f of input.from) {
    const legal = via ? canTransition(f, via) && canTransition(via, input.to) : canTransition(f, input.to);
    if (!legal) throw new Error(`illegal order transition ${f} → ${via ? `${via} → ` : ''}${input.to}`);
  }
  const values: unknown[] = [
    input.orderId, input.from, input.to, input.at, newId('oev', input.at.getTime()), input.merchantId,
    input.actor, input.note ?? null, newId('evt', input.at.getTime()), `order.${input.to}`,
  ];
  // Through `via`: its event and outbox ids are made after the first ones, so they sort after them.
  if (via) values.push(via, newId('oev', input.at.getTime()), newId('evt', input.at.getTime()), `order.${via}`);
  const events = via
    ? `select $5, u.id, $6, u.prev, $11, $7, $8, $4 from u union all select $12, u.id, $6, $11, $3, $7, $8, $4 from u`
    : `select $5, u.id, $6, u.prev, $3, $7, $8, $4 from u`;
  const outbox = via
    ? `select $9, $6, $14, jsonb_build_object('order_id', u.id, 'number', u.number, 'status', $11::text,
              'previous_status', u.prev, 'total', u.total, 'currency', u.currency), $4 from u
       union all
       select $13, $6, $10, jsonb_build_object('order_id', u.id, 'number', u.number, 'status', $3::text,
              'previous_status', $11::text, 'total', u.total, 'currency', u.currency), $4 from u`
    : `select $9, $6, $10, jsonb_build_object('order_id', u.id, 'number', u.number, 'status', $3::text,
              'previous_status', u.prev, 'total', u.total, 'currency', u.currency), $4 from u`;
  const extra = Object.entries(input.set ?? {}).map(([col, value]) => {
    values.push(value);
    return `, ${col} = $${values.length}`;
  });
  const text = `with p as (select id, status as prev from orders where id = $1 and status = any($2) for update),
     u as (update orders o set status = $3, updated_at = $4${extra.join('')}
             from p where o.id = p.id
             returning o.id, p.prev, o.number, o.total, o.currency),
     e as (insert into order_events (id, order_id, merchant_id, from_status, to_status, actor, note, created_at)
             ${events}),
     x as (insert into outbox_events (id, merchant_id, type, data, created_at)
             ${outbox})
     ${opts.mustMove ? `select ${sqlAssert('(select count(*) from u) = 1', opts.mustMove)} as prev` : 'select prev from u'}`;
  return { text, values };
}
