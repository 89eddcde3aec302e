import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApiKey, CreateApiKeyInput } from '../../modules/api/create-api-key.ts';
import { ApiKeyOut, listApiKeys, revokeApiKey } from '../../modules/api/manage-api-keys.ts';
import { listOf, PageQuery } from '../../modules/shared/pagination.ts';
import { forbidden, unauthenticated } from '../../lib/errors.ts';
import { requireMerchant } from '../plugins/auth.ts';
import type { FastifyRequest } from 'fastify';

/** API keys are managed from a web session only: a key cannot mint keys. */
function sessionMerchant(req: FastifyRequest) {
  if (!req.principal) throw unauthenticated('Log in to manage API keys.');
  if (req.principal.kind !== 'session') throw forbidden('session_required', 'API keys are managed from a logged-in session.');
  return requireMerchant(req, 'products:read');
}

export const apiKeyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/v1/api_keys', {
    schema: {
      tags: ['api keys'], summary: 'Create an API key. The secret is in this response only.', body: CreateApiKeyInput,
      response: { 201: z.object({ id: z.string(), object: z.literal('api_key'), name: z.string(), mode: z.string(), scopes: z.array(z.string()), secret: z.string(), last_four: z.string(), created_at: z.string() }) },
    },
  }, async (req, reply) => {
    const { ctx } = sessionMerchant(req);
    return reply.code(201).send(await createApiKey(ctx, req.body));
  });

  app.get('/api/v1/api_keys', {
    schema: { tags: ['api keys'], summary: 'List API keys (never their secrets)', querystring: PageQuery, response: { 200: listOf(ApiKeyOut) } },
  }, async (req) => {
    const { ctx } = sessionMerchant(req);
    return listApiKeys(ctx, req.query);
  });

  app.post('/api/v1/api_keys/:id/revoke', {
    schema: { tags: ['api keys'], summary: 'Revoke an API key', params: z.object({ id: z.string() }), response: { 200: ApiKeyOut } },
  }, async (req) => {
    const { ctx } = sessionMerchant(req);
    return revokeApiKey(ctx, { keyId: req.params.id });
  });
};
