// The ways to pay a shop offers a buyer at checkout: every enabled platform
// gateway (and the sandbox when it is on), narrowed by the shop's own list.
import { notFound } from '../../lib/errors.ts';
import type { Services } from '../shared/context.ts';
import { toConfig, type GatewayConfigRow } from './gateway-configs.ts';

export interface ShopGateway {
  gateway: string;
  title: string;
  methods: string[];
  currencies: string[] | null;
  fee_bps: number;
  fee_fixed: number;
  min_amount: number | null;
  max_amount: number | null;
}

export async function listShopGateways(s: Services, shopSlug: string): Promise<ShopGateway[]> {
  const { rows: shops } = await s.database.pool.query<{ gateways: string[] | null }>(
    `select gateways from merchants where slug = $1 and status = 'active'`, [shopSlug]);
  const shop = shops[0];
  if (!shop) throw notFound('shop');
  const { rows } = await s.database.pool.query<GatewayConfigRow>('select * from gateway_configs where enabled order by gateway');
  const out: ShopGateway[] = [];
  if (s.config.sandboxEnabled) {
    out.push({ gateway: 'sandbox', title: 'Sandbox (no real money)', methods: [], currencies: null, fee_bps: 0, fee_fixed: 0, min_amount: null, max_amount: null });
  }
  for (const row of rows) {
    const c = toConfig(s.keyring, row);
    if (!c?.enabled) continue;
    out.push({
      gateway: c.gateway, title: c.adapter.title, methods: c.methods, currencies: c.adapter.currencies ? [...c.adapter.currencies] : null,
      fee_bps: c.feeBps, fee_fixed: c.feeFixed, min_amount: c.minAmount, max_amount: c.maxAmount,
    });
  }
  return shop.gateways === null ? out : out.filter((g) => shop.gateways!.includes(g.gateway));
}
