import { minorUnits } from '../../lib/money.ts';
import type { Services } from '../shared/context.ts';

/** What the sandbox pay page shows: the payment, its order number and shop. */
export async function loadSandboxPayment(s: Services, paymentId: string) {
  const { rows } = await s.database.pool.query<{ id: string; amount: string; currency: string; status: string; number: string; order_status: string; shop_name: string }>(
    `select p.id, p.amount, p.currency, p.status, coalesce(o.number, p.topup_id) as number,
            coalesce(o.status, case t.status when 'pending' then 'pending_payment' else t.status end) as order_status,
            coalesce(m.name, 'Wallet top-up · 余额充值') as shop_name
       from payments p left join orders o on o.id = p.order_id left join merchants m on m.id = p.merchant_id
            left join wallet_topups t on t.id = p.topup_id
      where p.id = $1 and p.gateway = 'sandbox'`, [paymentId]);
  const r = rows[0];
  return r ? { ...r, amount: minorUnits(r.amount) } : undefined;
}
