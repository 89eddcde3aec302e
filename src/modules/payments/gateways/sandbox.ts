// The built-in sandbox gateway (core contract, DESIGN §12). Its notify is
// `{payment_id, trade_no, amount, currency, status, timestamp, signature}` with
// signature = hex HMAC-SHA256(secret, "{payment_id}.{trade_no}.{amount}.{currency}.{status}.{timestamp}").
import { z } from 'zod';
import type { Keyring } from '../../../lib/crypto.ts';
import { safeEqual } from '../../../lib/crypto.ts';

export const SandboxNotify = z.object({
  payment_id: z.string().min(1).max(64),
  trade_no: z.string().min(1).max(128),
  amount: z.coerce.number().int().min(0),
  currency: z.string().regex(/^[A-Z]{3}$/),
  status: z.string().min(1).max(32),
  timestamp: z.coerce.number().int().positive(),
  signature: z.string().regex(/^[0-9a-f]{64}$/i),
});
export type SandboxNotify = z.infer<typeof SandboxNotify>;

export function sandboxPayload(n: Omit<SandboxNotify, 'signature'>): string {
  return `${n.payment_id}.${n.trade_no}.${n.amount}.${n.currency}.${n.status}.${n.timestamp}`;
}

export function signSandboxNotify(keyring: Keyring, n: Omit<SandboxNotify, 'signature'>): SandboxNotify {
  return { ...n, signature: keyring.sandboxSignature(sandboxPayload(n)) };
}

export type SandboxVerdict = { ok: true; notify: SandboxNotify } | { ok: false; reason: string; paymentId?: string };

/** Checks shape and signature (constant time). Amount, currency and payment are checked against the row when settling. */
export function verifySandboxNotify(keyring: Keyring, body: unknown): SandboxVerdict {
  const parsed = SandboxNotify.safeParse(body);
  if (!parsed.success) {
    const paymentId = typeof (body as { payment_id?: unknown })?.payment_id === 'string' ? String((body as { payment_id: string }).payment_id).slice(0, 64) : undefined;
    return { ok: false, reason: 'malformed', paymentId };
  }
  const n = parsed.data;
  const expected = keyring.sandboxSignature(sandboxPayload(n));
  if (!safeEqual(expected, n.signature.toLowerCase())) return { ok: false, reason: 'bad_signature', paymentId: n.payment_id };
  return { ok: true, notify: n };
}
