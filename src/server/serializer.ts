// Answers are written through their documented zod schema, which drops any
// field the schema does not name. Outside tests that is a quiet safety net
// (nothing undocumented leaks out); in tests it must never happen, because a
// field a use case returns but the OpenAPI document forgets would vanish from
// the answer without a sound. So under NODE_ENV=test a dropped field is an
// error naming its path, and every test that reads an answer checks its schema.
import { createSerializerCompiler } from 'fastify-type-provider-zod';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';

/** The first path present in `sent` (a value that is not undefined) and missing from `kept`. */
export function droppedField(sent: unknown, kept: unknown, at = ''): string | undefined {
  if (Array.isArray(sent) && Array.isArray(kept)) {
    for (let i = 0; i < sent.length; i++) {
      const found = droppedField(sent[i], kept[i], `${at}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (!isPlainObject(sent) || !isPlainObject(kept)) return undefined;
  for (const [key, value] of Object.entries(sent)) {
    if (value === undefined) continue;
    const path = at ? `${at}.${key}` : key;
    if (!Object.hasOwn(kept, key)) return path;
    const found = droppedField(value, kept[key], path);
    if (found) return found;
  }
  return undefined;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

/** The serializer: the library's, and under `strict` one that refuses to drop a field. */
export function responseSerializer(strict: boolean): FastifySerializerCompiler<unknown> {
  const compile = createSerializerCompiler({}) as unknown as FastifySerializerCompiler<unknown>;
  if (!strict) return compile;
  return (route) => {
    const write = compile(route);
    return (data) => {
      const text = write(data);
      const missing = droppedField(data, JSON.parse(text));
      if (missing) throw new Error(`${route.method} ${route.url}: the answer's "${missing}" is not in its response schema, so it would be dropped`);
      return text;
    };
  };
}
