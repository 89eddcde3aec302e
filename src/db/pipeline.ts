// Several statements in one round trip, as one transaction.
//
// PostgreSQL's extended protocol lets a client send Parse/Bind/Execute for
// several statements and a single Sync: the server runs them in order, in one
// implicit transaction that commits at the Sync — or, if any statement fails,
// rolls back entirely and skips the rest. node-postgres sends a Sync after
// every query, so each query is a round trip of its own; `runPipeline` sends
// the whole list in one write and waits once.
//
// What a pipeline cannot do is look at one statement's result before sending
// the next. A step that must hold ("exactly one order moved", "as many keys
// sold as ordered") is therefore checked inside its statement with
// `xp_assert(condition, 'code')` (migration 0006), which raises and so rolls
// the whole pipeline back; the caller sees a `PipelineAssertion` with the code.
// Inside an explicit transaction (a client after BEGIN) a pipeline is just
// several statements of that transaction.
import { createRequire } from 'node:module';
import pg from 'pg';
import { statementName, type Queryable } from './client.ts';

export interface Statement {
  text: string;
  values: unknown[];
}

/** A statement's `xp_assert` failed: nothing of the pipeline was committed. */
export class PipelineAssertion extends Error {
  constructor(readonly code: string, readonly statementIndex: number) {
    super(`pipeline assertion failed: ${code}`);
    this.name = 'PipelineAssertion';
  }
}

/** The SQLSTATE `xp_assert` raises (migration 0006). */
export const ASSERTION_SQLSTATE = 'XP000';

type Connection = {
  parse(q: { text: string; name?: string }): void;
  bind(c: { statement?: string; values: unknown[]; valueMapper?: unknown }): void;
  describe(m: { type: 'P'; name: string }): void;
  execute(c: { portal: string }): void;
  sync(): void;
  on(event: 'parseComplete', fn: () => void): void;
  removeListener(event: 'parseComplete', fn: () => void): void;
  parsedStatements: Record<string, string>;
  submittedNamedStatements: Record<string, string>;
  stream: { cork?: () => void; uncork?: () => void };
};

interface QueryInternals {
  _results: pg.QueryResult | pg.QueryResult[];
  callback?: (err: Error | null, res?: pg.QueryResult | pg.QueryResult[]) => void;
}

/** pg.Query's message handlers (not in its type declarations). */
const queryProto = pg.Query.prototype as unknown as {
  handleError(this: unknown, err: Error, connection: unknown): void;
  handleReadyForQuery(this: unknown, connection: unknown): void;
};

/**
 * A pg Query that writes several named, prepared statements followed by one
 * Sync. pg.Query already collects one result per statement (its multi-result
 * handling for simple queries); only how the statements are written differs.
 */
class PipelineQuery extends pg.Query {
  private parsedCount = 0;
  private parsing: { name: string; text: string }[] = [];
  private onParse = (): void => void this.parsedCount++;
  private connection?: Connection;

  constructor(private readonly statements: readonly Statement[]) {
    super({ text: '-- pipeline', values: [] });
  }

  requiresPreparation(): boolean {
    return true;
  }

  prepare(raw: unknown): void {
    const connection = raw as Connection;
    this.connection = connection;
    connection.on('parseComplete', this.onParse);
    for (const s of this.statements) {
      const name = statementName(s.text);
      if (connection.parsedStatements[name] === undefined && connection.submittedNamedStatements[name] === undefined) {
        connection.parse({ text: s.text, name });
        connection.submittedNamedStatements[name] = s.text;
        this.parsing.push({ name, text: s.text });
      }
      connection.bind({ statement: name, values: s.values, valueMapper: prepareValue });
      connection.describe({ type: 'P', name: '' });
      connection.execute({ portal: '' });
    }
    connection.sync();
  }

  /** Statements whose Parse the server answered are prepared on this connection; the others are not. */
  private settleParses(): void {
    const connection = this.connection;
    if (!connection) return;
    connection.removeListener('parseComplete', this.onParse);
    this.parsing.forEach(({ name, text }, i) => {
      delete connection.submittedNamedStatements[name];
      if (i < this.parsedCount) connection.parsedStatements[name] = text;
    });
    this.parsing = [];
  }

  handleError(err: Error, connection: unknown): void {
    this.settleParses();
    queryProto.handleError.call(this, err, connection);
  }

  handleReadyForQuery(connection: unknown): void {
    this.settleParses();
    queryProto.handleReadyForQuery.call(this, connection);
  }

  run(q: Queryable): Promise<pg.QueryResult[]> {
    return new Promise((resolve, reject) => {
      const self = this as unknown as QueryInternals;
      self.callback = (err, res) => {
        if (err) {
          reject(toAssertion(err, completedStatements(this)) ?? err);
          return;
        }
        resolve(Array.isArray(res) ? res : res ? [res] : []);
      };
      void (q.query as unknown as (query: unknown) => unknown)(this);
    });
  }
}

function completedStatements(q: PipelineQuery): number {
  const results = (q as unknown as QueryInternals)._results;
  const list = Array.isArray(results) ? results : [results];
  return list.filter((r) => r.command).length;
}

function toAssertion(err: Error, index: number): PipelineAssertion | undefined {
  const e = err as Error & { code?: string };
  return e.code === ASSERTION_SQLSTATE ? new PipelineAssertion(e.message, index) : undefined;
}

// node-postgres' own value serialisation (dates, buffers, arrays, JSON), so
// parameters mean the same in a pipeline as in `query()`.
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as { prepareValue: (v: unknown) => unknown };

/**
 * Runs the statements in one round trip and returns one result per statement.
 * On the pool (or a client outside a transaction) they commit together or not
 * at all. A failed `xp_assert` rejects with `PipelineAssertion`.
 */
export async function runPipeline(q: Queryable, statements: readonly Statement[]): Promise<pg.QueryResult[]> {
  if (statements.length === 0) return [];
  if (q instanceof pg.Pool) {
    const client = await q.connect();
    try {
      return await new PipelineQuery(statements).run(client);
    } finally {
      client.release();
    }
  }
  return new PipelineQuery(statements).run(q);
}

/** `xp_assert(<condition>, '<code>')` — for building statements that check themselves. */
export function sqlAssert(condition: string, code: string): string {
  if (!/^[a-z_]+$/.test(code)) throw new Error(`assertion codes are snake_case: ${code}`);
  return `xp_assert(${condition}, '${code}')`;
}

/** The code of a failed `xp_assert`, from a pipeline or from a statement run on its own; undefined for any other error. */
export function assertionCode(err: unknown): string | undefined {
  if (err instanceof PipelineAssertion) return err.code;
  const e = err as { code?: string; message?: string } | null;
  return e?.code === ASSERTION_SQLSTATE ? e.message : undefined;
}
