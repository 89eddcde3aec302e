// What the storefront reads and sends, as the server documents it: types
// generated from /openapi.json (shared/api-types.ts, `npm run gen:api-types`).
import type { ApiResponse } from '../shared/api.ts';

export type StoreProduct = ApiResponse<'/api/v1/storefront/{shop_slug}/products/{product_id}', 'get'>['product'];

export type ShopGateway = ApiResponse<'/api/v1/storefront/{shop_slug}/gateways', 'get'>['data'][number];

export type CheckoutResult = ApiResponse<'/api/v1/storefront/{shop_slug}/orders', 'post', 201>;

// The buyer's order page: its route has no response schema yet, so this one is written by hand.
export interface BuyerOrder {
  order: {
    id: string; number: string; status: string; total: number; currency: string; created_at: string; expires_at: string; completed_at: string | null;
    shop: { name: string; slug: string };
    items: Array<{ product_id: string; title: string; quantity: number }>;
    payment: { id: string; gateway: string; pay_url: string } | null;
  };
  /** `replacements`: keys among `items` sent later as replacements in a dispute (售后补发). */
  deliveries: Array<{ product_id: string; items: string[]; replacements?: string[]; instructions?: string | null }>;
}

// A path or status that no longer exists would make these `never` (and every use silently type-check): refuse that.
type Documented<T> = [T] extends [never] ? false : true;
export const _documented: [Documented<StoreProduct>, Documented<ShopGateway>, Documented<CheckoutResult>] = [true, true, true];
