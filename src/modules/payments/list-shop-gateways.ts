// The ways to pay a shop offers a buyer at checkout: every enabled platform
// gateway (and the sandbox when it is on) plus the shop's own gateway
// accounts, narrowed by the shop's own list.
import { notFound } from '../../lib/errors.ts';
import type { Ctx, Services } from '../shared/context.ts';
import { toConfig, type GatewayConfig, type GatewayConfigRow, environmentGatewayConfig } from './gateways/gateway-configs.ts';

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

export async function listShopGateways(s: Ctx, { shopSlug }: { shopSlug: string }): Promise<ShopGateway[]> {
  const { rows: shops } = await s.database.pool.query<{ id: string; gateways: string[] | null }>(
    `select id, gateways from merchants where slug = $1 and status = 'active'`, [shopSlug]);
  const shop = shops[0];
  if (!shop) throw notFound('shop');
  const configs = await usableConfigs(s, shop.id);
  const out: ShopGateway[] = [];
  for (const c of configs.values()) {
    out.push({
      gateway: c.gateway, title: c.adapter.title, methods: c.methods, currencies: c.adapter.currencies ? [...c.adapter.currencies] : null,
      fee_bps: c.feeBps, fee_fixed: c.feeFixed, min_amount: c.minAmount, max_amount: c.maxAmount,
    });
  }
  const narrowed = shop.gateways;
  return narrowed === null ? out : out.filter((g) => narrowed.includes(g.gateway));
}

/**
 * The enabled configuration per gateway for a shop: its own where it has one
 * (and the platform still lets shops configure that gateway), else the platform's.
 */
export async function usableConfigs(s: Services, merchantId: string, gateway?: string): Promise<Map<string, GatewayConfig>> {
  const { rows } = await s.database.pool.query<GatewayConfigRow & { platform_allows: boolean }>(
    `select c.*, coalesce(p.merchant_configurable, false) as platform_allows
       from gateway_configs c left join gateway_configs p on p.gateway = c.gateway and p.merchant_id is null
      where c.enabled and (c.merchant_id is null or c.merchant_id = $1) and ($2::text is null or c.gateway = $2)
      order by c.gateway, c.merchant_id nulls last`, [merchantId, gateway ?? null]);
  const out = new Map<string, GatewayConfig>();
  // Gateways set from the environment (the sandbox, when on) first: every shop may use them.
  const sandbox = environmentGatewayConfig(s, 'sandbox');
  if (sandbox?.enabled && (gateway === undefined || gateway === sandbox.gateway)) out.set(sandbox.gateway, sandbox);
  for (const row of rows) {
    if (row.merchant_id !== null && !row.platform_allows) continue;
    if (out.has(row.gateway)) continue; // the shop's own came first
    const c = toConfig(s.keyring, row);
    if (c?.enabled) out.set(c.gateway, c);
  }
  return out;
}
