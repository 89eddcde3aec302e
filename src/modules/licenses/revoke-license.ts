// The shop revokes a license (it stops validating and activating at once) or
// restores it. Audited.
import { z } from 'zod';
import { withTransaction } from '../../db/client.ts';
import { shopOf, type Ctx } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';
import { loadShopLicense, presentShopLicense } from './shop-license-rows.ts';

export const RevokeLicenseInput = z.object({ reason: z.string().trim().min(1).max(500).optional().describe('Why (kept on the license, shown in the console)') });

export async function revokeLicense(ctx: Ctx, input: z.infer<typeof RevokeLicenseInput> & { licenseId: string; revoke: boolean }) {
  const merchantId = shopOf(ctx);
  const now = ctx.clock.now();
  return withTransaction(ctx.database.pool, async (q) => {
    await loadShopLicense(q, merchantId, input.licenseId, true);
    await q.query(
      input.revoke
        ? `update licenses set status = 'disabled', disabled_at = $3, disabled_reason = $4 where id = $1 and merchant_id = $2`
        : `update licenses set status = 'active', disabled_at = null, disabled_reason = null where id = $1 and merchant_id = $2`,
      input.revoke ? [input.licenseId, merchantId, now, input.reason ?? null] : [input.licenseId, merchantId]);
    await writeAudit(q, ctx.actor, now, {
      action: input.revoke ? 'license.revoke' : 'license.restore', targetType: 'license', targetId: input.licenseId, merchantId,
      data: input.reason ? { reason: input.reason } : {},
    });
    return presentShopLicense(ctx.keyring, await loadShopLicense(q, merchantId, input.licenseId), now);
  });
}
