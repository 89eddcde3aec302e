// Payouts as stored and as shown (DESIGN §13: `{id:"po_…", object:"payout",
// status, amount, currency}` plus what a shop and an admin need to see).
import type { Queryable } from '../../db/client.ts';
import type { RowOf } from '../../db/rows.ts';
import type { payouts } from '../../db/schema.ts';
import { minorUnits } from '../../lib/money.ts';
import type { AccountRef } from '../money/ledger.ts';

export type PayoutStatus = 'pending' | 'approved' | 'paid' | 'rejected';

export type PayoutRow = Omit<RowOf<typeof payouts>, 'status' | 'updated_at'> & { status: PayoutStatus; shop_slug?: string; shop_name?: string; shop_status?: string };

export const PAYOUT_COLUMNS = `po.id, po.merchant_id, po.amount, po.fee, po.currency, po.status, po.destination_id, po.destination_masked,
  po.reference, po.reason, po.requested_by, po.created_at, po.approved_at, po.paid_at, po.rejected_at`;

export function presentPayout(r: PayoutRow) {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: r.id, object: 'payout' as const, status: r.status, amount: minorUnits(r.amount), currency: r.currency,
    /** The platform's payout fee, out of `amount`. */
    fee: minorUnits(r.fee),
    /** What reaches the destination: amount − fee. */
    net: minorUnits(r.amount) - minorUnits(r.fee),
    merchant_id: r.merchant_id,
    ...(r.shop_slug ? { shop: { slug: r.shop_slug, name: r.shop_name ?? r.shop_slug, status: r.shop_status ?? 'active' } } : {}),
    destination: r.destination_id ? { id: r.destination_id, masked: r.destination_masked } : null,
    reference: r.reference, reason: r.reason, requested_by: r.requested_by,
    created_at: r.created_at.toISOString(), approved_at: iso(r.approved_at), paid_at: iso(r.paid_at), rejected_at: iso(r.rejected_at),
  };
}
export type PayoutView = ReturnType<typeof presentPayout>;

/** Locks a payout row (an admin decision); scoped to a merchant when given. */
export async function lockPayout(q: Queryable, id: string, merchantId?: string): Promise<PayoutRow | undefined> {
  const { rows } = await q.query<PayoutRow>(
    `select ${PAYOUT_COLUMNS} from payouts po where po.id = $1 and ($2::text is null or po.merchant_id = $2) for update`, [id, merchantId ?? null]);
  return rows[0];
}

export function available(merchantId: string, currency: string): AccountRef {
  return { kind: 'merchant_available', owner: merchantId, merchantId, currency };
}
export function inFlight(merchantId: string, currency: string): AccountRef {
  return { kind: 'payouts_in_flight', owner: merchantId, merchantId, currency };
}
export function payoutFees(currency: string): AccountRef {
  return { kind: 'platform_revenue', owner: 'payout_fees', merchantId: null, currency };
}

/** The one row an `insert … returning` or `update … returning` must give back. */
export function returned<T>(rows: T[]): T {
  const r = rows[0];
  if (!r) throw new Error('the statement returned no row');
  return r;
}
