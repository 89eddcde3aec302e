// Browser-side defences on every answer (@fastify/helmet): a strict Content
// Security Policy (no inline script; the few server-rendered pages that need
// one get a fresh nonce), no framing, no MIME sniffing, no referrer, and HSTS
// in production. Styles may be inline (React style props, the pay pages).
import { randomBytes } from 'node:crypto';
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../../config.ts';

type Directives = Record<string, string[]>;

function directives(config: Pick<Config, 'env'>): Directives {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'https:'],
    'connect-src': ["'self'"],
    'font-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    ...(config.env === 'production' ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

function serialize(d: Directives): string {
  return Object.entries(d).map(([name, values]) => [name, ...values].join(' ')).join('; ');
}

export async function registerSecurityHeaders(app: FastifyInstance, config: Pick<Config, 'env'>): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: directives(config) },
    strictTransportSecurity: config.env === 'production' ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    // Gateways' pages open from ours; keep the opener relationship severed but allow popups to work.
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
  });
  app.decorate('pageCsp', (reply: FastifyReply, opts: { formTarget?: string } = {}) => {
    const nonce = randomBytes(16).toString('base64');
    const d = directives(config);
    d['script-src'] = ["'self'", `'nonce-${nonce}'`];
    // A pay page may post its form to the gateway (epay, Alipay): that origin only.
    if (opts.formTarget) d['form-action'] = ["'self'", new URL(opts.formTarget).origin];
    reply.header('content-security-policy', serialize(d));
    return nonce;
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Sets this answer's CSP for a server-rendered page; returns the nonce its inline script must carry. */
    pageCsp(reply: FastifyReply, opts?: { formTarget?: string }): string;
  }
}
