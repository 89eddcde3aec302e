// Row types from the schema (issue 9): what a `select` of a table's columns
// returns through node-postgres, derived from the Drizzle table so a column
// renamed or retyped in schema.ts changes every hand-written query's row type
// with it. Keys are the SQL (snake_case) names; bigint columns come back as
// strings (read money with minorUnits()), nullable columns include null.
import type { PgTable } from 'drizzle-orm/pg-core';

type Snake<S extends string> = S extends `${infer H}${infer T}` ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${Snake<T>}` : S;

type Value<C> = C extends { _: { columnType: infer CT; data: infer D; notNull: infer N } }
  ? (CT extends 'PgBigInt53' | 'PgBigInt64' ? string : D) | (N extends true ? never : null)
  : never;

/** The row of `select *` (or any subset: Pick<RowOf<typeof t>, 'id' | …>) from table T. */
export type RowOf<T extends PgTable> = { [K in keyof T['_']['columns'] as Snake<K & string>]: Value<T['_']['columns'][K]> };
