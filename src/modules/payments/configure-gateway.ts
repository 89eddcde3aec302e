// The platform admin configures a payment gateway (DESIGN §12):
// `PUT /api/v1/admin/gateways/{gateway}` `{enabled, settings:{…}}` — or,
// where the admin allows it, a shop configures its own account with the
// gateway (`PUT /api/v1/shop/gateways/{gateway}`). The settings are validated
// by the adapter; secret ones are sealed, kept when an update leaves them
// out, and never echoed. Audited without any values.
import { z } from 'zod';
import { withTransaction } from '../../db/client.ts';
import { AppError, notFound, validationError } from '../../lib/errors.ts';
import { actorLabel, merchantScope, type Ctx } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';
import { adapterFor } from './gateways/adapters/index.ts';
import { configNotifyUrl, gatewayView, loadConfigRow, openSecrets, toConfig, type GatewayView } from './gateways/gateway-configs.ts';
import { newId } from '../../lib/ids.ts';

const MAX_AMOUNT = 1_000_000_000_00;

export const ConfigureGatewayInput = z.object({
  enabled: z.boolean(),
  settings: z.record(z.string(), z.unknown()).default({}),
  methods: z.array(z.string().min(1).max(32)).min(1).max(20).nullable().optional()
    .describe('The sub-methods offered (epay `type`); null or absent offers all the gateway has'),
  min_amount: z.number().int().min(0).max(MAX_AMOUNT).nullable().optional().describe('Smallest payment in minor units'),
  max_amount: z.number().int().min(1).max(MAX_AMOUNT).nullable().optional().describe('Largest payment in minor units'),
  fee_bps: z.number().int().min(0).max(10_000).optional().describe('Fee the buyer pays on top, in basis points of the total'),
  fee_fixed: z.number().int().min(0).max(MAX_AMOUNT).optional().describe('Fixed fee the buyer pays on top, in minor units'),
  active_query: z.boolean().optional().describe('Ask the gateway whether a notified trade is really paid before crediting it (default true)'),
  merchant_configurable: z.boolean().optional().describe('Platform only: shops may configure their own account with this gateway'),
});
export type ConfigureGatewayInput = z.infer<typeof ConfigureGatewayInput>;

/** `merchantId` null configures the platform's gateway (admins); a shop id configures that shop's own. */
export async function configureGateway(ctx: Ctx, gateway: string, input: ConfigureGatewayInput): Promise<GatewayView> {
  // The platform's configuration for an admin; the shop's own for a member or API key.
  const merchantId = merchantScope(ctx.actor) ?? null;
  if (merchantId === null && ctx.actor.type !== 'admin') throw new AppError(403, 'admin_only', 'Only platform admins configure gateways.', 'permission_error');
  const updatedBy = actorLabel(ctx.actor);
  if (gateway === 'sandbox') {
    throw new AppError(422, 'gateway_not_configurable', 'The sandbox gateway is configured by XIAOPU_SANDBOX_ENABLED and XIAOPU_SANDBOX_SECRET.', 'invalid_request_error', 'gateway');
  }
  const adapter = adapterFor(gateway);
  if (!adapter) throw notFound('gateway');
  if (input.min_amount !== null && input.min_amount !== undefined && input.max_amount !== null && input.max_amount !== undefined && input.min_amount > input.max_amount) {
    throw validationError('min_amount must not be larger than max_amount', 'min_amount');
  }
  const unknownMethod = input.methods?.find((m) => !adapter.methods.includes(m));
  if (unknownMethod !== undefined) {
    throw validationError(`${adapter.title} has no method "${unknownMethod}"; it has ${adapter.methods.join(', ') || 'none'}`, 'methods');
  }
  if (merchantId !== null) {
    if (input.merchant_configurable !== undefined) throw validationError('only the platform decides which gateways shops may configure', 'merchant_configurable');
    const platform = await loadConfigRow(ctx.database.pool, gateway, null);
    if (adapter.internal || !platform?.merchant_configurable) {
      throw new AppError(403, 'gateway_not_configurable', `The platform does not let shops configure their own ${adapter.title}.`, 'permission_error', 'gateway');
    }
  }
  const now = ctx.clock.now();

  return withTransaction(ctx.database.pool, async (q) => {
    const existing = await loadConfigRow(q, gateway, merchantId, true);
    const oldSecrets = existing ? openSecrets(ctx.keyring, existing) : {};
    const givenSecrets: Record<string, unknown> = {};
    const publicSettings: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(input.settings)) {
      if (adapter.secretFields.includes(k)) givenSecrets[k] = v;
      else publicSettings[k] = v;
    }
    // A secret left out of an update keeps its stored value.
    const secrets = { ...oldSecrets, ...givenSecrets };
    const parsed = adapter.settingsSchema.safeParse({ ...publicSettings, ...secrets });
    if (!parsed.success) {
      const issue = parsed.error.issues[0] ?? { path: [], message: 'invalid settings' };
      const field = issue.path.map(String).join('.');
      throw validationError(`settings.${field || '(root)'} ${issue.message}`, `settings${field ? '.' + field : ''}`);
    }
    // Store what the adapter validated (with its defaults), split into public and sealed parts.
    const clean = parsed.data as Record<string, unknown>;
    const storedPublic: Record<string, unknown> = {};
    const storedSecret: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(clean)) (adapter.secretFields.includes(k) ? storedSecret : storedPublic)[k] = v;
    const sealed = ctx.keyring.seal(JSON.stringify(storedSecret));
    const { rows } = await q.query(
      `insert into gateway_configs (gateway, enabled, settings, secrets, secrets_key_id, methods, min_amount, max_amount, fee_bps, fee_fixed,
                                    active_query, updated_by, created_at, updated_at, id, merchant_id, merchant_configurable)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, $15, $16)
       on conflict ${merchantId === null ? '(gateway) where merchant_id is null' : '(merchant_id, gateway) where merchant_id is not null'}
       do update set enabled = excluded.enabled, settings = excluded.settings, secrets = excluded.secrets,
         secrets_key_id = excluded.secrets_key_id, methods = excluded.methods, min_amount = excluded.min_amount,
         max_amount = excluded.max_amount, fee_bps = excluded.fee_bps, fee_fixed = excluded.fee_fixed,
         active_query = excluded.active_query, updated_by = excluded.updated_by, updated_at = excluded.updated_at,
         merchant_configurable = excluded.merchant_configurable
       returning *`,
      [gateway, input.enabled, JSON.stringify(storedPublic), sealed.ciphertext.toString('base64'), sealed.keyId,
        input.methods === undefined ? (existing?.methods ?? null) : input.methods,
        input.min_amount === undefined ? (existing?.min_amount ?? null) : input.min_amount,
        input.max_amount === undefined ? (existing?.max_amount ?? null) : input.max_amount,
        input.fee_bps ?? existing?.fee_bps ?? 0, input.fee_fixed ?? existing?.fee_fixed ?? 0,
        input.active_query ?? existing?.active_query ?? true, updatedBy, now, existing?.id ?? newId('gwc', now.getTime()), merchantId,
        input.merchant_configurable ?? existing?.merchant_configurable ?? false],
    );
    const changedPublic = Object.keys({ ...storedPublic, ...(existing?.settings ?? {}) })
      .filter((k) => JSON.stringify(storedPublic[k]) !== JSON.stringify(existing?.settings?.[k]));
    const changedSecrets = Object.keys(givenSecrets).filter((k) => givenSecrets[k] !== oldSecrets[k]);
    await writeAudit(q, ctx.actor, now, {
      action: 'gateway.configure', targetType: 'gateway', targetId: gateway, merchantId: merchantId ?? undefined,
      data: { enabled: input.enabled, was_enabled: existing?.enabled ?? false, settings_changed: changedPublic, secrets_changed: changedSecrets },
    });
    const saved = toConfig(ctx.keyring, rows[0]);
    return gatewayView(gateway, saved, configNotifyUrl(ctx.config.publicUrl, { gateway, id: saved?.id, merchantId }));
  });
}
