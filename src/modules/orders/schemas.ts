import { z } from 'zod';
import { Email } from '../accounts/schemas.ts';

export const CreateOrderInput = z.object({
  product_id: z.string().min(1).max(64),
  quantity: z.number().int('must be a whole number').min(1).max(10_000),
  email: Email,
  query_password: z.string().min(4, 'must be at least 4 characters').max(128),
  gateway: z.string().min(1).max(32),
  method: z.string().max(32).optional(),
});
export type CreateOrderInput = z.infer<typeof CreateOrderInput>;

export const OrderSummaryOut = z.object({
  id: z.string(),
  object: z.literal('order'),
  number: z.string(),
  status: z.string(),
  total: z.number().int(),
  currency: z.string(),
  expires_at: z.string(),
  created_at: z.string(),
  paid_at: z.string().nullable(),
  delivered_at: z.string().nullable(),
});

export const CreateOrderOut = z.object({
  order: OrderSummaryOut,
  access_token: z.string(),
  payment: z.object({ id: z.string(), gateway: z.string(), status: z.string(), amount: z.number().int(), currency: z.string(), pay_url: z.string() }),
});

export const LookupInput = z.union([
  z.object({ number: z.string().trim().toUpperCase().min(6).max(40), query_password: z.string().min(1).max(128) }),
  z.object({ email: Email, query_password: z.string().min(1).max(128) }),
]);
export type LookupInput = z.infer<typeof LookupInput>;

export const RetryOut = z.object({ result: z.enum(['delivered', 'still_out_of_stock', 'not_needs_action']), status: z.string().optional() });
