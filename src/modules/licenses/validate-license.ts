// POST /licenses/validate (Lemon Squeezy's): is this key (on this machine) good now?
import { prepared } from '../../db/client.ts';
import { buyerOf, type Ctx } from '../shared/context.ts';
import { hitLicenseLimit } from './license-rate-limit.ts';
import { LICENSE_BY_KEY, NOT_FOUND, presentInstance, presentLicenseKey, presentMeta, unusable, type LicenseAnswer, type LicenseRow } from './license-rows.ts';

export interface ValidateLicenseInput { license_key: string; instance_id?: string | undefined }

export async function validateLicense(ctx: Ctx, input: ValidateLicenseInput): Promise<LicenseAnswer> {
  const now = ctx.clock.now();
  await hitLicenseLimit(ctx, buyerOf(ctx).ip, now);
  type Row = LicenseRow & { instance_id: string | null; instance_name: string | null; instance_created_at: Date | null };
  const { rows } = await prepared<Row>(ctx.database.pool,
    `with l as (${LICENSE_BY_KEY})
     select l.*, n.id as instance_id, n.name as instance_name, n.created_at as instance_created_at
       from l left join license_instances n on n.id = $2 and n.license_id = l.id and n.deactivated_at is null`,
    [ctx.keyring.licenseKeyHash(input.license_key), input.instance_id ?? null]);
  const l = rows[0];
  if (!l) return { httpStatus: 404, body: { valid: false, error: NOT_FOUND, license_key: null, instance: null, meta: null } };
  const license_key = presentLicenseKey(ctx.keyring, l, now);
  const meta = presentMeta(l);
  const instance = l.instance_id !== null && l.instance_name !== null && l.instance_created_at !== null
    ? presentInstance({ id: l.instance_id, name: l.instance_name, created_at: l.instance_created_at }) : null;
  if (input.instance_id !== undefined && instance === null) {
    return { httpStatus: 404, body: { valid: false, error: 'license_key instance not found.', license_key, instance: null, meta } };
  }
  const error = unusable(l, now);
  return { httpStatus: 200, body: { valid: error === undefined, error: error ?? null, license_key, instance, meta } };
}
