// Real Chromium for the browser tests: the system's (Debian's chromium
// package; .ci/run installs it), driven by playwright-core.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const CHROMIUM = CANDIDATES.find((p): p is string => !!p && existsSync(p));

/**
 * Without Chromium the browser tests are skipped with a notice — except in CI
 * (CI=true), where .ci/run installs it and its absence is a failure.
 */
export const SKIP_BROWSER = !CHROMIUM && !process.env.CI;
if (SKIP_BROWSER) {
  console.warn('\n  Browser tests skipped: no Chromium found. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.\n');
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = CHROMIUM;
  if (!executablePath) throw new Error('No Chromium found: install Debian\'s chromium package or set CHROMIUM_PATH');
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

export const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } as const;
export const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 } as const;

const SHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname;

/**
 * Renders the page to a PNG (so a page that cannot be drawn fails the test;
 * on a phone, so does a page wider than the screen);
 * writes docs/screenshots/{name}.png (shown in the README) only with
 * UPDATE_SCREENSHOTS=1, so `npm test` leaves the working tree as it found it.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  // On a phone, nothing may push the page sideways (a long code, a table outside its scroller).
  const width = page.viewportSize()?.width ?? 0;
  if (width > 0 && width < 500) {
    const wider = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (wider > 1) throw new Error(`${name}: the page scrolls sideways by ${wider}px on a ${width}px-wide phone`);
  }
  const png = await page.screenshot({ fullPage: true });
  if (png.length === 0) throw new Error(`empty screenshot ${name}`);
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(`${SHOTS}${name}.png`, png);
}

/**
 * A page in a fresh context whose script errors fail the test; with `cookie`
 * ("name=value", a session) it is logged in for `url`.
 */
export async function openPage(
  browser: Browser, o: { device: typeof PHONE | typeof DESKTOP; locale: string; cookie?: string; url?: string; acceptDownloads?: boolean },
): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ ...o.device, locale: o.locale, ...(o.acceptDownloads ? { acceptDownloads: true } : {}) });
  if (o.cookie && o.url) {
    const [name, value] = o.cookie.split('=');
    await ctx.addCookies([{ name: name ?? '', value: value ?? '', url: o.url }]);
  }
  const page = await ctx.newPage();
  page.on('pageerror', (err) => { throw err; });
  return { ctx, page };
}

/** After the checkout's pay button: through the sandbox's payment page to the order page. */
export async function payInSandbox(page: Page): Promise<void> {
  await page.waitForURL('**/pay/sandbox/**');
  await page.getByRole('button', { name: /Pay/ }).click();
  await page.waitForURL('**/o/**');
}
