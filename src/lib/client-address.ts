// The keys rate limits and anti-hoarding caps count by. An IPv6 client gets a
// whole /64 (one subscriber's network; rotating through it must not reset the
// count); an IPv4-mapped address is its IPv4 address. An email is counted
// without its +tag, and Gmail's dots (which Gmail ignores) are removed, so
// `a.b+1@gmail.com` and `ab+2@googlemail.com` are one buyer.
import net from 'node:net';

function expandIpv6(ip: string): string[] | undefined {
  const [head, tail] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  if (ip.includes('::')) {
    const missing = 8 - left.length - right.length;
    if (missing < 0) return undefined;
    return [...left, ...Array<string>(missing).fill('0'), ...right];
  }
  return left.length === 8 ? left : undefined;
}

export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (net.isIP(ip) !== 6) return ip;
  const groups = expandIpv6(ip.toLowerCase().split('%')[0] ?? ip);
  if (!groups) return ip;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

export function emailKey(email: string): string {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at < 1) return lower;
  let local = lower.slice(0, at).split('+')[0] ?? '';
  let domain = lower.slice(at + 1);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return `${local}@${domain}`;
}
