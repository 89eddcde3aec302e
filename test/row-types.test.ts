// Row types come from the schema (src/db/rows.ts): checked by the type
// checker that `npm test` runs first, so a column renamed or retyped in
// schema.ts breaks the build where a query's row type no longer fits.
import { expectTypeOf, it } from 'vitest';
import type { RowOf } from '../src/db/rows.ts';
import type { disputes, ledgerEntries, payouts } from '../src/db/schema.ts';
import type { PayoutRow } from '../src/modules/payouts/payout-rows.ts';

it('maps columns to what node-postgres returns, by their SQL names', () => {
  expectTypeOf<RowOf<typeof payouts>['amount']>().toEqualTypeOf<string>();
  expectTypeOf<RowOf<typeof payouts>['merchant_id']>().toEqualTypeOf<string>();
  expectTypeOf<RowOf<typeof payouts>['approved_at']>().toEqualTypeOf<Date | null>();
  expectTypeOf<RowOf<typeof disputes>['refund_amount']>().toEqualTypeOf<string | null>();
  expectTypeOf<RowOf<typeof ledgerEntries>['id']>().toEqualTypeOf<string>();
  expectTypeOf<PayoutRow['status']>().toEqualTypeOf<'pending' | 'approved' | 'paid' | 'rejected'>();
  // @ts-expect-error — no such column
  expectTypeOf<RowOf<typeof payouts>['amountMinor']>().toBeNever();
});
