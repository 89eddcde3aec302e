// A refund as the API shows it.
import { z } from 'zod';
import { minorUnits } from '../../../lib/money.ts';

export const RefundOut = z.object({
  id: z.string(), object: z.literal('refund'), order_id: z.string(), payment_id: z.string(),
  amount: z.number().int().describe('Minor units'), currency: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed']).describe('pending: with the gateway (reconciliation finishes it); failed: the gateway refused, nothing changed'),
  destination: z.string().describe('gateway or wallet'), reason: z.string().nullable(), failure_message: z.string().nullable(),
  created_at: z.string(), completed_at: z.string().nullable(),
});

export type RefundView = z.infer<typeof RefundOut>;

export function presentRefund(r: Record<string, unknown>): RefundView {
  return {
    id: r.id as string, object: 'refund', order_id: r.order_id as string, payment_id: r.payment_id as string, amount: minorUnits(r.amount as string),
    currency: r.currency as string, status: r.status as RefundView['status'], destination: r.destination as string,
    reason: (r.reason as string | null) ?? null, failure_message: (r.failure_message as string | null) ?? null,
    created_at: (r.created_at as Date).toISOString(), completed_at: r.completed_at ? (r.completed_at as Date).toISOString() : null,
  };
}
