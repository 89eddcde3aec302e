// The license API (DESIGN §13): public activate / validate / deactivate in
// Lemon Squeezy's shapes — bodies as JSON, form or application/vnd.api+json
// (what its SDK sends); never the query string, since the key is a
// credential — and the shop's management of its licenses.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf } from '../../modules/shared/pagination.ts';
import { AppError } from '../../lib/errors.ts';
import { activateLicense } from '../../modules/licenses/activate-license.ts';
import { deactivateLicense } from '../../modules/licenses/deactivate-license.ts';
import { getLicense, ListLicensesQuery, listLicenses } from '../../modules/licenses/list-licenses.ts';
import type { LicenseAnswer } from '../../modules/licenses/license-rows.ts';
import { resetLicense } from '../../modules/licenses/reset-license.ts';
import { revokeLicense, RevokeLicenseInput } from '../../modules/licenses/revoke-license.ts';
import { UpdateLicenseInput, updateLicense } from '../../modules/licenses/update-license.ts';
import { validateLicense } from '../../modules/licenses/validate-license.ts';
import { buyerCtx, requireMerchant } from '../plugins/auth.ts';

const LicenseKeyOut = z.object({
  id: z.string(), status: z.enum(['inactive', 'active', 'expired', 'disabled']), key: z.string(),
  activation_limit: z.number().int().nullable().describe('null: no limit'), activation_usage: z.number().int(),
  created_at: z.string(), expires_at: z.string().nullable(), test_mode: z.boolean(),
});
const InstanceOut = z.object({ id: z.string(), name: z.string(), created_at: z.string() });
const MetaOut = z.object({
  store_id: z.string(), store_slug: z.string(), order_id: z.string(), order_item_id: z.string(), product_id: z.string(), product_name: z.string(),
  variant_id: z.string().nullable().describe('The variant the key was sold through, if any'), variant_name: z.string().nullable(),
  customer_id: z.null(), customer_name: z.null(), customer_email: z.string().describe('Masked'),
});
/** One shape for the three answers: each carries its own flag (activated, valid or deactivated). */
const LicenseAnswerOut = z.object({
  activated: z.boolean().optional(), valid: z.boolean().optional(), deactivated: z.boolean().optional(),
  error: z.string().nullable(), license_key: LicenseKeyOut.nullable(), instance: InstanceOut.nullable().optional(), meta: MetaOut.nullable(),
});
type LicenseAnswerBody = LicenseAnswer['body'];

const Fields = z.object({
  license_key: z.string().optional(),
  instance_name: z.string().optional().describe('At most 255 characters'),
  instance_id: z.string().optional(),
}).describe('JSON, form (application/x-www-form-urlencoded) or application/vnd.api+json (never the query string: the key is a credential)');

const ShopLicenseOut = z.object({
  id: z.string(), object: z.literal('license'), product_id: z.string(), product_title: z.string(), order_id: z.string(), order_number: z.string(),
  key_hint: z.string().describe('The key\'s last characters (the buyer has the key; find one by it with ?key=)'),
  status: z.enum(['inactive', 'active', 'expired', 'disabled']), revoked: z.boolean(), disabled_reason: z.string().nullable(),
  activation_limit: z.number().int().nullable(), activation_usage: z.number().int(),
  expires_at: z.string().nullable(), issued_at: z.string().nullable(), created_at: z.string(), instances: z.array(InstanceOut),
});
const IdParams = z.object({ id: z.string().min(1).max(64) });

type Flag = 'activated' | 'valid' | 'deactivated';

/** The request's fields (body first, then query string), or the Lemon Squeezy–shaped 422 naming the first one missing. */
type FieldName = 'license_key' | 'instance_name' | 'instance_id';
const NAMES: FieldName[] = ['license_key', 'instance_name', 'instance_id'];

/**
 * The request's fields, from the body — each read on its own,
 * so one odd field never hides the others (a number is its text, a repeated
 * form field its first value) — or the Lemon Squeezy–shaped 422 naming the
 * field that is missing or too long.
 */
type Fielded = { missing: { httpStatus: 422; body: LicenseAnswerBody }; values?: undefined } | { missing?: undefined; values: Partial<Record<FieldName, string>> };

function fields(req: FastifyRequest, flag: Flag, required: FieldName[]): Fielded {
  // Only from the body: a license key is a credential, and URLs end up in access logs.
  const merged = asFields(req.body);
  const refuse = (error: string): Fielded => {
    const answer: LicenseAnswerBody = { [flag]: false, error, license_key: null, ...(flag === 'deactivated' ? {} : { instance: null }), meta: null };
    return { missing: { httpStatus: 422, body: answer } };
  };
  for (const name of required) if (!merged[name]?.trim()) return refuse(`The ${name} field is required.`);
  if ((merged.instance_name?.length ?? 0) > 255) return refuse('The instance_name may not be greater than 255 characters.');
  return { values: merged };
}

function asFields(v: unknown): Partial<Record<FieldName, string>> {
  if (!v || typeof v !== 'object') return {};
  const out: Partial<Record<FieldName, string>> = {};
  for (const name of NAMES) {
    let x = (v as Record<string, unknown>)[name];
    if (Array.isArray(x)) x = x[0];
    if (typeof x === 'string') out[name] = x;
    else if (typeof x === 'number' || typeof x === 'boolean') out[name] = String(x);
  }
  return out;
}

async function run(flag: Flag, call: () => Promise<LicenseAnswer>): Promise<LicenseAnswer> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof AppError && err.status === 429) {
      return {
        httpStatus: 429,
        body: { [flag]: false, error: 'Too many requests. Wait a minute and try again.', license_key: null, ...(flag === 'deactivated' ? {} : { instance: null }), meta: null },
      };
    }
    throw err;
  }
}

export const licenseRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(publicLicenseRoutes);

  app.get('/api/v1/licenses', {
    schema: {
      tags: ['licenses'], summary: 'The shop\'s licenses, newest first (by order, product, or the key a buyer quotes)',
      querystring: ListLicensesQuery, response: { 200: listOf(ShopLicenseOut) },
    },
  }, async (req) => listLicenses(requireMerchant(req, 'licenses:read').ctx, req.query));

  app.get('/api/v1/licenses/:id', {
    schema: { tags: ['licenses'], summary: 'One license with the machines it is active on', params: IdParams, response: { 200: ShopLicenseOut } },
  }, async (req) => getLicense(requireMerchant(req, 'licenses:read').ctx, { licenseId: req.params.id }));

  app.patch('/api/v1/licenses/:id', {
    schema: {
      tags: ['licenses'], summary: 'Extend a license or change its activation limit',
      description: '422 `activation_limit` below the machines active now.', params: IdParams, body: UpdateLicenseInput, response: { 200: ShopLicenseOut },
    },
  }, async (req) => updateLicense(requireMerchant(req, 'licenses:write').ctx, { ...req.body, licenseId: req.params.id }));

  app.post('/api/v1/licenses/:id/revoke', {
    schema: { tags: ['licenses'], summary: 'Revoke a license: it stops validating at once', params: IdParams, body: RevokeLicenseInput.nullish(), response: { 200: ShopLicenseOut } },
  }, async (req) => revokeLicense(requireMerchant(req, 'licenses:write').ctx, { ...(req.body ?? {}), licenseId: req.params.id, revoke: true }));

  app.post('/api/v1/licenses/:id/restore', {
    schema: { tags: ['licenses'], summary: 'Undo a revocation', params: IdParams, response: { 200: ShopLicenseOut } },
  }, async (req) => revokeLicense(requireMerchant(req, 'licenses:write').ctx, { licenseId: req.params.id, revoke: false }));

  app.post('/api/v1/licenses/:id/reset', {
    schema: { tags: ['licenses'], summary: 'Deactivate every machine of a license (the seats are free again)', params: IdParams, response: { 200: ShopLicenseOut } },
  }, async (req) => resetLicense(requireMerchant(req, 'licenses:write').ctx, { licenseId: req.params.id }));
};

/** The three public calls, in their own scope: every answer, errors included, in Lemon Squeezy's shape. */
const publicLicenseRoutes: FastifyPluginAsyncZod = async (app) => {
  // What Lemon Squeezy's SDK sends: JSON under its JSON:API media type.
  app.addContentTypeParser('application/vnd.api+json', { parseAs: 'string', bodyLimit: 16 * 1024 }, app.getDefaultJsonParser('error', 'error'));
  // A refusal made before the handler (unreadable JSON, unstorable characters) is sent by the platform's error
  // handler in XiaoPu's shape; it is rewritten here so that it answers as Lemon Squeezy would. (Small: never compressed.)
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode < 400 || typeof payload !== 'string' || !payload.startsWith('{"error":{')) return payload;
    const { error } = JSON.parse(payload) as { error: { message?: string } };
    const flag: Flag = req.url.includes('/activate') ? 'activated' : req.url.includes('/deactivate') ? 'deactivated' : 'valid';
    return JSON.stringify({ [flag]: false, error: error.message ?? 'Bad request.', license_key: null, ...(flag === 'deactivated' ? {} : { instance: null }), meta: null });
  });

  const publicSchema = (summary: string, description: string) => ({
    tags: ['licenses'], summary, description, security: [],
    body: Fields.optional(),
    response: { 200: LicenseAnswerOut, 400: LicenseAnswerOut, 404: LicenseAnswerOut, 422: LicenseAnswerOut, 429: LicenseAnswerOut },
  });

  app.post('/api/v1/licenses/activate', {
    attachValidation: true,
    schema: publicSchema('Activate a license key on one more machine (Lemon Squeezy\'s license API)',
      '`{license_key, instance_name}` → 200 `{activated:true, license_key, instance}`. Over the limit, expired or disabled: 400 `{activated:false, error}`; unknown key: 404. Rate-limited per address (429).'),
  }, async (req, reply) => {
    const f = fields(req, 'activated', ['license_key', 'instance_name']);
    if (f.missing) return reply.code(f.missing.httpStatus).send(f.missing.body);
    const { license_key = '', instance_name = '' } = f.values;
    const a = await run('activated', () => activateLicense(buyerCtx(req), { license_key, instance_name: instance_name.trim() }));
    if (a.httpStatus === 429) reply.header('retry-after', '60');
    return reply.code(a.httpStatus).send(a.body);
  });

  app.post('/api/v1/licenses/validate', {
    attachValidation: true,
    schema: publicSchema('Is a license key (on a machine) valid now?',
      '`{license_key, instance_id?}` → 200 `{valid, error, license_key, instance}` (valid false with the reason when expired or disabled); unknown key or instance: 404.'),
  }, async (req, reply) => {
    const f = fields(req, 'valid', ['license_key']);
    if (f.missing) return reply.code(f.missing.httpStatus).send(f.missing.body);
    const { license_key = '', instance_id } = f.values;
    const a = await run('valid', () => validateLicense(buyerCtx(req), { license_key, instance_id: instance_id || undefined }));
    if (a.httpStatus === 429) reply.header('retry-after', '60');
    return reply.code(a.httpStatus).send(a.body);
  });

  app.post('/api/v1/licenses/deactivate', {
    attachValidation: true,
    schema: publicSchema('Deactivate a license key on one machine (frees its seat)',
      '`{license_key, instance_id}` → 200 `{deactivated:true, license_key}`; unknown key or instance (or already deactivated): 404.'),
  }, async (req, reply) => {
    const f = fields(req, 'deactivated', ['license_key', 'instance_id']);
    if (f.missing) return reply.code(f.missing.httpStatus).send(f.missing.body);
    const { license_key = '', instance_id = '' } = f.values;
    const a = await run('deactivated', () => deactivateLicense(buyerCtx(req), { license_key, instance_id }));
    if (a.httpStatus === 429) reply.header('retry-after', '60');
    return reply.code(a.httpStatus).send(a.body);
  });

};
