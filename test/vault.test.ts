// Card keys: import in every format, de-duplication, masking, voiding,
// export, and the reservation plan that keeps checkout fast after many sales.
import { beforeAll, describe, expect, it } from 'vitest';
import { cardHint, normalizeCard } from '../src/modules/vault/normalize.ts';
import {
  checkout, createApiKey, bearer, createProduct, importKeys, keys, notify, setupTestApp, signedNotify, signupMerchant,
  type Checkout, type MerchantSession, type TestApp,
} from './helpers.ts';

let t: TestApp;
let m: MerchantSession;

beforeAll(async () => {
  t = await setupTestApp();
  m = await signupMerchant(t, 'vault-shop');
});

async function stock(productId: string) {
  return (await t.app.inject({ method: 'GET', url: `/api/v1/products/${productId}`, headers: m.headers })).json().stock;
}

describe('normalising keys', () => {
  it('trims, drops BOM and CR, normalises Unicode', () => {
    expect(normalizeCard('\uFEFF  ABC-123 \r')).toBe('ABC-123');
    expect(normalizeCard('   ')).toBe('');
    expect(normalizeCard('cafe\u0301')).toBe('caf\u00e9');
    expect(cardHint('ABCD-EFGH-IJKL-MNOP')).toBe('…MNOP');
    expect(cardHint('SHORT')).toBe('…');
  });
});

describe('importing keys', () => {
  it('imports JSON, de-duplicates within the batch and against existing keys', async () => {
    const product = await createProduct(t, m.headers);
    const first = await importKeys(t, m.headers, product.id, ['A-1', ' A-2 ', 'A-1', '', '   ', 'A-3']);
    expect(first).toMatchObject({ imported: 3, duplicates: 1, blank: 2 });
    const second = await importKeys(t, m.headers, product.id, ['A-3', 'A-4', 'A-2\r']);
    expect(second).toMatchObject({ imported: 1, duplicates: 2 });
    expect(await stock(product.id)).toMatchObject({ available: 4, reserved: 0, sold: 0 });
    const batches = await t.q<{ imported: number; duplicates: number; status: string }>(
      'select imported, duplicates, status from card_batches where product_id = $1 order by id', [product.id]);
    expect(batches).toEqual([{ imported: 3, duplicates: 1, status: 'completed' }, { imported: 1, duplicates: 2, status: 'completed' }]);
    // The same key may be sold by another product: dedupe is per product.
    const other = await createProduct(t, m.headers);
    expect(await importKeys(t, m.headers, other.id, ['A-1'])).toMatchObject({ imported: 1, duplicates: 0 });
  });

  it('imports into one product at once from several requests: each key once, none refused', async () => {
    const product = await createProduct(t, m.headers);
    // Eight uploads of overlapping ranges (keys 0-39, 5-44, … 35-74): 75 distinct keys in all.
    const uploads = Array.from({ length: 8 }, (_, u) => Array.from({ length: 40 }, (_, i) => `SAME-${u * 5 + i}`));
    const results = await Promise.all(uploads.map((cards) => importKeys(t, m.headers, product.id, cards)));
    const imported = results.reduce((n, r) => n + r.imported, 0);
    const duplicates = results.reduce((n, r) => n + r.duplicates, 0);
    expect(imported).toBe(75);
    expect(duplicates).toBe(8 * 40 - 75);
    expect(await stock(product.id)).toMatchObject({ available: 75 });
    const [row] = await t.q<{ n: string; distinct_keys: string }>(
      'select count(*) as n, count(distinct blind_index) as distinct_keys from cards where product_id = $1', [product.id]);
    expect(row).toEqual({ n: '75', distinct_keys: '75' });
  });

  it('imports text/plain, one key per line, with CRLF', async () => {
    const product = await createProduct(t, m.headers);
    const res = await t.app.inject({
      method: 'POST', url: `/api/v1/products/${product.id}/cards`, headers: { ...m.headers, 'content-type': 'text/plain' },
      payload: 'T-1\r\nT-2\r\n\r\nT-1\r\nT-3',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ imported: 3, duplicates: 1, blank: 1, lines: 5 });
  });

  it('refuses an upload with no keys in it (empty, or blank lines only) and stores no batch', async () => {
    const product = await createProduct(t, m.headers);
    for (const [type, payload] of [['text/plain', ''], ['text/plain', '\r\n  \n\n'], ['application/json', JSON.stringify({ cards: [] })], ['application/json', JSON.stringify({ cards: ['', ' '] })]]) {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/products/${product.id}/cards`, headers: { ...m.headers, 'content-type': type! }, payload });
      expect(res.statusCode, `${type} ${JSON.stringify(payload)}`).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'validation_error', param: 'cards' });
    }
    expect(await t.q('select 1 from card_batches where product_id = $1', [product.id])).toEqual([]);
  });

  it('takes an uploaded file only in a field named "file"', async () => {
    const product = await createProduct(t, m.headers);
    const boundary = '----xiaopu-field';
    const body = [`--${boundary}`, 'Content-Disposition: form-data; name="keys"; filename="keys.txt"', 'Content-Type: text/plain', '', 'W-1\n', `--${boundary}--`, ''].join('\r\n');
    const res = await t.app.inject({
      method: 'POST', url: `/api/v1/products/${product.id}/cards`, headers: { ...m.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ param: 'file' });
    expect(await stock(product.id)).toMatchObject({ available: 0 });
  });

  it('refuses a file that is not UTF-8 (GBK, say) as a whole, naming the line, instead of storing garbled keys', async () => {
    const product = await createProduct(t, m.headers);
    // 会员卡A / 会员卡B saved in GBK, after an ASCII key: as UTF-8 both would read as the same garbage.
    const gbk = Buffer.concat([Buffer.from('OK-1\n'), Buffer.from([0xbb, 0xe1, 0xd4, 0xb1, 0xbf, 0xa8, 0x41, 0x0a, 0xbb, 0xe1, 0xd4, 0xb1, 0xbf, 0xa8, 0x42, 0x0a])]);
    const res = await t.app.inject({
      method: 'POST', url: `/api/v1/products/${product.id}/cards`, headers: { ...m.headers, 'content-type': 'text/plain' }, payload: gbk,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'validation_error', param: 'cards' });
    expect(res.json().error.message).toContain('Line 2 is not UTF-8');
    expect(await stock(product.id)).toMatchObject({ available: 0 });
  });

  it('rejects a key holding a line break (it would be two lines once exported), and a product with variants takes no keys', async () => {
    const product = await createProduct(t, m.headers);
    expect(await importKeys(t, m.headers, product.id, ['L1\nL2', 'L3\r\n', 'L4\u2028L5', 'OK-9'])).toMatchObject({ imported: 2, rejected: 2 });
    const parent = await createProduct(t, m.headers);
    const variant = await t.app.inject({ method: 'POST', url: `/api/v1/products/${parent.id}/variants`, headers: m.headers, payload: { name: 'One' } });
    expect(variant.statusCode).toBe(201);
    for (const [type, payload] of [['application/json', JSON.stringify({ cards: ['P-1'] })], ['text/plain', 'P-1\n']] as const) {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/products/${parent.id}/cards`, headers: { ...m.headers, 'content-type': type }, payload });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.message).toContain('import into a variant');
    }
  });

  it('imports an uploaded file (multipart) with an API key', async () => {
    const secret = await createApiKey(t, m);
    const product = await createProduct(t, bearer(secret));
    const boundary = '----xiaopu-test';
    const body = [
      `--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="keys.txt"', 'Content-Type: text/plain', '',
      'F-1\nF-2\nF-3\nF-2\n', `--${boundary}--`, '',
    ].join('\r\n');
    const res = await t.app.inject({
      method: 'POST', url: `/api/v1/products/${product.id}/cards`,
      headers: { ...bearer(secret), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ imported: 3, duplicates: 1 });
  });

  it('rejects other content types and unknown products', async () => {
    const product = await createProduct(t, m.headers);
    const xml = await t.app.inject({ method: 'POST', url: `/api/v1/products/${product.id}/cards`, headers: { ...m.headers, 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().error.code).toBe('unsupported_media_type');
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/products/prd_missing/cards', headers: m.headers, payload: { cards: ['X'] } });
    expect(missing.statusCode).toBe(404);
    const notArray = await t.app.inject({ method: 'POST', url: `/api/v1/products/${product.id}/cards`, headers: m.headers, payload: { cards: 'X' } });
    expect(notArray.statusCode).toBe(422);
  });

  it('encrypts keys at rest with a key id and stores no plaintext', async () => {
    const product = await createProduct(t, m.headers);
    await importKeys(t, m.headers, product.id, ['PLAINTEXT-CHECK-12345678']);
    const rows = await t.q<{ row: string; key_id: string; len: number }>(
      `select c::text as row, key_id, length(ciphertext) as len from cards c where product_id = $1`, [product.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.row).not.toContain('PLAINTEXT-CHECK');
    expect(rows[0]?.row).not.toContain(Buffer.from('PLAINTEXT-CHECK').toString('hex'));
    expect(rows[0]?.key_id).toMatch(/^mk_[0-9a-f]{12}$/);
    expect(rows[0]?.len).toBe(12 + 16 + 'PLAINTEXT-CHECK-12345678'.length);
  });
});

describe('managing keys', () => {
  it('lists keys masked, voids only unsold ones, exports unsold keys with an audit row', async () => {
    const product = await createProduct(t, m.headers, { price: 100 });
    const cards = ['MANAGE-AAAA-0001', 'MANAGE-AAAA-0002', 'MANAGE-AAAA-0003', 'MANAGE-AAAA-0004'];
    await importKeys(t, m.headers, product.id, cards);
    const c = (await checkout(t, m.slug, product.id)).json() as Checkout;
    await notify(t, signedNotify(t, c));

    const list = await t.app.inject({ method: 'GET', url: `/api/v1/products/${product.id}/cards?limit=10`, headers: m.headers });
    expect(list.statusCode).toBe(200);
    const listed = list.json().data as { id: string; status: string; masked: string }[];
    expect(listed).toHaveLength(4);
    expect(list.body).not.toContain('MANAGE-AAAA');
    expect(listed.map((k) => k.masked).sort()).toEqual(['…0001', '…0002', '…0003', '…0004']);
    const soldCard = listed.find((k) => k.status === 'sold');
    const unsold = listed.filter((k) => k.status === 'available');
    expect(soldCard).toBeDefined();
    expect(unsold).toHaveLength(3);
    const filtered = await t.app.inject({ method: 'GET', url: `/api/v1/products/${product.id}/cards?status=sold`, headers: m.headers });
    expect(filtered.json().data.map((k: { id: string }) => k.id)).toEqual([soldCard?.id]);

    const voided = await t.app.inject({
      method: 'POST', url: `/api/v1/products/${product.id}/cards/void`, headers: m.headers,
      payload: { card_ids: [unsold[0]?.id, soldCard?.id] },
    });
    expect(voided.statusCode).toBe(200);
    expect(voided.json()).toMatchObject({ voided: 1, voided_ids: [unsold[0]?.id], skipped_ids: [soldCard?.id] });
    expect(await stock(product.id)).toMatchObject({ available: 2, sold: 1, void: 1 });

    const exported = await t.app.inject({ method: 'GET', url: `/api/v1/products/${product.id}/cards/export`, headers: m.headers });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('text/plain');
    const lines = exported.body.trim().split('\n').sort();
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(cards).toContain(l);
    const audit = await t.q<{ action: string }>(`select action from audit_log where target_id = $1 and action like 'cards.%' order by id`, [product.id]);
    expect(audit.map((a) => a.action)).toEqual(['cards.import', 'cards.void', 'cards.export']);
  });
});

describe('the reservation statement', () => {
  it('walks the partial index of available keys, also after many sales', async () => {
    const product = await createProduct(t, m.headers, { max_quantity: 10_000 });
    await importKeys(t, m.headers, product.id, keys(3000));
    await t.q(`update cards set status = 'void' where id in (select id from cards where product_id = $1 order by id limit 2500)`, [product.id]);
    await t.q('analyze cards');
    const plan = await t.q<{ 'QUERY PLAN': string }>(
      `explain update cards set status = 'reserved', order_item_id = 'x', reserved_until = now()
        where id in (select id from cards where product_id = $1 and status = 'available' order by product_id, id limit 2 for update skip locked)`,
      [product.id]);
    const text = plan.map((p) => p['QUERY PLAN']).join('\n');
    expect(text).toContain('cards_available_idx');
  });
});

describe('stock in lists', () => {
  it('counts each state up to 10,000 keys in lists (and says so), exactly on the product itself', async () => {
    const shop = await signupMerchant(t);
    const product = await createProduct(t, shop.headers, { title: 'Plenty' });
    const res = await t.app.inject({
      method: 'POST', url: `/api/v1/products/${product.id}/cards`, headers: { ...shop.headers, 'content-type': 'text/plain' },
      payload: Array.from({ length: 10_005 }, (_, i) => `PLENTY-${i}`).join('\n'),
    });
    expect(res.json()).toMatchObject({ imported: 10_005 });
    const store = (await t.app.inject({ method: 'GET', url: `/api/v1/storefront/${shop.slug}/products` })).json();
    expect(store.data[0].stock).toEqual({ available: 10_000, unlimited: false, capped: true });
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/products', headers: shop.headers })).json();
    expect(list.data[0].stock).toEqual({ available: 10_000, reserved: 0, sold: 0, void: 0, capped: true });
    const one = (await t.app.inject({ method: 'GET', url: `/api/v1/products/${product.id}`, headers: shop.headers })).json();
    expect(one.stock).toEqual({ available: 10_005, reserved: 0, sold: 0, void: 0, capped: false });
  });
});

describe('the cards table', () => {
  it('refuses a key whose shop or product is not its batch’s (cards_batch_fk → card_batches_product_fk)', async () => {
    const a = await signupMerchant(t);
    const b = await signupMerchant(t);
    const product = await createProduct(t, a.headers);
    const sibling = await createProduct(t, a.headers);
    const theirs = await createProduct(t, b.headers);
    await importKeys(t, a.headers, product.id, keys(1));
    // Move the key to the other shop, or to another product of its shop, behind the application's back: the database says no.
    await expect(t.q('update cards set merchant_id = $1 where product_id = $2', [b.merchantId, product.id])).rejects.toMatchObject({ code: '23503' });
    await expect(t.q('update cards set product_id = $1 where product_id = $2', [sibling.id, product.id])).rejects.toMatchObject({ code: '23503' });
    // Nor can a batch name another shop's product.
    await expect(t.q('update card_batches set product_id = $1 where product_id = $2', [theirs.id, product.id])).rejects.toMatchObject({ code: '23503' });
    const rows = await t.q<{ merchant_id: string; product_id: string }>('select merchant_id, product_id from cards where product_id = $1', [product.id]);
    expect(rows).toEqual([{ merchant_id: a.merchantId, product_id: product.id }]);
  });
});
