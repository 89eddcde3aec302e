// `xiaopu ledger verify` (DESIGN §8, §13): reads the whole ledger in chain
// order and checks, for every transaction, that its entries balance in each
// currency, that its digest matches its rows, and — for sealed ones — that the
// chain is unbroken (seq 1, 2, 3…, each prev_hash the hash before it, each
// hash recomputed). Any row changed, deleted or reordered behind the
// application's back fails one of these; the first failure is named.
import type pg from 'pg';
import { chainHash, GENESIS_HASH, transactionDigest } from './ledger-digest.ts';
import { entriesOf } from './seal-ledger.ts';

const BATCH = 5000;

export type LedgerVerdict =
  | { ok: true; transactions: number; sealed: number; unsealed: number; entries: number; headSeq: number; headHash: string }
  | { ok: false; transactionId: string; seq: number | null; entryId?: string; problem: string };

interface TxRow {
  id: string; kind: string; cause_type: string; cause_id: string; order_id: string | null; created_at: Date; digest: string | null;
  seq: string | null; prev_hash: string | null; hash: string | null;
}

const COLUMNS = 'id, kind, cause_type, cause_id, order_id, created_at, digest, seq, prev_hash, hash';

export async function verifyLedger(pool: pg.Pool): Promise<LedgerVerdict> {
  let transactions = 0, sealed = 0, unsealed = 0, entries = 0;
  let expectedSeq = 1;
  let prev = GENESIS_HASH;
  // Sealed transactions in chain order, then the ones awaiting their seal.
  let after = 0;
  for (;;) {
    const { rows } = await pool.query<TxRow>(`select ${COLUMNS} from ledger_transactions where seq > $1 order by seq limit ${BATCH}`, [after]);
    if (rows.length === 0) break;
    const byTx = await entriesOf(pool, rows.map((r) => r.id));
    for (const r of rows) {
      const seq = Number(r.seq);
      const bad = (problem: string, entryId?: string): LedgerVerdict => ({ ok: false, transactionId: r.id, seq, problem, ...(entryId ? { entryId } : {}) });
      if (seq !== expectedSeq) return bad(`the chain skips from seq ${expectedSeq - 1} to ${seq}: a sealed transaction is missing`);
      if (r.prev_hash !== prev) return bad('its prev_hash is not the hash of the transaction before it (rows deleted, reordered or rewritten)');
      const problem = checkOne(r, byTx.get(r.id) ?? []);
      if (problem) return bad(problem.problem, problem.entryId);
      if (r.hash !== chainHash(prev, r.digest ?? '')) return bad('its hash does not match its prev_hash and digest');
      prev = r.hash;
      expectedSeq++;
      transactions++; sealed++; entries += byTx.get(r.id)?.length ?? 0;
    }
    after = Number(rows.at(-1)?.seq);
  }
  let afterId = '';
  for (;;) {
    const { rows } = await pool.query<TxRow>(`select ${COLUMNS} from ledger_transactions where seq is null and id > $1 order by id limit ${BATCH}`, [afterId]);
    if (rows.length === 0) break;
    const byTx = await entriesOf(pool, rows.map((r) => r.id));
    for (const r of rows) {
      const problem = checkOne(r, byTx.get(r.id) ?? [], true);
      if (problem) return { ok: false, transactionId: r.id, seq: null, problem: problem.problem, ...(problem.entryId ? { entryId: problem.entryId } : {}) };
      transactions++; unsealed++; entries += byTx.get(r.id)?.length ?? 0;
    }
    afterId = rows.at(-1)?.id ?? afterId;
  }
  return { ok: true, transactions, sealed, unsealed, entries, headSeq: expectedSeq - 1, headHash: prev };
}

function checkOne(r: TxRow, list: { id: string; accountId: string; amount: string; currency: string }[], digestOptional = false): { problem: string; entryId?: string } | undefined {
  if (list.length === 0) return { problem: 'it has no entries' };
  const sums = new Map<string, bigint>();
  for (const e of list) sums.set(e.currency, (sums.get(e.currency) ?? 0n) + BigInt(e.amount));
  for (const [currency, sum] of sums) {
    if (sum !== 0n) return { problem: `its entries sum to ${sum} ${currency}, not zero`, entryId: list[0]?.id };
  }
  if (r.digest === null) return digestOptional ? undefined : { problem: 'it is sealed without a digest' };
  const digest = transactionDigest({
    id: r.id, kind: r.kind, causeType: r.cause_type, causeId: r.cause_id, orderId: r.order_id, createdAt: r.created_at, entries: list,
  });
  if (digest !== r.digest) return { problem: 'its rows do not match its digest (an entry or the transaction was changed, added or deleted)' };
  return undefined;
}
