// The audit log as admins read it: who did what to which money, secret or setting.
import { z } from 'zod';
import { AppError } from '../../lib/errors.ts';
import type { Ctx } from '../shared/context.ts';
import { PageQuery, pageClause, toPage } from '../shared/pagination.ts';

export const AuditQuery = PageQuery.extend({
  merchant_id: z.string().min(1).max(64).optional(),
  action: z.string().min(1).max(64).optional().describe('e.g. card.reveal, gateway.configure, refund.request'),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntryOut = z.object({
  id: z.string(), object: z.literal('audit_entry'),
  actor_type: z.string().describe('member, api_key, admin, buyer or system'), actor_id: z.string().nullable(), merchant_id: z.string().nullable(),
  action: z.string(), target_type: z.string().nullable(), target_id: z.string().nullable(),
  data: z.unknown().describe('What changed (never a secret)'), ip: z.string().nullable(), created_at: z.string(),
});

export async function listAuditLog(ctx: Ctx, query: AuditQuery) {
  if (ctx.actor.type !== 'admin') throw new AppError(403, 'admin_only', 'Only platform admins read the audit log.', 'permission_error');
  const params: unknown[] = [];
  const conds: string[] = [];
  if (query.merchant_id) {
    params.push(query.merchant_id);
    conds.push(`merchant_id = $${params.length}`);
  }
  if (query.action) {
    params.push(query.action);
    conds.push(`action = $${params.length}`);
  }
  const c = pageClause(query, 'id', params);
  conds.push(c.where);
  const { rows } = await ctx.database.pool.query<{
    id: string; actor_type: string; actor_id: string | null; merchant_id: string | null; action: string; target_type: string | null;
    target_id: string | null; data: unknown; ip: string | null; created_at: Date;
  }>(`select id, actor_type, actor_id, merchant_id, action, target_type, target_id, data, ip, created_at from audit_log
       where ${conds.join(' and ')} order by ${c.order} limit ${c.limit}`, params);
  return toPage(rows.map((r) => ({ ...r, object: 'audit_entry' as const, created_at: r.created_at.toISOString() })), query);
}
