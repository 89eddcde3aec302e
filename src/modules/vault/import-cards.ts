// Imports card keys from any stream of lines (JSON array, text/plain body,
// uploaded file, CLI file): normalises, skips blanks, de-duplicates within the
// batch and against the product's keys through the blind index, encrypts each
// key, and records the batch. Runs in chunks so a million keys never sit in
// memory at once; the whole import is one transaction (all or nothing).
import { advisoryKey, withTransaction } from '../../db/client.ts';
import { notFound, validationError } from '../../lib/errors.ts';
import { newId, newIds } from '../../lib/ids.ts';
import { UNSTORABLE } from '../../lib/text.ts';
import { shopOf, type Ctx } from '../shared/context.ts';
import { writeAudit } from '../trust/audit.ts';
import { cardHint, MAX_CARD_LENGTH, normalizeCard } from './normalize.ts';
import { stockGate } from './stock-gate.ts';

const CHUNK = 5000;
/** Imports into one product take turns (pg_advisory_xact_lock(class, product)). */
const LOCK_CLASS_IMPORT = 7270051;

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
  const merchantId = shopOf(ctx);
  const { rows } = await ctx.database.pool.query<{ delivery: string }>('select delivery from products where id = $1 and merchant_id = $2', [productId, merchantId]);
  if (!rows[0]) throw notFound('product');
  if (rows[0].delivery !== 'card') throw validationError('This product does not deliver card keys.', 'product_id');
}

export async function importCards(ctx: Ctx, input: ImportCardsInput): Promise<ImportResult> {
  const now = ctx.clock.now();
  const batchId = newId('bat', now.getTime());
  return withTransaction(ctx.database.pool, async (q) => {
    // Imports are the only way keys enter a product, and two into the same product take turns: each
    // chunk can then skip keys already there with a plain lookup instead of ON CONFLICT's speculative
    // insertion (a quarter of PostgreSQL's work on a million keys). The unique index still has the last word.
    await q.query('select pg_advisory_xact_lock($1::int, $2::int)', [LOCK_CLASS_IMPORT, advisoryKey(input.productId)]);
    const { rows } = await q.query<{ delivery: string }>('select delivery from products where id = $1 and merchant_id = $2 for share',
      [input.productId, input.merchantId]);
    if (!rows[0]) throw notFound('product');
    if (rows[0].delivery !== 'card') throw validationError('This product does not deliver card keys.', 'product_id');

    await q.query(
      `insert into card_batches (id, merchant_id, product_id, source, created_by, created_at) values ($1, $2, $3, $4, $5, $6)`,
      [batchId, input.merchantId, input.productId, input.source, ctx.actor.type === 'member' || ctx.actor.type === 'admin' ? ctx.actor.userId : ctx.actor.type === 'api_key' ? ctx.actor.keyId : null, now],
    );

    const progress: ImportProgress = { lines: 0, imported: 0, duplicates: 0, blank: 0, rejected: 0 };
    let pending: string[] = [];
    // A key twice in one chunk is written once (the chunk's statement cannot see its own rows).
    let inChunk = new Set<string>();
    // One insert in flight while the next chunk is encrypted: Node's CPU and
    // PostgreSQL's work overlap instead of taking turns.
    let inFlight: Promise<void> = Promise.resolve();

    const flush = async () => {
      if (pending.length === 0) return;
      const chunk = pending;
      pending = [];
      inChunk = new Set();
      const n = chunk.length;
      const ids = newIds('crd', n, now.getTime());
      const cipher: Buffer[] = new Array(n);
      const index: Buffer[] = new Array(n);
      const hints: string[] = new Array(n);
      const lengths: number[] = new Array(n);
      for (let i = 0; i < n; i++) {
        // The previous chunk's statement (~0.6 MB) is larger than the socket's buffer: let the event
        // loop send the rest of it now and then, or PostgreSQL waits for it until this loop ends.
        if (i % 500 === 499) await new Promise<void>((resolve) => setImmediate(resolve));
        const card = chunk[i] as string;
        const sealed = ctx.keyring.seal(card).ciphertext;
        cipher[i] = sealed;
        lengths[i] = sealed.length;
        index[i] = ctx.keyring.blindIndex(card);
        if (index[i]?.length !== 32) throw new Error('blind indexes are 32 bytes');
        hints[i] = cardHint(card);
      }
      await inFlight;
      // The ciphertexts and blind indexes (32 bytes each) go as two binary
      // parameters, the chunk's end to end, cut apart in SQL (bytea slices are
      // constant time): as arrays of 5,000 byteas they would be sent as text
      // and parsed character by character, which cost more than the insert.
      const insert = q.query(
        `insert into cards (id, merchant_id, product_id, batch_id, ciphertext, key_id, blind_index, hint, created_at)
         select u.id, $1, $2, $3, substring($7::bytea from u.ct_start for u.ct_len), $4,
                substring($8::bytea from (u.n - 1) * 32 + 1 for 32), u.hint, $5
           from (select v.id, v.hint, v.ct_len, v.n::int as n, (sum(v.ct_len) over (order by v.n) - v.ct_len + 1)::int as ct_start
                   from unnest($6::text[], $9::int[], $10::text[]) with ordinality as v(id, ct_len, hint, n)) u
          -- A probe of the unique index per key (a scalar subquery is never turned into a join over the product's keys).
          where (select 1 from cards c where c.product_id = $2 and c.blind_index = substring($8::bytea from (u.n - 1) * 32 + 1 for 32) limit 1) is null`,
        [input.merchantId, input.productId, batchId, ctx.keyring.keyId, now, ids, Buffer.concat(cipher), Buffer.concat(index), lengths, hints],
      ).then((res) => {
        const inserted = res.rowCount ?? 0;
        progress.imported += inserted;
        progress.duplicates += n - inserted;
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
      if (card.length > MAX_CARD_LENGTH || UNSTORABLE.test(card)) {
        progress.rejected++;
        continue;
      }
      if (inChunk.has(card)) {
        progress.duplicates++;
        continue;
      }
      inChunk.add(card);
      pending.push(card);
      if (pending.length >= CHUNK) await flush();
    }
    await flush();
    await inFlight;
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
