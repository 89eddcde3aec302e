// What the storefront reads and sends, as the server documents it: types
// generated from /openapi.json (shared/api-types.ts, `npm run gen:api-types`).
import type { ApiResponse } from '../shared/api.ts';

export type StoreProduct = ApiResponse<'/api/v1/storefront/{shop_slug}/products/{product_id}', 'get'>['product'];

export type ShopGateway = ApiResponse<'/api/v1/storefront/{shop_slug}/gateways', 'get'>['data'][number];

export type CheckoutResult = ApiResponse<'/api/v1/storefront/{shop_slug}/orders', 'post', 201>;

/** The buyer's order page: the order, and once delivered its keys (with replacements and redeem instructions). */
export type BuyerOrder = ApiResponse<'/api/v1/storefront/orders/{number}', 'get'>;

// A path or status that no longer exists would make these `never` (and every use silently type-check): refuse that.
type Documented<T> = [T] extends [never] ? false : true;
export const _documented: [Documented<StoreProduct>, Documented<ShopGateway>, Documented<CheckoutResult>, Documented<BuyerOrder>] = [true, true, true, true];
