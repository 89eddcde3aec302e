// The one-round-trip pipeline (src/db/pipeline.ts): statements commit together
// or not at all, results come back one per statement, prepared statements
// stay usable on the connection after a failure.
import { describe, expect, it } from 'vitest';
import { createDatabase, prepared } from '../src/db/client.ts';
import { PipelineAssertion, runPipeline, sqlAssert } from '../src/db/pipeline.ts';
import { freshDatabase } from './helpers.ts';

describe('pipeline', async () => {
  const url = await freshDatabase();
  const db = createDatabase(url, 2);
  const pool = db.pool;
  await pool.query('create table pt (id int primary key, v text)');

  it('runs statements in order and returns one result per statement', async () => {
    const [a, b, c] = await runPipeline(pool, [
      { text: 'insert into pt (id, v) values ($1, $2)', values: [1, 'one'] },
      { text: 'select v, $2::int as n from pt where id = $1', values: [1, 7] },
      { text: 'update pt set v = $2 where id = $1 returning v', values: [1, 'uno'] },
    ]);
    expect(a?.rowCount).toBe(1);
    expect(b?.rows).toEqual([{ v: 'one', n: 7 }]);
    expect(c?.rows).toEqual([{ v: 'uno' }]);
  });

  it('is one transaction: a failed assertion rolls back the statements before it', async () => {
    const run = runPipeline(pool, [
      { text: 'insert into pt (id, v) values ($1, $2)', values: [2, 'two'] },
      { text: `select ${sqlAssert('count(*) = 0', 'must_be_empty')} from pt where id = $1`, values: [2] },
      { text: 'insert into pt (id, v) values ($1, $2)', values: [3, 'three'] },
    ]);
    await expect(run).rejects.toBeInstanceOf(PipelineAssertion);
    await expect(run).rejects.toMatchObject({ code: 'must_be_empty', statementIndex: 1 });
    expect((await pool.query('select id from pt where id in (2, 3)')).rowCount).toBe(0);
  });

  it('a database error rolls back too, and the connection stays usable for the same statements', async () => {
    const client = await pool.connect();
    try {
      const text = 'insert into pt (id, v) values ($1, $2)';
      await expect(runPipeline(client, [
        { text, values: [10, 'ten'] },
        { text: 'select 1 / $1::int', values: [0] },
        { text: 'select $1::int + 1 as n', values: [41] },
      ])).rejects.toMatchObject({ code: '22012' });
      // The statements parsed before the failure are prepared on this connection, the ones after are not: both work again.
      const [x, y] = await runPipeline(client, [{ text, values: [10, 'ten'] }, { text: 'select $1::int + 1 as n', values: [41] }]);
      expect(x?.rowCount).toBe(1);
      expect(y?.rows).toEqual([{ n: 42 }]);
      expect((await prepared(client, text, [11, 'eleven'])).rowCount).toBe(1);
    } finally {
      client.release();
    }
  });

  it('inside an explicit transaction it is part of that transaction', async () => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await runPipeline(client, [{ text: 'insert into pt (id, v) values ($1, $2)', values: [20, 'twenty'] }]);
      await client.query('rollback');
    } finally {
      client.release();
    }
    expect((await pool.query('select 1 from pt where id = 20')).rowCount).toBe(0);
  });

  it('statements of a pipeline see the effects of the ones before them', async () => {
    const [, count] = await runPipeline(pool, [
      { text: 'insert into pt (id, v) values ($1, $2)', values: [30, 'thirty'] },
      { text: 'select count(*)::int as n from pt where id = $1', values: [30] },
    ]);
    expect(count?.rows[0]).toEqual({ n: 1 });
  });

  it('an empty pipeline does nothing', async () => {
    expect(await runPipeline(pool, [])).toEqual([]);
    await db.close();
  });
});
