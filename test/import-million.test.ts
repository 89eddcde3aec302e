// One import of 1,000,000 keys: all stored, and never all in memory — the
// import pulls lines only as fast as it writes them, a chunk at a time. What
// is measured: at every progress report (after each chunk is written), how
// many lines were read but not yet written. An importer that read everything
// first, or let reading run ahead of writing, fails this.
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
  let maxAhead = 0;
  let reports = 0;
  let peakRss = 0;
  let earlyHeap = 0;
  let lateHeap = 0;
  const rssBefore = process.memoryUsage().rss;
  function* lines() {
    for (let i = 0; i < total; i++) {
      yield `MILLION-${i.toString(36).padStart(6, '0')}-${(i * 7919 % 1_000_003).toString(36)}`;
    }
    yield 'MILLION-000000-0'; // one duplicate of the first key
  }
  const onProgress = (p: ImportProgress) => {
    reports++;
    maxAhead = Math.max(maxAhead, p.lines - (p.imported + p.duplicates + p.blank + p.rejected));
    const mem = process.memoryUsage();
    peakRss = Math.max(peakRss, mem.rss);
    // Memory of a streaming import levels off: the first tenth already shows its peak.
    if (p.lines <= total / 10) earlyHeap = Math.max(earlyHeap, mem.heapUsed);
    else lateHeap = Math.max(lateHeap, mem.heapUsed);
  };
  const result = await importCards({ ...t.services, actor: { type: 'member', userId: 'usr_test', merchantId: m.merchantId } }, {
    merchantId: m.merchantId, productId: product.id, source: 'text', lines: lines(), onProgress,
  });
  expect(result).toMatchObject({ imported: total, duplicates: 1, lines: total + 1 });
  // Written chunk by chunk (5,000 keys), never more than two chunks read ahead of what is written.
  expect(reports).toBeGreaterThanOrEqual(total / 5000);
  expect(maxAhead).toBeLessThanOrEqual(2 * 5000);
  // Memory levels off instead of growing with the keys (held at once they would take several hundred MB).
  expect(lateHeap).toBeLessThan(earlyHeap * 1.5 + 32 * 1024 * 1024);
  expect(peakRss - rssBefore).toBeLessThan(400 * 1024 * 1024);
  const [n] = await t.q<{ n: string }>(`select count(*) as n from cards where product_id = $1 and status = 'available'`, [product.id]);
  expect(n?.n).toBe(String(total));
});
