import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { login } from '../../modules/accounts/login.ts';
import { LoginInput, SessionOut, SignupInput } from '../../modules/accounts/schemas.ts';
import { deleteSession } from '../../modules/accounts/sessions.ts';
import { signup } from '../../modules/accounts/signup.ts';
import { addressKey } from '../../lib/client-address.ts';
import { hitRateLimit } from '../../modules/trust/rate-limit.ts';
import { buyerCtx, requireSession, SESSION_COOKIE, setSessionCookie } from '../plugins/auth.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const s = app.services;

  app.post('/api/v1/auth/signup', {
    schema: { tags: ['accounts'], summary: 'Create a merchant account and shop; sets the session cookie', body: SignupInput, response: { 201: SessionOut } },
  }, async (req, reply) => {
    await hitRateLimit(s.database.pool, s.clock.now(), `signup:ip:${addressKey(req.ip)}`, 20, 3600);
    const r = await signup(buyerCtx(req), req.body);
    setSessionCookie(reply, s, r.session.token, r.session.expiresAt);
    return reply.code(201).send({ user: r.user, merchant: r.merchant, csrf_token: r.session.csrfToken });
  });

  app.post('/api/v1/auth/login', {
    schema: { tags: ['accounts'], summary: 'Log in; sets the session cookie', body: LoginInput, response: { 200: SessionOut } },
  }, async (req, reply) => {
    const r = await login(buyerCtx(req), req.body);
    setSessionCookie(reply, s, r.session.token, r.session.expiresAt);
    return { user: r.user, merchant: r.merchant, csrf_token: r.session.csrfToken };
  });

  app.post('/api/v1/auth/logout', {
    schema: { tags: ['accounts'], summary: 'End the session', response: { 204: z.null() } },
  }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await deleteSession(s, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/api/v1/auth/me', {
    schema: { tags: ['accounts'], summary: 'The logged-in user, their shop and a CSRF token', response: { 200: SessionOut } },
  }, async (req) => {
    const { user } = requireSession(req);
    const p = req.principal;
    const token = p?.kind === 'session' ? p.token : '';
    return {
      user: { id: user.userId, email: user.email, is_admin: user.isAdmin },
      merchant: user.merchant,
      csrf_token: s.keyring.csrfToken(token),
    };
  });
};
