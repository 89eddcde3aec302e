// The web app's API types are generated from the server's OpenAPI document
// (tools/api-types.ts): the committed file must be what the server says today.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from '../tools/api-types.ts';

it('web/src/shared/api-types.ts matches /openapi.json (run `npm run gen:api-types` after changing a route)', async () => {
  const generated = await generateApiTypes();
  expect(readFileSync(API_TYPES_FILE, 'utf8') === generated, 'web/src/shared/api-types.ts is stale: run `npm run gen:api-types`').toBe(true);
  expect(generated).toContain('"/api/v1/storefront/{shop_slug}/orders"');
});
