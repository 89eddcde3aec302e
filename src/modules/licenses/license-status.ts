// A license key's status as the license API and the buyer's order page show
// it (Lemon Squeezy's four): disabled (revoked by the shop, or its order
// refunded), expired, active (on at least one machine) or inactive.
export type LicenseStatus = 'inactive' | 'active' | 'expired' | 'disabled';

/** The order states in which a sold license holds (a refund in full ends it). */
export const LICENSED_ORDER_STATUSES = ['delivered', 'completed', 'disputed', 'partially_refunded'];

export interface LicenseState { status: string; order_status: string; expires_at: Date | string | null; activation_usage: number }

export function licenseStatus(l: LicenseState, now: Date): LicenseStatus {
  if (l.status !== 'active' || !LICENSED_ORDER_STATUSES.includes(l.order_status)) return 'disabled';
  if (l.expires_at !== null && new Date(l.expires_at).getTime() <= now.getTime()) return 'expired';
  return l.activation_usage > 0 ? 'active' : 'inactive';
}
