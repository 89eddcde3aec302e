// Disputes (售后/仲裁, DESIGN §13): the buyer's routes (order number + order
// token), the shop's, and the platform's rulings. Thin: parse, authorise, call.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf } from '../../modules/shared/pagination.ts';
import { DISPUTE_EVENTS } from '../../modules/disputes/dispute-rows.ts';
import { AppError } from '../../lib/errors.ts';
import { ATTACHMENT_MAX_BYTES, checkAttachment } from '../../modules/disputes/dispute-attachments.ts';
import { getDispute, ListDisputesQuery, listDisputes } from '../../modules/disputes/list-disputes.ts';
import { escalateDispute } from '../../modules/flows/escalate-dispute.ts';
import { OpenDisputeInput, openDispute } from '../../modules/flows/open-dispute.ts';
import { DisputeMessageInput, postDisputeMessage } from '../../modules/flows/post-dispute-message.ts';
import { readDisputeAsBuyer } from '../../modules/flows/read-dispute-as-buyer.ts';
import { readDisputeAttachment } from '../../modules/flows/read-dispute-attachment.ts';
import { ReplaceKeyInput, replaceDisputedKey } from '../../modules/flows/replace-disputed-key.ts';
import { ResolveDisputeInput, resolveDispute } from '../../modules/flows/resolve-dispute.ts';
import { withdrawDispute } from '../../modules/flows/withdraw-dispute.ts';
import type { Ctx } from '../../modules/shared/context.ts';
import { buyerCtx, requireAdmin, requireMerchant } from '../plugins/auth.ts';

const NumberParams = z.object({ number: z.string().min(1).max(40) });
const IdParams = z.object({ id: z.string().min(1).max(64) });
const TokenHeaders = z.object({ 'x-order-token': z.string().max(200).optional() });
const Amount = z.object({ id: z.string(), number: z.string(), status: z.string(), total: z.number().int(), currency: z.string() });
const DisputeOut = z.object({
  id: z.string(), object: z.literal('dispute'), status: z.enum(['open', 'escalated', 'resolved']),
  reason: z.enum(['key_invalid', 'not_as_described', 'not_received', 'other']),
  outcome: z.enum(['refund', 'partial_refund', 'reject', 'merchant_refund', 'withdrawn']).nullable(), refund_amount: z.number().int().nullable(),
  order: Amount, shop: z.object({ slug: z.string(), name: z.string() }), merchant_id: z.string(),
  respond_by: z.string(), merchant_responded_at: z.string().nullable(), escalated_at: z.string().nullable(), resolved_at: z.string().nullable(), created_at: z.string(),
  pending_ruling: z.object({ outcome: z.enum(['refund', 'partial_refund']), amount: z.number().int().nullable() }).nullable()
    .describe('A ruling whose refund the gateway has not confirmed yet; the dispute closes when it does'),
  messages: z.array(z.object({
    id: z.string(), author: z.enum(['buyer', 'merchant', 'admin', 'system']), body: z.string(), created_at: z.string(),
    event: z.object({
      kind: z.enum(DISPUTE_EVENTS),
      data: z.object({ amount: z.number().int().optional(), currency: z.string().optional(), count: z.number().int().optional(), message: z.string().optional() }),
    }).nullable().describe('A system line\'s meaning, to show it in the reader\'s language (amounts in minor units); body is the same in English and Chinese'),
    attachment: z.object({ url: z.string(), type: z.string().nullable() }).nullable(),
  })).optional(),
});
const DisputeList = listOf(DisputeOut);

function buyerRef(req: { params: { number: string }; headers: { 'x-order-token'?: string } }): { number: string; token: string } {
  const token = req.headers['x-order-token'];
  if (!token) throw new AppError(401, 'order_token_required', 'Send the order access token in the X-Order-Token header.', 'authentication_error');
  return { number: req.params.number, token };
}

/** The shop (a member or an API key with the scope) or a platform admin. */
function shopOrAdmin(req: FastifyRequest, scope: 'orders:read' | 'orders:write'): Ctx {
  const p = req.principal;
  if (p?.kind === 'session' && p.user.isAdmin && !p.user.merchant) return requireAdmin(req);
  return requireMerchant(req, scope).ctx;
}

function sendImage(reply: FastifyReply, a: { data: Buffer; type: string }) {
  return reply.type(a.type).header('cache-control', 'private, no-store').header('content-disposition', 'inline').send(a.data);
}

export const disputeRoutes: FastifyPluginAsyncZod = async (app) => {
  const token = { headers: TokenHeaders, security: [{ orderToken: [] }] };

  app.post('/api/v1/storefront/orders/:number/disputes', {
    schema: {
      tags: ['storefront'], summary: 'The buyer opens a dispute (售后) on a delivered order, within its escrow window',
      description: 'The order becomes `disputed`: its money is held and it does not complete until the dispute is resolved. ' +
        '409 `dispute_exists` (one per order), 409 `order_not_disputable` (not delivered, or completed: the window passed).',
      params: NumberParams, body: OpenDisputeInput, response: { 201: DisputeOut }, ...token,
    },
  }, async (req, reply) => {
    const ref = buyerRef(req);
    return reply.code(201).send(await openDispute(buyerCtx(req), { ...req.body, number: ref.number, token: ref.token }));
  });

  app.get('/api/v1/storefront/orders/:number/dispute', {
    schema: { tags: ['storefront'], summary: 'The buyer reads their dispute and its timeline', params: NumberParams, response: { 200: DisputeOut }, ...token },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return readDisputeAsBuyer(buyerCtx(req), buyerRef(req));
  });

  app.post('/api/v1/storefront/orders/:number/dispute/messages', {
    schema: {
      tags: ['storefront'], summary: 'The buyer writes in their dispute; multipart with a `file` (PNG, JPEG or WebP, ≤ 5 MB) attaches a screenshot',
      params: NumberParams, body: DisputeMessageInput.nullish(), response: { 200: DisputeOut }, ...token,
    },
  }, async (req) => {
    const ref = buyerRef(req);
    if (req.isMultipart()) {
      const file = await req.file({ limits: { fileSize: ATTACHMENT_MAX_BYTES + 1, files: 1, fields: 2 } }).catch((err: unknown) => {
        throw new AppError(400, 'invalid_multipart', `The multipart body could not be read: ${err instanceof Error ? err.message : 'malformed'}.`);
      });
      if (!file) throw new AppError(422, 'validation_error', 'attach a file', 'invalid_request_error', 'file');
      const data = await file.toBuffer().catch(() => { throw new AppError(422, 'validation_error', 'a screenshot may be at most 5 MB', 'invalid_request_error', 'file'); });
      const field = file.fields['message'];
      const text = field && !Array.isArray(field) && 'value' in field && typeof field.value === 'string' ? field.value.trim().slice(0, 2000) : '';
      // Checked here, stored only by the message's own transaction, after the token and the dispute are.
      return postDisputeMessage(buyerCtx(req), ref, { message: text || 'Screenshot 截图', attachment: checkAttachment(data) });
    }
    const body = DisputeMessageInput.parse(req.body ?? {});
    return postDisputeMessage(buyerCtx(req), ref, body);
  });

  app.get('/api/v1/storefront/orders/:number/dispute/messages/:message_id/attachment', {
    schema: { tags: ['storefront'], summary: 'A screenshot from the buyer\'s dispute', params: NumberParams.extend({ message_id: z.string().min(1).max(64) }), ...token },
  }, async (req, reply) => sendImage(reply, await readDisputeAttachment(buyerCtx(req), buyerRef(req), req.params.message_id)));

  app.post('/api/v1/storefront/orders/:number/dispute/escalate', {
    schema: { tags: ['storefront'], summary: 'The buyer asks the platform to rule (平台介入)', params: NumberParams, response: { 200: DisputeOut }, ...token },
  }, async (req) => escalateDispute(buyerCtx(req), buyerRef(req)));

  app.post('/api/v1/storefront/orders/:number/dispute/withdraw', {
    schema: {
      tags: ['storefront'], summary: 'The buyer closes their dispute (satisfied): the order completes',
      params: NumberParams, response: { 200: DisputeOut }, ...token,
    },
  }, async (req) => withdrawDispute(buyerCtx(req), buyerRef(req)));

  app.get('/api/v1/disputes', {
    schema: { tags: ['disputes'], summary: 'The shop\'s disputes, newest first (filter by status)', querystring: ListDisputesQuery, response: { 200: DisputeList } },
  }, async (req) => listDisputes(requireMerchant(req, 'orders:read').ctx, req.query));

  app.get('/api/v1/disputes/:id', {
    schema: { tags: ['disputes'], summary: 'One dispute with its timeline', params: IdParams, response: { 200: DisputeOut } },
  }, async (req) => getDispute(requireMerchant(req, 'orders:read').ctx, req.params.id));

  app.post('/api/v1/disputes/:id/messages', {
    schema: {
      tags: ['disputes'], summary: 'The shop answers in the dispute (its first message stops the automatic escalation)',
      params: IdParams, body: DisputeMessageInput, response: { 200: DisputeOut },
    },
  }, async (req) => postDisputeMessage(requireMerchant(req, 'orders:write').ctx, { disputeId: req.params.id }, req.body));

  app.post('/api/v1/disputes/:id/replace', {
    schema: {
      tags: ['disputes'], summary: 'Send replacement keys from stock (售后补发; audited)',
      description: 'They appear on the buyer\'s order page marked as replacements. 409 `out_of_stock`, `dispute_closed`.',
      params: IdParams, body: ReplaceKeyInput, response: { 200: DisputeOut },
    },
  }, async (req) => replaceDisputedKey(requireMerchant(req, 'orders:write').ctx, req.params.id, req.body));

  app.post('/api/v1/disputes/:id/escalate', {
    schema: { tags: ['disputes'], summary: 'Ask the platform to rule', params: IdParams, response: { 200: DisputeOut } },
  }, async (req) => escalateDispute(requireMerchant(req, 'orders:write').ctx, { disputeId: req.params.id }));

  app.get('/api/v1/disputes/:id/messages/:message_id/attachment', {
    schema: { tags: ['disputes'], summary: 'A screenshot from a dispute (the shop or a platform admin)', params: IdParams.extend({ message_id: z.string().min(1).max(64) }) },
  }, async (req, reply) => sendImage(reply, await readDisputeAttachment(shopOrAdmin(req, 'orders:read'), { disputeId: req.params.id }, req.params.message_id)));

  app.get('/api/v1/admin/disputes', {
    schema: { tags: ['admin'], summary: 'Disputes of every shop (e.g. status=escalated)', querystring: ListDisputesQuery, response: { 200: DisputeList } },
  }, async (req) => listDisputes(requireAdmin(req), req.query));

  app.get('/api/v1/admin/disputes/:id', {
    schema: { tags: ['admin'], summary: 'One dispute of any shop', params: IdParams, response: { 200: DisputeOut } },
  }, async (req) => getDispute(requireAdmin(req), req.params.id));

  app.post('/api/v1/admin/disputes/:id/messages', {
    schema: { tags: ['admin'], summary: 'The platform writes in a dispute', params: IdParams, body: DisputeMessageInput, response: { 200: DisputeOut } },
  }, async (req) => postDisputeMessage(requireAdmin(req), { disputeId: req.params.id }, req.body));

  app.post('/api/v1/admin/disputes/:id/resolve', {
    schema: {
      tags: ['admin'], summary: 'Rule on a dispute: refund, partial_refund (with amount) or reject (audited)',
      description: 'Refunds go through the order\'s gateway like any refund; reject completes the order. Repeating the same ruling answers the dispute; ' +
        'a different ruling on a closed dispute is 409 `dispute_closed`.',
      params: IdParams, body: ResolveDisputeInput, response: { 200: DisputeOut },
    },
  }, async (req) => resolveDispute(requireAdmin(req), req.params.id, req.body));
};
