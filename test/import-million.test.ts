// One import of 1,000,000 keys: all stored, and never all in memory — the
// import pulls lines as it writes them, a chunk at a time.
import { beforeAll, expect, it } from 'vitest';
import { importCards, type ImportProgress } from '../src/modules/vault/import-cards.ts';
import { createProduct, setupTestApp, signupMerchant, type MerchantSession, type TestApp } from './helpers.ts';

let t: TestApp;
let m: MerchantSession;

beforeAll(async () => {
  t = await setupTestApp();
  m = await signupMerchant(t, 'million-shop');
});

it('imports 1,000,000 keys in one batch with bounded memory', { timeout: 300_000 }, async () => {
  const product = await createProduct(t, m.headers);
  const total = 1_000_000;
  let produced = 0;
  let maxAhead = 0;
  let peakRss = 0;
  const rssBefore = process.memoryUsage().rss;
  function* lines() {
    for (let i = 0; i < total; i++) {
      produced++;
      yield `MILLION-${i.toString(36).padStart(6, '0')}-${(i * 7919 % 1_000_003).toString(36)}`;
    }
    yield 'MILLION-000000-0'; // one duplicate of the first key
  }
  const onProgress = (p: ImportProgress) => {
    maxAhead = Math.max(maxAhead, produced - p.lines);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const result = await importCards({ ...t.services, actor: { type: 'member', userId: 'usr_test', merchantId: m.merchantId } }, {
    merchantId: m.merchantId, productId: product.id, source: 'text', lines: lines(), onProgress,
  });
  expect(result).toMatchObject({ imported: total, duplicates: 1, lines: total + 1 });
  // Never more than two chunks (one being written, one being encrypted) ahead of what was written.
  expect(maxAhead).toBeLessThanOrEqual(2 * 5000);
  expect(peakRss - rssBefore).toBeLessThan(400 * 1024 * 1024);
  const [n] = await t.q<{ n: string }>(`select count(*) as n from cards where product_id = $1 and status = 'available'`, [product.id]);
  expect(n?.n).toBe(String(total));
});
