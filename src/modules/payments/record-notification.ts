// Every notify we receive is recorded with what we decided and why — never
// its signature or any secret — so support can answer "did you get it?".
import { prepared, type Queryable } from '../../db/client.ts';
import { newId } from '../../lib/ids.ts';

export type NotificationOutcome =
  | { result: 'delivered' | 'duplicate' | 'credited' }
  | { result: 'needs_action' | 'rejected' | 'ignored'; reason: string };

export async function recordNotification(q: Queryable, at: Date, gateway: string, paymentId: string | undefined, outcome: NotificationOutcome, ip: string): Promise<void> {
  await prepared(q, 'insert into payment_notifications (id, gateway, payment_id, outcome, reason, ip, created_at) values ($1, $2, $3, $4, $5, $6, $7)',
    [newId('ntf', at.getTime()), gateway, paymentId ?? null, outcome.result, 'reason' in outcome ? outcome.reason : null, ip, at]);
}
