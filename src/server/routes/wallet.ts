import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getWallet, listWalletTransactions, WalletTransactionsQuery } from '../../modules/wallet/get-wallet.ts';
import { TopupInput, topUpWallet } from '../../modules/flows/top-up-wallet.ts';
import { buyerCtx, requireSession } from '../plugins/auth.ts';

export const walletRoutes: FastifyPluginAsyncZod = async (app) => {

  app.get('/api/v1/wallet', {
    schema: { tags: ['wallet'], summary: 'Your wallet balances (buyer accounts; session)' },
  }, async (req) => getWallet(requireSession(req).ctx, requireSession(req).user.userId));

  app.get('/api/v1/wallet/transactions', {
    schema: { tags: ['wallet'], summary: 'Your wallet movements: top-ups, payments, refunds (newest first)', querystring: WalletTransactionsQuery },
  }, async (req) => listWalletTransactions(requireSession(req).ctx, requireSession(req).user.userId, req.query));

  app.post('/api/v1/wallet/topups', {
    schema: {
      tags: ['wallet'],
      summary: 'Top up your wallet through a gateway (充值)',
      description: 'Answers the top-up and its payment (`pay_url`, `action`) like a checkout. The balance is credited when the gateway ' +
        'notifies; a gateway fee, if configured, is paid on top. Then pay orders with `gateway: "wallet"`.',
      body: TopupInput,
    },
  }, async (req, reply) => {
    requireSession(req);
    reply.header('cache-control', 'no-store');
    return reply.code(201).send(await topUpWallet(buyerCtx(req), req.body));
  });
};
