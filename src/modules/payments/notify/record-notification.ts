// Every notify we receive is recorded with what we decided and why — never
// its signature or any secret — so support can answer "did you get it?".
// Anyone can send a notify, so the cost of the ones we refuse is bounded:
// refused, ignored and repeated notifies are counted into one row per gateway,
// payment, outcome, reason, address and hour; and refusals are counted per
// address and per payment (rate_limits) so that a flood is cut off
// (notify-guard.ts). Notifies that change something get a row each.
import { prepared, type Queryable } from '../../../db/client.ts';
import type { Statement } from '../../../db/pipeline.ts';
import { addressKey } from '../../../lib/client-address.ts';
import { newId } from '../../../lib/ids.ts';
import { NOTIFY_WINDOW_SECONDS, noteRejections } from './notify-guard.ts';

export type NotificationOutcome =
  | { result: 'delivered' | 'awaiting_fulfilment' | 'delivering' | 'duplicate' | 'credited' }
  | { result: 'needs_action' | 'rejected' | 'ignored'; reason: string };

const AGGREGATED = new Set(['rejected', 'ignored', 'duplicate']);

/** The row of a notify that changed something (delivered, credited, needs_action), as one statement for pipelines. */
export function notificationStatement(at: Date, gateway: string, paymentId: string | undefined, outcome: NotificationOutcome, ip: string): Statement {
  if (AGGREGATED.has(outcome.result)) throw new Error(`${outcome.result} notifies are aggregated, not recorded one by one`);
  return {
    text: 'insert into payment_notifications (id, gateway, payment_id, outcome, reason, ip, created_at, last_at) values ($1, $2, $3, $4, $5, $6, $7, $7)',
    values: [newId('ntf', at.getTime()), gateway, paymentId ?? null, outcome.result, 'reason' in outcome ? outcome.reason : null, ip, at],
  };
}

export async function recordNotification(q: Queryable, at: Date, gateway: string, paymentId: string | undefined, outcome: NotificationOutcome, ip: string): Promise<void> {
  const reason = 'reason' in outcome ? outcome.reason : null;
  if (!AGGREGATED.has(outcome.result)) {
    const st = notificationStatement(at, gateway, paymentId, outcome, ip);
    await prepared(q, st.text, st.values);
    return;
  }
  const hour = new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000).toISOString();
  const dedupeKey = [gateway, paymentId ?? '', outcome.result, reason ?? '', ip, hour].join('|');
  const windowMs = NOTIFY_WINDOW_SECONDS * 1000;
  const windowStart = new Date(Math.floor(at.getTime() / windowMs) * windowMs);
  const counters = outcome.result === 'rejected' ? [`notify-rejected:ip:${addressKey(ip)}`, ...(paymentId ? [`notify-rejected:payment:${paymentId}`] : [])] : [];
  const { rows } = await prepared<{ key: string; hits: number }>(q,
    `with n as (insert into payment_notifications (id, gateway, payment_id, outcome, reason, ip, created_at, last_at, dedupe_key)
                values ($1, $2, $3, $4, $5, $6, $7, $7, $8)
                on conflict (dedupe_key) do update set count = payment_notifications.count + 1, last_at = excluded.last_at)
     insert into rate_limits (key, window_start, hits) select k, $9, 1 from unnest($10::text[]) as k
     on conflict (key, window_start) do update set hits = rate_limits.hits + 1
     returning key, hits`,
    [newId('ntf', at.getTime()), gateway, paymentId ?? null, outcome.result, reason, ip, at, dedupeKey, windowStart, counters]);
  if (rows.length > 0) noteRejections(rows, new Date(windowStart.getTime() + windowMs));
}
