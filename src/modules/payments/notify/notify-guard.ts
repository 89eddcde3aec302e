// Cuts off a flood of refused notifies. Refusals are counted per address and
// per payment in PostgreSQL (record-notification.ts); once a count passes its
// limit, this process answers further refused notifies from that address, or
// naming that payment, with 429 until the window ends, and records nothing.
// Every process learns of a flood from its own next refusal, so the limit
// holds across processes within one request each. A notify that verifies is
// never held back: gateways send for every shop from a few shared addresses,
// and a forger (or a shop's misconfigured account) must not be able to stop
// real payments from landing.
import { addressKey } from '../../../lib/client-address.ts';

export const NOTIFY_WINDOW_SECONDS = 600;

let limits = { perIp: 120, perPayment: 30 };
const blockedIps = new Map<string, number>();
const blockedPayments = new Map<string, number>();

/** Set once at start (XIAOPU_NOTIFY_REJECTS_PER_IP / _PER_PAYMENT). */
export function setNotifyLimits(perIp: number, perPayment: number): void {
  limits = { perIp, perPayment };
}

/** Keeps the block lists small: expired entries go whenever they grow past this. */
const MAX_ENTRIES = 10_000;

function prune(map: Map<string, number>, now: number): void {
  if (map.size < MAX_ENTRIES) return;
  for (const [k, until] of map) if (until <= now) map.delete(k);
  // Still full of live entries: forget the oldest half rather than grow without bound.
  if (map.size >= MAX_ENTRIES) for (const k of [...map.keys()].slice(0, MAX_ENTRIES / 2)) map.delete(k);
}

export function noteRejections(counts: Array<{ key: string; hits: number }>, until: Date): void {
  prune(blockedIps, Date.now());
  prune(blockedPayments, Date.now());
  for (const { key, hits } of counts) {
    if (key.startsWith('notify-rejected:ip:') && hits > limits.perIp) blockedIps.set(key.slice('notify-rejected:ip:'.length), until.getTime());
    if (key.startsWith('notify-rejected:payment:') && hits > limits.perPayment) blockedPayments.set(key.slice('notify-rejected:payment:'.length), until.getTime());
  }
}

function active(map: Map<string, number>, key: string, now: Date): boolean {
  const until = map.get(key);
  if (until === undefined) return false;
  if (until > now.getTime()) return true;
  map.delete(key);
  return false;
}

/** True while this address has sent too many refused notifies. */
export function isAddressBlocked(ip: string, now: Date): boolean {
  return active(blockedIps, addressKey(ip), now);
}

/** True while refused notifies naming this payment are too many (verified ones still go through). */
export function isPaymentFlooded(paymentId: string | undefined, now: Date): boolean {
  return paymentId !== undefined && active(blockedPayments, paymentId, now);
}
