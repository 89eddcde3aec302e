// The license API is public and its key is the credential: calls are counted
// per address (an IPv6 /64), XIAOPU_LICENSE_LIMIT_PER_MINUTE a minute.
import { addressKey } from '../../lib/client-address.ts';
import type { Ctx } from '../shared/context.ts';
import { hitRateLimit } from '../trust/rate-limit.ts';

export async function hitLicenseLimit(ctx: Ctx, ip: string, now: Date): Promise<void> {
  await hitRateLimit(ctx.database.pool, now, `license:ip:${addressKey(ip)}`, ctx.config.licensePerMinute, 60);
}
