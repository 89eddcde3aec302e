// Builds the Fastify app: plugins, error handling, auth, idempotency, the
// OpenAPI document (/openapi.json, rendered at /docs), and the routes.
import { constants as zlibConstants } from 'node:zlib';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { pooledRandom } from '../lib/random-pool.ts';
import type { Services } from '../modules/shared/context.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandling, sendError } from './plugins/errors.ts';
import { registerIdempotency } from './plugins/idempotency.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { adminRoutes } from './routes/admin.ts';
import { apiKeyRoutes } from './routes/api-keys.ts';
import { authRoutes } from './routes/auth.ts';
import { orderRoutes } from './routes/orders.ts';
import { paymentRoutes } from './routes/payments.ts';
import { shopRoutes } from './routes/shop.ts';
import { walletRoutes } from './routes/wallet.ts';
import { moneyRoutes } from './routes/money.ts';
import { disputeRoutes } from './routes/disputes.ts';
import { reviewRoutes } from './routes/reviews.ts';
import { licenseRoutes } from './routes/licenses.ts';
import { CARD_IMPORT_BODY, FILE_UPLOAD_BODY, productRoutes } from './routes/products.ts';
import { storefrontRoutes } from './routes/storefront.ts';
import { systemRoutes } from './routes/system.ts';
import { webRoutes } from './routes/web.ts';
import { responseSerializer } from './serializer.ts';

export type App = FastifyInstance;

export async function buildApp(services: Omit<Services, 'log'>, logger: Logger): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => 'req_' + pooledRandom(12).toString('base64url'),
    requestIdHeader: false,
    trustProxy: services.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    // A body that has not fully arrived in time is cut off; idle keep-alive
    // sockets close at shutdown (busy ones after the shutdown timeout).
    requestTimeout: services.config.requestTimeoutSeconds * 1000,
    routerOptions: { ignoreTrailingSlash: true },
    // An address the router cannot take apart still gets the one error shape.
    frameworkErrors: (err, req, reply) => {
      reply.header('x-request-id', req.id).header('x-content-type-options', 'nosniff');
      if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendError(reply, 414, 'invalid_request_error', 'uri_too_long', 'A part of the address is too long (at most 100 characters between slashes).');
      return sendError(reply, 400, 'invalid_request_error', 'invalid_url', 'The address could not be read (bad percent-encoding?).');
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('services', { ...services, log: logger });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(services.config.env === 'test'));

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
    req.log.debug({ method: req.method, url: req.routeOptions.url, status: reply.statusCode, ms: reply.elapsedTime }, 'request');
  });
  registerErrorHandling(app);
  await registerSecurityHeaders(app, services.config);
  // Answers over 1 KB go out compressed when the client accepts it (static
  // assets are compressed once at build time instead). Brotli at a low
  // quality: most of its gain for a fraction of the CPU.
  await app.register(compress, {
    global: true, threshold: 1024, encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
  });

  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  await app.register(multipart, { limits: { fileSize: 256 * 1024 * 1024, files: 1, fields: 10, parts: 20 } });
  // text/plain bodies (card imports) arrive as a stream, never buffered whole.
  app.addContentTypeParser('text/plain', (_req, payload, done) => done(null, payload));

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'XiaoPu API',
        version: '1.0.0',
        description:
          'XiaoPu (小铺): sell virtual goods. Money is in integer minor units (分/cents). Errors are `{"error": {type, code, message, param?}}` with an `x-request-id` header. POSTs accept an `Idempotency-Key` header. Lists are cursor-paginated with `limit`, `starting_after`, `ending_before`.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'Merchant API key sk_live_… / sk_test_…' },
          session: { type: 'apiKey', in: 'cookie', name: 'xp_session', description: 'Web session; writes also send X-CSRF-Token' },
          orderToken: { type: 'apiKey', in: 'header', name: 'X-Order-Token', description: 'The access token returned at checkout or by lookup' },
        },
      },
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      if (input.url === '/api/v1/products/:id/cards' && input.route.method === 'POST') {
        return { ...out, schema: { ...out.schema, body: CARD_IMPORT_BODY } };
      }
      if (input.url === '/api/v1/products/:id/file' && input.route.method === 'PUT') {
        return { ...out, schema: { ...out.schema, body: FILE_UPLOAD_BODY } };
      }
      // The license API takes its fields from the body in three forms, or from the query string: no body is required.
      if (/^\/api\/v1\/licenses\/(activate|validate|deactivate)$/.test(input.url)) {
        const schema = (out.schema as { body?: unknown }).body;
        if (schema) {
          const media = { schema };
          return { ...out, schema: { ...out.schema, body: { content: { 'application/json': media, 'application/x-www-form-urlencoded': media, 'application/vnd.api+json': media } } } };
        }
      }
      return out;
    },
  });
  // Swagger UI's own page carries its CSP with hashes for its scripts; no framing there either.
  await app.register(swaggerUi, {
    routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true },
    staticCSP: true, transformStaticCSP: (header) => `${header}; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`,
  });

  registerAuth(app, app.services);
  registerIdempotency(app, app.services);

  await app.register(systemRoutes);
  await app.register(authRoutes);
  await app.register(apiKeyRoutes);
  await app.register(productRoutes);
  await app.register(orderRoutes);
  await app.register(storefrontRoutes);
  await app.register(paymentRoutes);
  await app.register(shopRoutes);
  await app.register(walletRoutes);
  await app.register(moneyRoutes);
  await app.register(disputeRoutes);
  await app.register(reviewRoutes);
  await app.register(licenseRoutes);
  await app.register(adminRoutes);
  await app.register(webRoutes);

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.ready();
  return app;
}
