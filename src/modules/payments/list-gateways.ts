// Gateways as admins see them: every adapter XiaoPu ships, configured or not.
import { notFound } from '../../lib/errors.ts';
import type { Services } from '../shared/context.ts';
import { ADAPTER_NAMES, adapterFor } from './adapters/index.ts';
import { gatewayView, toConfig, type GatewayConfigRow, type GatewayView } from './gateway-configs.ts';

export async function listGateways(s: Services): Promise<GatewayView[]> {
  const { rows } = await s.database.pool.query<GatewayConfigRow>('select * from gateway_configs');
  const byName = new Map(rows.map((r) => [r.gateway, r]));
  return ADAPTER_NAMES.map((name) => {
    const row = byName.get(name);
    return gatewayView(name, row ? toConfig(s.keyring, row) : undefined, notifyUrl(s, name));
  });
}

export async function getGateway(s: Services, gateway: string): Promise<GatewayView> {
  if (!adapterFor(gateway)) throw notFound('gateway');
  const { rows } = await s.database.pool.query<GatewayConfigRow>('select * from gateway_configs where gateway = $1', [gateway]);
  return gatewayView(gateway, rows[0] ? toConfig(s.keyring, rows[0]) : undefined, notifyUrl(s, gateway));
}

export function notifyUrl(s: Services, gateway: string): string {
  return `${s.config.publicUrl}/api/v1/payments/${gateway}/notify`;
}
