// Calling a shop's delivery endpoint (delivery `webhook`): a signed POST
// (Standard Webhooks) of the order and the quantity; the answer must be a 2xx
// with `{"items": [...]}` holding exactly the quantity of non-empty strings.
// Anything else — an error status, garbage, too few or too many items, a
// timeout, a refused address — is a failed attempt with its reason. Calls go
// only to public internet addresses over https unless the operator allows
// private ones (XIAOPU_WEBHOOK_ALLOW_PRIVATE).
import { AnswerTooLarge, OutboundRefused, publicRequest, type OutboundResponse } from '../../lib/outbound.ts';
import { webhookHeaders } from '../../lib/standard-webhooks.ts';

export const ENDPOINT_TIMEOUT_MS = 10_000;
const MAX_ITEM = 10_000;

export type EndpointAnswer =
  | { ok: true; status: number; items: string[] }
  | { ok: false; status: number | null; error: string };

export interface EndpointCall {
  url: string; secret: string; msgId: string; at: Date; body: unknown; quantity: number; allowPrivate: boolean;
}

export async function callDeliveryEndpoint(c: EndpointCall): Promise<EndpointAnswer> {
  const url = new URL(c.url);
  if (url.protocol !== 'https:' && !(c.allowPrivate && url.protocol === 'http:')) return { ok: false, status: null, error: 'the endpoint must be https' };
  const text = JSON.stringify(c.body);
  const headers = { 'content-type': 'application/json', 'user-agent': 'XiaoPu-Delivery/1', ...webhookHeaders(c.secret, c.msgId, c.at, text) };
  const signal = AbortSignal.timeout(ENDPOINT_TIMEOUT_MS);
  let res: OutboundResponse;
  try {
    res = await publicRequest(c.url, { method: 'POST', headers, body: text, signal, maxBytes: 4 * 1024 * 1024, allowPrivate: c.allowPrivate });
  } catch (err) {
    if (err instanceof OutboundRefused) return { ok: false, status: null, error: `address refused: ${err.message}` };
    if (err instanceof AnswerTooLarge) return { ok: false, status: null, error: 'the answer was too large' };
    const timedOut = (err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError';
    return { ok: false, status: null, error: timedOut ? `no answer within ${ENDPOINT_TIMEOUT_MS / 1000} s` : `could not connect to ${url.host}` };
  }
  if (res.status < 200 || res.status > 299) return { ok: false, status: res.status, error: `answered HTTP ${res.status}` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.text);
  } catch {
    return { ok: false, status: res.status, error: 'the answer is not JSON' };
  }
  const items = (parsed as { items?: unknown } | null)?.items;
  if (!Array.isArray(items) || !items.every((x) => typeof x === 'string' && x.trim() !== '' && x.length <= MAX_ITEM)) {
    return { ok: false, status: res.status, error: 'the answer has no "items" list of non-empty strings' };
  }
  if (items.length !== c.quantity) return { ok: false, status: res.status, error: `the answer has ${items.length} items for a quantity of ${c.quantity}` };
  return { ok: true, status: res.status, items: items.map((x) => x.trim()) };
}
