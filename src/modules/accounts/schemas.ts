import { z } from 'zod';

export const Email = z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an email address' })).pipe(z.string().max(254));
export const Password = z.string().min(8, 'must be at least 8 characters').max(200);
export const ShopSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/, 'must be 3–40 lowercase letters, digits or dashes');

export const SignupInput = z.object({
  email: Email,
  password: Password,
  shop_name: z.string().trim().min(1).max(80).optional().describe('With shop_slug: open a shop. Without both: a buyer account (wallet, order history)'),
  shop_slug: ShopSlug.optional(),
}).refine((v) => (v.shop_name === undefined) === (v.shop_slug === undefined), {
  message: 'give both shop_name and shop_slug to open a shop, or neither for a buyer account', path: ['shop_slug'],
});
export type SignupInput = z.infer<typeof SignupInput>;

export const LoginInput = z.object({ email: Email, password: z.string().min(1).max(200) });
export type LoginInput = z.infer<typeof LoginInput>;

export const UserOut = z.object({ id: z.string(), email: z.string(), is_admin: z.boolean() });
export const MerchantOut = z.object({ id: z.string(), slug: z.string(), name: z.string() });
export const SessionOut = z.object({ user: UserOut, merchant: MerchantOut.nullable(), csrf_token: z.string() });
