// Wholesale prices and redeem instructions in real Chromium: the merchant
// sets a tier and instructions in the console (desktop); a buyer on a phone
// sees the tier table, the unit price drop at the tier, pays the tiered
// total, and reads the instructions (Markdown, sanitized) beside the keys.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createApiKey, createProduct, importKeys, keys, setupListeningTestApp, signupMerchant, type MerchantSession, type TestApp } from '../helpers.ts';
import { DESKTOP, launchBrowser, openPage, payInSandbox, PHONE, screenshot, SKIP_BROWSER } from './browser.ts';
import { startDeliveryEndpoint } from '../fakes/delivery-endpoint.ts';

let t: TestApp;
let browser: Browser;
let m: MerchantSession;
let productId: string;

beforeAll(async () => {
  if (SKIP_BROWSER) return;
  t = await setupListeningTestApp({ XIAOPU_WEBHOOK_ALLOW_PRIVATE: '1' });
  m = await signupMerchant(t, 'goods-shop');
  const auth = bearer(await createApiKey(t, m));
  productId = (await createProduct(t, auth, { title: 'Xbox Game Pass 月卡', price: 1000, max_quantity: 10 })).id;
  await importKeys(t, auth, productId, keys(10, 'GOODS'));
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe.skipIf(SKIP_BROWSER)('wholesale prices and redeem instructions', () => {
  it('the merchant adds a tier and instructions in the console', async () => {
    const { ctx, page } = await openPage(browser, { device: DESKTOP, locale: 'en-US', cookie: m.cookie, url: t.config.publicUrl });
    await page.goto(`${t.config.publicUrl}/console/products/${productId}`);
    await page.getByRole('button', { name: '+ Add a tier' }).click();
    await page.getByTestId('tiers').getByPlaceholder('From quantity').fill('5');
    await page.getByTestId('tiers').getByPlaceholder('Unit price').fill('9.00');
    await page.getByLabel('Valid for (days after delivery)').fill('30');
    await page.getByLabel('How to redeem (shown with the keys)').fill('Open **xbox.com/redeem** and enter the code.\n\n<img src=x onerror="window.__xss=1">');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBeTruthy();
    const [row] = await t.q<{ price_tiers: unknown; instructions: string }>('select price_tiers, instructions from products where id = $1', [productId]);
    expect(row?.price_tiers).toEqual([{ min_quantity: 5, unit_price: 900 }]);
    expect((await t.q<{ validity_days: number }>('select validity_days from products where id = $1', [productId]))[0]?.validity_days).toBe(30);
    expect(row?.instructions).toContain('xbox.com/redeem');
    await screenshot(page, 'desktop-console-tiers');
    await ctx.close();
  });

  it('a buyer on a phone sees the tiers, pays the tiered total and reads the instructions', async () => {
    const { ctx, page } = await openPage(browser, { device: PHONE, locale: 'zh-CN' });
    await page.goto(`${t.config.publicUrl}/s/${m.slug}/p/${productId}`);
    await expect.poll(() => page.getByTestId('price-tiers').textContent()).toContain('5 件起');
    expect(await page.getByTestId('validity').textContent()).toBe('有效期 30 天');
    await page.locator('#qty').fill('5');
    await expect.poll(() => page.getByTestId('unit-price').textContent()).toBe('¥9.00');
    await page.getByLabel('邮箱').fill('tier-buyer@example.com');
    await page.getByLabel('查询密码').fill('tier-secret');
    await screenshot(page, 'phone-product-tiers');
    await page.getByRole('button', { name: '支付 ¥45.00' }).click();
    await payInSandbox(page);
    await expect.poll(() => page.getByTestId('keys').locator('li').count(), { timeout: 15_000 }).toBe(5);
    await expect.poll(() => page.getByTestId('instructions').locator('strong').textContent()).toBe('xbox.com/redeem');
    expect(await page.getByTestId('valid-until').textContent()).toContain('有效期至');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    const [o] = await t.q<{ total: string }>(`select total from orders where email = 'tier-buyer@example.com'`);
    expect(Number(o?.total)).toBe(4500);
    await ctx.close();
  });

  it('the merchant creates a shared product in the console; a buyer gets its text', async () => {
    const { ctx, page } = await openPage(browser, { device: DESKTOP, locale: 'en-US', cookie: m.cookie, url: t.config.publicUrl });
    await page.goto(`${t.config.publicUrl}/console/products/new`);
    await page.getByLabel('Title').fill('Netflix 共享账号 (1 day)');
    await page.getByLabel('Price').fill('3.00');
    await page.getByLabel('Delivery', { exact: true }).selectOption('shared');
    await page.getByLabel('What every buyer gets').fill('netflix-share@example.com / pass: Sh4red!');
    await page.getByLabel('Sell at most (units)').fill('50');
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.waitForURL(/\/console\/products\/prd_/);
    const sharedId = new URL(page.url()).pathname.split('/').pop() ?? '';
    // A shared product takes no keys: no import form.
    expect(await page.getByRole('button', { name: 'Import' }).count()).toBe(0);
    await page.goto(`${t.config.publicUrl}/console/products`);
    await expect.poll(() => page.getByText('Shared text (same for every buyer) · 0 / 50').count()).toBe(1);
    await ctx.close();

    const { ctx: buyer, page: b } = await openPage(browser, { device: PHONE, locale: 'zh-CN' });
    await b.goto(`${t.config.publicUrl}/s/${m.slug}/p/${sharedId}`);
    await expect.poll(() => b.getByText('库存 50').count()).toBe(1);
    await b.getByLabel('邮箱').fill('shared-buyer@example.com');
    await b.getByLabel('查询密码').fill('shared-secret');
    await b.getByRole('button', { name: /支付/ }).click();
    await payInSandbox(b);
    await expect.poll(() => b.getByTestId('keys').locator('code').textContent(), { timeout: 15_000 }).toBe('netflix-share@example.com / pass: Sh4red!');
    await buyer.close();
  });

  it('a buyer on a phone picks their key (自选卡密) and gets exactly it', async () => {
    const auth = bearer(await createApiKey(t, m));
    const p = await createProduct(t, auth, { title: '靓号 QQ', price: 500, pick: { enabled: true, surcharge: 100 } });
    await importKeys(t, auth, p.id, ['QQ-8888-8888-0001', 'QQ-8888-8888-0002', 'QQ-8888-8888-6666']);
    const { ctx, page } = await openPage(browser, { device: PHONE, locale: 'zh-CN' });
    await page.goto(`${t.config.publicUrl}/s/${m.slug}/p/${p.id}`);
    await page.getByLabel(/自己挑选卡密/).check();
    await page.getByRole('radio', { name: '…6666' }).check();
    await expect.poll(() => page.getByTestId('unit-price').textContent()).toBe('¥6.00');
    await page.getByLabel('邮箱').fill('pick-buyer@example.com');
    await page.getByLabel('查询密码').fill('pick-secret');
    await screenshot(page, 'phone-product-pick');
    await page.getByRole('button', { name: '支付 ¥6.00' }).click();
    await payInSandbox(page);
    await expect.poll(() => page.getByTestId('keys').locator('code').textContent(), { timeout: 15_000 }).toBe('QQ-8888-8888-6666');
    await ctx.close();
  });

  it('the merchant creates a license product; a buyer on a phone sees the device it is active on and frees it; the console shows the license', async () => {
    const { ctx, page } = await openPage(browser, { device: DESKTOP, locale: 'en-US', cookie: m.cookie, url: t.config.publicUrl });
    await page.goto(`${t.config.publicUrl}/console/products/new`);
    await page.getByLabel('Title').fill('Markdown Editor Pro');
    await page.getByLabel('Price').fill('99.00');
    await page.getByLabel('Delivery', { exact: true }).selectOption('license');
    await page.getByLabel('Devices per key').fill('2');
    await page.getByLabel('Key format').fill('MD-####-####-####-####');
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.waitForURL(/\/console\/products\/prd_/);
    const licenseProduct = new URL(page.url()).pathname.split('/').pop() ?? '';
    await expect.poll(() => page.getByTestId('license-list').textContent()).toContain('No licenses sold yet.');

    const { ctx: buyer, page: b } = await openPage(browser, { device: PHONE, locale: 'zh-TW' });
    await b.goto(`${t.config.publicUrl}/s/${m.slug}/p/${licenseProduct}`);
    await expect.poll(() => b.getByTestId('license-devices').textContent()).toBe('授權：最多 2 台裝置');
    await b.getByLabel('電子郵件').fill('license-buyer@example.com');
    await b.getByLabel('查詢密碼').fill('license-secret');
    await b.getByRole('button', { name: /付款 / }).click();
    await payInSandbox(b);
    await expect.poll(() => b.getByTestId('license').locator('code').textContent(), { timeout: 15_000 }).toMatch(/^MD-[2-9A-Z]{4}-/);
    const key = (await b.getByTestId('license').locator('code').textContent()) ?? '';
    expect(await b.getByTestId('license-status').textContent()).toBe('未啟用');

    // The buyer's software activates the key on a machine; the order page shows it, and the buyer frees the seat.
    const activated = await fetch(`${t.config.publicUrl}/api/v1/licenses/activate`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ license_key: key, instance_name: 'MacBook 家用' }),
    });
    expect(activated.status).toBe(200);
    await b.reload();
    await expect.poll(() => b.getByTestId('license-device').textContent()).toContain('MacBook 家用');
    expect(await b.getByTestId('license-status').textContent()).toBe('使用中');
    await screenshot(b, 'phone-order-license');
    b.once('dialog', (d) => void d.accept());
    await b.getByRole('button', { name: '解除綁定' }).click();
    await expect.poll(() => b.getByTestId('license-device').count()).toBe(0);
    const [row] = await t.q<{ activation_usage: number }>(`select activation_usage from licenses where product_id = $1 and status = 'active'`, [licenseProduct]);
    expect(row?.activation_usage).toBe(0);
    await buyer.close();

    // The merchant finds it by the key and revokes it; the license API then says so.
    await page.reload();
    await page.getByPlaceholder('Find by the key a buyer quotes').fill(key);
    await page.getByRole('button', { name: 'Find' }).click();
    await expect.poll(() => page.getByTestId('license-row').count()).toBe(1);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => page.getByTestId('license-row').textContent()).toContain('Disabled');
    await screenshot(page, 'desktop-console-licenses');
    const validated = await (await fetch(`${t.config.publicUrl}/api/v1/licenses/validate`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ license_key: key }),
    })).json();
    expect(validated).toMatchObject({ valid: false, license_key: { status: 'disabled' } });
    await ctx.close();
  });

  it('a 代充 product: the merchant sets its fields, a buyer on a phone fills them and pays, the merchant fulfils in the console', async () => {
    const { ctx, page } = await openPage(browser, { device: DESKTOP, locale: 'en-US', cookie: m.cookie, url: t.config.publicUrl });
    await page.goto(`${t.config.publicUrl}/console/products/new`);
    await page.getByLabel('Title').fill('王者荣耀 点券代充');
    await page.getByLabel('Price').fill('60.00');
    await page.getByLabel('Delivery', { exact: true }).selectOption('manual');
    const fieldset = page.getByTestId('manual-fields');
    await fieldset.getByPlaceholder('Key').fill('account');
    await fieldset.getByPlaceholder('Label').fill('QQ number');
    await page.getByRole('button', { name: '+ Add a field' }).click();
    await fieldset.getByPlaceholder('Key').nth(1).fill('zone');
    await fieldset.getByPlaceholder('Label').nth(1).fill('Zone');
    await fieldset.getByLabel('Type').nth(1).selectOption('select');
    await fieldset.getByPlaceholder('Choices (comma-separated)').fill('iOS QQ, Android QQ, 微信');
    await page.getByLabel('Hours to fulfil').fill('4');
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.waitForURL(/\/console\/products\/prd_/);
    const manualProduct = new URL(page.url()).pathname.split('/').pop() ?? '';
    const [saved] = await t.q<{ manual_fields: unknown; manual_sla_hours: number }>('select manual_fields, manual_sla_hours from products where id = $1', [manualProduct]);
    expect(saved?.manual_sla_hours).toBe(4);
    expect(saved?.manual_fields).toEqual([
      { key: 'account', label: 'QQ number', type: 'text', required: true },
      { key: 'zone', label: 'Zone', type: 'select', required: true, options: ['iOS QQ', 'Android QQ', '微信'] },
    ]);

    const { ctx: buyer, page: b } = await openPage(browser, { device: PHONE, locale: 'zh-CN' });
    await b.goto(`${t.config.publicUrl}/s/${m.slug}/p/${manualProduct}`);
    await expect.poll(() => b.getByTestId('manual-fields').textContent()).toContain('4 小时内');
    await b.getByLabel('QQ number').fill('10001');
    await b.getByLabel('Zone').selectOption('Android QQ');
    await b.getByLabel('邮箱').fill('manual-buyer@example.com');
    await b.getByLabel('查询密码').fill('manual-secret');
    await screenshot(b, 'phone-product-manual');
    await b.getByRole('button', { name: /支付/ }).click();
    await payInSandbox(b);
    await expect.poll(() => b.getByTestId('awaiting').textContent(), { timeout: 15_000 }).toContain('商家正在人工处理');
    expect(await b.getByTestId('buyer-fields').textContent()).toContain('Android QQ');
    const [order] = await t.q<{ id: string }>(`select id from orders where email = 'manual-buyer@example.com'`);

    await page.goto(`${t.config.publicUrl}/console/orders`);
    await page.getByLabel('Status').selectOption('awaiting_fulfilment');
    await page.goto(`${t.config.publicUrl}/console/orders/${order?.id}`);
    await expect.poll(() => page.getByTestId('buyer-fields').textContent()).toContain('10001');
    await page.getByLabel('Note to the buyer').fill('已充值 600 点券，请重新登录查看。');
    await page.getByLabel('Items issued (one per line)').fill('充值单号 QB-7788');
    await screenshot(page, 'desktop-console-fulfil');
    await page.getByRole('button', { name: 'Fulfil' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Fulfilled');
    await ctx.close();

    await b.reload();
    await expect.poll(() => b.getByTestId('shop-note').textContent(), { timeout: 15_000 }).toContain('已充值 600 点券');
    expect(await b.getByTestId('keys').locator('code').textContent()).toBe('充值单号 QB-7788');
    await buyer.close();
  });

  it('a download: the merchant uploads the file in the console; a buyer on a phone pays and fetches exactly it', async () => {
    const auth = bearer(await createApiKey(t, m));
    const p = await createProduct(t, auth, { title: 'Figma 图标包', price: 1500, delivery: 'download' });
    const { ctx, page } = await openPage(browser, { device: DESKTOP, locale: 'zh-TW', cookie: m.cookie, url: t.config.publicUrl });
    await page.goto(`${t.config.publicUrl}/console/products/${p.id}`);
    await expect.poll(() => page.getByTestId('product-file').textContent()).toContain('尚未上傳檔案');
    const bytes = Buffer.from(`icons ${'★'.repeat(5000)}`);
    await page.getByLabel('上傳檔案').setInputFiles({ name: 'icons.zip', mimeType: 'application/zip', buffer: bytes });
    await page.getByRole('button', { name: '上傳', exact: true }).click();
    const digest = createHash('sha256').update(bytes).digest('hex');
    await expect.poll(() => page.getByTestId('product-file').textContent()).toContain(digest);
    await screenshot(page, 'desktop-console-download-file');
    await ctx.close();

    const { ctx: buyer, page: b } = await openPage(browser, { device: PHONE, locale: 'en-US', acceptDownloads: true });
    await b.goto(`${t.config.publicUrl}/s/${m.slug}/p/${p.id}`);
    await expect.poll(() => b.getByTestId('file').textContent()).toContain('icons.zip');
    await b.getByLabel('Email').fill('file-buyer@example.com');
    await b.getByLabel('Query password').fill('file-secret');
    await b.getByRole('button', { name: /Pay/ }).click();
    await payInSandbox(b);
    await expect.poll(() => b.getByTestId('download').textContent(), { timeout: 15_000 }).toContain(digest);
    const [download] = await Promise.all([b.waitForEvent('download'), b.getByRole('link', { name: /Download icons.zip/ }).click()]);
    expect(download.suggestedFilename()).toBe('icons.zip');
    const saved = await download.path();
    expect(createHash('sha256').update(readFileSync(saved)).digest('hex')).toBe(digest);
    await screenshot(b, 'phone-order-download');
    await buyer.close();
  });

  it('a webhook product: the merchant sets the endpoint, copies the secret shown once and tests the endpoint from the console', async () => {
    const ep = await startDeliveryEndpoint();
    try {
      const { ctx, page } = await openPage(browser, { device: DESKTOP, locale: 'en-US', cookie: m.cookie, url: t.config.publicUrl });
      await page.goto(`${t.config.publicUrl}/console/products/new`);
      await page.getByLabel('Title').fill('Proxy subscription');
      await page.getByLabel('Price').fill('25.00');
      await page.getByLabel('Delivery', { exact: true }).selectOption('webhook');
      await page.getByLabel('Your delivery endpoint (https)').fill(ep.url);
      await page.getByRole('button', { name: 'Create product' }).click();
      await page.waitForURL(/\/console\/products\/prd_/);
      const secret = (await page.getByTestId('webhook-secret').locator('code').textContent()) ?? '';
      expect(secret).toMatch(/^whsec_/);
      ep.secret = secret;
      ep.script = [{ status: 200, body: JSON.stringify({ items: ['SUB-TEST'] }) }];
      await page.getByRole('button', { name: 'Send a test call' }).click();
      await expect.poll(() => page.getByTestId('webhook-result').textContent()).toContain('answered 200');
      expect(ep.calls.at(-1)).toMatchObject({ verified: true, body: { data: { test: true } } });
      await screenshot(page, 'desktop-console-webhook');
      // Shown once: not after a reload.
      await page.reload();
      await expect.poll(() => page.getByTestId('webhook-panel').count()).toBe(1);
      expect(await page.getByTestId('webhook-secret').count()).toBe(0);
      ep.script = [{ status: 500, body: '' }];
      await page.getByRole('button', { name: 'Send a test call' }).click();
      await expect.poll(() => page.getByTestId('webhook-result').textContent()).toContain('answered HTTP 500');
      await ctx.close();
    } finally {
      await ep.close();
    }
  });

  it('a variant picked: a buyer on a phone chooses the 3-month variant and gets its key at its price', async () => {
    const auth = bearer(await createApiKey(t, m));
    const p = await createProduct(t, auth, { title: 'Spotify Premium', price: 1500 });
    await t.app.inject({ method: 'POST', url: `/api/v1/products/${p.id}/variants`, headers: auth, payload: { name: '1 month', validity_days: 30 } });
    const last = await t.app.inject({ method: 'POST', url: `/api/v1/products/${p.id}/variants`, headers: auth, payload: { name: '3 months', price: 3900, validity_days: 90 } });
    const variants = last.json().variants as Array<{ id: string; name: string }>;
    const three = variants.find((v) => v.name === '3 months')!;
    await importKeys(t, auth, three.id, ['SPOT-3M-0001']);
    await importKeys(t, auth, variants.find((v) => v.name === '1 month')!.id, ['SPOT-1M-0001']);

    const { ctx, page } = await openPage(browser, { device: PHONE, locale: 'en-US' });
    await page.goto(`${t.config.publicUrl}/s/${m.slug}`);
    await expect.poll(() => page.getByText(/^from .*15\.00$/).count()).toBe(1);
    await page.goto(`${t.config.publicUrl}/s/${m.slug}/p/${p.id}`);
    await page.getByRole('radio', { name: /3 months/ }).check();
    await expect.poll(() => page.getByTestId('validity').textContent()).toContain('90');
    await page.getByLabel('Email').fill('variant-buyer@example.com');
    await page.getByLabel('Query password').fill('variant-secret');
    await screenshot(page, 'phone-product-variants');
    await page.getByRole('button', { name: /^Pay .*39\.00$/ }).click();
    await payInSandbox(page);
    await expect.poll(() => page.getByTestId('keys').locator('code').textContent(), { timeout: 15_000 }).toBe('SPOT-3M-0001');
    await ctx.close();
  });
});
