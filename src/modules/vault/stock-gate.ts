// Admission to checkout, per product, in this process: a flash sale's
// sold-out answers come at once, without touching the database.
//
// Without it, 2,000 buyers arriving together for 500 keys all queue for a
// database connection, and the 1,500 who cannot win wait behind the 500 who
// do. With it, the first checkout of a product (the leader) also counts the
// available keys in the product read it makes anyway; every checkout of that
// product arriving meanwhile waits for that count instead of for a
// connection. From then on this process lets through at most that many keys'
// worth of checkouts at a time and answers the rest `out_of_stock` in memory.
//
// The database stays the only judge of who gets a key (the reserving
// statement, DESIGN §6): the gate only turns away checkouts that could not
// win while others are in flight. It may let through too many — other
// processes sell the same keys, and the reservation then says out_of_stock
// as before — and it trusts a count for FRESH_MS only, so keys added or
// returned to stock (an import, an expired order) by any process are sold
// again within that time (at once when it happens in this process): the
// first checkout after it recounts, and those arriving while it does are
// judged on the old count rather than wait — so keys returned by another
// process may be refused for as long as that recount takes, a few
// milliseconds unless the database is swamped. A first count, or one this
// process knows is wrong (keys came back here), is waited for. A checkout
// let through that fails frees its place for the next buyer.

import { countKeysSql, KEY_COUNT_CAP } from './count-keys.ts';

/** How long a count of available keys is trusted. */
export const FRESH_MS = 1000;

/** The product read's column counting available keys for the gate, only when `$flag` is true (the leader's read). */
export function countAvailableSql(productExpr: string, flag: string): string {
  return `case when ${flag} then ${countKeysSql(productExpr, 'available', KEY_COUNT_CAP)}::int end`;
}

interface Entry {
  /** The shop the product was counted under; a checkout naming another is not gated. */
  shopSlug: string;
  /** Keys available when counted, less those this process has sold since. */
  available: number;
  /** Keys held by this process's checkouts in flight. */
  admitted: number;
  countedAt: number;
  /** The leader's count, while it is being made. */
  counting?: Promise<void>;
  /** Stock changed here while that count was being made: it may not show the change, so count again after it. */
  changedWhileCounting?: boolean;
}

export interface Ticket {
  /** The checkout reserved its keys (they are gone from stock). */
  sold(): void;
  /** The checkout ended without reserving; `outOfStock`: the database said the keys were gone. */
  failed(outOfStock: boolean): void;
}

export type Admission =
  | { kind: 'admitted'; ticket: Ticket }
  | { kind: 'refused' }
  /** Count the product's available keys (in the product read) and report: `undefined` when there is no such product here. */
  | { kind: 'leader'; report(available: number | undefined): Ticket | undefined };

const UNGATED: Ticket = { sold: () => undefined, failed: () => undefined };

export class StockGate {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  async enter(shopSlug: string, productId: string, quantity: number): Promise<Admission> {
    for (;;) {
      const entry = this.entries.get(productId);
      if (entry && entry.shopSlug !== shopSlug) return { kind: 'admitted', ticket: UNGATED };
      if (entry?.counting) {
        // A recount is under way: the count before it (not forgotten) answers meanwhile, so in a
        // flash sale the buyers who cannot win never wait behind the winners' queries for it.
        if (entry.countedAt !== -Infinity && !entry.changedWhileCounting) return this.decide(entry, quantity);
        await entry.counting;
        continue;
      }
      if (entry && this.now() - entry.countedAt <= FRESH_MS) return this.decide(entry, quantity);
      return { kind: 'leader', report: this.lead(shopSlug, productId, quantity, entry) };
    }
  }

  /** Keys were added or returned to stock here: count again at the next checkout. */
  forget(productId: string): void {
    const entry = this.entries.get(productId);
    if (!entry) return;
    if (entry.counting) entry.changedWhileCounting = true;
    else entry.countedAt = -Infinity;
  }

  private lead(shopSlug: string, productId: string, quantity: number, existing: Entry | undefined) {
    let release: () => void = () => undefined;
    const entry: Entry = existing ?? { shopSlug, available: 0, admitted: 0, countedAt: -Infinity };
    entry.counting = new Promise<void>((resolve) => { release = resolve; });
    this.entries.set(productId, entry);
    this.prune();
    let reported = false;
    return (available: number | undefined): Ticket | undefined => {
      if (reported) return UNGATED;
      reported = true;
      entry.counting = undefined;
      if (available === undefined) {
        // No such product in this shop (or the read failed): nothing learned, nobody gated.
        if (entry.changedWhileCounting) entry.countedAt = -Infinity;
        entry.changedWhileCounting = false;
        if (entry.admitted === 0) this.entries.delete(productId);
        release();
        return UNGATED;
      }
      // Checkouts still in flight keep their places; the count already excludes what committed.
      entry.available = available;
      entry.countedAt = entry.changedWhileCounting ? -Infinity : this.now();
      entry.changedWhileCounting = false;
      release();
      const admission = this.decide(entry, quantity);
      return admission.kind === 'admitted' ? admission.ticket : undefined;
    };
  }

  private decide(entry: Entry, quantity: number): Admission {
    // Counting stopped at the cap: a product with that many keys is not gated.
    if (entry.available >= KEY_COUNT_CAP) return { kind: 'admitted', ticket: UNGATED };
    if (entry.admitted + quantity > entry.available) {
      // Sold out as far as this process knows, or its checkouts in flight hold what is left: turned away here.
      if (entry.available === 0 || entry.admitted > 0) return { kind: 'refused' };
      // Nothing in flight and more asked for than there is: the checkout itself answers (422 for a quantity the product does not allow, else 409).
      return { kind: 'admitted', ticket: UNGATED };
    }
    entry.admitted += quantity;
    let settled = false;
    return {
      kind: 'admitted',
      ticket: {
        sold: () => {
          if (settled) return;
          settled = true;
          entry.admitted -= quantity;
          entry.available = Math.max(0, entry.available - quantity);
        },
        failed: (outOfStock) => {
          if (settled) return;
          settled = true;
          entry.admitted -= quantity;
          // The database knows better: nothing more until the next count.
          if (outOfStock) entry.available = Math.min(entry.available, entry.admitted);
        },
      },
    };
  }

  /** Drops products nobody is checking out, so the map stays small. */
  private prune(): void {
    if (this.entries.size < 10_000) return;
    const now = this.now();
    for (const [key, e] of this.entries) {
      if (e.admitted === 0 && !e.counting && now - e.countedAt > FRESH_MS) this.entries.delete(key);
    }
  }
}

/** This process's gate (one per process: the counts describe this process's checkouts in flight). */
export const stockGate = new StockGate();
