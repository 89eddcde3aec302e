import { minorUnits } from '../../lib/money.ts';
import type { Services } from '../shared/context.ts';
import type { PaymentAction } from './gateways/gateway-adapter.ts';
import { adapterFor } from './gateways/adapters/index.ts';

export interface PaymentPageData {
  id: string;
  gateway: string;
  gatewayTitle: string;
  method: string | null;
  amount: number;
  currency: string;
  status: string;
  number: string;
  orderStatus: string;
  shopName: string;
  expiresAt: Date;
  action: PaymentAction | null;
  /** A wallet top-up rather than an order: there is no order page to link to. */
  isTopup: boolean;
}

/** What the generic pay page shows: the attempt's amount, status and where to pay. No secrets. */
export async function loadPaymentPage(s: Services, paymentId: string): Promise<PaymentPageData | undefined> {
  const { rows } = await s.database.pool.query<{
    id: string; gateway: string; method: string | null; amount: string; currency: string; status: string; number: string;
    order_status: string; shop_name: string; expires_at: Date; action: PaymentAction | null; is_topup: boolean;
  }>(
    `select p.id, p.gateway, p.method, p.amount, p.currency, p.status, p.action, coalesce(o.number, p.topup_id) as number,
            coalesce(o.status, case t.status when 'pending' then 'pending_payment' else t.status end) as order_status,
            coalesce(o.expires_at, t.created_at + interval '30 minutes') as expires_at,
            coalesce(m.name, 'Wallet top-up · 余额充值') as shop_name, p.topup_id is not null as is_topup
       from payments p left join orders o on o.id = p.order_id left join merchants m on m.id = p.merchant_id
            left join wallet_topups t on t.id = p.topup_id
      where p.id = $1 and p.gateway <> 'sandbox'`, [paymentId]);
  const r = rows[0];
  if (!r) return undefined;
  return {
    id: r.id, gateway: r.gateway, gatewayTitle: adapterFor(r.gateway)?.title ?? r.gateway, method: r.method, amount: minorUnits(r.amount),
    currency: r.currency, status: r.status, number: r.number, orderStatus: r.order_status, shopName: r.shop_name,
    expiresAt: r.expires_at, action: r.action, isTopup: r.is_topup,
  };
}
