// "Test connection": a harmless authenticated call to the gateway with the
// saved settings, so an admin learns of a wrong key before a buyer does.
import { withTransaction } from '../../db/client.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { merchantScope, type Ctx } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';
import { GatewayError } from './gateways/gateway-adapter.ts';
import { loadGatewayConfig } from './gateways/gateway-configs.ts';

/** `merchantId` null tests the platform's configuration; a shop id, that shop's own. */
/** The platform's configuration for an admin; the shop's own for a member or API key (`merchantScope`). */
export async function testGateway(ctx: Ctx, gateway: string): Promise<{ ok: boolean; message: string }> {
  const merchantId = merchantScope(ctx.actor) ?? null;
  const config = await loadGatewayConfig(ctx.database.pool, ctx.keyring, gateway, merchantId);
  if (!config) throw notFound('gateway configuration');
  if (!config.adapter.testConnection) {
    throw new AppError(422, 'not_supported', `${config.adapter.title} has no API to test a connection with.`);
  }
  if (config.settings === undefined) throw new AppError(409, 'gateway_not_configured', 'The saved settings are incomplete.');
  let result: { ok: boolean; message: string };
  try {
    result = await config.adapter.testConnection(config.settings);
  } catch (err) {
    if (!(err instanceof GatewayError)) throw err;
    result = { ok: false, message: err.message };
  }
  await withTransaction(ctx.database.pool, (q) => writeAudit(q, ctx.actor, ctx.clock.now(), {
    action: 'gateway.test', targetType: 'gateway', targetId: gateway, merchantId: merchantId ?? undefined, data: { ok: result.ok },
  }));
  return result;
}
