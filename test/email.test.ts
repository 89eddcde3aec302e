// Delivery emails through a real SMTP server (a local smtp-server sink): a
// delivered order emails its keys and a link to the order page once, however
// many notifies came; the merchant can send it again; without SMTP the
// platform says so.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Runner } from 'graphile-worker';
import { startWorker } from '../src/jobs/worker.ts';
import { startSmtpSink, waitFor, type SmtpSink } from './fakes/smtp-sink.ts';
import { bearer, checkout, createApiKey, createProduct, importKeys, keys, notify, readOrder, setupTestApp, signedNotify, signupMerchant, type TestApp } from './helpers.ts';

let smtp: SmtpSink;
let inbox: SmtpSink['inbox'];
let t: TestApp;
let runner: Runner;

beforeAll(async () => {
  smtp = await startSmtpSink();
  inbox = smtp.inbox;
  t = await setupTestApp({ XIAOPU_SMTP_URL: smtp.url, XIAOPU_MAIL_FROM: 'Demo Shop <shop@xiaopu.test>' });
  runner = await startWorker(t.services);
});
afterAll(async () => {
  await runner?.stop();
  await smtp?.close();
});

it('emails the keys once per delivery, and again on request', async () => {
  const m = await signupMerchant(t);
  const auth = bearer(await createApiKey(t, m));
  const p = await createProduct(t, auth, { title: 'Steam ¥50', price: 4800, instructions: 'Steam → Games → **Activate a Product on Steam**', validity_days: 365 });
  const cards = keys(2, 'MAIL');
  await importKeys(t, auth, p.id, cards);
  const c = (await checkout(t, m.slug, p.id, { quantity: 2, email: 'Buyer@Example.com' })).json();
  const n = signedNotify(t, c);
  await Promise.all(Array.from({ length: 5 }, () => notify(t, n)));

  const mail = await waitFor(() => inbox.find((x) => x.subject.includes(c.order.number)));
  expect(mail.to).toBe('buyer@example.com');
  expect(mail.from).toContain('shop@xiaopu.test');
  for (const k of cards) expect(mail.text).toContain(k);
  expect(mail.text).toContain('96.00 CNY');
  expect(mail.text).toContain('How to redeem:\nSteam → Games → **Activate a Product on Steam**');
  expect(mail.text).toMatch(/Valid until: \d{4}-\d{2}-\d{2}/);
  expect(mail.text).toContain(`/o/${c.order.number}#token=${c.access_token}`);
  await new Promise((r) => setTimeout(r, 1500));
  expect(inbox.filter((x) => x.subject.includes(c.order.number))).toHaveLength(1);

  const again = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/resend_email`, headers: auth });
  expect(again.statusCode, again.body).toBe(202);
  await waitFor(() => (inbox.filter((x) => x.subject.includes(c.order.number)).length === 2 ? true : undefined));

  const unpaid = (await checkout(t, m.slug, p.id, { quantity: 1 })).json();
  const early = await t.app.inject({ method: 'POST', url: `/api/v1/orders/${unpaid.order?.id ?? 'x'}/resend_email`, headers: auth });
  expect([404, 409]).toContain(early.statusCode);
  const other = bearer(await createApiKey(t, await signupMerchant(t)));
  expect((await t.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/resend_email`, headers: other })).statusCode).toBe(404);
  // No key ever reaches the logs or the audit trail.
  const audit = await t.q('select data from audit_log where action = $1', ['order.resend_email']);
  expect(audit).toHaveLength(1);
  expect(JSON.stringify(audit)).not.toContain(cards[0]);
});

it('says so when the platform sends no email', async () => {
  const plain = await setupTestApp();
  const m = await signupMerchant(plain);
  const auth = bearer(await createApiKey(plain, m));
  const p = await createProduct(plain, auth, { price: 100 });
  await importKeys(plain, auth, p.id, keys(1));
  const c = (await checkout(plain, m.slug, p.id)).json();
  await notify(plain, signedNotify(plain, c));
  const res = await plain.app.inject({ method: 'POST', url: `/api/v1/orders/${c.order.id}/resend_email`, headers: auth });
  expect(res.statusCode).toBe(409);
  expect(res.json().error.code).toBe('email_not_configured');
  const [jobs] = await plain.q<{ n: string }>(`select count(*) as n from graphile_worker.jobs where task_identifier = 'send_delivery_email'`);
  expect(jobs!.n).toBe('0');
});

it('emails every kind of good: license keys, a download link that works, what the shop sent by hand', async () => {
  const m = await signupMerchant(t);
  const auth = bearer(await createApiKey(t, m));
  const make = async (payload: Record<string, unknown>) => (await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: auth, payload: { price: 100, currency: 'CNY', ...payload } })).json();
  const buy = async (productId: string, extra: Record<string, unknown> = {}) => {
    const c = (await checkout(t, m.slug, productId, { email: 'kinds@example.com', ...extra })).json();
    await notify(t, signedNotify(t, c));
    return c;
  };
  const license = await make({ title: 'Editor licence', delivery: 'license', license: { activation_limit: 2 } });
  const lc = await buy(license.id);
  const key = (await readOrder(t, lc.order.number, lc.access_token)).json().deliveries[0].items[0];
  expect((await waitFor(() => inbox.find((x) => x.subject.includes(lc.order.number)))).text).toContain(key);

  const file = await make({ title: 'Presets', delivery: 'download' });
  await t.app.inject({ method: 'PUT', url: `/api/v1/products/${file.id}/file?filename=presets.zip`, headers: { ...auth, 'content-type': 'application/octet-stream' }, payload: Buffer.from('PRESETS') });
  const fc = await buy(file.id);
  const mail = await waitFor(() => inbox.find((x) => x.subject.includes(fc.order.number)));
  const link = /https?:\/\/\S+\/api\/v1\/downloads\/\S+/.exec(mail.text)?.[0] ?? '';
  expect(link).toContain('signature=');
  const got = await t.app.inject({ method: 'GET', url: link.replace(/^https?:\/\/[^/]+/, '') });
  expect(got.body).toBe('PRESETS');

  const topup = await make({ title: '代充', delivery: 'manual', manual: { fields: [{ key: 'uid', label: 'UID', type: 'text' }] } });
  const mc = await buy(topup.id, { fields: { uid: '800123' } });
  await t.app.inject({ method: 'POST', url: `/api/v1/orders/${mc.order.id}/fulfil`, headers: auth, payload: { note: 'Topped up, enjoy.', items: ['RECEIPT-42'] } });
  const manualMail = await waitFor(() => inbox.find((x) => x.subject.includes(mc.order.number)));
  expect(manualMail.text).toContain('RECEIPT-42');
  expect(manualMail.text).toContain('Topped up, enjoy.');
});
