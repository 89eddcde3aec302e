// A refund as the API shows it.
import { minorUnits } from '../../../lib/money.ts';
export interface RefundView {
  id: string;
  object: 'refund';
  order_id: string;
  payment_id: string;
  amount: number;
  currency: string;
  status: 'pending' | 'succeeded' | 'failed';
  destination: string;
  reason: string | null;
  failure_message: string | null;
  created_at: string;
  completed_at: string | null;
}

export function presentRefund(r: Record<string, unknown>): RefundView {
  return {
    id: r.id as string, object: 'refund', order_id: r.order_id as string, payment_id: r.payment_id as string, amount: minorUnits(r.amount as string),
    currency: r.currency as string, status: r.status as RefundView['status'], destination: r.destination as string,
    reason: (r.reason as string | null) ?? null, failure_message: (r.failure_message as string | null) ?? null,
    created_at: (r.created_at as Date).toISOString(), completed_at: r.completed_at ? (r.completed_at as Date).toISOString() : null,
  };
}
