// Signing per the Standard Webhooks spec (standardwebhooks.com): a secret
// `whsec_<base64>`, and three headers — the message id, the unix time, and
// `v1,<base64 HMAC-SHA256 over "id.timestamp.body">` — that any Standard
// Webhooks library verifies.
import { createHmac, randomBytes } from 'node:crypto';

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

export function webhookHeaders(secret: string, msgId: string, at: Date, body: string): Record<string, string> {
  const timestamp = Math.floor(at.getTime() / 1000);
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key).update(`${msgId}.${timestamp}.${body}`, 'utf8').digest('base64');
  return { 'webhook-id': msgId, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${signature}` };
}
