// A shop's money (DESIGN §13): balance, statement, payout destinations and
// payouts; the admin's payout decisions. Thin: parse, authorise, call.
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf } from '../../modules/shared/pagination.ts';
import { getBalance } from '../../modules/money/get-balance.ts';
import { balanceTransactionsCsv, BalanceTransactionsQuery, listBalanceTransactions } from '../../modules/money/balance-transactions.ts';
import { addDestination, deleteDestination, DestinationInput, listDestinations } from '../../modules/payouts/payout-destinations.ts';
import { RequestPayoutInput, requestPayout } from '../../modules/payouts/request-payout.ts';
import { getPayout, ListPayoutsQuery, listPayouts } from '../../modules/payouts/list-payouts.ts';
import { approvePayout, markPayoutPaid, MarkPayoutPaidInput, rejectPayout, RejectPayoutInput } from '../../modules/payouts/decide-payout.ts';
import { requireAdmin, requireMerchant } from '../plugins/auth.ts';
import { reconcileGateways, ReconciliationOut } from '../../modules/money/reconcile-gateways.ts';
import { adjustBalance, AdjustmentInput } from '../../modules/money/adjust-balance.ts';

const IdParams = z.object({ id: z.string().min(1).max(64) });
const Amounts = z.array(z.object({ amount: z.number().int(), currency: z.string() }));
const BalanceOut = z.object({ object: z.literal('balance'), available: Amounts, pending: Amounts, in_payout: Amounts });
const PayoutOut = z.object({
  id: z.string(), object: z.literal('payout'), status: z.enum(['pending', 'approved', 'paid', 'rejected']), amount: z.number().int(), currency: z.string(),
  fee: z.number().int(), net: z.number().int(), merchant_id: z.string(),
  shop: z.object({ slug: z.string(), name: z.string(), status: z.string().describe('active, pending or suspended: think twice before paying a suspended shop') }).optional()
    .describe('Admin answers only'),
  destination: z.object({ id: z.string(), masked: z.string().nullable() }).nullable(),
  destination_details: z.record(z.string(), z.unknown()).optional(),
  reference: z.string().nullable(), reason: z.string().nullable(), requested_by: z.string(),
  created_at: z.string(), approved_at: z.string().nullable(), paid_at: z.string().nullable(), rejected_at: z.string().nullable(),
});
const PayoutList = listOf(PayoutOut);
const DestinationOut = z.object({ id: z.string(), object: z.literal('payout_destination'), kind: z.string(), label: z.string(), masked: z.string(), created_at: z.string() });
const BalanceTransactionOut = z.object({
  id: z.string(), object: z.literal('balance_transaction'), type: z.string(), order_id: z.string().nullable(), order_number: z.string().nullable(),
  payout_id: z.string().nullable(), refund_id: z.string().nullable(), currency: z.string(),
  pending: z.number().int(), available: z.number().int(), in_payout: z.number().int(), commission: z.number().int(), fee: z.number().int(),
  description: z.string().nullable(), created_at: z.string(),
});

export const moneyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/balance', {
    schema: {
      tags: ['money'], summary: 'The shop\'s balance per currency, from the ledger',
      description: '`pending`: sold and held in escrow until the order completes; `available`: completed, less refunds after completion and payouts asked for ' +
        '(may be negative: a refund after completion that the balance did not cover); `in_payout`: asked for, not yet paid.',
      response: { 200: BalanceOut },
    },
  }, async (req) => {
    const { ctx } = requireMerchant(req, 'balance:read');
    return getBalance(ctx);
  });

  app.get('/api/v1/balance_transactions', {
    schema: {
      tags: ['money'], summary: 'The statement: every movement of the shop\'s money, newest first',
      description: 'Each line says what it did to `pending`, `available` and `in_payout`; over all lines they add up to the balance. ' +
        '`type`: `sale`, `refund`, `completion`, `payout`, `payout_returned`, `payout_paid`, `adjustment` (with the admin\'s reason in `description`).',
      querystring: BalanceTransactionsQuery, response: { 200: listOf(BalanceTransactionOut) },
    },
  }, async (req) => {
    const { ctx } = requireMerchant(req, 'balance:read');
    return listBalanceTransactions(ctx, req.query);
  });

  app.get('/api/v1/balance_transactions.csv', {
    schema: { tags: ['money'], summary: 'The whole statement as CSV (amounts as decimals)' },
  }, async (req, reply) => {
    const { ctx } = requireMerchant(req, 'balance:read');
    return reply.type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="statement.csv"')
      .header('cache-control', 'no-store')
      .send(Readable.from(balanceTransactionsCsv(ctx)));
  });

  app.get('/api/v1/payout_destinations', {
    schema: { tags: ['money'], summary: 'Where payouts can go (masked)', response: { 200: listOf(DestinationOut) } },
  }, async (req) => {
    const { ctx } = requireMerchant(req, 'payouts:read');
    return listDestinations(ctx);
  });

  app.post('/api/v1/payout_destinations', {
    schema: {
      tags: ['money'], summary: 'Save a payout destination: an Alipay account, a bank account or a USDT address (stored encrypted, shown masked; audited)',
      body: DestinationInput, response: { 201: DestinationOut },
    },
  }, async (req, reply) => {
    const { ctx } = requireMerchant(req, 'payouts:write');
    return reply.code(201).send(await addDestination(ctx, req.body));
  });

  app.delete('/api/v1/payout_destinations/:id', {
    schema: { tags: ['money'], summary: 'Remove a payout destination (payouts already made to it keep its masked form)', params: IdParams,
      response: { 200: z.object({ id: z.string(), object: z.literal('payout_destination'), deleted: z.literal(true) }) } },
  }, async (req) => {
    const { ctx } = requireMerchant(req, 'payouts:write');
    return deleteDestination(ctx, { id: req.params.id });
  });

  app.get('/api/v1/payouts', {
    schema: { tags: ['money'], summary: 'The shop\'s payouts, newest first', querystring: ListPayoutsQuery, response: { 200: PayoutList } },
  }, async (req) => {
    const { ctx } = requireMerchant(req, 'payouts:read');
    return listPayouts(ctx, req.query);
  });

  app.get('/api/v1/payouts/:id', {
    schema: { tags: ['money'], summary: 'One payout', params: IdParams, response: { 200: PayoutOut } },
  }, async (req) => {
    const { ctx } = requireMerchant(req, 'payouts:read');
    return getPayout(ctx, req.params.id);
  });

  app.post('/api/v1/payouts', {
    schema: {
      tags: ['money'], summary: 'Ask for a payout (提现) of the available balance',
      description: 'The amount leaves `available` at once; the platform\'s payout fee (if any) is taken from it. ' +
        'Errors: 409 `insufficient_funds` (more than available; concurrent requests never add up to more), 422 `validation_error` ' +
        '(below the minimum, no destination), 404 (unknown destination).',
      body: RequestPayoutInput, response: { 201: PayoutOut },
    },
  }, async (req, reply) => {
    const { ctx } = requireMerchant(req, 'payouts:write');
    return reply.code(201).send(await requestPayout(ctx, req.body));
  });

  app.get('/api/v1/admin/payouts', {
    schema: { tags: ['admin'], summary: 'Payouts of every shop (e.g. status=pending)', querystring: ListPayoutsQuery, response: { 200: PayoutList } },
  }, async (req) => listPayouts(requireAdmin(req), req.query));

  app.get('/api/v1/admin/payouts/:id', {
    schema: {
      tags: ['admin'], summary: 'One payout; while it is open, with the destination\'s full details for paying it (the reveal is audited)',
      params: IdParams, response: { 200: PayoutOut },
    },
  }, async (req) => getPayout(requireAdmin(req), req.params.id));

  const decided = 'Idempotent: repeating a decision answers the payout as it is; contradicting one is 409 `payout_paid` or `payout_rejected`.';
  app.post('/api/v1/admin/payouts/:id/approve', {
    schema: { tags: ['admin'], summary: 'Approve a pending payout (audited)', description: decided, params: IdParams, response: { 200: PayoutOut } },
  }, async (req) => approvePayout(requireAdmin(req), req.params.id));

  app.post('/api/v1/admin/payouts/:id/reject', {
    schema: {
      tags: ['admin'], summary: 'Reject a payout: its whole amount returns to the shop\'s available balance (audited)', description: decided,
      params: IdParams, body: RejectPayoutInput, response: { 200: PayoutOut },
    },
  }, async (req) => rejectPayout(requireAdmin(req), req.params.id, req.body));

  app.post('/api/v1/admin/payouts/:id/mark_paid', {
    schema: {
      tags: ['admin'], summary: 'Record that the money was sent, with the transfer\'s reference (audited)', description: decided,
      params: IdParams, body: MarkPayoutPaidInput, response: { 200: PayoutOut },
    },
  }, async (req) => markPayoutPaid(requireAdmin(req), req.params.id, req.body));

  app.get('/api/v1/admin/reconciliation', {
    schema: {
      tags: ['admin'], summary: 'Per gateway and currency: what the gateway confirmed vs what the ledger holds, and every payment where they disagree',
      description: '`expected` = confirmed payments − refunds through the gateway; `ledger` = the gateway clearing account; `difference` should be 0. ' +
        '`issues`: `confirmed_not_booked`, `booked_not_confirmed`, `amount_mismatch` (first 100).',
      response: { 200: ReconciliationOut },
    },
  }, async (req) => reconcileGateways(requireAdmin(req)));

  app.post('/api/v1/admin/merchants/:id/adjustments', {
    schema: {
      tags: ['admin'], summary: 'Adjust a shop\'s available balance (调账): credit or debit with a reason the shop sees (audited)',
      description: 'A positive amount credits the shop, a negative one debits it (the balance may go negative: a visible debt). ' +
        'Send an `Idempotency-Key` header to make a retry safe.',
      params: IdParams, body: AdjustmentInput,
      response: { 201: z.object({ id: z.string(), object: z.literal('adjustment'), merchant_id: z.string(), amount: z.number().int(), currency: z.string(), reason: z.string(), created_at: z.string() }) },
    },
  }, async (req, reply) => reply.code(201).send(await adjustBalance(requireAdmin(req), { ...req.body, merchantId: req.params.id })));
};
