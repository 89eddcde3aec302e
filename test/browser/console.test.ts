// A merchant in real Chromium: signs up, creates a product, imports keys from
// a file (with the import report), sees a sale on the dashboard and the order
// in the list and its detail; a second merchant cannot see the first's order.
// An admin sees the needs-action queue and the gateways. Screenshots go to
// docs/screenshots/ (with UPDATE_SCREENSHOTS=1).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { armFault } from '../../src/lib/faults.ts';
import { adminSession, keys, notify, setupListeningTestApp, signedNotify, type TestApp } from '../helpers.ts';
import { DESKTOP, launchBrowser, PHONE, screenshot, SKIP_BROWSER } from './browser.ts';

let t: TestApp;
let browser: Browser;

beforeAll(async () => {
  if (SKIP_BROWSER) return;
  t = await setupListeningTestApp();
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function signUp(page: Page, slug: string) {
  await page.goto(`${t.config.publicUrl}/console`);
  await page.waitForURL('**/console/login');
  await page.getByRole('link', { name: 'Open a shop' }).click();
  await page.getByLabel('Email').fill(`${slug}@example.com`);
  await page.getByLabel('Password').fill('merchant password 1');
  await page.getByLabel('Shop name').fill(`Shop ${slug}`);
  await page.getByLabel('Shop address').fill(slug);
  await page.getByRole('button', { name: 'Open a shop' }).click();
  await expect.poll(() => page.locator('h1').textContent()).toBe('Dashboard');
}

describe.skipIf(SKIP_BROWSER)('a merchant in the console', () => {
  let orderNumber = '';

  it('signs up, creates a product, imports keys from a file and sees the sale', async () => {
    const ctx = await browser.newContext({ ...DESKTOP, locale: 'en-US' });
    const page = await ctx.newPage();
    page.on('pageerror', (err) => { throw err; });
    await signUp(page, 'console-a');

    await page.getByRole('link', { name: 'Products' }).click();
    await expect.poll(() => page.getByText('No products yet').count()).toBe(1);
    await page.getByRole('link', { name: '+ New product' }).click();
    await page.getByLabel('Title').fill('Netflix 礼品卡 $25');
    await page.getByLabel('Description').fill('**Instant** delivery.');
    await page.getByLabel('Price').fill('168.00');
    await page.getByLabel('Category').fill('Gift cards');
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.waitForURL(/\/console\/products\/prd_/);

    // Import from a file: 5 keys and a repeat of one of them.
    const cards = keys(5, 'CONSOLE');
    const dir = mkdtempSync(path.join(tmpdir(), 'xiaopu-console-'));
    const file = path.join(dir, 'keys.txt');
    writeFileSync(file, [...cards, cards[0], ''].join('\n'));
    await page.getByLabel('Or choose a text file').setInputFiles(file);
    await page.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.getByTestId('import-result').textContent()).toBe('Imported 5, skipped 1 duplicates.');
    await expect.poll(() => page.getByTestId('key-table').locator('tr').count()).toBe(5);
    // Keys are masked; one is revealed on demand.
    const firstMasked = await page.getByTestId('key-table').locator('code').first().textContent();
    expect(cards).not.toContain(firstMasked);
    await page.getByTestId('key-table').getByRole('button', { name: 'Reveal' }).first().click();
    await expect.poll(async () => cards.includes((await page.getByTestId('key-table').locator('code').first().textContent()) ?? '')).toBe(true);
    await screenshot(page, 'desktop-console-product');

    // A buyer buys one through the API; the sale shows up.
    const productId = new URL(page.url()).pathname.split('/').pop()!;
    const bought = await t.app.inject({
      method: 'POST', url: '/api/v1/storefront/console-a/orders',
      payload: { product_id: productId, quantity: 1, email: 'fan@example.com', query_password: 'letmein', gateway: 'sandbox' },
    });
    const c = bought.json();
    expect((await notify(t, signedNotify(t, c))).body).toBe('success');
    orderNumber = c.order.number;

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect.poll(() => page.getByTestId('stat-Today').textContent()).toContain('Orders: 1');
    expect(await page.getByTestId('stat-Today').textContent()).toContain('168.00');
    await expect.poll(() => page.getByTestId('chart').locator('canvas').count()).toBe(1);
    await screenshot(page, 'desktop-console-dashboard');

    await page.getByRole('link', { name: 'Orders' }).click();
    await expect.poll(() => page.getByTestId('order-table').textContent()).toContain(orderNumber);
    await page.getByRole('searchbox').fill('fan@example.com');
    await page.getByRole('searchbox').press('Enter');
    await expect.poll(() => page.getByTestId('order-table').locator('tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: orderNumber }).click();
    await expect.poll(() => page.getByTestId('timeline').locator('li').count()).toBe(3);
    await screenshot(page, 'desktop-console-order');
    await ctx.close();
  });

  it('keeps one merchant out of another\'s orders', async () => {
    const ctx = await browser.newContext({ ...PHONE, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await page.goto(`${t.config.publicUrl}/console/signup`);
    await page.getByLabel('邮箱').fill('console-b@example.com');
    await page.getByLabel('密码').fill('merchant password 2');
    await page.getByLabel('店铺名称').fill('B 店');
    await page.getByLabel('店铺地址').fill('console-b');
    await page.getByRole('button', { name: '开店' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('概览');
    await screenshot(page, 'phone-console-dashboard');
    await page.getByRole('button', { name: /菜单/ }).click();
    await page.getByRole('link', { name: '订单' }).click();
    await expect.poll(() => page.getByText('没有匹配的订单。').count()).toBe(1);
    const [row] = await t.q<{ id: string }>('select id from orders where number = $1', [orderNumber]);
    await page.goto(`${t.config.publicUrl}/console/orders/${row!.id}`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('未找到');
    expect(await page.getByText(orderNumber).count()).toBe(0);
    await ctx.close();
  });

  it('lets an admin see the needs-action queue and the gateways, and nobody else', async () => {
    const headers = await adminSession(t, 'root@example.com');
    expect(headers.cookie).toBeTruthy();
    const ctx = await browser.newContext({ ...DESKTOP, locale: 'en-US' });
    const page = await ctx.newPage();
    await page.goto(`${t.config.publicUrl}/console/login`);
    await page.getByLabel('Email').fill('root@example.com');
    await page.getByLabel('Password').fill('admin-password-1');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Orders needing action');
    await page.getByRole('link', { name: 'Gateways' }).click();
    await expect.poll(() => page.getByText('Sandbox gateway').count()).toBe(1);
    // Configure epay from the page: a bad key is refused with the field named; a good one is stored, never shown again.
    const epay = page.getByTestId('gateway-epay');
    await epay.getByRole('button', { name: 'Settings' }).click();
    await epay.getByLabel('Settings (JSON, without secrets)').fill('{"version": 1, "api_url": "https://pay.example.com", "pid": "1001"}');
    await epay.getByLabel('key', { exact: true }).fill('short');
    await epay.getByLabel('Enabled').check();
    await epay.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => epay.getByRole('alert').textContent()).toContain('settings.key');
    await epay.getByLabel('key', { exact: true }).fill('a-long-enough-merchant-key-123');
    await epay.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => epay.textContent()).toContain('Secrets stored: key');
    expect(await epay.textContent()).toContain('Enabled');
    expect(await page.content()).not.toContain('a-long-enough-merchant-key-123');
    await screenshot(page, 'desktop-admin-gateways');
    // The same page on a phone: the notify URLs wrap instead of pushing the page sideways.
    await page.setViewportSize(PHONE.viewport);
    await screenshot(page, 'phone-admin-gateways');
    await page.setViewportSize(DESKTOP.viewport);

    // Shops: suspend one (the reason is asked for), and its storefront closes.
    await page.getByRole('link', { name: 'Shops' }).click();
    await expect.poll(() => page.getByTestId('merchant-table').locator('tbody tr').count()).toBe(2);
    page.once('dialog', (d) => void d.accept('chargebacks'));
    await page.getByTestId('merchant-table').locator('tr', { hasText: 'B 店' }).getByRole('button', { name: 'Suspend' }).click();
    await expect.poll(() => page.getByTestId('merchant-table').locator('tr', { hasText: 'B 店' }).textContent()).toContain('chargebacks');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/storefront/console-b/products' })).statusCode).toBe(404);
    await screenshot(page, 'desktop-admin-merchants');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect.poll(() => page.getByTestId('audit-table').textContent()).toContain('merchant.update');
    await ctx.close();
  });

  it('lets an admin decide a refund the gateway never answered, on the phone', async () => {
    // A shop sells a key; its refund is asked for, and the process fails before the gateway's answer is recorded.
    const su = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: { email: 'pending-refund@example.com', password: 'merchant password 1', shop_name: 'R 店', shop_slug: 'console-r' } });
    const m = { cookie: `xp_session=${su.cookies.find((c) => c.name === 'xp_session')!.value}`, 'x-csrf-token': su.json().csrf_token };
    const product = (await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: m, payload: { title: 'Refund me', price: 900, currency: 'CNY', delivery: 'card' } })).json();
    await t.app.inject({ method: 'POST', url: `/api/v1/products/${product.id}/cards`, headers: m, payload: { cards: keys(1) } });
    const c = (await t.app.inject({ method: 'POST', url: '/api/v1/storefront/console-r/orders', payload: { product_id: product.id, quantity: 1, email: 'b@example.com', query_password: 'pw12', gateway: 'sandbox' } })).json();
    await notify(t, signedNotify(t, c));
    armFault('refund.gateway_answered');
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/refunds`, headers: m, payload: { amount: 400 } })).statusCode).toBe(500);
    t.clock.advance(3 * 60_000); // past the moment its own request could still be asking the gateway

    const admin = await adminSession(t, 'refund-admin@example.com');
    const ctx = await browser.newContext({ ...PHONE, locale: 'zh-CN' });
    await ctx.addCookies([{ name: 'xp_session', value: (admin.cookie ?? '').slice('xp_session='.length), url: t.config.publicUrl }]);
    const page = await ctx.newPage();
    await page.goto(`${t.config.publicUrl}/admin/orders/${c.order.id}`);
    // The refund line in the admin's language: ¥4.00 · 处理中 (pending).
    await expect.poll(() => page.getByText(/¥4\.00 · 处理中/).count()).toBeGreaterThan(0);
    page.once('dialog', (d) => void d.accept('网关后台显示已退款 4.00'));
    await page.getByRole('button', { name: '标记为已退款' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('已记录');
    await expect.poll(() => page.getByRole('button', { name: '标记为已退款' }).count()).toBe(0);
    const [r] = await t.q<{ status: string }>('select status from refunds where order_id = $1', [c.order.id]);
    expect(r!.status).toBe('succeeded');
    const [o] = await t.q<{ status: string }>('select status from orders where id = $1', [c.order.id]);
    expect(o!.status).toBe('partially_refunded');
    await screenshot(page, 'phone-admin-refund-decided');
    await ctx.close();
  });
});
