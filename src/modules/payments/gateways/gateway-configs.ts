// Reading gateway configurations. Secret settings are sealed at rest and only
// opened here, for the adapter; views for people never contain them.
import { z } from 'zod';
import { minorUnits } from '../../../lib/money.ts';
import type { Queryable } from '../../../db/client.ts';
import type { Services } from '../../shared/context.ts';
import type { Keyring } from '../../../lib/crypto.ts';
import { adapterFor } from './adapters/index.ts';
import type { GatewayAdapter } from './gateway-adapter.ts';
import { restrictToPublicAddresses } from './gateway-http.ts';
import type { RowOf } from '../../../db/rows.ts';
import type { gatewayConfigs } from '../../../db/schema.ts';

/** A gateway_configs row (types from the schema; `settings` is the adapter's JSON object). */
export type GatewayConfigRow = Pick<RowOf<typeof gatewayConfigs>, 'id' | 'gateway' | 'merchant_id' | 'merchant_configurable' | 'enabled' | 'secrets'
  | 'secrets_key_id' | 'methods' | 'min_amount' | 'max_amount' | 'fee_bps' | 'fee_fixed' | 'active_query' | 'updated_at'> & { settings: Record<string, unknown> };

export interface GatewayConfig {
  /** The gateway_configs row; null for a gateway configured from the environment (the sandbox). */
  id: string | null;
  gateway: string;
  /** The shop that owns it; null for the platform's configuration. */
  merchantId: string | null;
  merchantConfigurable: boolean;
  adapter: GatewayAdapter<unknown>;
  enabled: boolean;
  /** Everything the adapter needs, secrets included. */
  settings: unknown;
  /** Public settings only. */
  publicSettings: Record<string, unknown>;
  secretsSet: string[];
  methods: string[];
  minAmount: number | null;
  maxAmount: number | null;
  feeBps: number;
  feeFixed: number;
  activeQuery: boolean;
  updatedAt: Date;
}

/** The platform's configuration (`merchantId` null) or a shop's own. */
export async function loadConfigRow(q: Queryable, gateway: string, merchantId: string | null, forUpdate = false): Promise<GatewayConfigRow | undefined> {
  const { rows } = await q.query<GatewayConfigRow>(
    `select * from gateway_configs where gateway = $1 and merchant_id is not distinct from $2${forUpdate ? ' for update' : ''}`, [gateway, merchantId]);
  return rows[0];
}

export function openSecrets(keyring: Keyring, row: Pick<GatewayConfigRow, 'secrets' | 'secrets_key_id'>): Record<string, unknown> {
  if (!row.secrets || !row.secrets_key_id) return {};
  return JSON.parse(keyring.open({ keyId: row.secrets_key_id, ciphertext: Buffer.from(row.secrets, 'base64') })) as Record<string, unknown>;
}

export function toConfig(keyring: Keyring, row: GatewayConfigRow): GatewayConfig | undefined {
  const platformAdapter = adapterFor(row.gateway);
  if (!platformAdapter) return undefined;
  // A shop's own account talks only to public addresses (gateway-http.ts).
  const adapter = row.merchant_id ? restrictToPublicAddresses(platformAdapter) : platformAdapter;
  const secrets = openSecrets(keyring, row);
  const merged = adapter.settingsSchema.safeParse({ ...row.settings, ...secrets });
  return {
    id: row.id,
    gateway: row.gateway,
    merchantId: row.merchant_id,
    merchantConfigurable: row.merchant_configurable,
    adapter,
    // Settings saved by an older version that no longer validate keep the gateway off rather than half-working.
    enabled: row.enabled && merged.success,
    settings: merged.success ? merged.data : undefined,
    publicSettings: row.settings,
    secretsSet: Object.keys(secrets).filter((k) => secrets[k] !== undefined && secrets[k] !== ''),
    methods: row.methods ?? [...adapter.methods],
    minAmount: row.min_amount === null ? null : minorUnits(row.min_amount),
    maxAmount: row.max_amount === null ? null : minorUnits(row.max_amount),
    feeBps: row.fee_bps,
    feeFixed: minorUnits(row.fee_fixed),
    activeQuery: row.active_query,
    updatedAt: row.updated_at,
  };
}

/**
 * A gateway configured from the environment rather than stored (the sandbox:
 * XIAOPU_SANDBOX_ENABLED, XIAOPU_SANDBOX_SECRET); undefined for any other.
 * Off, it is still returned, disabled and without settings, so a notify or
 * refund for it is refused for that reason.
 */
export function environmentGatewayConfig(s: Pick<Services, 'config' | 'keyring'>, gateway: string): GatewayConfig | undefined {
  const adapter = adapterFor(gateway);
  if (!adapter?.fromEnvironment) return undefined;
  const enabled = gateway === 'sandbox' && s.config.sandboxEnabled;
  const settings = adapter.settingsSchema.safeParse({ secret: s.keyring.sandboxSecret });
  return {
    id: null, gateway, merchantId: null, merchantConfigurable: false, adapter,
    enabled: enabled && settings.success, settings: enabled && settings.success ? settings.data : undefined,
    publicSettings: {}, secretsSet: ['secret'], methods: [...adapter.methods],
    minAmount: null, maxAmount: null, feeBps: 0, feeFixed: 0, activeQuery: false, updatedAt: new Date(0),
  };
}

/** The platform's configuration of a gateway: from the environment (the sandbox) or stored. */
export async function platformGatewayConfig(s: Pick<Services, 'config' | 'keyring' | 'database'>, gateway: string): Promise<GatewayConfig | undefined> {
  return environmentGatewayConfig(s, gateway) ?? loadGatewayConfig(s.database.pool, s.keyring, gateway);
}

/** The configuration a payment was opened with: its stored row, or the environment's for the sandbox. */
export async function paymentGatewayConfig(
  s: Pick<Services, 'config' | 'keyring'>, q: Queryable, pay: { gateway: string; gatewayConfigId: string | null },
): Promise<GatewayConfig | undefined> {
  if (pay.gatewayConfigId) return loadGatewayConfigById(q, s.keyring, pay.gatewayConfigId);
  return environmentGatewayConfig(s, pay.gateway);
}

/** The platform's configuration of a gateway, or with `merchantId` the shop's own. */
export async function loadGatewayConfig(q: Queryable, keyring: Keyring, gateway: string, merchantId: string | null = null): Promise<GatewayConfig | undefined> {
  const row = await loadConfigRow(q, gateway, merchantId);
  return row ? toConfig(keyring, row) : undefined;
}

export async function loadGatewayConfigById(q: Queryable, keyring: Keyring, id: string): Promise<GatewayConfig | undefined> {
  const { rows } = await q.query<GatewayConfigRow>('select * from gateway_configs where id = $1', [id]);
  return rows[0] ? toConfig(keyring, rows[0]) : undefined;
}

/** Where the gateway sends notifies for this configuration: the platform's at the plain URL, a shop's own under its id. */
export function configNotifyUrl(publicUrl: string, c: { gateway: string; id?: string | null; merchantId?: string | null }): string {
  const base = `${publicUrl}/api/v1/payments/${c.gateway}/notify`;
  return c.merchantId && c.id ? `${base}/${c.id}` : base;
}

/** The fee a buyer pays on top of `total` for this gateway: basis points (rounded half up) plus the fixed part. */
export function gatewayFee(c: Pick<GatewayConfig, 'feeBps' | 'feeFixed'>, total: number): number {
  return Math.floor((total * c.feeBps + 5000) / 10000) + c.feeFixed;
}

/** What admins see: settings without secrets, and which secrets are set. */
export function gatewayView(gateway: string, c: GatewayConfig | undefined, notifyUrl: string) {
  const adapter = c?.adapter ?? adapterFor(gateway);
  return {
    gateway,
    object: 'gateway' as const,
    title: adapter?.title ?? gateway,
    owner: c?.merchantId ? 'shop' as const : 'platform' as const,
    enabled: c?.enabled ?? false,
    merchant_configurable: c?.merchantConfigurable ?? false,
    configured: c !== undefined && c.settings !== undefined,
    settings: c?.publicSettings ?? {},
    secrets_set: c?.secretsSet ?? [],
    secret_fields: [...(adapter?.secretFields ?? [])],
    methods: c?.methods ?? [...(adapter?.methods ?? [])],
    available_methods: [...(adapter?.methods ?? [])],
    currencies: adapter?.currencies ? [...adapter.currencies] : null,
    min_amount: c?.minAmount ?? null,
    max_amount: c?.maxAmount ?? null,
    fee_bps: c?.feeBps ?? 0,
    fee_fixed: c?.feeFixed ?? 0,
    active_query: c?.activeQuery ?? true,
    supports: {
      query: typeof adapter?.query === 'function',
      refund: typeof adapter?.refund === 'function',
      test_connection: typeof adapter?.testConnection === 'function',
    },
    notify_url: notifyUrl,
    updated_at: c?.updatedAt.toISOString() ?? null,
  };
}
export type GatewayView = ReturnType<typeof gatewayView>;

/** A gateway's configuration as admins and shops see it: settings without secrets, which secrets are set, limits and fee, its notify URL. */
export const GatewayOut = z.object({
  gateway: z.string(), object: z.literal('gateway'), title: z.string(),
  owner: z.enum(['platform', 'shop']).describe('platform: the platform\'s account (money held in escrow); shop: the shop\'s own account'),
  enabled: z.boolean(), merchant_configurable: z.boolean().describe('Shops may connect their own account of this gateway'),
  configured: z.boolean(), settings: z.record(z.string(), z.unknown()).describe('The settings that are not secret'),
  secrets_set: z.array(z.string()).describe('Which secret settings are stored (their values are never echoed)'),
  secret_fields: z.array(z.string()), methods: z.array(z.string()), available_methods: z.array(z.string()),
  currencies: z.array(z.string()).nullable().describe('null: any currency'),
  min_amount: z.number().int().nullable(), max_amount: z.number().int().nullable(),
  fee_bps: z.number().int().describe('The buyer\'s fee in basis points, added to the amount paid'), fee_fixed: z.number().int(),
  active_query: z.boolean(), supports: z.object({ query: z.boolean(), refund: z.boolean(), test_connection: z.boolean() }),
  notify_url: z.string().describe('Give this to the gateway as its notify (callback) URL'), updated_at: z.string().nullable(),
});
