// Starts one PostgreSQL for the whole run (the embedded one in .test-data/,
// or TEST_DATABASE_URL) and builds a migrated template database. Each test
// file clones the template (CREATE DATABASE … TEMPLATE), which takes a few
// milliseconds, instead of migrating its own.
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded.ts';
import { migrateDatabase } from '../src/db/migrate.ts';

const TEMPLATE = 'xiaopu_template';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

function withDb(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

let embedded: EmbeddedDatabase | undefined;

export async function setup(project: TestProject): Promise<void> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres(path.resolve('.test-data'), () => undefined, { dbName: 'postgres' });
    adminUrl = embedded.url;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // Drop databases a killed earlier run left behind, then rebuild the template.
  const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'xiaopu_t_%' or datname = $1`, [TEMPLATE]);
  for (const r of rows) await admin.query(`drop database if exists "${r.datname}" with (force)`);
  await admin.query(`create database ${TEMPLATE}`);
  await admin.end();
  await migrateDatabase(withDb(adminUrl, TEMPLATE));
  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', TEMPLATE);
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
}
