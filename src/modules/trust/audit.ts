// Audit rows for actions that touch money, secrets or settings. Written in
// the caller's transaction so an action and its audit row land together.
import type { Queryable } from '../../db/client.ts';
import { newId } from '../../lib/ids.ts';
import { actorAddress, actorId, merchantScope, type Actor } from '../shared/context.ts';

export interface AuditInput {
  action: string;
  targetType?: string;
  targetId?: string;
  merchantId?: string;
  data?: Record<string, unknown>;
  ip?: string;
}

export async function writeAudit(q: Queryable, actor: Actor, at: Date, input: AuditInput): Promise<void> {
  await q.query(
    `insert into audit_log (id, actor_type, actor_id, merchant_id, action, target_type, target_id, data, ip, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      newId('aud', at.getTime()), actor.type, actorId(actor), input.merchantId ?? merchantScope(actor) ?? null,
      input.action, input.targetType ?? null, input.targetId ?? null, JSON.stringify(input.data ?? {}),
      input.ip ?? actorAddress(actor) ?? null, at,
    ],
  );
}
