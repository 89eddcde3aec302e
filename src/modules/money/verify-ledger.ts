// `xiaopu ledger verify` (DESIGN §8, §13): reads the whole ledger in chain
// order and checks, for every transaction, that its entries balance in each
// currency, that its digest matches its rows, and — for sealed ones — that the
// chain is unbroken (seq 1, 2, 3…, each prev_hash the hash before it, each
// hash recomputed); then that every account is what its code says (its id is
// derived from the code; its kind, currency and shop agree with it), since
// balances are grouped by them. With `expect` (a head recorded earlier,
// `seq:hash`), also that the chain still passes through it — the one change
// the chain alone cannot see is the removal of its newest transactions.
import type pg from 'pg';
import { accountId } from './ledger.ts';
import { chainHash, GENESIS_HASH, transactionDigest } from './ledger-digest.ts';
import { entriesOf } from './seal-ledger.ts';
import type { RowOf } from '../../db/rows.ts';
import type { ledgerTransactions } from '../../db/schema.ts';

const BATCH = 5000;

export type LedgerVerdict =
  | { ok: true; transactions: number; sealed: number; unsealed: number; entries: number; accounts: number; headSeq: number; headHash: string }
  /** `where`: e.g. `transaction ltx_… (seq 17)`, `account lac_…`. */
  | { ok: false; where: string; problem: string };

type TxRow = Pick<RowOf<typeof ledgerTransactions>, 'id' | 'kind' | 'cause_type' | 'cause_id' | 'order_id' | 'memo' | 'created_at' | 'digest' | 'seq' | 'prev_hash' | 'hash'>;

const COLUMNS = 'id, kind, cause_type, cause_id, order_id, memo, created_at, digest, seq, prev_hash, hash';
/** Account kinds that belong to one shop: their code's owner is the shop (or ends with it), and merchant_id says so. */
const SHOP_KINDS = new Set(['merchant_escrow', 'merchant_available', 'payouts_in_flight', 'merchant_direct_sales', 'merchant_gateway_clearing']);

export async function verifyLedger(pool: pg.Pool, expect?: { seq: number; hash: string }): Promise<LedgerVerdict> {
  let transactions = 0, sealed = 0, unsealed = 0, entries = 0;
  let expectedSeq = 1;
  let prev = GENESIS_HASH;
  let expectSeen = false;
  // Sealed transactions in chain order, then the ones awaiting their seal.
  let after = 0;
  for (;;) {
    const { rows } = await pool.query<TxRow>(`select ${COLUMNS} from ledger_transactions where seq > $1 order by seq limit ${BATCH}`, [after]);
    if (rows.length === 0) break;
    const byTx = await entriesOf(pool, rows.map((r) => r.id));
    for (const r of rows) {
      const seq = Number(r.seq);
      const bad = (problem: string): LedgerVerdict => ({ ok: false, where: `transaction ${r.id} (seq ${seq})`, problem });
      if (seq !== expectedSeq) return bad(`the chain skips from seq ${expectedSeq - 1} to ${seq}: a sealed transaction is missing`);
      if (r.prev_hash !== prev) return bad('its prev_hash is not the hash of the transaction before it (rows deleted, reordered or rewritten)');
      const problem = checkOne(r, byTx.get(r.id) ?? []);
      if (problem) return bad(problem);
      if (r.hash !== chainHash(prev, r.digest ?? '')) return bad('its hash does not match its prev_hash and digest');
      if (expect && seq === expect.seq) {
        if (r.hash !== expect.hash) return bad(`the chain at seq ${seq} is not the one recorded (${expect.hash.slice(0, 16)}…): the ledger before it was rewritten`);
        expectSeen = true;
      }
      prev = r.hash;
      expectedSeq++;
      transactions++; sealed++; entries += byTx.get(r.id)?.length ?? 0;
    }
    after = Number(rows.at(-1)?.seq);
  }
  if (expect && !expectSeen) {
    return { ok: false, where: `seq ${expect.seq}`, problem: `the chain ends at seq ${expectedSeq - 1}: the transactions up to the recorded head were deleted` };
  }
  let afterId = '';
  for (;;) {
    const { rows } = await pool.query<TxRow>(`select ${COLUMNS} from ledger_transactions where seq is null and id > $1 order by id limit ${BATCH}`, [afterId]);
    if (rows.length === 0) break;
    const byTx = await entriesOf(pool, rows.map((r) => r.id));
    for (const r of rows) {
      const problem = checkOne(r, byTx.get(r.id) ?? [], true);
      if (problem) return { ok: false, where: `transaction ${r.id} (awaiting seal)`, problem };
      transactions++; unsealed++; entries += byTx.get(r.id)?.length ?? 0;
    }
    afterId = rows.at(-1)?.id ?? afterId;
  }
  const accounts = await checkAccounts(pool);
  if (typeof accounts === 'object') return accounts;
  return { ok: true, transactions, sealed, unsealed, entries, accounts, headSeq: expectedSeq - 1, headHash: prev };
}

function checkOne(r: TxRow, list: { id: string; accountId: string; amount: string; currency: string }[], digestOptional = false): string | undefined {
  if (list.length === 0) return 'it has no entries';
  const sums = new Map<string, bigint>();
  for (const e of list) sums.set(e.currency, (sums.get(e.currency) ?? 0n) + BigInt(e.amount));
  for (const [currency, sum] of sums) {
    if (sum !== 0n) return `its entries (${list.map((e) => e.id).join(', ')}) sum to ${sum} ${currency}, not zero`;
  }
  if (r.digest === null) return digestOptional ? undefined : 'it is sealed without a digest';
  const digest = transactionDigest({
    id: r.id, kind: r.kind, causeType: r.cause_type, causeId: r.cause_id, orderId: r.order_id, memo: r.memo, createdAt: r.created_at, entries: list,
  });
  if (digest !== r.digest) return 'its rows do not match its digest (an entry or the transaction was changed, added or deleted)';
  return undefined;
}

/** Every account is what its code says. Returns how many were checked, or the first bad one. */
async function checkAccounts(pool: pg.Pool): Promise<number | LedgerVerdict> {
  let n = 0;
  let afterId = '';
  for (;;) {
    const { rows } = await pool.query<{ id: string; code: string; kind: string; merchant_id: string | null; currency: string }>(
      `select id, code, kind, merchant_id, currency from ledger_accounts where id > $1 order by id limit ${BATCH}`, [afterId]);
    if (rows.length === 0) return n;
    for (const a of rows) {
      const bad = (problem: string): LedgerVerdict => ({ ok: false, where: `account ${a.id} (${a.code})`, problem });
      if (accountId(a.code) !== a.id) return bad('its id is not the one its code gives: the account was renamed');
      if (!a.code.startsWith(`${a.kind}:`) || !a.code.endsWith(`:${a.currency}`)) return bad(`its kind (${a.kind}) or currency (${a.currency}) disagrees with its code`);
      const owner = a.code.slice(a.kind.length + 1, a.code.length - a.currency.length - 1);
      const shopOwned = SHOP_KINDS.has(a.kind);
      if (shopOwned && (a.merchant_id === null || !(owner === a.merchant_id || owner.endsWith(`:${a.merchant_id}`)))) {
        return bad(`its shop (${a.merchant_id ?? 'none'}) is not its owner (${owner})`);
      }
      if (!shopOwned && a.merchant_id !== null) return bad(`a platform or buyer account names a shop (${a.merchant_id})`);
      n++;
    }
    afterId = rows.at(-1)?.id ?? afterId;
  }
}
