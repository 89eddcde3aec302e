// The shop resets a license: every machine is deactivated, the seats are
// free again (a buyer who changed computers). Audited.
import { withTransaction } from '../../db/client.ts';
import { actorLabel, shopOf, type Ctx } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';
import { loadShopLicense, presentShopLicense } from './shop-license-rows.ts';

export async function resetLicense(ctx: Ctx, { licenseId }: { licenseId: string }) {
  const merchantId = shopOf(ctx);
  const now = ctx.clock.now();
  return withTransaction(ctx.database.pool, async (q) => {
    await loadShopLicense(q, merchantId, licenseId, true);
    const { rowCount } = await q.query(
      `update license_instances set deactivated_at = $2, deactivated_by = $3 where license_id = $1 and deactivated_at is null`, [licenseId, now, actorLabel(ctx.actor)]);
    await q.query('update licenses set activation_usage = 0 where id = $1 and merchant_id = $2', [licenseId, merchantId]);
    await writeAudit(q, ctx.actor, now, { action: 'license.reset', targetType: 'license', targetId: licenseId, merchantId, data: { deactivated: rowCount ?? 0 } });
    return presentShopLicense(ctx.keyring, await loadShopLicense(q, merchantId, licenseId), now);
  });
}
