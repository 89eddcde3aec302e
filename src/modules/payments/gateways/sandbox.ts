// The sandbox's notify (core contract, DESIGN §12):
// `{payment_id, trade_no, amount, currency, status, timestamp, signature}` with
// signature = hex HMAC-SHA256(secret, "{payment_id}.{trade_no}.{amount}.{currency}.{status}.{timestamp}").
// The adapter that verifies it is adapters/sandbox.ts; signing is here for the
// sandbox's pay page and for tests.
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { Keyring } from '../../../lib/crypto.ts';

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

export function sandboxSignature(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload, 'utf8').digest('hex');
}

export function signSandboxNotify(keyring: Keyring, n: Omit<SandboxNotify, 'signature'>): SandboxNotify {
  return { ...n, signature: sandboxSignature(keyring.sandboxSecret, sandboxPayload(n)) };
}
