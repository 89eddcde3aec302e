// The reconciliation report (对账): for each platform gateway and currency,
// what the gateway confirmed (succeeded payments less succeeded refunds
// through it, from the payments and refunds the notifies verified) beside
// what the ledger holds in that gateway's clearing account — and every
// payment where the two disagree: confirmed but never booked, booked but not
// confirmed, or booked for another amount. An operator compares the first
// column with the gateway's own statement; the difference column should be 0.
// (A report: it reads the payments tables; it changes nothing.)
import { z } from 'zod';
import { minorUnits } from '../../lib/money.ts';
import type { Ctx } from '../shared/context.ts';

export const ReconciliationOut = z.object({
  object: z.literal('reconciliation'), generated_at: z.string(),
  gateways: z.array(z.object({
    gateway: z.string(), currency: z.string(), payments: z.number().int(), confirmed: z.number().int(), refunded: z.number().int(),
    expected: z.number().int().describe('confirmed − refunded'), ledger: z.number().int().describe('The gateway\'s clearing account'),
    difference: z.number().int().describe('ledger − expected: 0 when they agree'),
  })),
  issues: z.array(z.object({
    payment_id: z.string().describe('The payment, or (booked_not_confirmed) the id the ledger booked for one that may not exist'),
    gateway: z.string().nullable(), currency: z.string().nullable(),
    problem: z.string().describe('confirmed_not_booked, booked_not_confirmed or amount_mismatch'),
    amount: z.number().int().nullable(), booked: z.number().int().nullable(),
  })).describe('The first 100'),
});

interface TotalsRow { gateway: string; currency: string; confirmed: string; refunded: string; ledger: string | null; payments: string }
interface IssueRow { payment_id: string; gateway: string | null; currency: string | null; amount: string | null; booked: string | null; problem: string }

export async function reconcileGateways(ctx: Ctx) {
  const pool = ctx.database.pool;
  const { rows: totals } = await pool.query<TotalsRow>(
    `with platform_payments as (
       select p.* from payments p where p.status = 'succeeded' and p.gateway <> 'wallet'
          and (p.gateway_config_id is null or exists (select 1 from gateway_configs gc where gc.id = p.gateway_config_id and gc.merchant_id is null))),
     pay as (select gateway, currency, sum(amount) as confirmed, count(*) as payments from platform_payments group by 1, 2),
     ref as (select p.gateway, r.currency, sum(r.amount) as refunded from refunds r join platform_payments p on p.id = r.payment_id
              where r.status = 'succeeded' and r.destination = 'gateway' group by 1, 2),
     led as (select split_part(a.code, ':', 2) as gateway, a.currency, sum(e.amount) as ledger
               from ledger_accounts a join ledger_entries e on e.account_id = a.id where a.kind = 'gateway_clearing' and a.code not like 'gateway_clearing:wallet:%'
              group by 1, 2)
     select coalesce(pay.gateway, led.gateway) as gateway, coalesce(pay.currency, led.currency) as currency,
            coalesce(pay.confirmed, 0) as confirmed, coalesce(ref.refunded, 0) as refunded, led.ledger, coalesce(pay.payments, 0) as payments
       from pay full join led on led.gateway = pay.gateway and led.currency = pay.currency
       left join ref on ref.gateway = coalesce(pay.gateway, led.gateway) and ref.currency = coalesce(pay.currency, led.currency)
      order by 1, 2`);
  const { rows: issues } = await pool.query<IssueRow>(
    `with booked as (
       select lt.cause_id as payment_id, sum(e.amount) filter (where a.kind = 'gateway_clearing') as booked,
              max(split_part(a.code, ':', 2)) filter (where a.kind = 'gateway_clearing') as gateway,
              max(a.currency) filter (where a.kind = 'gateway_clearing') as currency
         from ledger_transactions lt join ledger_entries e on e.transaction_id = lt.id join ledger_accounts a on a.id = e.account_id
        where lt.cause_type = 'payment' and lt.kind in ('payment', 'topup') group by lt.cause_id)
     select coalesce(p.id, b.payment_id) as payment_id, coalesce(p.gateway, b.gateway) as gateway, coalesce(p.currency, b.currency) as currency,
            p.amount::text, b.booked::text,
            case when b.payment_id is null then 'confirmed_not_booked'
                 when p.id is null or p.status <> 'succeeded' then 'booked_not_confirmed' else 'amount_mismatch' end as problem
       from payments p full join booked b on b.payment_id = p.id
      where p.gateway is distinct from 'wallet'
        and ((p.status = 'succeeded' and b.payment_id is null
              and (p.gateway_config_id is null or exists (select 1 from gateway_configs gc where gc.id = p.gateway_config_id and gc.merchant_id is null)))
          or (b.payment_id is not null and (p.id is null or p.status <> 'succeeded'))
          or (p.status = 'succeeded' and b.booked is not null and b.booked <> p.amount))
      order by 1 limit 100`);
  return {
    object: 'reconciliation' as const,
    generated_at: ctx.clock.now().toISOString(),
    gateways: totals.map((r) => {
      const expected = minorUnits(r.confirmed) - minorUnits(r.refunded);
      const ledger = minorUnits(r.ledger ?? 0);
      return {
        gateway: r.gateway, currency: r.currency, payments: Number(r.payments),
        confirmed: minorUnits(r.confirmed), refunded: minorUnits(r.refunded), expected, ledger, difference: ledger - expected,
      };
    }),
    issues: issues.map((i) => ({
      payment_id: i.payment_id, gateway: i.gateway, currency: i.currency, problem: i.problem,
      amount: i.amount === null ? null : minorUnits(i.amount), booked: i.booked === null ? null : minorUnits(i.booked),
    })),
  };
}
