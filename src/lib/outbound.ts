// Outbound HTTP to addresses someone other than the operator chose (a shop's
// own gateway URL; later webhook endpoints): the host is resolved first, every
// address it resolves to must be public — not loopback, private, link-local,
// carrier-grade NAT, multicast or a cloud metadata address — and the
// connection is made to the address that was checked (no second lookup a DNS
// rebinding could change). Operators may allow private addresses explicitly.
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net, { BlockList } from 'node:net';

const blocked = new BlockList();
for (const [net4, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net4, bits, 'ipv4');
for (const [net6, bits] of [
  // ::/96 covers the deprecated IPv4-compatible form (::7f00:1); ::ffff:0:0/96 the IPv4-translated one; 2002::/16 is 6to4 (it embeds an IPv4 address).
  ['::', 96], ['::ffff:0:0:0', 96], ['2002::', 16], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001:db8::', 32],
  ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) blocked.addSubnet(net6, bits, 'ipv6');

/** True for an address outbound calls to third-party hosts must not reach. */
export function isNonPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true;
  // IPv4-mapped and -compatible IPv6 (::ffff:127.0.0.1) are their IPv4 address.
  const mapped = /^::(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return blocked.check(mapped[1], 'ipv4');
  return blocked.check(address, 'ipv6');
}

export class OutboundRefused extends Error {}
export class AnswerTooLarge extends Error {}

const DNS_TIMEOUT_MS = 5000;

export interface OutboundResponse {
  status: number;
  text: string;
  headers: Headers;
}

/** Resolves the host once, refuses non-public addresses, and sends the request to the checked address. */
export async function publicRequest(
  rawUrl: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal; maxBytes?: number; allowPrivate?: boolean },
): Promise<OutboundResponse> {
  const url = new URL(rawUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new OutboundRefused(`${url.protocol} addresses are not allowed`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // The lookup gets its own deadline, so the call fails in time (the resolver thread itself is freed only when the lookup ends).
  const addresses = await Promise.race([
    lookup(host, { all: true, verbatim: true }),
    new Promise<never>((_r, reject) => setTimeout(() => reject(new OutboundRefused(`${url.host} could not be resolved in time`)), DNS_TIMEOUT_MS).unref()),
  ]);
  // The operator may allow private addresses (development); the call is made the same way, with the same answer limit.
  if (addresses.length === 0 || (!init.allowPrivate && addresses.some((a) => isNonPublicAddress(a.address)))) {
    throw new OutboundRefused(`${url.host} is not a public internet address`);
  }
  const pinned = addresses[0];
  if (!pinned) throw new OutboundRefused(`${url.host} has no address`);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<OutboundResponse>((resolve, reject) => {
    const req = client.request(url, {
      method: init.method ?? 'GET',
      headers: { ...init.headers, ...(init.body !== undefined ? { 'content-length': String(Buffer.byteLength(init.body)) } : {}) },
      signal: init.signal,
      // The connection goes to the address that was checked, whatever DNS says now.
      lookup: (_hostname, options, callback) => {
        if ((options as { all?: boolean }).all) (callback as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [pinned]);
        else (callback as (e: null, a: string, f: number) => void)(null, pinned.address, pinned.family);
      },
    }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > (init.maxBytes ?? 1024 * 1024)) {
          req.destroy(new AnswerTooLarge(`the answer is larger than ${Math.round((init.maxBytes ?? 1024 * 1024) / 1024)} KiB`));
          return;
        }
        chunks.push(c);
      });
      res.on('end', () => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) {
          if (Array.isArray(v)) for (const x of v) headers.append(k, x);
          else if (v !== undefined) headers.set(k, v);
        }
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}
