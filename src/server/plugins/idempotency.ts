// `Idempotency-Key` on POSTs (DESIGN §9): the first result (status + body) is
// stored for 24 h and replayed for the same key; the same key with another
// body is an idempotency_error; the same key while the first is still
// running is a 409 — also when the first never finished (the process died):
// its effect may have committed, so running it again could do it twice; the
// caller looks the result up and uses a new key. Keys are scoped to the caller
// (merchant, admin, or the public storefront), so one caller cannot read
// another's stored result.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors.ts';
import type { Services } from '../../modules/shared/context.ts';

const HEADER = 'idempotency-key';
const TTL_MS = 24 * 3600 * 1000;
/**
 * A request still "in flight" after this long has most likely died with its
 * process; it is never run again. Well beyond any request's life (a slow
 * database under load included), so a live one is never called abandoned.
 */
const ABANDONED_MS = 10 * 60_000;
/** Routes whose body is a stream, or that set cookies, or that a gateway calls: not replayable. */
const EXCLUDED = [/^\/api\/v1\/auth\//, /^\/api\/v1\/payments\//, /^\/api\/v1\/products\/[^/]+\/cards(\?|$)/];

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { scope: string; key: string } | undefined;
  }
}

// Stored responses can hold secrets shown once (an API key, an order access
// token), so they are sealed like card keys: `<key id>:<base64 ciphertext>`.
function sealBody(s: Services, body: string): string {
  const sealed = s.keyring.seal(body);
  return `${sealed.keyId}:${sealed.ciphertext.toString('base64')}`;
}

function openBody(s: Services, stored: string): string {
  const i = stored.indexOf(':');
  return s.keyring.open({ keyId: stored.slice(0, i), ciphertext: Buffer.from(stored.slice(i + 1), 'base64') });
}

function scopeOf(req: FastifyRequest): string {
  const p = req.principal;
  if (!p) return 'public';
  // Per caller, not per merchant: a read-only key must not replay what a session created (an API key's secret).
  if (p.kind === 'api_key') return `merchant:${p.key.merchantId}:key:${p.key.keyId}`;
  return p.user.merchant ? `merchant:${p.user.merchant.id}:user:${p.user.userId}` : `user:${p.user.userId}`;
}

export function registerIdempotency(app: FastifyInstance, s: Services): void {
  app.decorateRequest('idempotency', undefined);

  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.method !== 'POST') return;
    const raw = req.headers[HEADER];
    if (raw === undefined) return;
    if (!req.url.startsWith('/api/v1/') || EXCLUDED.some((r) => r.test(req.url))) return;
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!key || key.length > 255) {
      throw new AppError(400, 'idempotency_key_invalid', 'Idempotency-Key must be 1–255 characters.', 'idempotency_error');
    }
    const scope = scopeOf(req);
    const hash = s.keyring.fingerprint(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`);
    const now = s.clock.now();
    const pool = s.database.pool;
    const ins = await pool.query(
      `insert into idempotency_keys (scope, key, request_hash, state, locked_at, created_at) values ($1, $2, $3, 'in_flight', $4, $4)
       on conflict (scope, key) do update set request_hash = excluded.request_hash, state = 'in_flight', locked_at = excluded.locked_at,
              created_at = excluded.created_at, response_status = null, response_body = null
        where idempotency_keys.created_at < $5
       returning 1`,
      [scope, key, hash, now, new Date(now.getTime() - TTL_MS)],
    );
    if (ins.rowCount) {
      req.idempotency = { scope, key };
      return;
    }
    const { rows } = await pool.query<{ request_hash: Buffer; state: string; response_status: number | null; response_body: string | null; locked_at: Date }>(
      'select request_hash, state, response_status, response_body, locked_at from idempotency_keys where scope = $1 and key = $2', [scope, key]);
    const prior = rows[0];
    if (!prior) throw new AppError(409, 'idempotency_conflict', 'Retry this request.', 'idempotency_error');
    if (!prior.request_hash.equals(hash)) {
      throw new AppError(422, 'idempotency_key_reused', 'This Idempotency-Key was used with a different request.', 'idempotency_error');
    }
    if ((prior.state === 'in_flight' || prior.response_status === null) && prior.locked_at.getTime() < now.getTime() - ABANDONED_MS) {
      throw new AppError(409, 'idempotency_key_abandoned',
        'The first request with this Idempotency-Key never finished (the server may have restarted); whatever it did stands. Check the result, and use a new key to try again.',
        'idempotency_error');
    }
    if (prior.state === 'in_flight' || prior.response_status === null) {
      throw new AppError(409, 'idempotency_in_flight', 'A request with this Idempotency-Key is still being processed.', 'idempotency_error');
    }
    reply.header('idempotent-replayed', 'true').header('cache-control', 'no-store');
    return reply.code(prior.response_status).type('application/json; charset=utf-8').send(openBody(s, prior.response_body ?? 'null'));
  });

  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const idem = req.idempotency;
    if (!idem) return payload;
    req.idempotency = undefined;
    if (reply.statusCode >= 500) {
      // Our failure: let the client retry with the same key.
      await s.database.pool.query('delete from idempotency_keys where scope = $1 and key = $2', [idem.scope, idem.key]);
      return payload;
    }
    await s.database.pool.query(
      `update idempotency_keys set state = 'done', response_status = $3, response_body = $4 where scope = $1 and key = $2`,
      [idem.scope, idem.key, reply.statusCode, sealBody(s, typeof payload === 'string' ? payload : JSON.stringify(payload ?? null))],
    );
    return payload;
  });
}
