// Disputes as stored and as shown (DESIGN §13: `{id:"dsp_…", status}` plus
// the order, the deadline, the outcome and the timeline). Everyone who may
// see a dispute — the buyer with the order token, the shop, the platform —
// sees the same timeline.
import type { Queryable } from '../../db/client.ts';
import type { RowOf } from '../../db/rows.ts';
import type { disputeMessages, disputes } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import { minorUnits } from '../../lib/money.ts';
import type { Attachment } from './dispute-attachments.ts';

export const DISPUTE_REASONS = ['key_invalid', 'not_as_described', 'not_received', 'other'] as const;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];
export type DisputeStatus = 'open' | 'escalated' | 'resolved';
export type DisputeOutcome = 'refund' | 'partial_refund' | 'reject' | 'merchant_refund' | 'withdrawn';
export type MessageAuthor = 'buyer' | 'merchant' | 'admin' | 'system';

/**
 * What a system line says, so each reader's page can say it in their
 * language (the stored `body` is the English and Chinese text for everyone
 * else: the API, emails, older pages).
 */
export const DISPUTE_EVENTS = [
  'escalated_by_buyer', 'escalated_by_shop', 'escalated_unanswered', 'withdrawn', 'replaced',
  'refunded_full', 'ruled_partial_refund', 'ruled_reject', 'ruled_refund_already', 'ruling_refund_failed',
] as const;
export type DisputeEvent = { kind: (typeof DISPUTE_EVENTS)[number]; data?: { amount?: number; currency?: string; count?: number; message?: string } };

export type DisputeRow = Omit<RowOf<typeof disputes>, 'status' | 'reason' | 'outcome' | 'ruling' | 'updated_at'> & {
  status: DisputeStatus; reason: DisputeReason; outcome: DisputeOutcome | null; ruling: 'refund' | 'partial_refund' | null;
  order_number: string; order_status: string; order_total: string; currency: string; shop_slug: string; shop_name: string;
};

export type MessageRow = Pick<RowOf<typeof disputeMessages>, 'id' | 'body' | 'attachment_type' | 'created_at'> & {
  author: MessageAuthor; has_attachment: boolean; event: DisputeEvent['kind'] | null; event_data: DisputeEvent['data'] | null;
};

export const DISPUTE_SELECT = `select d.id, d.order_id, d.merchant_id, d.status, d.reason, d.outcome, d.refund_amount, d.respond_by, d.ruling, d.ruling_amount,
    d.merchant_responded_at, d.escalated_at, d.resolved_at, d.resolved_by, d.created_at,
    o.number as order_number, o.status as order_status, o.total as order_total, o.currency, m.slug as shop_slug, m.name as shop_name
  from disputes d join orders o on o.id = d.order_id join merchants m on m.id = d.merchant_id`;

export function presentDispute(r: DisputeRow, messages: MessageRow[] | undefined, attachmentUrl?: (messageId: string) => string) {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: r.id, object: 'dispute' as const, status: r.status, reason: r.reason, outcome: r.outcome,
    refund_amount: r.refund_amount === null ? null : minorUnits(r.refund_amount),
    order: { id: r.order_id, number: r.order_number, status: r.order_status, total: minorUnits(r.order_total), currency: r.currency },
    shop: { slug: r.shop_slug, name: r.shop_name },
    merchant_id: r.merchant_id,
    /** The shop answers by then, or the platform takes the dispute over. */
    respond_by: r.respond_by.toISOString(), merchant_responded_at: iso(r.merchant_responded_at),
    escalated_at: iso(r.escalated_at), resolved_at: iso(r.resolved_at), created_at: r.created_at.toISOString(),
    /** The platform ruled for a refund that the gateway has not confirmed yet; the dispute closes when it does. */
    pending_ruling: r.ruling ? { outcome: r.ruling, amount: r.ruling_amount === null ? null : minorUnits(r.ruling_amount) } : null,
    ...(messages ? {
      messages: messages.map((m) => ({
        id: m.id, author: m.author, body: m.body, created_at: m.created_at.toISOString(),
        event: m.event ? { kind: m.event, data: m.event_data ?? {} } : null,
        attachment: m.has_attachment && attachmentUrl ? { url: attachmentUrl(m.id), type: m.attachment_type } : null,
      })),
    } : {}),
  };
}
export type DisputeView = ReturnType<typeof presentDispute>;

export async function loadDispute(q: Queryable, where: string, params: unknown[], lock = false): Promise<DisputeRow | undefined> {
  const { rows } = await q.query<DisputeRow>(`${DISPUTE_SELECT} where ${where}${lock ? ' for update of d' : ''}`, params);
  return rows[0];
}

export async function loadMessages(q: Queryable, disputeId: string): Promise<MessageRow[]> {
  const { rows } = await q.query<MessageRow>(
    `select id, author, body, attachment_data is not null as has_attachment, attachment_type, event, event_data, created_at
       from dispute_messages where dispute_id = $1 order by id`, [disputeId]);
  return rows;
}

/** Adds a line to the timeline; a shop's first message counts as its answer (the deadline no longer applies). */
export async function addMessage(q: Queryable, d: { id: string; merchant_id: string }, m: {
  author: MessageAuthor; body: string; at: Date; attachment?: Attachment; event?: DisputeEvent;
}): Promise<string> {
  const id = newId('dmsg', m.at.getTime());
  await q.query(
    `insert into dispute_messages (id, dispute_id, merchant_id, author, body, attachment_data, attachment_type, event, event_data, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [id, d.id, d.merchant_id, m.author, m.body, m.attachment?.data ?? null, m.attachment?.type ?? null, m.event?.kind ?? null,
      m.event ? JSON.stringify(m.event.data ?? {}) : null, m.at]);
  if (m.author === 'merchant') {
    await q.query('update disputes set merchant_responded_at = coalesce(merchant_responded_at, $2), updated_at = $2 where id = $1', [d.id, m.at]);
  }
  return id;
}

/** Closes the dispute with its outcome; false if it was already closed. */
export async function markResolved(q: Queryable, disputeId: string, r: { outcome: DisputeOutcome; amount?: number; by: string; at: Date }): Promise<boolean> {
  const { rowCount } = await q.query(
    `update disputes set status = 'resolved', outcome = $2, refund_amount = $3, resolved_by = $4, resolved_at = $5, updated_at = $5,
            ruling = null, ruling_amount = null
      where id = $1 and status <> 'resolved'`, [disputeId, r.outcome, r.amount ?? null, r.by, r.at]);
  return (rowCount ?? 0) > 0;
}

/** The dispute as everyone sees it now, with its timeline (it must exist). */
export async function disputeView(q: Queryable, disputeId: string, attachmentUrl: (messageId: string) => string): Promise<DisputeView> {
  const d = await loadDispute(q, 'd.id = $1', [disputeId]);
  if (!d) throw new Error(`no dispute ${disputeId}`);
  return presentDispute(d, await loadMessages(q, disputeId), attachmentUrl);
}
