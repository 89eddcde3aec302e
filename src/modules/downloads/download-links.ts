// Download links: a delivery id and an end time, signed (HMAC under a key
// derived from the master key). A link opens one delivery's file until it
// ends; the order page makes a fresh one each time it is read.
import type { Keyring } from '../../lib/crypto.ts';

export function downloadLink(keyring: Keyring, o: { fulfilmentId: string; now: Date; hours: number; base?: string }): { url: string; expires_at: string } {
  const expires = Math.floor(o.now.getTime() / 1000) + o.hours * 3600;
  const signature = keyring.downloadSignature(o.fulfilmentId, expires);
  return {
    url: `${o.base ?? ''}/api/v1/downloads/${encodeURIComponent(o.fulfilmentId)}?expires=${expires}&signature=${signature}`,
    expires_at: new Date(expires * 1000).toISOString(),
  };
}
