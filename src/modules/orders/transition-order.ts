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
  for (const f of input.from) {
    if (!canTransition(f, input.to)) throw new Error(`illegal order transition ${f} → ${input.to}`);
  }
  const values: unknown[] = [
    input.orderId, input.from, input.to, input.at, newId('oev', input.at.getTime()), input.merchantId,
    input.actor, input.note ?? null, newId('evt', input.at.getTime()), `order.${input.to}`,
  ];
  const extra = Object.entries(input.set ?? {}).map(([col, value]) => {
    values.push(value);
    return `, ${col} = $${values.length}`;
  });
  const text = `with p as (select id, status as prev from orders where id = $1 and status = any($2) for update),
     u as (update orders o set status = $3, updated_at = $4${extra.join('')}
             from p where o.id = p.id
             returning o.id, p.prev, o.number, o.total, o.currency),
     e as (insert into order_events (id, order_id, merchant_id, from_status, to_status, actor, note, created_at)
             select $5, u.id, $6, u.prev, $3, $7, $8, $4 from u),
     x as (insert into outbox_events (id, merchant_id, type, data, created_at)
             select $9, $6, $10, jsonb_build_object('order_id', u.id, 'number', u.number, 'status', $3::text,
                    'previous_status', u.prev, 'total', u.total, 'currency', u.currency), $4 from u)
     ${opts.mustMove ? `select ${sqlAssert('(select count(*) from u) = 1', opts.mustMove)} as prev` : 'select prev from u'}`;
  return { text, values };
}
