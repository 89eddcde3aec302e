// Where a shop's payouts go: an Alipay account, a bank account or a USDT
// address. The details are encrypted at rest (the vault's key); screens and
// the API show only a masked form. Deleting one hides it; payouts keep the
// masked form they were made to.
import { z } from 'zod';
import { notFound, validationError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { withTransaction } from '../../db/client.ts';
import type { RowOf } from '../../db/rows.ts';
import type { payoutDestinations } from '../../db/schema.ts';
import { writeAudit } from '../trust/audit.ts';
import { shopOf, type Ctx } from '../shared/context.ts';
import { returned } from './payout-rows.ts';
import { assertShopActive } from './assert-shop-active.ts';

export const DestinationInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('alipay'),
    account: z.string().trim().min(3).max(100).describe('The Alipay login: a phone number or an email address'),
    account_name: z.string().trim().min(1).max(100).describe('The real name on the account'),
    label: z.string().trim().min(1).max(60).optional(),
  }),
  z.object({
    kind: z.literal('bank'),
    account: z.string().trim().regex(/^[0-9 ]{8,40}$/, 'a bank account number: 8 to 34 digits').describe('The account number (digits)'),
    account_name: z.string().trim().min(1).max(100),
    bank_name: z.string().trim().min(2).max(100).describe('e.g. 招商银行 深圳分行'),
    label: z.string().trim().min(1).max(60).optional(),
  }),
  z.object({
    kind: z.literal('usdt'),
    network: z.enum(['TRC20', 'ERC20']),
    account: z.string().trim().max(64).describe('The wallet address'),
    label: z.string().trim().min(1).max(60).optional(),
  }),
]);
export type DestinationInput = z.infer<typeof DestinationInput>;

export type DestinationRow = Pick<RowOf<typeof payoutDestinations>, 'id' | 'kind' | 'label' | 'masked' | 'created_at'>;

export function presentDestination(r: DestinationRow) {
  return { id: r.id, object: 'payout_destination' as const, kind: r.kind, label: r.label, masked: r.masked, created_at: r.created_at.toISOString() };
}

/** The account with most of it hidden: enough for its owner to recognise it, not enough to use it. */
export function maskAccount(input: DestinationInput): string {
  const a = input.account.replace(/\s+/g, '');
  if (input.kind === 'usdt') return `${input.network} ${a.slice(0, 4)}…${a.slice(-4)}`;
  if (input.kind === 'bank') return `${input.bank_name} ···· ${a.slice(-4)}`;
  const at = a.indexOf('@');
  if (at > 0) return `${a.slice(0, 1)}***${a.slice(at)}`;
  return a.length > 7 ? `${a.slice(0, 3)}****${a.slice(-4)}` : `${a.slice(0, 1)}***`;
}

function check(input: DestinationInput): void {
  const a = input.account.replace(/\s+/g, '');
  if (input.kind === 'usdt') {
    const ok = input.network === 'TRC20' ? /^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(a) : /^0x[0-9a-fA-F]{40}$/.test(a);
    if (!ok) throw validationError(`not a ${input.network} address`, 'account');
  }
  if (input.kind === 'bank' && (a.length < 8 || a.length > 34)) throw validationError('a bank account number has 8 to 34 digits', 'account');
  if (input.kind === 'alipay' && !/^(1\d{10}|[^\s@]+@[^\s@]+\.[^\s@]+|\+?\d{6,15})$/.test(a)) {
    throw validationError('an Alipay account is a phone number or an email address', 'account');
  }
}

const MAX_DESTINATIONS = 10;

export async function addDestination(ctx: Ctx, input: DestinationInput) {
  const merchantId = shopOf(ctx);
  check(input);
  const at = ctx.clock.now();
  const masked = maskAccount(input);
  const sealed = ctx.keyring.seal(JSON.stringify(input));
  return withTransaction(ctx.database.pool, async (q) => {
    await assertShopActive(q, merchantId);
    const { rows: n } = await q.query<{ n: string }>('select count(*) as n from payout_destinations where merchant_id = $1 and deleted_at is null', [merchantId]);
    if (Number(n[0]?.n ?? 0) >= MAX_DESTINATIONS) throw validationError(`a shop keeps at most ${MAX_DESTINATIONS} payout destinations; delete one first`, 'kind');
    const { rows } = await q.query<DestinationRow>(
      `insert into payout_destinations (id, merchant_id, kind, label, masked, details, details_key_id, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id, kind, label, masked, created_at`,
      [newId('pdst', at.getTime()), merchantId, input.kind, input.label ?? masked, masked, sealed.ciphertext.toString('base64'), sealed.keyId, at]);
    const row = returned(rows);
    await writeAudit(q, ctx.actor, at, { action: 'payout_destination.added', targetType: 'payout_destination', targetId: row.id, merchantId, data: { kind: input.kind, masked } });
    return presentDestination(row);
  });
}

export async function listDestinations(ctx: Ctx) {
  const merchantId = shopOf(ctx);
  const { rows } = await ctx.database.pool.query<DestinationRow>(
    'select id, kind, label, masked, created_at from payout_destinations where merchant_id = $1 and deleted_at is null order by id desc', [merchantId]);
  return { object: 'list' as const, data: rows.map(presentDestination), has_more: false };
}

export async function deleteDestination(ctx: Ctx, { id }: { id: string }) {
  const merchantId = shopOf(ctx);
  const at = ctx.clock.now();
  return withTransaction(ctx.database.pool, async (q) => {
    const { rows } = await q.query<DestinationRow>(
      `update payout_destinations set deleted_at = $3 where id = $1 and merchant_id = $2 and deleted_at is null returning id, kind, label, masked, created_at`,
      [id, merchantId, at]);
    if (!rows[0]) throw notFound('payout destination');
    await writeAudit(q, ctx.actor, at, { action: 'payout_destination.deleted', targetType: 'payout_destination', targetId: id, merchantId });
    return { id, object: 'payout_destination' as const, deleted: true as const };
  });
}

/** The full details, for the admin paying a payout by hand (audited by the caller). */
export function openDestination(ctx: Ctx, row: { details: string; details_key_id: string }): Record<string, unknown> {
  return JSON.parse(ctx.keyring.open({ ciphertext: Buffer.from(row.details, 'base64'), keyId: row.details_key_id })) as Record<string, unknown>;
}
