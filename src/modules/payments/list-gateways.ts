// Gateways as admins see them: every adapter XiaoPu ships, configured or not.
import { notFound } from '../../lib/errors.ts';
import { shopOf, type Ctx, type Services } from '../shared/context.ts';
import { ADAPTER_NAMES, adapterFor } from './gateways/adapters/index.ts';
import { configNotifyUrl, gatewayView, toConfig, type GatewayConfigRow, type GatewayView } from './gateways/gateway-configs.ts';

export async function listGateways(s: Services): Promise<GatewayView[]> {
  const { rows } = await s.database.pool.query<GatewayConfigRow>('select * from gateway_configs where merchant_id is null');
  const byName = new Map(rows.map((r) => [r.gateway, r]));
  return ADAPTER_NAMES.map((name) => {
    const row = byName.get(name);
    return gatewayView(name, row ? toConfig(s.keyring, row) : undefined, notifyUrl(s, name));
  });
}

export async function getGateway(s: Services, gateway: string): Promise<GatewayView> {
  if (!adapterFor(gateway)) throw notFound('gateway');
  const { rows } = await s.database.pool.query<GatewayConfigRow>('select * from gateway_configs where gateway = $1 and merchant_id is null', [gateway]);
  return gatewayView(gateway, rows[0] ? toConfig(s.keyring, rows[0]) : undefined, notifyUrl(s, gateway));
}

export function notifyUrl(s: Services, gateway: string): string {
  return `${s.config.publicUrl}/api/v1/payments/${gateway}/notify`;
}

/** A shop's view: the gateways the platform lets shops configure, with the shop's own configuration of each. */
export async function listShopOwnGateways(s: Ctx): Promise<GatewayView[]> {
  const merchantId = shopOf(s);
  const { rows } = await s.database.pool.query<GatewayConfigRow & { own: boolean }>(
    `select c.*, c.merchant_id is not null as own from gateway_configs c
      where (c.merchant_id is null and c.merchant_configurable) or c.merchant_id = $1`, [merchantId]);
  const allowed = new Set(rows.filter((r) => !r.own).map((r) => r.gateway));
  const own = new Map(rows.filter((r) => r.own).map((r) => [r.gateway, r]));
  return ADAPTER_NAMES.filter((name) => allowed.has(name)).map((name) => {
    const row = own.get(name);
    const c = row ? toConfig(s.keyring, row) : undefined;
    return gatewayView(name, c, configNotifyUrl(s.config.publicUrl, { gateway: name, id: c?.id, merchantId }));
  });
}
