// What every payment gateway adapter implements (DESIGN §7). An adapter is
// pure protocol: it signs requests, verifies notifies and talks HTTP to its
// gateway. It never touches the database; the use cases in this module look
// up payments and configurations, settle, and record what happened.
import type { z } from 'zod';

/** Where the buyer goes next to pay. */
export type PaymentAction =
  | { kind: 'redirect'; url: string }
  /** Content to render as a QR code image (a URL the buyer's wallet app opens). */
  | { kind: 'qr'; content: string }
  /** An HTML form the buyer's browser submits (auto-submitted by the pay page). */
  | { kind: 'form'; action: string; method: 'GET' | 'POST'; fields: Record<string, string> };

export interface PaymentToCreate {
  /** Our payment id (`pay_…`): the gateway's out_trade_no / reference. */
  paymentId: string;
  orderNumber: string;
  /** Integer minor units of `currency`. */
  amount: number;
  currency: string;
  /** A gateway's sub-method (epay `type`: alipay, wxpay, …), when it has several. */
  method?: string;
  /** What the buyer sees on the gateway's page (product title). */
  subject: string;
  notifyUrl: string;
  /** The browser comes back here; it only shows status, it never settles. */
  returnUrl: string;
  buyerIp: string;
  expiresAt: Date;
}

export interface CreatedPayment {
  action: PaymentAction;
  /** The gateway's own id for the attempt when it makes one up front (a Stripe Checkout Session id). */
  gatewayReference?: string;
}

/** A notify as it reached us, before anything is trusted. */
export interface IncomingNotify {
  method: string;
  query: Record<string, unknown>;
  /** The parsed body (object for JSON and forms, undefined if none). */
  body: unknown;
  /** The exact bytes of the body as UTF-8 text ('' if none): signatures over raw bodies need it. */
  rawBody: string;
  headers: Record<string, string | string[] | undefined>;
}

export type PaymentStatus = 'succeeded' | 'pending' | 'failed';

export type NotifyVerdict =
  | {
      ok: true;
      /** Our payment id, as signed by the gateway. */
      paymentId: string;
      /** The gateway's trade number: (gateway, trade no) is unique across payments. */
      tradeNo: string;
      /** Integer minor units, converted exactly from what the gateway signed. */
      amount: number;
      currency: string;
      status: PaymentStatus;
      /** The gateway's attempt id when it made one up front; must match the one stored at creation. */
      gatewayReference?: string;
    }
  /** Authentic, but not about a payment (an event type we do not act on): acknowledged, nothing changes. */
  | { ok: 'ignore'; reason: string }
  | { ok: false; reason: string; paymentId?: string };

export interface PaymentToQuery {
  paymentId: string;
  gatewayReference?: string | null;
  tradeNo?: string | null;
  amount: number;
  currency: string;
}

export type QueryResult =
  | { found: true; status: PaymentStatus; tradeNo?: string; amount?: number; currency?: string }
  | { found: false };

export interface RefundToMake {
  paymentId: string;
  tradeNo: string;
  gatewayReference?: string | null;
  /** Our refund id (`rfd_…`), sent as the gateway's idempotency key / out_refund_no. */
  refundId: string;
  amount: number;
  /** The payment's full amount (some gateways want both). */
  paymentAmount: number;
  currency: string;
  reason?: string;
}

export interface RefundResult {
  status: 'succeeded' | 'pending';
  gatewayRefundId?: string;
}

/** How we answer a notify: the exact form the gateway expects, or it keeps retrying. */
export interface NotifyAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** The answer most Chinese gateways expect: a plain-text word for "got it" (`success`, `ok`), `fail` otherwise (they retry). */
export function plainTextAnswer(word: string): (accepted: boolean) => NotifyAnswer {
  return (accepted) => ({ status: accepted ? 200 : 400, contentType: 'text/plain; charset=utf-8', body: accepted ? word : 'fail' });
}

/**
 * Thrown by adapters when the gateway cannot be reached or answers with an
 * error. Never carries secrets. `uncertain`: no answer came (timeout, network),
 * so the gateway may or may not have acted — a refund is then left pending and
 * asked again later with the same id, never taken as failed.
 */
export class GatewayError extends Error {
  constructor(message: string, readonly detail?: string, readonly uncertain = false) {
    super(message);
    this.name = 'GatewayError';
  }
}

export interface GatewayAdapter<S = unknown> {
  readonly name: string;
  readonly title: string;
  /** The full settings, secrets included; validated when an admin saves them. */
  readonly settingsSchema: z.ZodType<S>;
  /** Settings keys that are secret: stored sealed, never echoed back. */
  readonly secretFields: readonly string[];
  /** Sub-methods the buyer picks from (epay `type`), first is the default; empty if none. */
  readonly methods: readonly string[];
  /** Currencies the gateway takes; undefined for any. */
  readonly currencies?: readonly string[];
  /**
   * Settled inside XiaoPu in the checkout's own transaction (the buyer's
   * wallet): no gateway call, no notify. createPayment and verifyNotify are never used.
   */
  readonly internal?: boolean;
  /**
   * Configured from the environment, not by an admin (the sandbox): its
   * settings come from `environmentGatewayConfig`, and it has no row in
   * gateway_configs.
   */
  readonly fromEnvironment?: boolean;
  /**
   * The adapter's own pay page, when the buyer pays on a page of XiaoPu's
   * rather than at the gateway (the sandbox's Pay / Fail page). Such a
   * payment is not opened at a gateway; `pay_url` is this page. Otherwise
   * `pay_url` is the generic pay page, showing what createPayment returned.
   */
  ownPayPage?(publicUrl: string, paymentId: string): string;

  createPayment(settings: S, p: PaymentToCreate): Promise<CreatedPayment>;
  /** Checks everything the gateway signed. Amount, currency and payment are then checked against our row. */
  verifyNotify(settings: S, n: IncomingNotify, now: Date): NotifyVerdict | Promise<NotifyVerdict>;
  answer(accepted: boolean): NotifyAnswer;
  /** Asks the gateway for its view of a payment. */
  query?(settings: S, p: PaymentToQuery): Promise<QueryResult>;
  refund?(settings: S, r: RefundToMake): Promise<RefundResult>;
  /**
   * Whether the gateway treats our refund id as an idempotency key (asking
   * again never refunds twice). Only then does reconciliation ask again about
   * a refund whose answer never came; otherwise a person checks at the gateway.
   */
  refundIsIdempotent?(settings: S): boolean;
  /** A harmless authenticated call that proves the settings work. */
  testConnection?(settings: S): Promise<{ ok: boolean; message: string }>;
}
