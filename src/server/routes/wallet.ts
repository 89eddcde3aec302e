import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getWallet, listWalletTransactions, WalletOut, WalletTransactionOut, WalletTransactionsQuery } from '../../modules/wallet/get-wallet.ts';
import { TopupInput, TopupOut, topUpWallet } from '../../modules/flows/top-up-wallet.ts';
import { listOf } from '../../modules/shared/pagination.ts';
import { buyerCtx, requireSession } from '../plugins/auth.ts';

export const walletRoutes: FastifyPluginAsyncZod = async (app) => {

  app.get('/api/v1/wallet', {
    schema: { tags: ['wallet'], summary: 'Your wallet balances (buyer accounts; session)', response: { 200: WalletOut } },
  }, async (req) => getWallet(requireSession(req).ctx, requireSession(req).user.userId));

  app.get('/api/v1/wallet/transactions', {
    schema: { tags: ['wallet'], summary: 'Your wallet movements: top-ups, payments, refunds (newest first)', querystring: WalletTransactionsQuery,
      response: { 200: listOf(WalletTransactionOut) } },
  }, async (req) => listWalletTransactions(requireSession(req).ctx, requireSession(req).user.userId, req.query));

  app.post('/api/v1/wallet/topups', {
    schema: {
      tags: ['wallet'],
      summary: 'Top up your wallet through a gateway (充值)',
      description: 'Answers the top-up and its payment (`pay_url`, `action`) like a checkout. The balance is credited when the gateway ' +
        'notifies; a gateway fee, if configured, is paid on top. Then pay orders with `gateway: "wallet"`.',
      body: TopupInput, response: { 201: TopupOut },
    },
  }, async (req, reply) => {
    requireSession(req);
    reply.header('cache-control', 'no-store');
    return reply.code(201).send(await topUpWallet(buyerCtx(req), req.body));
  });
};
