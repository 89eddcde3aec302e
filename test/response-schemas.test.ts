// Every JSON answer has its shape in /openapi.json, and the shape is the
// answer: a field a use case returns but the schema forgets would be dropped
// on the way out, so under NODE_ENV=test that is an error (every other test
// that reads an answer checks its schema that way).
import Fastify from 'fastify';
import { type ZodTypeProvider, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { droppedField, responseSerializer } from '../src/server/serializer.ts';
import { openApiDocument } from '../tools/api-types.ts';

/** Operations that answer something other than a JSON body: notifies answer the gateway's own text, files are files. */
const NOT_JSON = new Set([
  'POST /api/v1/auth/logout', // 204
  'DELETE /api/v1/products/{id}', // 204
  'GET /api/v1/products/{id}/cards/export', // text/plain, one key per line
  'GET /api/v1/balance_transactions.csv',
  'GET /api/v1/downloads/{id}',
  'GET /api/v1/storefront/orders/{number}/dispute/messages/{message_id}/attachment',
  'GET /api/v1/disputes/{id}/messages/{message_id}/attachment',
  'GET /api/v1/payments/sandbox/notify', 'POST /api/v1/payments/sandbox/notify',
  'GET /api/v1/payments/{gateway}/notify', 'POST /api/v1/payments/{gateway}/notify',
  'GET /api/v1/payments/{gateway}/notify/{config_id}', 'POST /api/v1/payments/{gateway}/notify/{config_id}',
]);

type Operation = { responses?: Record<string, { content?: Record<string, unknown> }> };

describe('response schemas', () => {
  it('document the body of every JSON answer in /openapi.json', async () => {
    const doc = (await openApiDocument()) as { paths: Record<string, Record<string, Operation>> };
    const undocumented: string[] = [];
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as const));
    for (const [name, op] of operations) {
      if (NOT_JSON.has(name)) continue;
      const documented = Object.entries(op.responses ?? {}).some(([status, r]) => status.startsWith('2') && r.content?.['application/json']);
      if (!documented) undocumented.push(name);
    }
    expect(undocumented).toEqual([]);
    expect(operations.length).toBeGreaterThan(100);
  });

  it('name the first field an answer would lose', () => {
    expect(droppedField({ a: 1, b: { c: [{ d: 1, e: 2 }] } }, { a: 1, b: { c: [{ d: 1 }] } })).toBe('b.c[0].e');
    expect(droppedField({ a: 1, gone: undefined }, { a: 1 })).toBeUndefined();
    expect(droppedField({ a: [1, 2], b: null }, { a: [1, 2], b: null })).toBeUndefined();
  });

  it('refuse, in tests, to drop a field the schema does not name; elsewhere drop it quietly', async () => {
    for (const strict of [true, false]) {
      const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
      app.setValidatorCompiler(validatorCompiler);
      app.setSerializerCompiler(responseSerializer(strict));
      app.get('/thing', { schema: { response: { 200: z.object({ id: z.string() }) } } }, async () => ({ id: 't_1', secret_note: 'not documented' }));
      const res = await app.inject({ url: '/thing' });
      if (strict) {
        expect(res.statusCode).toBe(500);
        expect(res.json().message).toContain('"secret_note" is not in its response schema');
      } else {
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual({ id: 't_1' });
      }
      await app.close();
    }
  });
});
