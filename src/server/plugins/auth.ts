// Who is calling: a merchant API key (Authorization: Bearer sk_…) or a web
// session (cookie + X-CSRF-Token on writes). Routes ask for what they need
// with requireMerchant / requireAdmin and get a use-case context back.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { safeEqual } from '../../lib/crypto.ts';
import { AppError, forbidden, unauthenticated } from '../../lib/errors.ts';
import { resolveSession, type SessionUser } from '../../modules/accounts/sessions.ts';
import { authenticateApiKey, type ApiKeyPrincipal } from '../../modules/api/manage-api-keys.ts';
import type { ApiScope } from '../../modules/api/scopes.ts';
import type { Ctx, Services } from '../../modules/shared/context.ts';

export const SESSION_COOKIE = 'xp_session';

export type Principal =
  | { kind: 'api_key'; key: ApiKeyPrincipal }
  | { kind: 'session'; user: SessionUser; token: string };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
  }
  interface FastifyInstance {
    services: Services;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function registerAuth(app: FastifyInstance, s: Services): void {
  app.decorateRequest('principal', undefined);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    if (!req.url.startsWith('/api/')) return;
    const auth = req.headers.authorization;
    if (auth) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      const key = m?.[1] ? await authenticateApiKey(s, m[1]) : undefined;
      if (!key) throw new AppError(401, 'invalid_api_key', 'The API key is invalid or revoked.', 'authentication_error');
      req.principal = { kind: 'api_key', key };
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const user = await resolveSession(s, token);
    if (!user) return;
    if (UNSAFE.has(req.method) && !isSessionlessRoute(req.url)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, s.keyring.csrfToken(token))) {
        // A public call (the storefront, the license API) without the token goes on as a guest: a forged
        // cross-site request cannot spend the session (a wallet payment), and someone logged in to the
        // console can still buy in a shop or free a license seat.
        if (isPublicRoute(req.url)) return;
        throw forbidden('csrf_token_invalid', 'Missing or wrong X-CSRF-Token header for a session request.');
      }
    }
    req.principal = { kind: 'session', user, token };
  });
}

/** Routes anyone may call: a session is used when its CSRF token comes with it, else ignored. */
function isPublicRoute(url: string): boolean {
  return url.startsWith('/api/v1/storefront/') || /^\/api\/v1\/licenses\/(activate|validate|deactivate)(\?|$)/.test(url);
}

/** Routes that work without a session and need no CSRF token (they set the session). */
function isSessionlessRoute(url: string): boolean {
  return url.startsWith('/api/v1/auth/signup') || url.startsWith('/api/v1/auth/login') || url.startsWith('/api/v1/payments/');
}

function baseCtx(req: FastifyRequest): Services {
  const s = req.server.services;
  return { ...s, log: req.log };
}

/**
 * Anyone at the storefront, signing up or logging in: the request's address
 * and, with a session, the account. No authentication is required.
 */
export function buyerCtx(req: FastifyRequest): Ctx {
  const userId = req.principal?.kind === 'session' ? req.principal.user.userId : undefined;
  return { ...baseCtx(req), actor: { type: 'buyer', ip: req.ip, ...(userId ? { userId } : {}) } };
}

/** A gateway's notify, from the request's address. */
export function gatewayCtx(req: FastifyRequest, gateway: string): Ctx {
  return { ...baseCtx(req), actor: { type: 'gateway', name: gateway, ip: req.ip } };
}

/** A merchant member's session or an API key holding `scope`. Returns the context and the merchant id. */
export function requireMerchant(req: FastifyRequest, scope: ApiScope): { ctx: Ctx; merchantId: string } {
  const p = req.principal;
  if (!p) throw unauthenticated('Log in or send an API key (Authorization: Bearer sk_…).');
  if (p.kind === 'api_key') {
    if (!p.key.scopes.includes('*') && !p.key.scopes.includes(scope)) {
      throw forbidden('missing_scope', `This API key lacks the "${scope}" scope.`);
    }
    return { ctx: { ...baseCtx(req), actor: { type: 'api_key', keyId: p.key.keyId, merchantId: p.key.merchantId, scopes: p.key.scopes, ip: req.ip } }, merchantId: p.key.merchantId };
  }
  if (!p.user.merchant) throw forbidden('no_shop', 'This account has no shop.');
  return { ctx: { ...baseCtx(req), actor: { type: 'member', userId: p.user.userId, merchantId: p.user.merchant.id, ip: req.ip } }, merchantId: p.user.merchant.id };
}

/** A logged-in session (any user). */
export function requireSession(req: FastifyRequest): { ctx: Ctx; user: SessionUser } {
  const p = req.principal;
  if (!p || p.kind !== 'session') throw unauthenticated('Log in first.');
  const actor = p.user.merchant
    ? { type: 'member' as const, userId: p.user.userId, merchantId: p.user.merchant.id, ip: req.ip }
    : p.user.isAdmin ? { type: 'admin' as const, userId: p.user.userId, ip: req.ip } : { type: 'system' as const, name: 'anonymous' };
  return { ctx: { ...baseCtx(req), actor }, user: p.user };
}

/** A platform admin's session. Others get 404, as if the admin area did not exist. */
export function requireAdmin(req: FastifyRequest): Ctx {
  const p = req.principal;
  if (!p) throw unauthenticated('Log in as a platform admin.');
  if (p.kind !== 'session' || !p.user.isAdmin) throw new AppError(404, 'route_not_found', `No route for ${req.method} ${req.url.split('?')[0]}.`);
  return { ...baseCtx(req), actor: { type: 'admin', userId: p.user.userId, ip: req.ip } };
}

export function setSessionCookie(reply: FastifyReply, s: Services, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/', httpOnly: true, sameSite: 'lax', secure: s.config.cookieSecure, expires: expiresAt,
  });
}
