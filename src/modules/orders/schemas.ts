import { z } from 'zod';
import { Email } from '../accounts/schemas.ts';

export const CreateOrderInput = z.object({
  product_id: z.string().min(1).max(64),
  quantity: z.number().int('must be a whole number').min(1).max(10_000),
  email: Email,
  query_password: z.string().min(4, 'must be at least 4 characters').max(128),
  gateway: z.string().min(1).max(32),
  method: z.string().max(32).optional(),
  card_id: z.string().min(1).max(64).optional()
    .describe('自选卡密: the key picked from GET /storefront/{shop}/products/{id}/picks (quantity 1; the product must allow picking). 409 `card_taken` if someone else got it first'),
  variant_id: z.string().min(1).max(64).optional()
    .describe('A product with variants (SKUs): the one picked, from the product\'s `variants`. 422 `variant_id` when missing or not the product\'s'),
  fields: z.record(z.string().max(32), z.union([z.string().max(2000), z.number()])).optional()
    .describe('代充/手工: the answers to the product\'s `manual.fields`, by key (stored encrypted). 422 `fields.<key>` when one is missing or invalid'),
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

export const PaymentActionOut = z.union([
  z.object({ kind: z.literal('redirect'), url: z.string() }),
  z.object({ kind: z.literal('qr'), content: z.string().describe('Render as a QR code; the pay page shows it as an image') }),
  z.object({ kind: z.literal('form'), action: z.string(), method: z.enum(['GET', 'POST']), fields: z.record(z.string(), z.string()) }),
]).nullable().describe('Where the buyer goes to pay; null for the sandbox (use pay_url)');

export const PaymentOut = z.object({
  id: z.string(),
  gateway: z.string(),
  method: z.string().nullable(),
  status: z.string(),
  amount: z.number().int().describe('What the buyer pays: the order total plus the gateway fee, in minor units'),
  fee: z.number().int(),
  currency: z.string(),
  pay_url: z.string().describe('Our payment page for this attempt (redirect, QR code or form)'),
  action: PaymentActionOut,
});

export const CreateOrderOut = z.object({
  order: OrderSummaryOut,
  access_token: z.string(),
  payment: PaymentOut,
});

export const LookupInput = z.object({
  number: z.string().trim().toUpperCase().min(6).max(40).optional().describe('The order number; or give `email` instead'),
  email: Email.optional().describe('The email the order was bought with (finds up to 50 orders with this query password)'),
  query_password: z.string().min(1).max(128),
}).refine((v) => v.number !== undefined || v.email !== undefined, { message: 'give the order number, or the email it was bought with', path: ['number'] })
  .transform((v): { number: string; query_password: string } | { email: string; query_password: string } =>
    (v.number !== undefined ? { number: v.number, query_password: v.query_password } : { email: v.email ?? '', query_password: v.query_password }));
export type LookupInput = z.infer<typeof LookupInput>;

const OrderItemOut = z.object({
  id: z.string(), product_id: z.string(), title: z.string(), quantity: z.number().int(), unit_price: z.number().int(), total: z.number().int(),
  fields: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })).optional().describe('代充: what the buyer filled in at checkout (order detail only)'),
});

/** An order as the shop (or the platform) sees it in lists. */
export const MerchantOrderOut = OrderSummaryOut.extend({
  completed_at: z.string().nullable(),
  fulfil_due_at: z.string().nullable().describe('代充: while awaiting_fulfilment, when the shop is due to have fulfilled it'),
  merchant_id: z.string(),
  email: z.string(),
  needs_action_reason: z.string().nullable().describe('Why the order waits for a person (needs_action): e.g. out_of_stock, webhook_failed'),
  overdue: z.boolean().describe('代充: still awaiting fulfilment past its due time'),
  commission: z.number().int().describe('The platform\'s commission on this order (minor units); the shop\'s share is total − commission'),
  items: z.array(OrderItemOut),
});

/** One order in full: with its refunds, payments, state changes and, for webhook delivery, how the calls are going. */
export const MerchantOrderDetailOut = MerchantOrderOut.extend({
  refunded: z.number().int().describe('What has been refunded (succeeded refunds, minor units; a gateway fee refunded with it included)'),
  shop_share: z.number().int().describe('The shop\'s share as it stands, from the ledger: total − commission at the sale, less what refunds took back from the shop; through the shop\'s own gateway account, all the buyer paid (its fee included), less refunds'),
  refunds: z.array(z.object({ id: z.string(), amount: z.number().int(), currency: z.string(), status: z.string(), reason: z.string().nullable(), created_at: z.string() })),
  payments: z.array(z.object({ id: z.string(), gateway: z.string(), status: z.string(), amount: z.number().int(), currency: z.string(), succeeded_at: z.string().nullable() })),
  events: z.array(z.object({ from: z.string().nullable(), to: z.string(), actor: z.string(), note: z.string().nullable(), at: z.string() })),
  webhook_delivery: z.object({
    attempts: z.number().int(), last_status: z.number().int().nullable(), last_error: z.string().nullable(), next_at: z.string().nullable(), delivered_at: z.string().nullable(),
  }).nullable(),
});

export const RetryOut = z.object({ result: z.enum(['delivered', 'queued', 'still_out_of_stock', 'not_needs_action']), status: z.string().optional() });

/** The buyer's order page (`GET /api/v1/storefront/orders/{number}`): the order, and once delivered its keys with their redeem instructions. */
export const BuyerOrderOut = z.object({
  order: z.object({
    id: z.string(), object: z.literal('order'), number: z.string(), status: z.string(), total: z.number().int(), currency: z.string(),
    expires_at: z.string(), created_at: z.string(), paid_at: z.string().nullable(), delivered_at: z.string().nullable(), completed_at: z.string().nullable(),
    fulfil_due_at: z.string().nullable().describe('代充: while awaiting_fulfilment, when the shop is due to have fulfilled it'),
    shop: z.object({ slug: z.string(), name: z.string() }),
    items: z.array(z.object({
      id: z.string(), product_id: z.string(), title: z.string(), quantity: z.number().int(), unit_price: z.number().int(), total: z.number().int(),
      fields: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })).optional().describe('代充: what the buyer filled in at checkout'),
    })),
    payment: z.object({ id: z.string(), gateway: z.string().nullable(), pay_url: z.string() }).nullable(),
  }),
  deliveries: z.array(z.object({
    kind: z.enum(['card', 'shared', 'license', 'manual', 'download', 'webhook'])
      .describe('card: the keys sold to this item; shared: the product\'s one text, the same for every buyer; license: the license keys issued for it; manual: what the shop sent by hand; download: a file, behind an expiring signed link; webhook: the items the shop\'s endpoint issued'),
    product_id: z.string(),
    items: z.array(z.string()).describe('Every key delivered for the item, replacements included'),
    replacements: z.array(z.string()).describe('The keys among `items` sent later as replacements in a dispute (售后补发)'),
    instructions: z.string().nullable().describe('How to redeem (Markdown): the product\'s, else the shop\'s note'),
    expires_at: z.string().nullable().describe('有效期: valid until then (the product\'s validity from delivery); null: no end'),
    note: z.string().nullable().optional().describe('manual: the shop\'s note with what it sent'),
    download: z.object({
      filename: z.string(), size: z.number().int(), sha256: z.string().describe('Hex; compare it with the downloaded file'), downloads: z.number().int(),
      url: z.string().describe('A signed link, new on every read of the order, working until expires_at'), expires_at: z.string(),
    }).optional(),
    licenses: z.array(z.object({
      id: z.string(), key: z.string(), status: z.enum(['inactive', 'active', 'expired', 'disabled']),
      activation_limit: z.number().int().nullable(), activation_usage: z.number().int(), expires_at: z.string().nullable(), created_at: z.string(),
      instances: z.array(z.object({ id: z.string(), name: z.string(), created_at: z.string() })).describe('The machines it is active on now'),
    })).optional().describe('A license item: each key with its status, seats used and machines (deactivate one with POST /licenses/deactivate)'),
  })),
});
