// Imports card keys from any stream of lines (JSON array, text/plain body,
// uploaded file, CLI file): normalises, skips blanks, de-duplicates within the
// batch and against the product's keys through the blind index, encrypts each
// key, and records the batch. Runs in chunks so a million keys never sit in
// memory at once; the whole import is one transaction (all or nothing).
import { advisoryKey, withTransaction, type Queryable } from '../../db/client.ts';
import { notFound, validationError } from '../../lib/errors.ts';
import { newId, newIds } from '../../lib/ids.ts';
import { UNSTORABLE } from '../../lib/text.ts';
import type { Keyring } from '../../lib/crypto.ts';
import { shopOf, type Ctx } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';
import { cardHint, MAX_CARD_LENGTH, normalizeCard } from './normalize.ts';
import { stockGate } from './stock-gate.ts';

const CHUNK = 5000;
/** Imports into one product take turns (pg_advisory_xact_lock(class, product)). */
const LOCK_CLASS_IMPORT = 7270061;

/**
 * The keys of one chunk, each sealed and indexed as it is read, straight into
 * the chunk's buffers: a key's plaintext and its per-key buffers die young
 * instead of waiting for the chunk (a million-key import then stays small).
 */
class Chunk {
  size = 0;
  readonly lengths: number[] = [];
  readonly hints: string[] = [];
  private cipher = Buffer.allocUnsafe(CHUNK * 96);
  private cipherBytes = 0;
  private readonly index = Buffer.allocUnsafe(CHUNK * 32);

  add(keyring: Keyring, card: string): void {
    const sealed = keyring.seal(card).ciphertext;
    if (this.cipherBytes + sealed.length > this.cipher.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.cipher.length * 2, this.cipherBytes + sealed.length));
      this.cipher.copy(bigger, 0, 0, this.cipherBytes);
      this.cipher = bigger;
    }
    sealed.copy(this.cipher, this.cipherBytes);
    this.cipherBytes += sealed.length;
    keyring.blindIndex(card).copy(this.index, this.size * 32); // HMAC-SHA256: 32 bytes
    this.lengths.push(sealed.length);
    this.hints.push(cardHint(card));
    this.size++;
  }

  ciphertexts(): Buffer {
    return this.cipher.subarray(0, this.cipherBytes);
  }

  indexes(): Buffer {
    return this.index.subarray(0, this.size * 32);
  }
}

export interface ImportProgress {
  lines: number;
  imported: number;
  duplicates: number;
  blank: number;
  rejected: number;
}

export interface ImportCardsInput {
  merchantId: string;
  productId: string;
  source: 'json' | 'text' | 'file' | 'cli';
  lines: AsyncIterable<string> | Iterable<string>;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportResult extends ImportProgress {
  batch_id: string;
}

/** 404 unless the product is the merchant's, 422 unless it takes card keys: checked before an upload is received. */
export async function assertCardProduct(ctx: Ctx, { productId }: { productId: string }): Promise<void> {
  await assertImportable(ctx.database.pool, shopOf(ctx), productId);
}

/** The same check for a given shop (the CLI's, which acts for no member of it). */
export async function assertImportable(q: Queryable, merchantId: string, productId: string): Promise<void> {
  assertTakesKeys((await q.query<CardProduct>(`${CARD_PRODUCT} where p.id = $1 and p.merchant_id = $2`, [productId, merchantId])).rows[0]);
}

interface CardProduct { delivery: string; has_variants: boolean }
const CARD_PRODUCT = 'select p.delivery, exists (select 1 from products v where v.parent_id = p.id) as has_variants from products p';

function assertTakesKeys(product: CardProduct | undefined): void {
  if (!product) throw notFound('product');
  if (product.delivery !== 'card') throw validationError('This product does not deliver card keys.', 'product_id');
  // Buyers choose a variant, which sells its own keys: keys of the product itself could never be sold.
  if (product.has_variants) throw validationError('This product sells its variants\' keys: import into a variant.', 'product_id');
}

/** A key that would be several lines once exported (one key per line). */
const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/;

export async function importCards(ctx: Ctx, input: ImportCardsInput): Promise<ImportResult> {
  const now = ctx.clock.now();
  const batchId = newId('bat', now.getTime());
  return withTransaction(ctx.database.pool, async (q) => {
    // Imports are the only way keys enter a product, and two into the same product take turns: each
    // chunk can then skip keys already there with a plain lookup instead of ON CONFLICT's speculative
    // insertion (a quarter of PostgreSQL's work on a million keys). The unique index still has the last word.
    await q.query('select pg_advisory_xact_lock($1::int, $2::int)', [LOCK_CLASS_IMPORT, advisoryKey(input.productId)]);
    assertTakesKeys((await q.query<CardProduct>(`${CARD_PRODUCT} where p.id = $1 and p.merchant_id = $2 for share of p`,
      [input.productId, input.merchantId])).rows[0]);

    await q.query(
      `insert into card_batches (id, merchant_id, product_id, source, created_by, created_at) values ($1, $2, $3, $4, $5, $6)`,
      [batchId, input.merchantId, input.productId, input.source, ctx.actor.type === 'member' || ctx.actor.type === 'admin' ? ctx.actor.userId : ctx.actor.type === 'api_key' ? ctx.actor.keyId : null, now],
    );

    const progress: ImportProgress = { lines: 0, imported: 0, duplicates: 0, blank: 0, rejected: 0 };
    let chunk = new Chunk();
    // One insert in flight while the next chunk is read and encrypted: Node's
    // CPU and PostgreSQL's work overlap instead of taking turns.
    let inFlight: Promise<void> = Promise.resolve();

    const flush = async () => {
      if (chunk.size === 0) return;
      const full = chunk;
      chunk = new Chunk();
      await inFlight;
      // The ciphertexts and blind indexes (32 bytes each) go as two binary
      // parameters, the chunk's end to end, cut apart in SQL (bytea slices are
      // constant time): as arrays of 5,000 byteas they would be sent as text
      // and parsed character by character, which cost more than the insert.
      // A key twice in the chunk is written once (DISTINCT ON its blind index;
      // the statement cannot see its own rows), a key already in the product
      // not at all: a probe of the unique index per key (a scalar subquery is
      // never turned into a join over all the product's keys).
      const insert = q.query(
        `insert into cards (id, merchant_id, product_id, batch_id, ciphertext, key_id, blind_index, hint, created_at)
         select u.id, $1, $2, $3, substring($7::bytea from u.ct_start for u.ct_len), $4, u.bi, u.hint, $5
           from (select distinct on (bi) v.id, v.hint, v.ct_len, substring($8::bytea from (v.n::int - 1) * 32 + 1 for 32) as bi,
                        (sum(v.ct_len) over (order by v.n) - v.ct_len + 1)::int as ct_start
                   from unnest($6::text[], $9::int[], $10::text[]) with ordinality as v(id, ct_len, hint, n)
                  order by bi, v.n) u
          where (select 1 from cards c where c.product_id = $2 and c.blind_index = u.bi limit 1) is null
          -- In upload order, which is id order: the id indexes grow at their right edge and stay packed.
          order by u.id`,
        [input.merchantId, input.productId, batchId, ctx.keyring.keyId, now, newIds('crd', full.size, now.getTime()),
          full.ciphertexts(), full.indexes(), full.lengths, full.hints],
      ).then((res) => {
        const inserted = res.rowCount ?? 0;
        progress.imported += inserted;
        progress.duplicates += full.size - inserted;
        input.onProgress?.({ ...progress });
      });
      // Keep the rejection for the next await; never leave it unhandled meanwhile.
      insert.catch(() => undefined);
      inFlight = insert;
    };

    for await (const raw of input.lines) {
      progress.lines++;
      const card = normalizeCard(raw);
      if (card === '') {
        progress.blank++;
        continue;
      }
      // Bytes that are not UTF-8 arrive as U+FFFD: a file saved as GBK, say. Storing them would corrupt
      // its keys and make distinct ones look alike, so the whole import stops here (nothing is kept).
      if (card.includes('\uFFFD')) {
        throw validationError(`Line ${progress.lines} is not UTF-8 text. Save the file as UTF-8 and import it again; nothing was imported.`, 'cards');
      }
      if (card.length > MAX_CARD_LENGTH || UNSTORABLE.test(card) || LINE_BREAK.test(card)) {
        progress.rejected++;
        continue;
      }
      chunk.add(ctx.keyring, card);
      if (chunk.size >= CHUNK) await flush();
      // The previous chunk's statement (~0.6 MB) is larger than the socket's buffer: let the event
      // loop send the rest of it now and then, or PostgreSQL waits for it until this chunk is full.
      else if (chunk.size % 500 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await flush();
    await inFlight;
    // Nothing but blank lines (or nothing at all): a mistake, not a batch of none (the transaction stores nothing).
    if (progress.blank === progress.lines) throw validationError('The upload holds no keys (it is empty, or only blank lines); nothing was imported.', 'cards');
    input.onProgress?.({ ...progress });

    await q.query(
      `update card_batches set status = 'completed', imported = $2, duplicates = $3, blank = $4, finished_at = $5 where id = $1`,
      [batchId, progress.imported, progress.duplicates, progress.blank, ctx.clock.now()],
    );
    await writeAudit(q, ctx.actor, now, {
      action: 'cards.import', targetType: 'product', targetId: input.productId, merchantId: input.merchantId,
      data: { batch_id: batchId, imported: progress.imported, duplicates: progress.duplicates, blank: progress.blank, rejected: progress.rejected },
    });
    return { batch_id: batchId, ...progress };
  }).then((result) => {
    // New keys: checkout's admission gate counts again (stock-gate.ts).
    stockGate.forget(input.productId);
    return result;
  });
}
