// Outbox events: written in the same transaction as the change they describe,
// published after commit (webhooks, emails) by jobs.
import type { Queryable } from '../../db/client.ts';
import { newId } from '../../lib/ids.ts';

export async function emitEvent(q: Queryable, at: Date, merchantId: string | null, type: string, data: Record<string, unknown>): Promise<string> {
  const id = newId('evt', at.getTime());
  await q.query('insert into outbox_events (id, merchant_id, type, data, created_at) values ($1, $2, $3, $4, $5)', [
    id, merchantId, type, JSON.stringify(data), at,
  ]);
  return id;
}
