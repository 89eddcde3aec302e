// What every use case receives first: the database, the keyring, the clock,
// a logger, configuration, and who is acting.
import type pg from 'pg';
import type { BaseLogger } from 'pino';
import type { Config } from '../../config.ts';
import type { Database, Queryable } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Keyring } from '../../lib/crypto.ts';

export type Actor =
  | { type: 'member'; userId: string; merchantId: string }
  | { type: 'api_key'; keyId: string; merchantId: string; scopes: readonly string[] }
  | { type: 'admin'; userId: string }
  | { type: 'buyer'; ip: string }
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
  /** The client of an open transaction, when the caller already holds one. */
  tx?: pg.PoolClient;
}

/** The merchant an actor acts for, or undefined (admins, buyers, the system). */
export function merchantScope(actor: Actor): string | undefined {
  switch (actor.type) {
    case 'member':
    case 'api_key':
      return actor.merchantId;
    case 'admin':
    case 'buyer':
    case 'system':
      return undefined;
    default: {
      const never: never = actor;
      return never;
    }
  }
}

export function actorId(actor: Actor): string {
  switch (actor.type) {
    case 'member':
    case 'admin':
      return actor.userId;
    case 'api_key':
      return actor.keyId;
    case 'buyer':
      return `buyer:${actor.ip}`;
    case 'system':
      return `system:${actor.name}`;
    default: {
      const never: never = actor;
      return never;
    }
  }
}

export function queryable(ctx: Ctx): Queryable {
  return ctx.tx ?? ctx.database.pool;
}
