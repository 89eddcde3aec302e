// POST /licenses/activate (Lemon Squeezy's): one more machine on a license.
// The seat is taken by one conditional update of the license row, so no
// number of concurrent activations gets past the limit.
import { prepared } from '../../db/client.ts';
import { newId } from '../../lib/ids.ts';
import { buyerOf, type Ctx } from '../shared/context.ts';
import { hitLicenseLimit } from './license-rate-limit.ts';
import {
  LICENSE_BY_KEY, NOT_FOUND, presentInstance, presentLicenseKey, presentMeta, unusable, type InstanceRow, type LicenseAnswer, type LicenseRow,
} from './license-rows.ts';
import { LICENSED_ORDER_STATUSES } from './license-status.ts';

export interface ActivateLicenseInput { license_key: string; instance_name: string }

export async function activateLicense(ctx: Ctx, input: ActivateLicenseInput): Promise<LicenseAnswer> {
  const now = ctx.clock.now();
  await hitLicenseLimit(ctx, buyerOf(ctx).ip, now);
  type Row = LicenseRow & { new_usage: number | null; instance_id: string | null; instance_name: string | null; instance_created_at: Date | null };
  const { rows } = await prepared<Row>(ctx.database.pool,
    `with l as (${LICENSE_BY_KEY}),
          up as (update licenses x set activation_usage = x.activation_usage + 1
                   from l
                  where x.id = l.id and x.status = 'active' and l.order_status = any($4)
                    and (x.expires_at is null or x.expires_at > $3)
                    and (x.activation_limit is null or x.activation_usage < x.activation_limit)
                 returning x.id, x.activation_usage),
          ins as (insert into license_instances (id, license_id, name, created_at)
                  select $2, up.id, $5, $3 from up returning id, name, created_at)
     select l.*, (select activation_usage from up) as new_usage, ins.id as instance_id, ins.name as instance_name, ins.created_at as instance_created_at
       from l left join ins on true`,
    [ctx.keyring.licenseKeyHash(input.license_key), newId('lin', now.getTime()), now, LICENSED_ORDER_STATUSES, input.instance_name]);
  const l = rows[0];
  if (!l) return { httpStatus: 404, body: { activated: false, error: NOT_FOUND, license_key: null, instance: null, meta: null } };
  if (l.new_usage === null || l.instance_id === null || l.instance_name === null || l.instance_created_at === null) {
    // Refused: answer with the license as it is now (other activations may have taken the seats meanwhile).
    const { rows: fresh } = await prepared<LicenseRow>(ctx.database.pool, LICENSE_BY_KEY, [ctx.keyring.licenseKeyHash(input.license_key)]);
    const current = fresh[0] ?? l;
    const error = unusable(current, now) ?? 'This license key has reached the activation limit.';
    return { httpStatus: 400, body: { activated: false, error, license_key: presentLicenseKey(ctx.keyring, current, now), instance: null, meta: presentMeta(current) } };
  }
  const instance: InstanceRow = { id: l.instance_id, name: l.instance_name, created_at: l.instance_created_at };
  return {
    httpStatus: 200,
    body: { activated: true, error: null, license_key: presentLicenseKey(ctx.keyring, l, now, l.new_usage), instance: presentInstance(instance), meta: presentMeta(l) },
  };
}
