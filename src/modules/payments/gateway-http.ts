// HTTP to gateways: a timeout on every call, and errors that name the host
// and status but never the request (which may carry signed secrets).
import { GatewayError } from './gateway-adapter.ts';

export const GATEWAY_TIMEOUT_MS = 10_000;

export interface GatewayResponse {
  status: number;
  text: string;
  headers: Headers;
}

export async function gatewayRequest(url: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<GatewayResponse> {
  const host = safeHost(url);
  let res: Response;
  try {
    res = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(init.timeoutMs ?? GATEWAY_TIMEOUT_MS) });
  } catch (err) {
    const timedOut = (err as Error).name === 'TimeoutError';
    throw new GatewayError(timedOut ? `The gateway at ${host} did not answer in time.` : `The gateway at ${host} could not be reached.`,
      (err as Error).message);
  }
  const text = await res.text();
  return { status: res.status, text, headers: res.headers };
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
  throw new GatewayError(`The gateway at ${safeHost(url)} answered HTTP ${res.status} with something that is not a JSON object.`);
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
