// Cursor pagination over time-sortable ids, newest first (Stripe-style):
// `limit`, `starting_after` (older than), `ending_before` (newer than).
import { z } from 'zod';

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  starting_after: z.string().min(1).max(64).optional(),
  ending_before: z.string().min(1).max(64).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** The documented shape of a page of `item`s (what `toPage` returns). */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ object: z.literal('list'), data: z.array(item), has_more: z.boolean() });
}

export interface Page<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
}

/**
 * SQL fragments for a page: appends the cursor condition to `params` and
 * returns the condition, the order and the limit (one more than asked, to
 * know whether there is more).
 */
export function pageClause(page: PageQuery, idColumn: string, params: unknown[]): { where: string; order: string; limit: number } {
  if (page.starting_after && page.ending_before) {
    return { where: 'false', order: `${idColumn} desc`, limit: 0 };
  }
  if (page.ending_before) {
    params.push(page.ending_before);
    return { where: `${idColumn} > $${params.length}`, order: `${idColumn} asc`, limit: page.limit + 1 };
  }
  if (page.starting_after) {
    params.push(page.starting_after);
    return { where: `${idColumn} < $${params.length}`, order: `${idColumn} desc`, limit: page.limit + 1 };
  }
  return { where: 'true', order: `${idColumn} desc`, limit: page.limit + 1 };
}

export function toPage<T>(rows: T[], page: PageQuery): Page<T> {
  const hasMore = rows.length > page.limit;
  const data = rows.slice(0, page.limit);
  // ending_before walks forward; present newest first all the same.
  if (page.ending_before) data.reverse();
  return { object: 'list', data, has_more: hasMore };
}
