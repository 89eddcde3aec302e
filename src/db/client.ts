// The database handle: a node-postgres pool and a transaction helper. Use
// cases speak parameterised SQL; the Drizzle schema (schema.ts) is the source
// of the migrations and of the tables' shape.
import { createHash } from 'node:crypto';
import pg from 'pg';

// bigint columns (money, counts) come back as strings by default; money is
// converted explicitly where it is read, counts are parsed as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);

/** Anything that can run a query: the pool or a client inside a transaction. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

export interface Database {
  pool: pg.Pool;
  close(): Promise<void>;
}

export function createDatabase(url: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return { pool, close: () => pool.end() };
}

/**
 * Runs `fn` in one transaction on one client. Serialization failures and
 * deadlocks are retried a few times; anything else rolls back and rethrows.
 * `beginWith`: SQL without parameters sent together with BEGIN (one round
 * trip), e.g. taking advisory locks before the transaction's first snapshot.
 */
export async function withTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>, opts: { beginWith?: string } = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query(opts.beginWith ? `begin; ${opts.beginWith}` : 'begin');
      const result = await fn(client);
      await client.query('commit');
      return result;
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      const code = (err as { code?: string }).code;
      if ((code === '40001' || code === '40P01') && attempt < 5) continue;
      throw err;
    } finally {
      client.release();
    }
  }
}

/** A stable 32-bit key for pg_advisory_xact_lock(class, key), the same in every process. */
export function advisoryKey(text: string): number {
  return createHash('sha1').update(text).digest().readInt32BE(0);
}

const statementNames = new Map<string, string>();

/** The name a statement is prepared under on every connection: derived from its text. */
export function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = 'xp_' + createHash('sha1').update(text).digest('hex').slice(0, 20);
    statementNames.set(text, name);
  }
  return name;
}

/**
 * Runs a hot-path statement as a named prepared statement, so PostgreSQL
 * parses and plans it once per connection instead of on every call.
 */
export function prepared<R extends pg.QueryResultRow = pg.QueryResultRow>(q: Queryable, text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
  return q.query<R>({ name: statementName(text), text, values });
}
