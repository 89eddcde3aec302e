// Queue a dispute notice in the caller's transaction: it is sent if and only
// if the change it tells about commits. The job key makes a retried request
// one email.
import type { Queryable } from '../../db/client.ts';
import type { Services } from '../shared/context.ts';

/** What happened: who is told is decided when sending (send-dispute-email.ts). */
export type DisputeNotice = 'opened' | 'buyer_message' | 'merchant_message' | 'admin_message' | 'replacement' | 'escalated' | 'resolved';

export async function queueDisputeEmail(s: Services, q: Queryable, disputeId: string, notice: DisputeNotice, key: string): Promise<void> {
  if (!s.config.mail) return;
  await q.query(`select graphile_worker.add_job('send_dispute_email', json_build_object('dispute_id', $1::text, 'notice', $2::text),
                   job_key := $3, max_attempts := 12)`, [disputeId, notice, `dispute_email:${disputeId}:${notice}:${key}`]);
}
