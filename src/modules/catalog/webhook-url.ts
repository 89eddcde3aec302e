// A webhook product's endpoint: https (plain http only where the operator
// allows private endpoints, for development). Whether its address is public
// is checked at each call, when it is resolved.
import { validationError } from '../../lib/errors.ts';
import type { Ctx } from '../shared/context.ts';

export function checkWebhookUrl(ctx: Ctx, url: string): void {
  const protocol = new URL(url).protocol;
  if (protocol === 'https:') return;
  if (protocol === 'http:' && ctx.config.webhookAllowPrivate) return;
  throw validationError('the endpoint must be an https:// URL', 'webhook.url');
}
