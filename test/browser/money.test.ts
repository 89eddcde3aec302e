// The money loop in real Chromium: a buyer on a phone disputes an order and
// reviews it; the shop answers on a desktop and sends a replacement key the
// buyer then sees; the buyer closes the dispute; the shop's balance becomes
// available, it saves a destination and asks for a payout; an admin approves
// it and marks it paid; another dispute is ruled by the admin.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminSession, bearer, checkout, createApiKey, createProduct, importKeys, keys, notify, setupListeningTestApp, signedNotify, signupMerchant,
  type Checkout, type MerchantSession, type TestApp,
} from '../helpers.ts';
import { DESKTOP, launchBrowser, PHONE, screenshot, SKIP_BROWSER } from './browser.ts';

let t: TestApp;
let browser: Browser;
let m: MerchantSession;
let auth: Record<string, string>;
let productId: string;
let cards: string[];

beforeAll(async () => {
  if (SKIP_BROWSER) return;
  t = await setupListeningTestApp({ XIAOPU_COMMISSION_BPS: '500' });
  m = await signupMerchant(t, 'money-shop');
  auth = bearer(await createApiKey(t, m));
  const p = await createProduct(t, auth, { title: 'Office 365 年卡', price: 10000 });
  productId = p.id;
  cards = keys(4, 'MONEY');
  await importKeys(t, auth, p.id, cards);
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function sold(): Promise<Checkout> {
  const c = (await checkout(t, m.slug, productId, { email: 'phone@example.com' })).json() as Checkout;
  expect((await notify(t, signedNotify(t, c))).statusCode).toBe(200);
  return c;
}

/** A browser context logged in with a session cookie. */
async function withCookie(cookie: string, options: object, locale = 'en-US'): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ ...options, locale });
  const [name, value] = cookie.split('=');
  await ctx.addCookies([{ name: name!, value: value!, url: t.config.publicUrl }]);
  const page = await ctx.newPage();
  page.on('pageerror', (err) => { throw err; });
  return { ctx, page };
}

describe.skipIf(SKIP_BROWSER)('disputes, reviews, balance and payouts in the browser', () => {
  let c: Checkout;
  let buyer: Page;

  it('a buyer on a phone opens a dispute and reviews the order', async () => {
    c = await sold();
    const ctx = await browser.newContext({ ...PHONE, locale: 'zh-CN' });
    buyer = await ctx.newPage();
    buyer.on('pageerror', (err) => { throw err; });
    await buyer.goto(`${t.config.publicUrl}/o/${c.order.number}#token=${c.access_token}`);
    await expect.poll(() => buyer.getByTestId('keys').locator('li').count()).toBe(1);
    await buyer.getByRole('button', { name: '申请售后' }).click();
    await buyer.getByLabel('原因').selectOption('key_invalid');
    await buyer.getByLabel('请描述问题').fill('激活时提示卡密已被使用');
    await buyer.getByRole('button', { name: '提交给店铺' }).click();
    await expect.poll(() => buyer.getByTestId('dispute-status').getAttribute('data-status')).toBe('open');
    await expect.poll(() => buyer.getByTestId('order-status').getAttribute('data-status')).toBe('disputed');
    expect(await buyer.getByTestId('dispute-timeline').textContent()).toContain('激活时提示卡密已被使用');

    // Four stars overall, a comment.
    await buyer.getByRole('radiogroup', { name: '总体评分' }).getByRole('radio', { name: '4' }).click();
    await buyer.getByLabel('评价内容（可选）').fill('客服回复很快');
    await buyer.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => buyer.getByTestId('my-review').textContent()).toContain('客服回复很快');
    await screenshot(buyer, 'phone-dispute');
    // The review shows on the product page, with the shop's reputation.
    const product = await ctx.newPage();
    await product.goto(`${t.config.publicUrl}/s/${m.slug}/p/${productId}`);
    await expect.poll(() => product.getByTestId('product-reviews').textContent()).toContain('客服回复很快');
    expect(await product.getByTestId('product-rating').textContent()).toContain('4.0');
    await expect.poll(() => product.getByTestId('reputation').count()).toBe(1);
    await product.close();
    const [row] = await t.q<{ rating: number }>('select rating from reviews where order_id = $1', [c.order.id]);
    expect(row?.rating).toBe(4);
  });

  it('the shop answers on a desktop and sends a replacement the buyer sees; the buyer closes the dispute', async () => {
    const { page } = await withCookie(m.cookie, DESKTOP);
    // The sale is held in escrow: pending, not yet available (¥100.00 less 5 % commission).
    await page.goto(`${t.config.publicUrl}/console/money`);
    await expect.poll(() => page.getByTestId('pending').textContent()).toBe('CN¥95.00');
    expect(await page.getByTestId('available').textContent()).toBe('CN¥0.00');
    await page.goto(`${t.config.publicUrl}/console/disputes`);
    await page.getByTestId('dispute-table').getByRole('link', { name: c.order.number }).click();
    await page.getByLabel('Message').fill('Sorry! Here is a fresh key.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => page.getByTestId('dispute-timeline').textContent()).toContain('Sorry! Here is a fresh key.');
    await page.getByRole('button', { name: 'Send a replacement key' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('replacement key was delivered');
    await screenshot(page, 'desktop-console-dispute');

    await buyer.reload();
    await expect.poll(() => buyer.getByTestId('keys').locator('li').count()).toBe(2);
    await expect.poll(() => buyer.getByTestId('replacement').count()).toBe(1);
    expect(await buyer.getByTestId('dispute-timeline').textContent()).toContain('Sorry! Here is a fresh key.');
    // The system's line in the buyer's language only (the shop read it in English).
    const timeline = await buyer.getByTestId('dispute-timeline').textContent();
    expect(timeline).toContain('已补发 1 个卡密');
    expect(timeline).not.toContain('replacement key(s) delivered');
    expect(await page.getByTestId('dispute-timeline').textContent()).toContain('1 replacement key(s) delivered');
    buyer.once('dialog', (d) => void d.accept());
    await buyer.getByRole('button', { name: '关闭售后（已解决）' }).click();
    await expect.poll(() => buyer.getByTestId('order-status').getAttribute('data-status')).toBe('completed');
    expect(await buyer.getByTestId('dispute-outcome').textContent()).toContain('买家已关闭');
  });

  it('the shop sees its balance, saves a destination and asks for a payout; an admin pays it', async () => {
    const { page } = await withCookie(m.cookie, PHONE, 'zh-CN');
    await page.goto(`${t.config.publicUrl}/console/money`);
    // Completed: the ¥95.00 moved from pending to available.
    await expect.poll(() => page.getByTestId('available').textContent()).toBe('¥95.00');
    expect(await page.getByTestId('pending').textContent()).toBe('¥0.00');
    await page.getByLabel('类型').selectOption('alipay');
    await page.getByLabel('支付宝账号（手机号或邮箱）').fill('13800138000');
    await page.getByLabel('真实姓名').fill('王五');
    await page.getByRole('button', { name: '添加收款账户' }).click();
    await expect.poll(() => page.getByTestId('destinations').textContent()).toContain('138****8000');
    await page.getByLabel(/^金额/).fill('95');
    await page.getByRole('button', { name: '申请提现' }).last().click();
    await expect.poll(() => page.getByTestId('payout-status').first().getAttribute('class')).toContain('badge-wait');
    await expect.poll(() => page.getByTestId('available').textContent()).toBe('¥0.00');
    await screenshot(page, 'phone-console-money');

    const adminCookie = (await adminSession(t)).cookie ?? '';
    const admin = await withCookie(adminCookie, DESKTOP);
    await admin.page.goto(`${t.config.publicUrl}/admin/payouts`);
    const table = admin.page.getByTestId('admin-payouts');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await table.getByRole('button', { name: 'Show full details' }).click();
    await expect.poll(() => admin.page.getByTestId('destination-details').textContent()).toContain('13800138000');
    await table.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => table.getByTestId('payout-status').textContent()).toBe('Approved');
    admin.page.once('dialog', (d) => void d.accept('ALI-20261202-001'));
    await table.getByRole('button', { name: 'Mark paid' }).click();
    await expect.poll(() => table.getByTestId('payout-status').textContent()).toBe('Paid');
    await screenshot(admin.page, 'desktop-admin-payouts');

    await page.reload();
    await expect.poll(() => page.getByTestId('payout-status').first().textContent()).toBe('已打款');
    await expect.poll(() => page.getByTestId('statement').locator('tbody tr').count()).toBe(4);
  });

  it('an admin rules on an escalated dispute', async () => {
    const other = await sold();
    const opened = await t.app.inject({
      method: 'POST', url: `/api/v1/storefront/orders/${other.order.number}/disputes`, headers: { 'x-order-token': other.access_token },
      payload: { reason: 'not_as_described', message: 'Wrong region' },
    });
    expect(opened.statusCode).toBe(201);
    const d = opened.json();
    const adminCookie = (await adminSession(t)).cookie ?? '';
    const { page } = await withCookie(adminCookie, DESKTOP);
    // The first load (escalated, the default) answers last: the list must
    // still show what the admin picked, not the slower, older answer.
    await page.route(/\/api\/v1\/admin\/disputes\?.*status=escalated/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    const stale = page.waitForResponse((r) => r.url().includes('status=escalated'));
    await page.goto(`${t.config.publicUrl}/admin/disputes`);
    await page.getByLabel('Status').selectOption('open');
    const link = page.getByTestId('dispute-table').getByRole('link', { name: other.order.number });
    await link.waitFor();
    await stale;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await link.count()).toBe(1);
    await page.unrouteAll();
    await link.click();
    await page.getByLabel('Outcome').selectOption('reject');
    await page.getByLabel('Reasons (both sides see them)').fill('The description names the region.');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Rule', exact: true }).click();
    await expect.poll(() => page.getByTestId('dispute-status').first().getAttribute('data-status')).toBe('resolved');
    const [row] = await t.q<{ status: string; outcome: string }>('select d.status, d.outcome from disputes d where d.id = $1', [d.id]);
    expect(row).toEqual({ status: 'resolved', outcome: 'reject' });
    const [o] = await t.q<{ status: string }>('select status from orders where id = $1', [other.order.id]);
    expect(o?.status).toBe('completed');
  });
});
