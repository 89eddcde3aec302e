// The web app's API types, generated from the server's own OpenAPI document
// (openapi-typescript), so the pages cannot drift from the API:
//   npm run gen:api-types        writes web/src/shared/api-types.ts
//   test/api-types.test.ts       fails when that file is not what the server says today
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { loadConfig } from '../src/config.ts';
import { createDatabase } from '../src/db/client.ts';
import { createLogger, createServices } from '../src/runtime.ts';
import { buildApp } from '../src/server/app.ts';

export const API_TYPES_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/src/shared/api-types.ts');

const HEADER = `// Generated from the server's OpenAPI document by tools/api-types.ts (npm run gen:api-types).
// Do not edit: change the route's schema and run it again. test/api-types.test.ts checks it is current.
/* eslint-disable */
`;

/** The OpenAPI document the server serves at /openapi.json, built without a database. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'xiaopu-openapi-'));
  try {
    const config = loadConfig({
      NODE_ENV: 'test', XIAOPU_DATA_DIR: dataDir, DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
      XIAOPU_MASTER_KEY: randomBytes(32).toString('hex'), XIAOPU_SESSION_SECRET: randomBytes(32).toString('base64url'),
      XIAOPU_SANDBOX_SECRET: randomBytes(24).toString('base64url'), XIAOPU_WORKER: '0', LOG_LEVEL: 'silent',
    });
    const log = createLogger(config);
    const database = createDatabase(config.databaseUrl ?? '', 1);
    const app = await buildApp(createServices(config, database, log), log);
    try {
      await app.ready();
      return app.swagger() as unknown as Record<string, unknown>;
    } finally {
      await app.close();
      await database.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS(await openApiDocument() as never);
  return HEADER + astToString(ast);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const text = await generateApiTypes();
  const before = (() => {
    try {
      return readFileSync(API_TYPES_FILE, 'utf8');
    } catch {
      return '';
    }
  })();
  if (before !== text) writeFileSync(API_TYPES_FILE, text);
  process.stdout.write(`${path.relative(process.cwd(), API_TYPES_FILE)}: ${before === text ? 'unchanged' : 'written'}\n`);
}
