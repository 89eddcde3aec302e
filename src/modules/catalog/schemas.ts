import { z } from 'zod';
import { isCurrencyCode } from '../../lib/money.ts';
import { LicenseKeyFormat } from '../licenses/license-keys.ts';
import { ManualField, ManualInput } from './manual-fields.ts';

export const Currency = z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY or USD')
  .refine(isCurrencyCode, 'must be an ISO 4217 code such as CNY or USD');
export const MinorUnits = z.number().int('must be an integer number of minor units (cents, 分)').min(0).max(1_000_000_000_00);
export const Visibility = z.enum(['public', 'unlisted', 'hidden']);
export const ProductSlug = z.string().trim().toLowerCase().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'must be lowercase letters, digits or dashes');

/** 批发价: at least `min_quantity` units → `unit_price` each. Ascending quantities, prices that never rise. */
export const PriceTiers = z.array(z.object({
  min_quantity: z.number().int().min(2, 'a tier starts at 2 units or more').max(10_000),
  unit_price: MinorUnits,
})).max(10, 'at most 10 tiers').superRefine((tiers, ctx) => {
  for (let i = 1; i < tiers.length; i++) {
    const prev = tiers[i - 1];
    const cur = tiers[i];
    if (!prev || !cur) continue;
    if (cur.min_quantity <= prev.min_quantity) ctx.addIssue({ code: 'custom', message: 'tiers must be in ascending min_quantity', path: [i, 'min_quantity'] });
    if (cur.unit_price > prev.unit_price) ctx.addIssue({ code: 'custom', message: 'a larger tier cannot cost more per unit', path: [i, 'unit_price'] });
  }
}).describe('Wholesale prices: an order of at least min_quantity units pays unit_price per unit (the largest tier that applies)');
export type PriceTiers = z.infer<typeof PriceTiers>;

export const Instructions = z.string().trim().max(5_000).describe('How to redeem (Markdown), shown with the delivered items and in the delivery email');

export const Delivery = z.enum(['card', 'shared', 'license', 'manual', 'download', 'webhook'])
  .describe('card: one key per unit from the product\'s stock; shared: the same text for every buyer; license: XiaoPu issues one license key per unit (license API); manual: 代充/手工, the buyer fills the shop\'s fields and the shop fulfils by hand; download: a file (upload it with PUT /products/{id}/file), delivered as an expiring signed link; webhook: the shop\'s endpoint issues the items when the order is paid');
export type Delivery = z.infer<typeof Delivery>;
export const SharedInput = z.object({
  text: z.string().trim().min(1, 'the text every buyer gets').max(10_000).describe('What every buyer gets (a code, a link, an account); stored encrypted'),
  limit: z.number().int().min(1).max(10_000_000).nullable().optional().describe('At most this many units sold in all; null or absent: no limit'),
});

export const LicenseInput = z.object({
  activation_limit: z.number().int().min(1).max(100_000).nullable().describe('How many machines one key may be active on at once; null: no limit'),
  validity_days: z.number().int().min(1).max(3650).optional().describe('The key expires this many days after delivery (the product\'s validity_days); absent: never'),
  key_format: LicenseKeyFormat.optional(),
}).describe('Required with delivery "license"');

export const WebhookInput = z.object({
  url: z.string().trim().max(2000).url('must be a URL').describe('The shop\'s HTTPS endpoint: POSTed (Standard Webhooks signature) when an order is paid; answers {"items": [...]}'),
}).describe('Required with delivery "webhook"');

export const PickInput = z.object({
  enabled: z.boolean(),
  surcharge: MinorUnits.optional().describe('Added to the unit price when the buyer picks (minor units); 0 when absent'),
}).describe('自选卡密: buyers may pick their key by its masked preview (card products only)');

const productFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().max(20_000).optional().describe('Markdown; rendered sanitized on the product page'),
  category: z.string().trim().min(1).max(40).optional().describe('A shelf on the shop page, e.g. "Steam"'),
  price: MinorUnits,
  currency: Currency,
  delivery: Delivery,
  shared: SharedInput.optional().describe('Required with delivery "shared"'),
  pick: PickInput.optional(),
  license: LicenseInput.optional(),
  manual: ManualInput.optional(),
  webhook: WebhookInput.optional(),
  validity_days: z.number().int().min(1).max(3650).optional().describe('有效期: valid this many days from delivery (shown to the buyer with the date)'),
  min_quantity: z.number().int().min(1).max(10_000).optional(),
  max_quantity: z.number().int().min(1).max(10_000).optional(),
  visibility: Visibility.optional(),
  slug: ProductSlug.optional(),
  price_tiers: PriceTiers.optional(),
  instructions: Instructions.optional(),
};

export const CreateProductInput = z
  .object(productFields)
  .strict()
  .refine((p) => (p.min_quantity ?? 1) <= (p.max_quantity ?? Math.max(100, p.min_quantity ?? 1)), {
    message: 'min_quantity must not exceed max_quantity',
    path: ['min_quantity'],
  })
  .refine((p) => (p.price_tiers ?? []).every((t) => t.unit_price <= p.price), { message: 'a tier cannot cost more per unit than the price', path: ['price_tiers'] })
  .refine((p) => (p.price_tiers ?? []).every((t) => t.min_quantity <= (p.max_quantity ?? Math.max(100, p.min_quantity ?? 1))), {
    message: 'a tier starts above max_quantity: no buyer could reach it', path: ['price_tiers'],
  })
  .refine((p) => p.delivery !== 'shared' || p.shared !== undefined, { message: 'a shared product needs the text every buyer gets', path: ['shared', 'text'] })
  .refine((p) => p.delivery === 'shared' || p.shared === undefined, { message: 'only a shared product takes shared settings', path: ['shared'] })
  .refine((p) => p.delivery === 'card' || !p.pick?.enabled, { message: 'only card keys can be picked', path: ['pick', 'enabled'] })
  .refine((p) => p.delivery !== 'license' || p.license !== undefined, { message: 'a license product needs its license settings (activation_limit)', path: ['license', 'activation_limit'] })
  .refine((p) => p.delivery === 'license' || p.license === undefined, { message: 'only a license product takes license settings', path: ['license'] })
  .refine((p) => p.delivery !== 'manual' || p.manual !== undefined, { message: 'a hand-fulfilled product needs the fields the buyer fills in', path: ['manual', 'fields'] })
  .refine((p) => p.delivery === 'manual' || p.manual === undefined, { message: 'only a manual product takes manual settings', path: ['manual'] })
  .refine((p) => p.delivery !== 'webhook' || p.webhook !== undefined, { message: 'a webhook product needs the endpoint that issues its items', path: ['webhook', 'url'] })
  .refine((p) => p.delivery === 'webhook' || p.webhook === undefined, { message: 'only a webhook product takes a webhook', path: ['webhook'] })
  .refine((p) => p.license?.validity_days === undefined || p.validity_days === undefined || p.license.validity_days === p.validity_days,
    { message: 'license.validity_days and validity_days disagree (give one)', path: ['license', 'validity_days'] });
export type CreateProductInput = z.infer<typeof CreateProductInput>;

export const UpdateProductInput = z.object({
  title: productFields.title.optional(),
  description: productFields.description,
  category: productFields.category.unwrap().nullable().optional(),
  price: MinorUnits.optional(),
  min_quantity: productFields.min_quantity,
  max_quantity: productFields.max_quantity,
  visibility: productFields.visibility,
  slug: productFields.slug,
  price_tiers: PriceTiers.optional(),
  instructions: Instructions.nullable().optional(),
  shared: z.object({ text: SharedInput.shape.text.optional(), limit: SharedInput.shape.limit })
    .optional().describe('A shared product\'s text (replaced when given) and limit'),
  pick: PickInput.optional(),
  license: z.object({ activation_limit: LicenseInput.shape.activation_limit.optional(), key_format: LicenseKeyFormat.optional() })
    .optional().describe('A license product\'s settings for keys sold from now on (keys already sold keep theirs; change one with PATCH /licenses/{id})'),
  manual: z.object({ fields: ManualInput.shape.fields.optional(), sla_hours: z.number().int().min(1).max(720).optional(), auto_refund: z.boolean().optional() })
    .optional().describe('A manual product\'s fields, SLA and auto-refund for orders from now on'),
  webhook: WebhookInput.optional().describe('A webhook product\'s endpoint (the secret stays; roll it with POST /products/{id}/webhook_secret)'),
  validity_days: z.number().int().min(1).max(3650).nullable().optional(),
  variant_name: z.string().trim().min(1).max(60).optional().describe('A variant\'s name'),
}).strict().describe('Only these fields change; any other (currency and delivery are fixed at creation) is 422 naming it');
export type UpdateProductInput = z.infer<typeof UpdateProductInput>;

export const Stock = z.object({
  available: z.number().int(), reserved: z.number().int(), sold: z.number().int(), void: z.number().int(),
  capped: z.boolean().describe('In a list, each count stops at 10,000: true when one of them did (the product itself counts exactly)'),
});

export const VariantOut = z.object({
  id: z.string().describe('The variant\'s own product id: import its keys, upload its file, PATCH its settings there'),
  name: z.string(), price: z.number().int(), validity_days: z.number().int().nullable(),
  stock: z.object({ available: z.number().int(), sold: z.number().int() }).describe('Card goods: the variant\'s own keys'),
});

export const CreateVariantInput = z.object({
  name: z.string().trim().min(1).max(60).describe('What tells it apart, e.g. "1 month" / "12 个月"'),
  price: MinorUnits.optional().describe('Its price (minor units); the product\'s when absent'),
  validity_days: z.number().int().min(1).max(3650).nullable().optional().describe('有效期 of this variant (e.g. 30, 90, 365); the product\'s when absent'),
});
export type CreateVariantInput = z.infer<typeof CreateVariantInput>;

export const ProductOut = z.object({
  id: z.string(),
  object: z.literal('product'),
  parent_id: z.string().nullable().describe('A variant (SKU): the product it belongs to'),
  variant_name: z.string().nullable(),
  variants: z.array(VariantOut).describe('A product with variants: buyers pick one (checkout variant_id); each has its own price and stock'),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.string().nullable(),
  price: z.number().int(),
  currency: z.string(),
  delivery: Delivery,
  shared: z.object({ limit: z.number().int().nullable(), held: z.number().int() }).nullable()
    .describe('A shared product: its limit and the units held by unpaid and sold orders (the text itself is never echoed)'),
  pick: z.object({ enabled: z.boolean(), surcharge: z.number().int() }),
  license: z.object({ activation_limit: z.number().int().nullable(), validity_days: z.number().int().nullable(), key_format: z.string() }).nullable()
    .describe('A license product: machines per key (null: no limit), days valid (null: no end) and the key format'),
  manual: z.object({ fields: z.array(ManualField), sla_hours: z.number().int(), auto_refund: z.boolean() }).nullable()
    .describe('A manual (代充) product: the fields buyers fill in, hours to fulfil, whether overdue orders are refunded by themselves'),
  webhook: z.object({
    url: z.string(),
    secret: z.string().optional().describe('whsec_…: shown once, when the product is created (and when rolled); verify calls with it'),
  }).nullable().describe('A webhook product: the endpoint XiaoPu calls for the items'),
  download: z.object({
    file: z.object({ id: z.string(), object: z.literal('file'), product_id: z.string(), filename: z.string(), size: z.number().int(), sha256: z.string(), created_at: z.string() }).nullable(),
  }).nullable().describe('A download product: the file buyers get now (null until one is uploaded: the product cannot be bought)'),
  validity_days: z.number().int().nullable(),
  min_quantity: z.number().int(),
  max_quantity: z.number().int(),
  visibility: Visibility,
  price_tiers: z.array(z.object({ min_quantity: z.number().int(), unit_price: z.number().int() })),
  instructions: z.string().nullable(),
  stock: Stock,
  created_at: z.string(),
  updated_at: z.string(),
});
export type ProductOut = z.infer<typeof ProductOut>;

const StorefrontProductBase = z.object({
  id: z.string(),
  object: z.literal('product'),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.string().nullable(),
  price: z.number().int(),
  currency: z.string(),
  delivery: Delivery,
  min_quantity: z.number().int(),
  max_quantity: z.number().int(),
  stock: z.object({
    available: z.number().int(),
    unlimited: z.boolean().describe('A shared product without a limit: available is a ceiling, not a count'),
    capped: z.boolean().describe('Card goods with at least 10,000 keys in stock: available says 10000, and there are more'),
  }),
  price_tiers: z.array(z.object({ min_quantity: z.number().int(), unit_price: z.number().int() })).describe('Wholesale prices (批发价)'),
  pick: z.object({ enabled: z.boolean(), surcharge: z.number().int() }).describe('自选卡密: whether buyers may pick their key, and what it costs more per unit'),
  license: z.object({ activation_limit: z.number().int().nullable() }).nullable().describe('A license product: on how many machines one key may be active (null: no limit)'),
  manual: z.object({ fields: z.array(ManualField), sla_hours: z.number().int() }).nullable()
    .describe('A manual (代充) product: the fields to send as `fields` at checkout, and the hours the shop has to fulfil'),
  download: z.object({ filename: z.string(), size: z.number().int() }).nullable().describe('A download product: the file\'s name and size (bytes)'),
  validity_days: z.number().int().nullable().describe('有效期: valid this many days from delivery; null: no end'),
  rating: z.object({ average: z.number().nullable(), count: z.number().int() }).describe('Buyers\' reviews: average stars (1–5) and how many'),
});

export const StorefrontProductOut = StorefrontProductBase.extend({
  variants: z.array(StorefrontProductBase.extend({ name: z.string().describe('What tells the variant apart') }))
    .describe('Variants (SKUs) to pick from, each with its own price, stock, limits, tiers and settings; send the chosen one\'s id as variant_id at checkout. Empty: the product is bought as it is'),
});
