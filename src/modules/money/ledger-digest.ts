// The hash chain's arithmetic (DESIGN §8). A transaction's digest covers what
// it is and every entry it has; its chain hash covers the previous hash and
// its digest. Computed the same way when posting, sealing and verifying.
import { createHash } from 'node:crypto';

/** The hash before the first transaction. */
export const GENESIS_HASH = '0'.repeat(64);

export interface DigestInput {
  id: string;
  kind: string;
  causeType: string;
  causeId: string;
  orderId: string | null;
  memo: string | null;
  createdAt: Date;
  entries: ReadonlyArray<{ accountId: string; amount: number | string; currency: string }>;
}

/** SHA-256 (hex) of a canonical text of the transaction; the entries in a fixed order, so the order rows come back in does not matter. */
export function transactionDigest(t: DigestInput): string {
  const entries = t.entries
    .map((e) => `${e.accountId}:${String(e.amount)}:${e.currency}`)
    .sort();
  const text = [t.id, t.kind, t.causeType, t.causeId, t.orderId ?? '', JSON.stringify(t.memo), String(t.createdAt.getTime()), ...entries].join('\n');
  return createHash('sha256').update(text).digest('hex');
}

export function chainHash(prevHash: string, digest: string): string {
  return createHash('sha256').update(`${prevHash}\n${digest}`).digest('hex');
}
