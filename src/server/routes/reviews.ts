// Reviews and reputation (评价/信誉, DESIGN §13): the buyer reviews with the
// order token, the shop replies, the storefront shows reviews and the badge.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf } from '../../modules/shared/pagination.ts';
import { AppError } from '../../lib/errors.ts';
import { readBuyerReview, ReviewInput, writeReview } from '../../modules/flows/write-review.ts';
import { ListReviewsQuery, listPublicReviews, listShopReviews } from '../../modules/reviews/list-reviews.ts';
import { ReplyInput, replyToReview } from '../../modules/reviews/reply-to-review.ts';
import { shopReputation } from '../../modules/reviews/shop-reputation.ts';
import { buyerCtx, requireMerchant } from '../plugins/auth.ts';

const ReviewOut = z.object({
  id: z.string(), object: z.literal('review'), product_id: z.string(), product_title: z.string(),
  rating: z.number().int(), activation: z.number().int(), accuracy: z.number().int(), support: z.number().int(), comment: z.string().nullable(),
  reply: z.string().nullable(), replied_at: z.string().nullable(), created_at: z.string(), refunded: z.boolean(), buyer: z.string(),
  order_id: z.string().optional(), order_number: z.string().nullable().optional(),
});
const ReviewList = listOf(ReviewOut);
const ReputationOut = z.object({
  object: z.literal('reputation'), shop: z.object({ slug: z.string(), name: z.string() }), window_days: z.number().int(),
  reviews: z.number().int(), rating: z.number().nullable(), activation: z.number().nullable(), accuracy: z.number().nullable(), support: z.number().nullable(),
  orders: z.number().int(), dispute_rate: z.number(), refund_rate: z.number(), score: z.number().int(),
  badge: z.enum(['new', 'excellent', 'good', 'fair', 'poor']),
});
const NumberParams = z.object({ number: z.string().min(1).max(40) });
const TokenHeaders = z.object({ 'x-order-token': z.string().max(200).optional() });

function token(headers: { 'x-order-token'?: string }): string {
  const t = headers['x-order-token'];
  if (!t) throw new AppError(401, 'order_token_required', 'Send the order access token in the X-Order-Token header.', 'authentication_error');
  return t;
}

export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/v1/storefront/orders/:number/review', {
    schema: {
      tags: ['storefront'], summary: 'The buyer reviews a delivered order, once (评价)',
      description: '409 `review_exists` (one per order), 409 `order_not_delivered`.',
      params: NumberParams, headers: TokenHeaders, security: [{ orderToken: [] }], body: ReviewInput, response: { 201: ReviewOut },
    },
  }, async (req, reply) => reply.code(201).send(await writeReview(buyerCtx(req), { ...req.body, number: req.params.number, token: token(req.headers) })));

  app.get('/api/v1/storefront/orders/:number/review', {
    schema: {
      tags: ['storefront'], summary: 'The buyer\'s review of the order, with the shop\'s reply (404 if none yet)',
      params: NumberParams, headers: TokenHeaders, security: [{ orderToken: [] }], response: { 200: ReviewOut },
    },
  }, async (req) => readBuyerReview(buyerCtx(req), { number: req.params.number, token: token(req.headers) }));

  app.get('/api/v1/storefront/:shop_slug/reviews', {
    schema: {
      tags: ['storefront'], summary: 'A shop\'s reviews, newest first (optionally one product\'s); buyers masked',
      params: z.object({ shop_slug: z.string().min(1).max(64) }), querystring: ListReviewsQuery, response: { 200: ReviewList },
    },
  }, async (req) => listPublicReviews(buyerCtx(req), req.params.shop_slug, req.query));

  app.get('/api/v1/storefront/:shop_slug/reputation', {
    schema: {
      tags: ['storefront'], summary: 'A shop\'s reputation over 90 days: ratings, dispute and refund rates, score and badge',
      params: z.object({ shop_slug: z.string().min(1).max(64) }), response: { 200: ReputationOut },
    },
  }, async (req) => shopReputation(buyerCtx(req), req.params.shop_slug));

  app.get('/api/v1/reviews', {
    schema: { tags: ['reviews'], summary: 'The shop\'s reviews, newest first (unanswered=true for the ones to reply to)', querystring: ListReviewsQuery, response: { 200: ReviewList } },
  }, async (req) => {
    const { ctx } = requireMerchant(req, 'orders:read');
    return listShopReviews(ctx, req.query);
  });

  app.post('/api/v1/reviews/:id/reply', {
    schema: {
      tags: ['reviews'], summary: 'Reply to a review, once (409 `reply_exists`)',
      params: z.object({ id: z.string().min(1).max(64) }), body: ReplyInput, response: { 200: ReviewOut },
    },
  }, async (req) => {
    const { ctx } = requireMerchant(req, 'orders:write');
    return replyToReview(ctx, { ...req.body, reviewId: req.params.id });
  });
};
