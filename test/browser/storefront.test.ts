// A buyer on a phone-sized screen in real Chromium: the shop, a product whose
// Markdown description is sanitized, checkout with the sandbox gateway, the
// payment page, and the order page that fills in the keys by itself. Then the
// lookup from another device, the .txt download, recent orders and the
// language switch. Screenshots go to docs/screenshots/ with UPDATE_SCREENSHOTS=1.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createApiKey, createProduct, importKeys, keys, notify, setupListeningTestApp, signedNotify, signupMerchant, type TestApp } from '../helpers.ts';
import { DESKTOP, launchBrowser, PHONE, screenshot, SKIP_BROWSER } from './browser.ts';

let t: TestApp;
let browser: Browser;
let slug: string;
let productId: string;
let auth: Record<string, string>;

beforeAll(async () => {
  if (SKIP_BROWSER) return;
  t = await setupListeningTestApp();
  const m = await signupMerchant(t, 'browser-shop');
  slug = m.slug;
  auth = bearer(await createApiKey(t, m));
  const p = await createProduct(t, auth, {
    title: 'Steam 钱包充值卡 ¥50', price: 4800, category: 'Steam', max_quantity: 5,
    description: '**Instant.** 付款后立即发货。\n\n<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>\n\n- one\n- two',
  });
  productId = p.id;
  await importKeys(t, auth, p.id, keys(6, 'BROWSER'));
  const other = await createProduct(t, auth, { title: '网易云音乐 VIP 月卡', price: 1500, category: '会员' });
  await importKeys(t, auth, other.id, keys(2, 'VIP'));
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function phone(locale = 'zh-CN'): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ ...PHONE, locale, acceptDownloads: true });
  const page = await ctx.newPage();
  page.on('pageerror', (err) => { throw err; });
  return { ctx, page };
}

async function soldKeys(orderNumber: string): Promise<string[]> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/orders?limit=100`, headers: auth });
  const order = res.json().data.find((o: { number: string }) => o.number === orderNumber);
  expect(order, 'the order exists for the merchant').toBeTruthy();
  const [row] = await t.q<{ id: string }>('select id from orders where number = $1', [orderNumber]);
  const token = t.services.keyring.orderAccessToken(row!.id);
  const read = await t.app.inject({ method: 'GET', url: `/api/v1/storefront/orders/${orderNumber}`, headers: { 'x-order-token': token } });
  return read.json().deliveries.flatMap((d: { items: string[] }) => d.items);
}

describe.skipIf(SKIP_BROWSER)('a buyer on a phone', () => {
  let orderNumber = '';
  let firstDevice: BrowserContext;

  it('buys two keys with the sandbox gateway and sees them on the order page', async () => {
    const { ctx, page } = await phone();
    firstDevice = ctx;
    await page.goto(`${t.config.publicUrl}/s/${slug}`);
    await expect.poll(() => page.getByTestId('products').locator('li').count()).toBe(2);
    await expect.poll(() => page.getByText('¥48.00').count()).toBeGreaterThan(0);
    await screenshot(page, 'phone-shop');

    await page.getByText('Steam 钱包充值卡 ¥50').click();
    await page.waitForURL(`**/s/${slug}/p/${productId}`);
    await expect.poll(() => page.locator('.prose strong').textContent()).toBe('Instant.');
    // The description's script and event handler never ran.
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('.prose script').count()).toBe(0);

    await page.getByRole('button', { name: '增加' }).click();
    expect(await page.locator('#qty').inputValue()).toBe('2');
    await page.getByLabel('邮箱').fill('phone-buyer@example.com');
    await page.getByLabel('查询密码').fill('phone-secret');
    await screenshot(page, 'phone-product');
    await page.getByRole('button', { name: /支付/ }).click();

    // The sandbox payment page; pressing Pay sends the signed notify and returns to the order.
    await page.waitForURL('**/pay/sandbox/**');
    await page.getByRole('button', { name: /Pay/ }).click();
    await page.waitForURL('**/o/**');
    orderNumber = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await expect.poll(() => page.getByTestId('keys').locator('li').count(), { timeout: 15_000 }).toBe(2);
    expect(await page.getByTestId('order-status').getAttribute('data-status')).toBe('delivered');
    const shown = await page.getByTestId('keys').locator('code').allTextContents();
    expect(shown.sort()).toEqual((await soldKeys(orderNumber)).sort());
    await screenshot(page, 'phone-order');

    // Download as .txt.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 .txt' }).click()]);
    expect(download.suggestedFilename()).toBe(`${orderNumber}.txt`);
    expect(readFileSync((await download.path())!, 'utf8').trim().split('\n').sort()).toEqual(shown.sort());
  });

  it('remembers the order on this device', async () => {
    const page = await firstDevice.newPage();
    await page.goto(`${t.config.publicUrl}/`);
    await expect.poll(() => page.getByTestId('recent-orders').textContent()).toContain(orderNumber);
    await firstDevice.close();
  });

  it('finds the order from another device by number or by email with the query password', async () => {
    const { ctx, page } = await phone();
    await page.goto(`${t.config.publicUrl}/o/${orderNumber}`);
    await expect.poll(() => page.getByText('本设备无权查看此订单。').count()).toBe(1);

    await page.goto(`${t.config.publicUrl}/lookup`);
    await page.getByLabel('订单号', { exact: true }).fill(orderNumber);
    await page.getByLabel('查询密码').fill('wrong-password');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.getByText('没有匹配的订单').count()).toBe(1);

    await page.getByLabel('查询密码').fill('phone-secret');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('lookup-results').getByText(orderNumber).click();
    await expect.poll(() => page.getByTestId('keys').locator('li').count()).toBe(2);

    await page.goto(`${t.config.publicUrl}/lookup`);
    await page.getByRole('radio', { name: '按邮箱' }).check();
    await page.getByRole('textbox', { name: '邮箱' }).fill('phone-buyer@example.com');
    await page.getByLabel('查询密码').fill('phone-secret');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.getByTestId('lookup-results').textContent()).toContain(orderNumber);
    await screenshot(page, 'phone-lookup');
    await ctx.close();
  });

  it('updates the order page by itself when the payment lands', async () => {
    const res = await t.app.inject({
      method: 'POST', url: `/api/v1/storefront/${slug}/orders`,
      payload: { product_id: productId, quantity: 1, email: 'waiting@example.com', query_password: 'letmein', gateway: 'sandbox' },
    });
    const c = res.json();
    const { ctx, page } = await phone('en-US');
    await page.goto(`${t.config.publicUrl}/o/${c.order.number}#token=${c.access_token}`);
    await expect.poll(() => page.getByTestId('order-status').getAttribute('data-status')).toBe('pending_payment');
    expect(new URL(page.url()).hash).toBe(''); // the token left the address bar
    await expect.poll(() => page.getByText('Waiting for your payment').count()).toBe(1);
    expect((await notify(t, signedNotify(t, c))).body).toBe('success');
    await expect.poll(() => page.getByTestId('keys').locator('li').count(), { timeout: 15_000 }).toBe(1);
    await ctx.close();
  });
});

describe.skipIf(SKIP_BROWSER)('languages', () => {
  it('follows the browser language and switches on demand, remembering the choice', async () => {
    const { ctx, page } = await phone('zh-TW');
    await page.goto(`${t.config.publicUrl}/lookup`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('訂單查詢');
    await page.getByTestId('lang').selectOption('en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Find my order');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Find my order');
    await page.getByTestId('lang').selectOption('zh-CN');
    await expect.poll(() => page.locator('h1').textContent()).toBe('订单查询');
    await ctx.close();
  });
});

describe.skipIf(SKIP_BROWSER)('on a desktop', () => {
  it('shows the shop and the product page side by side', async () => {
    const ctx = await browser.newContext({ ...DESKTOP, locale: 'en-US' });
    const page = await ctx.newPage();
    await page.goto(`${t.config.publicUrl}/s/${slug}`);
    await expect.poll(() => page.getByTestId('products').locator('li').count()).toBe(2);
    await page.getByRole('tab', { name: '会员' }).click();
    await expect.poll(() => page.getByTestId('products').locator('li').count()).toBe(1);
    await page.getByRole('tab', { name: 'All' }).click();
    await screenshot(page, 'desktop-shop');
    await page.goto(`${t.config.publicUrl}/s/${slug}/p/${productId}`);
    await expect.poll(() => page.getByRole('button', { name: /Pay/ }).count()).toBe(1);
    await screenshot(page, 'desktop-product');
    await page.goto(`${t.config.publicUrl}/s/no-such-shop`);
    await expect.poll(() => page.getByText('This shop does not exist or is closed.').count()).toBe(1);
    await ctx.close();
  });
});
