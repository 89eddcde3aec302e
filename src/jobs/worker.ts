// Background jobs on graphile-worker, in the same PostgreSQL. Claims are
// exclusive, so any number of app processes can run a worker at once; cron
// items are de-duplicated across processes by graphile-worker's known_crontabs.
import { Logger, run, type Runner, type TaskList } from 'graphile-worker';
import { expireOrders } from '../modules/flows/expire-orders.ts';
import { reconcileRefunds } from '../modules/flows/reconcile-refunds.ts';
import { completeDueOrders } from '../modules/flows/complete-due-orders.ts';
import { sealLedger } from '../modules/money/seal-ledger.ts';
import { escalateOverdueDisputes } from '../modules/flows/escalate-dispute.ts';
import { flagOverdueFulfilments } from '../modules/flows/flag-overdue-fulfilments.ts';
import { deliverViaWebhook, requeueStalledWebhookDeliveries } from '../modules/flows/deliver-via-webhook.ts';
import { sendDisputeEmail } from '../modules/notifications/send-dispute-email.ts';
import type { DisputeNotice } from '../modules/notifications/queue-dispute-email.ts';
import { purgeExpiredState } from '../modules/platform/purge-expired-state.ts';
import { sendDeliveryEmail } from '../modules/notifications/send-delivery-email.ts';
import type { Log, Services } from '../modules/shared/context.ts';

export const CRONTAB = [
  '* * * * * expire_orders ?max=1',
  '17 * * * * purge_expired_state ?max=1',
  '* * * * * reconcile_refunds ?max=1',
  '* * * * * complete_orders ?max=1',
  '*/5 * * * * escalate_disputes ?max=1',
  '* * * * * flag_overdue_fulfilments ?max=1',
  '*/5 * * * * requeue_webhook_deliveries ?max=1',
].join('\n');

export function taskList(s: Services): TaskList {
  return {
    expire_orders: async () => {
      const r = await expireOrders(s);
      if (r.expired) s.log.info(r, 'expired unpaid orders');
    },
    reconcile_refunds: async () => {
      const r = await reconcileRefunds(s);
      if (r.succeeded + r.failed + r.unknown > 0) s.log.info(r, 'reconciled pending refunds');
    },
    complete_orders: async () => {
      const r = await completeDueOrders(s);
      if (r.completed) s.log.info(r, 'completed orders whose escrow window passed');
    },
    escalate_disputes: async () => {
      const r = await escalateOverdueDisputes(s);
      if (r.escalated) s.log.info(r, 'escalated disputes the shop did not answer in time');
    },
    flag_overdue_fulfilments: async () => {
      const r = await flagOverdueFulfilments(s);
      if (r.flagged) s.log.info(r, 'flagged hand-fulfilled orders past their due time');
    },
    deliver_via_webhook: async (payload) => {
      const orderId = (payload as { order_id?: unknown } | null)?.order_id;
      if (typeof orderId === 'string') await deliverViaWebhook(s, orderId);
    },
    requeue_webhook_deliveries: async () => {
      const n = await requeueStalledWebhookDeliveries(s);
      if (n) s.log.warn({ requeued: n }, 'gave stalled webhook deliveries their job back');
    },
    send_dispute_email: async (payload) => {
      const p = payload as { dispute_id?: unknown; notice?: unknown } | null;
      if (typeof p?.dispute_id === 'string' && typeof p.notice === 'string') await sendDisputeEmail(s, p.dispute_id, p.notice as DisputeNotice);
    },
    purge_expired_state: async () => {
      await purgeExpiredState(s);
    },
    send_delivery_email: async (payload) => {
      const orderId = (payload as { order_id?: unknown } | null)?.order_id;
      if (typeof orderId === 'string') await sendDeliveryEmail(s, orderId);
    },
  };
}

function graphileLogger(log: Log): Logger {
  return new Logger((scope) => (level, message, meta) => {
    const l = level === 'error' ? 'error' : level === 'warning' ? 'warn' : 'debug';
    log[l]({ worker: scope.workerId, task: scope.taskIdentifier, ...(meta ?? {}) }, message);
  });
}

export async function startWorker(s: Services): Promise<Runner> {
  const runner = await run({
    pgPool: s.database.pool,
    concurrency: s.config.workerConcurrency,
    taskList: taskList(s),
    crontab: CRONTAB,
    logger: graphileLogger(s.log),
    noHandleSignals: true,
    pollInterval: 2000,
  });
  // The ledger's hash chain is extended every few seconds (graphile's cron counts in minutes).
  let sealing = false;
  const timer = setInterval(() => {
    if (sealing) return;
    sealing = true;
    sealLedger(s.database.pool)
      .then((r) => { if (r.sealed) s.log.debug(r, 'sealed ledger transactions'); })
      .catch((err: unknown) => s.log.error({ err }, 'sealing the ledger failed'))
      .finally(() => { sealing = false; });
  }, s.config.ledgerSealSeconds * 1000);
  timer.unref();
  void runner.promise.finally(() => clearInterval(timer));
  return runner;
}
