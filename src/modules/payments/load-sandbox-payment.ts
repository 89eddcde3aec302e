import type { Services } from '../shared/context.ts';

/** What the sandbox pay page shows: the payment, its order number and shop. */
export async function loadSandboxPayment(s: Services, paymentId: string) {
  const { rows } = await s.database.pool.query<{ id: string; amount: string; currency: string; status: string; number: string; order_status: string; shop_name: string }>(
    `select p.id, p.amount, p.currency, p.status, o.number, o.status as order_status, m.name as shop_name
       from payments p join orders o on o.id = p.order_id join merchants m on m.id = p.merchant_id
      where p.id = $1 and p.gateway = 'sandbox'`, [paymentId]);
  const r = rows[0];
  return r ? { ...r, amount: Number(r.amount) } : undefined;
}
