// Background jobs run on graphile-worker in the same PostgreSQL. Two workers
// (as two app processes would run) drain the same queue; every unpaid order
// expires exactly once and its keys go back to stock.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Runner } from 'graphile-worker';
import { createDatabase } from '../src/db/client.ts';
import { startWorker } from '../src/jobs/worker.ts';
import { createServices } from '../src/runtime.ts';
import { checkout, createProduct, importKeys, keys, setupTestApp, signupMerchant, type TestApp } from './helpers.ts';

let t: TestApp;
const runners: Runner[] = [];

beforeAll(async () => {
  t = await setupTestApp({ XIAOPU_RESERVATION_TTL_SECONDS: '60' });
});

afterAll(async () => {
  for (const r of runners) await r.stop();
});

it('two workers expire every unpaid order once and release its keys', { timeout: 60_000 }, async () => {
  const m = await signupMerchant(t, 'jobs-shop');
  const product = await createProduct(t, m.headers, { max_quantity: 5 });
  await importKeys(t, m.headers, product.id, keys(60));
  for (let i = 0; i < 25; i++) {
    expect((await checkout(t, m.slug, product.id, { quantity: 2, email: `j${i}@example.com` }, `10.7.0.${i}`)).statusCode).toBe(201);
  }
  t.clock.advance(61_000);

  // Two "processes": separate pools and services over the same database and clock.
  for (let i = 0; i < 2; i++) {
    const database = createDatabase(t.url, 5);
    const services = createServices(t.config, database, t.services.log, t.clock);
    runners.push(await startWorker(services));
    afterAll(() => database.close());
  }
  const [a, b] = runners;
  if (!a || !b) throw new Error('workers did not start');
  await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).addJob('expire_orders', {})));

  const until = Date.now() + 30_000;
  for (;;) {
    const [left] = await t.q<{ n: string }>(`select count(*) as n from graphile_worker.jobs where task_identifier = 'expire_orders'`);
    const [done] = await t.q<{ n: string }>(`select count(*) as n from orders where status = 'expired'`);
    if (left?.n === '0' && done?.n === '25') break;
    if (Date.now() > until) throw new Error(`jobs did not finish: ${left?.n} left, ${done?.n} expired`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const events = await t.q<{ order_id: string; n: string }>(
    `select order_id, count(*) as n from order_events where to_status = 'expired' group by order_id having count(*) <> 1`);
  expect(events).toEqual([]);
  const [expiredEvents] = await t.q<{ n: string }>(`select count(*) as n from outbox_events where type = 'order.expired'`);
  expect(expiredEvents?.n).toBe('25');
  const stock = await t.q<{ status: string; n: string }>(`select status, count(*) as n from cards where product_id = $1 group by status`, [product.id]);
  expect(stock).toEqual([{ status: 'available', n: '60' }]);
  // The schedule is registered for both workers, and runs once per tick across them.
  const [cron] = await t.q<{ n: string }>(`select count(*) as n from graphile_worker._private_known_crontabs where identifier like 'expire_orders%'`);
  expect(Number(cron?.n)).toBe(1);
});
