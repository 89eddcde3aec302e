// POST /licenses/deactivate (Lemon Squeezy's): frees the seat of one machine.
// The license row is locked first (like every change to a license: reset,
// revoke, activate), then the machine is marked and the seat given back, so
// deactivating one machine twice (even at once) frees one seat and never
// deadlocks with the shop resetting the license.
import { withTransaction } from '../../db/client.ts';
import { buyerOf, type Ctx } from '../shared/context.ts';
import { hitLicenseLimit } from './license-rate-limit.ts';
import { LICENSE_BY_KEY, NOT_FOUND, presentLicenseKey, presentMeta, type LicenseAnswer, type LicenseRow } from './license-rows.ts';

export interface DeactivateLicenseInput { license_key: string; instance_id: string }

export async function deactivateLicense(ctx: Ctx, input: DeactivateLicenseInput): Promise<LicenseAnswer> {
  const now = ctx.clock.now();
  await hitLicenseLimit(ctx, buyerOf(ctx).ip, now);
  return withTransaction(ctx.database.pool, async (q) => {
    const { rows } = await q.query<LicenseRow>(`${LICENSE_BY_KEY} for update of l`, [ctx.keyring.licenseKeyHash(input.license_key)]);
    const l = rows[0];
    if (!l) return { httpStatus: 404, body: { deactivated: false, error: NOT_FOUND, license_key: null, meta: null } };
    const { rowCount } = await q.query(
      `update license_instances set deactivated_at = $3, deactivated_by = 'license_api' where id = $1 and license_id = $2 and deactivated_at is null`,
      [input.instance_id, l.id, now]);
    if (!rowCount) {
      return { httpStatus: 404, body: { deactivated: false, error: 'license_key instance not found.', license_key: presentLicenseKey(ctx.keyring, l, now), meta: presentMeta(l) } };
    }
    const { rows: up } = await q.query<{ activation_usage: number }>(
      'update licenses set activation_usage = activation_usage - 1 where id = $1 returning activation_usage', [l.id]);
    const usage = up[0]?.activation_usage ?? l.activation_usage;
    return { httpStatus: 200, body: { deactivated: true, error: null, license_key: presentLicenseKey(ctx.keyring, l, now, usage), meta: presentMeta(l) } };
  });
}
