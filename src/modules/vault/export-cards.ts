// Exports a product's unsold keys in plain text, for a merchant who asked.
// The reveal is audited before a single key leaves.
import { shopOf, type Ctx } from '../shared/context.ts';
import { notFound } from '../../lib/errors.ts';
import { writeAudit } from '../trust/audit.ts';

export async function* exportUnsoldCards(ctx: Ctx, { productId }: { productId: string }): AsyncGenerator<string> {
  const merchantId = shopOf(ctx);
  const pool = ctx.database.pool;
  const { rowCount } = await pool.query('select 1 from products where id = $1 and merchant_id = $2', [productId, merchantId]);
  if (!rowCount) throw notFound('product');
  await writeAudit(pool, ctx.actor, ctx.clock.now(), { action: 'cards.export', targetType: 'product', targetId: productId, merchantId });
  let after = '';
  for (;;) {
    const { rows } = await pool.query<{ id: string; ciphertext: Buffer; key_id: string }>(
      `select id, ciphertext, key_id from cards where product_id = $1 and merchant_id = $2 and status = 'available' and id > $3 order by id limit 1000`,
      [productId, merchantId, after]);
    for (const r of rows) yield ctx.keyring.open({ ciphertext: r.ciphertext, keyId: r.key_id });
    const last = rows.at(-1);
    if (!last || rows.length < 1000) return;
    after = last.id;
  }
}
