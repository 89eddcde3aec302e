// What every use case receives first — `useCase(ctx, input)` — the database,
// the keyring, the clock, a logger (the request's, with its id, when there is
// a request), configuration, and who is acting.
import type { BaseLogger } from 'pino';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Keyring } from '../../lib/crypto.ts';

export type Actor =
  | { type: 'member'; userId: string; merchantId: string; ip?: string }
  | { type: 'api_key'; keyId: string; merchantId: string; scopes: readonly string[]; ip?: string }
  | { type: 'admin'; userId: string; ip?: string }
  /** Anyone at the storefront (or signing up, logging in); `userId` when they are logged in. */
  | { type: 'buyer'; ip: string; userId?: string }
  /** A payment gateway's notify, from `ip`. */
  | { type: 'gateway'; name: string; ip: string }
  | { type: 'system'; name: string };

/** The logging calls use cases make (pino's, also satisfied by a Fastify request logger). */
export type Log = Pick<BaseLogger, 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace'>;

export interface Services {
  database: Database;
  config: Config;
  keyring: Keyring;
  clock: Clock;
  log: Log;
}

export interface Ctx extends Services {
  actor: Actor;
}

/** The merchant an actor acts for, or undefined (admins, buyers, the system). */
export function merchantScope(actor: Actor): string | undefined {
  switch (actor.type) {
    case 'member':
    case 'api_key':
      return actor.merchantId;
    case 'admin':
    case 'buyer':
    case 'gateway':
    case 'system':
      return undefined;
    default: {
      const never: never = actor;
      return never;
    }
  }
}

/** Who, within the actor's type: a user id, an API key id, a buyer's address, a job's name (audit rows store type and id apart). */
export function actorId(actor: Actor): string {
  switch (actor.type) {
    case 'member':
    case 'admin':
      return actor.userId;
    case 'api_key':
      return actor.keyId;
    case 'buyer':
      return actor.ip;
    case 'gateway':
    case 'system':
      return actor.name;
    default: {
      const never: never = actor;
      return never;
    }
  }
}

/**
 * Whose orders a console use case may touch: a member's or an API key's own
 * merchant; every merchant's for a platform admin (undefined). Explicit,
 * so that "no merchant" can never mean "all merchants" by accident: anyone
 * else asking is a programming error.
 */
export function ordersScope(ctx: Ctx): string | undefined {
  const a = ctx.actor;
  if (a.type === 'member' || a.type === 'api_key') return a.merchantId;
  if (a.type === 'admin') return undefined;
  throw new Error(`${a.type} has no merchant scope`);
}

/** The buyer a storefront use case acts for: their address and, when logged in, their account. */
export function buyerOf(ctx: Ctx): { ip: string; userId?: string } {
  if (ctx.actor.type !== 'buyer') throw new Error(`a buyer's use case called by ${ctx.actor.type}`);
  return ctx.actor;
}

/** The client address behind the actor, when there is a request (audit rows record it). */
export function actorAddress(actor: Actor): string | undefined {
  return 'ip' in actor ? actor.ip : undefined;
}

/**
 * The one label for an actor in order events and `updated_by` columns:
 * `member:usr_…`, `api_key:key_…`, `admin:usr_…`, `buyer:203.0.113.7`,
 * `system:expire_orders`, `gateway:sandbox`.
 */
export function actorLabel(actor: Actor): string {
  return `${actor.type}:${actorId(actor)}`;
}

/**
 * The shop a merchant's use case acts for: a member's or an API key's own.
 * Merchant use cases take `(ctx, input)` and read their scope here, so no
 * caller can pass another shop's id; anyone else calling one is a
 * programming error.
 */
export function shopOf(ctx: Ctx): string {
  const a = ctx.actor;
  if (a.type === 'member' || a.type === 'api_key') return a.merchantId;
  throw new Error(`${a.type} has no shop of its own`);
}
