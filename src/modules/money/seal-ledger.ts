// The sealing job (DESIGN §8): links committed ledger transactions into the
// hash chain, in batches, seconds after they commit — so posting never waits
// on a single "previous hash" row. Each one gets the next `seq`, the previous
// transaction's hash, and hash = SHA-256(prev_hash, digest). One sealer at a
// time (a try-lock: a second runner skips the round instead of waiting).
import type pg from 'pg';
import { withTransaction } from '../../db/client.ts';
import { chainHash, GENESIS_HASH, transactionDigest } from './ledger-digest.ts';

const LOCK = [7270051, 1];
const BATCH = 2000;

interface Unsealed { id: string; kind: string; cause_type: string; cause_id: string; order_id: string | null; memo: string | null; created_at: Date; digest: string | null }

/** Seals everything committed so far. Returns how many transactions it sealed (0 when another sealer holds the lock). */
export async function sealLedger(pool: pg.Pool): Promise<{ sealed: number }> {
  let sealed = 0;
  for (;;) {
    const n = await withTransaction(pool, async (q) => {
      const { rows: lock } = await q.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1, $2) as ok', LOCK);
      if (!lock[0]?.ok) return -1;
      const { rows: head } = await q.query<{ seq: string; hash: string }>(
        'select seq, hash from ledger_transactions where seq is not null order by seq desc limit 1');
      const { rows } = await q.query<Unsealed>(
        `select id, kind, cause_type, cause_id, order_id, memo, created_at, digest from ledger_transactions
          where seq is null order by created_at, id limit ${BATCH}`);
      if (rows.length === 0) return 0;
      const entries = await entriesOf(q, rows.map((r) => r.id));
      let seq = head[0] ? Number(head[0].seq) : 0;
      let prev = head[0]?.hash ?? GENESIS_HASH;
      const ids: string[] = [], seqs: number[] = [], prevs: string[] = [], hashes: string[] = [], digests: string[] = [];
      for (const r of rows) {
        const digest = r.digest ?? transactionDigest({
          id: r.id, kind: r.kind, causeType: r.cause_type, causeId: r.cause_id, orderId: r.order_id, memo: r.memo, createdAt: r.created_at, entries: entries.get(r.id) ?? [],
        });
        const hash = chainHash(prev, digest);
        seq += 1;
        ids.push(r.id); seqs.push(seq); prevs.push(prev); hashes.push(hash); digests.push(digest);
        prev = hash;
      }
      await q.query(
        `update ledger_transactions t set seq = v.seq, prev_hash = v.prev, hash = v.hash, digest = v.digest
           from unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[]) as v(id, seq, prev, hash, digest)
          where t.id = v.id and t.seq is null`, [ids, seqs, prevs, hashes, digests]);
      return rows.length;
    });
    if (n <= 0) return { sealed };
    sealed += n;
    if (n < BATCH) return { sealed };
  }
}

export async function entriesOf(q: Pick<pg.PoolClient, 'query'>, ids: string[]) {
  const { rows } = await q.query<{ id: string; transaction_id: string; account_id: string; amount: string; currency: string }>(
    'select id, transaction_id, account_id, amount, currency from ledger_entries where transaction_id = any($1::text[])', [ids]);
  const out = new Map<string, { id: string; accountId: string; amount: string; currency: string }[]>();
  for (const e of rows) {
    const list = out.get(e.transaction_id) ?? [];
    list.push({ id: e.id, accountId: e.account_id, amount: e.amount, currency: e.currency });
    out.set(e.transaction_id, list);
  }
  return out;
}
