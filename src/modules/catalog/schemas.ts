import { z } from 'zod';

export const Currency = z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY or USD');
export const MinorUnits = z.number().int('must be an integer number of minor units (cents, 分)').min(0).max(1_000_000_000_00);
export const Visibility = z.enum(['public', 'unlisted', 'hidden']);
export const ProductSlug = z.string().trim().toLowerCase().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'must be lowercase letters, digits or dashes');

const productFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().max(20_000).optional().describe('Markdown; rendered sanitized on the product page'),
  category: z.string().trim().min(1).max(40).optional().describe('A shelf on the shop page, e.g. "Steam"'),
  price: MinorUnits,
  currency: Currency,
  delivery: z.literal('card'),
  min_quantity: z.number().int().min(1).max(10_000).optional(),
  max_quantity: z.number().int().min(1).max(10_000).optional(),
  visibility: Visibility.optional(),
  slug: ProductSlug.optional(),
};

export const CreateProductInput = z
  .object(productFields)
  .refine((p) => (p.min_quantity ?? 1) <= (p.max_quantity ?? Math.max(100, p.min_quantity ?? 1)), {
    message: 'min_quantity must not exceed max_quantity',
    path: ['min_quantity'],
  });
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
});
export type UpdateProductInput = z.infer<typeof UpdateProductInput>;

export const Stock = z.object({ available: z.number().int(), reserved: z.number().int(), sold: z.number().int(), void: z.number().int() });

export const ProductOut = z.object({
  id: z.string(),
  object: z.literal('product'),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.string().nullable(),
  price: z.number().int(),
  currency: z.string(),
  delivery: z.literal('card'),
  min_quantity: z.number().int(),
  max_quantity: z.number().int(),
  visibility: Visibility,
  stock: Stock,
  created_at: z.string(),
  updated_at: z.string(),
});
export type ProductOut = z.infer<typeof ProductOut>;

export const StorefrontProductOut = z.object({
  id: z.string(),
  object: z.literal('product'),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.string().nullable(),
  price: z.number().int(),
  currency: z.string(),
  delivery: z.literal('card'),
  min_quantity: z.number().int(),
  max_quantity: z.number().int(),
  stock: z.object({ available: z.number().int() }),
  rating: z.object({ average: z.number().nullable(), count: z.number().int() }).describe('Buyers\' reviews: average stars (1–5) and how many'),
});
