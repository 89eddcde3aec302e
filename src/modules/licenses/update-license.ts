// The shop changes one sold license: extends (or ends) its validity, changes
// its activation limit (never below the machines active now: deactivate or
// reset first). Audited.
import { z } from 'zod';
import { withTransaction } from '../../db/client.ts';
import { validationError } from '../../lib/errors.ts';
import { shopOf, type Ctx } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';
import { loadShopLicense, presentShopLicense } from './shop-license-rows.ts';

export const UpdateLicenseInput = z.object({
  activation_limit: z.number().int().min(1).max(100_000).nullable().optional().describe('Machines at once; null: no limit'),
  expires_at: z.iso.datetime({ offset: true }).nullable().optional().describe('A new end (ISO 8601); null: never expires'),
  extend_days: z.number().int().min(1).max(3650).optional().describe('Adds this many days to the end (from now if it has already passed)'),
}).refine((u) => u.expires_at === undefined || u.extend_days === undefined, { message: 'give expires_at or extend_days, not both', path: ['extend_days'] });
export type UpdateLicenseInput = z.infer<typeof UpdateLicenseInput>;

/** Ends later than this are refused: clients parse four-digit years. */
const LATEST = Date.UTC(2100, 0, 1);

export async function updateLicense(ctx: Ctx, input: UpdateLicenseInput & { licenseId: string }) {
  const merchantId = shopOf(ctx);
  const now = ctx.clock.now();
  return withTransaction(ctx.database.pool, async (q) => {
    const current = await loadShopLicense(q, merchantId, input.licenseId, true);
    let expiresAt = current.expires_at;
    if (input.expires_at !== undefined) expiresAt = input.expires_at === null ? null : new Date(input.expires_at);
    if (input.extend_days !== undefined) {
      const from = expiresAt && expiresAt.getTime() > now.getTime() ? expiresAt : now;
      expiresAt = new Date(from.getTime() + input.extend_days * 86_400_000);
    }
    if (expiresAt && expiresAt.getTime() >= LATEST) throw validationError('a license ends before the year 2100', input.extend_days !== undefined ? 'extend_days' : 'expires_at');
    const limit = input.activation_limit === undefined ? current.activation_limit : input.activation_limit;
    if (limit !== null && limit < current.activation_usage) {
      throw validationError(`${current.activation_usage} machines are active now; deactivate some or reset the license first`, 'activation_limit');
    }
    await q.query('update licenses set expires_at = $3, activation_limit = $4 where id = $1 and merchant_id = $2', [input.licenseId, merchantId, expiresAt, limit]);
    await writeAudit(q, ctx.actor, now, {
      action: 'license.update', targetType: 'license', targetId: input.licenseId, merchantId,
      data: { expires_at: expiresAt?.toISOString() ?? null, activation_limit: limit },
    });
    return presentShopLicense(ctx.keyring, await loadShopLicense(q, merchantId, input.licenseId), now);
  });
}
