// POST /licenses/deactivate (Lemon Squeezy's): frees the seat of one machine.
// The instance is marked in the same statement that gives the seat back, so
// deactivating one machine twice (even at once) frees one seat.
import { prepared } from '../../db/client.ts';
import { buyerOf, type Ctx } from '../shared/context.ts';
import { hitLicenseLimit } from './license-rate-limit.ts';
import { LICENSE_BY_KEY, NOT_FOUND, presentLicenseKey, presentMeta, type LicenseAnswer, type LicenseRow } from './license-rows.ts';

export interface DeactivateLicenseInput { license_key: string; instance_id: string }

export async function deactivateLicense(ctx: Ctx, input: DeactivateLicenseInput): Promise<LicenseAnswer> {
  const now = ctx.clock.now();
  await hitLicenseLimit(ctx, buyerOf(ctx).ip, now);
  const { rows } = await prepared<LicenseRow & { new_usage: number | null }>(ctx.database.pool,
    `with l as (${LICENSE_BY_KEY}),
          d as (update license_instances n set deactivated_at = $3, deactivated_by = 'license_api'
                 where n.id = $2 and n.license_id = (select id from l) and n.deactivated_at is null returning n.license_id),
          up as (update licenses x set activation_usage = x.activation_usage - 1 where x.id = (select license_id from d) returning x.activation_usage)
     select l.*, (select activation_usage from up) as new_usage from l`,
    [ctx.keyring.licenseKeyHash(input.license_key), input.instance_id, now]);
  const l = rows[0];
  if (!l) return { httpStatus: 404, body: { deactivated: false, error: NOT_FOUND, license_key: null, meta: null } };
  if (l.new_usage === null) {
    return { httpStatus: 404, body: { deactivated: false, error: 'license_key instance not found.', license_key: presentLicenseKey(ctx.keyring, l, now), meta: presentMeta(l) } };
  }
  return { httpStatus: 200, body: { deactivated: true, error: null, license_key: presentLicenseKey(ctx.keyring, l, now, l.new_usage), meta: presentMeta(l) } };
}
