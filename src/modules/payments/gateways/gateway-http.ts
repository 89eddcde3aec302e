// HTTP to gateways: a timeout on every call, and errors that name the host
// and status but never the request (which may carry signed secrets).
// Calls made for a shop's own gateway account go only to public internet
// addresses (src/lib/outbound.ts) unless the operator allows private ones:
// the shop chose that URL, and the platform's network is not theirs to probe.
import { AsyncLocalStorage } from 'node:async_hooks';
import { AnswerTooLarge, OutboundRefused, publicRequest } from '../../../lib/outbound.ts';
import type { GatewayAdapter } from './gateway-adapter.ts';
import { GatewayError } from './gateway-adapter.ts';

const shopChosen = new AsyncLocalStorage<true>();
let allowPrivateForShops = false;

/** Set once at start from XIAOPU_OUTBOUND_ALLOW_PRIVATE. */
export function allowPrivateGatewayAddresses(allow: boolean): void {
  allowPrivateForShops = allow;
}

/** The adapter with every call it makes restricted to public addresses (for a shop's own configuration). */
export function restrictToPublicAddresses<S>(adapter: GatewayAdapter<S>): GatewayAdapter<S> {
  const wrapped: GatewayAdapter<S> = { ...adapter };
  for (const key of Object.keys(adapter) as Array<keyof GatewayAdapter<S>>) {
    const value = adapter[key];
    if (typeof value === 'function') {
      (wrapped as unknown as Record<string, unknown>)[key] = (...args: unknown[]) =>
        shopChosen.run(true, () => (value as (...a: unknown[]) => unknown).apply(adapter, args));
    }
  }
  return wrapped;
}

export const GATEWAY_TIMEOUT_MS = 10_000;

export interface GatewayResponse {
  status: number;
  text: string;
  headers: Headers;
}

export async function gatewayRequest(url: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<GatewayResponse> {
  const host = safeHost(url);
  const signal = AbortSignal.timeout(init.timeoutMs ?? GATEWAY_TIMEOUT_MS);
  if (shopChosen.getStore() && !allowPrivateForShops) {
    try {
      return await publicRequest(url, {
        method: init.method, headers: init.headers as Record<string, string> | undefined, body: init.body as string | undefined, signal,
      });
    } catch (err) {
      if (err instanceof OutboundRefused) throw new GatewayError(`The gateway address was refused: ${err.message} (a shop's own gateway must be on the public internet).`);
      // It answered, but we could not read what it said: it may have acted.
      if (err instanceof AnswerTooLarge) throw new GatewayError(`The gateway at ${host} ${err.message}.`, undefined, true);
      const timedOut = (err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError';
      throw new GatewayError(timedOut ? `The gateway at ${host} did not answer in time.` : `The gateway at ${host} could not be reached.`, (err as Error).message, true);
    }
  }
  try {
    const res = await fetch(url, { ...init, redirect: 'manual', signal });
    // Reading the body can fail too (a reset, the deadline): still no answer.
    const text = await res.text();
    return { status: res.status, text, headers: res.headers };
  } catch (err) {
    const timedOut = (err as Error).name === 'TimeoutError';
    throw new GatewayError(timedOut ? `The gateway at ${host} did not answer in time.` : `The gateway at ${host} could not be reached.`,
      (err as Error).message, true);
  }
}

export async function postForm(url: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<GatewayResponse> {
  return gatewayRequest(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Parses a JSON answer or throws a GatewayError that says which gateway spoke nonsense. */
export function parseJsonAnswer(res: GatewayResponse, url: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(res.text);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch { /* fall through */ }
  // A proxy's error page or a cut-off body: we cannot tell what the gateway did.
  throw new GatewayError(`The gateway at ${safeHost(url)} answered HTTP ${res.status} with something that is not a JSON object.`, undefined, true);
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an invalid address';
  }
}

/** Joins a configured base URL and a path without doubling slashes. */
export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '');
}
