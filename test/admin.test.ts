// Platform admins look after shops: approval when it is required, suspension
// (the storefront and checkout close), commission, and the audit log.
import { beforeAll, expect, it } from 'vitest';
import { adminSession, bearer, checkout, createApiKey, createProduct, importKeys, keys, signupMerchant, setupTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await setupTestApp({ XIAOPU_MERCHANT_APPROVAL: '1' });
  admin = await adminSession(t);
});

it('holds new shops for approval, then opens them; suspends and reinstates; sets commission; audits it all', async () => {
  const m = await signupMerchant(t);
  const auth = bearer(await createApiKey(t, m));
  // A pending shop prepares in the console; its API keys work once it is approved.
  expect((await t.app.inject({ method: 'GET', url: '/api/v1/products', headers: auth })).statusCode).toBe(401);
  const p = await createProduct(t, m.headers, { price: 100 });
  await importKeys(t, m.headers, p.id, keys(2));
  expect((await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${m.slug}/products` })).statusCode).toBe(404);
  expect((await checkout(t, m.slug, p.id)).statusCode).toBe(404);

  const pending = await t.app.inject({ method: 'GET', url: '/api/v1/admin/merchants?status=pending', headers: admin });
  expect(pending.json().data).toMatchObject([{ id: m.merchantId, slug: m.slug, status: 'pending', owner_email: `${m.slug}@example.com`, products: 1 }]);
  const bySearch = await t.app.inject({ method: 'GET', url: `/api/v1/admin/merchants?q=${m.slug.slice(0, 8)}`, headers: admin });
  expect(bySearch.json().data.map((x: { id: string }) => x.id)).toContain(m.merchantId);

  const approve = await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/merchants/${m.merchantId}`, headers: admin, payload: { status: 'active', commission_bps: 500 } });
  expect(approve.json()).toMatchObject({ status: 'active', commission_bps: 500 });
  expect((await checkout(t, m.slug, p.id)).statusCode).toBe(201);
  expect((await t.app.inject({ method: 'GET', url: '/api/v1/products', headers: auth })).statusCode).toBe(200);

  const noReason = await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/merchants/${m.merchantId}`, headers: admin, payload: { status: 'suspended' } });
  expect(noReason.json().error).toMatchObject({ code: 'validation_error', param: 'reason' });
  const suspend = await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/merchants/${m.merchantId}`, headers: admin, payload: { status: 'suspended', reason: 'selling stolen keys' } });
  expect(suspend.json()).toMatchObject({ status: 'suspended', status_reason: 'selling stolen keys' });
  expect((await checkout(t, m.slug, p.id)).statusCode).toBe(404);
  const back = await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/merchants/${m.merchantId}`, headers: admin, payload: { status: 'active' } });
  expect(back.json()).toMatchObject({ status: 'active', status_reason: null, commission_bps: 500 });

  // A merchant is not an admin: the admin API does not exist for them.
  expect((await t.app.inject({ method: 'GET', url: '/api/v1/admin/merchants', headers: m.headers })).statusCode).toBe(404);
  expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/merchants/${m.merchantId}`, headers: m.headers, payload: { status: 'active' } })).statusCode).toBe(404);

  const audit = await t.app.inject({ method: 'GET', url: `/api/v1/admin/audit?merchant_id=${m.merchantId}&action=merchant.update`, headers: admin });
  expect(audit.json().data.map((e: { data: { status?: string } }) => e.data.status)).toEqual(['active', 'suspended', 'active']);
  expect((await t.app.inject({ method: 'GET', url: '/api/v1/admin/audit', headers: m.headers })).statusCode).toBe(404);
});
