import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteProduct } from '../../modules/catalog/delete-product.ts';
import { revealCard, RevealedCardOut } from '../../modules/vault/reveal-card.ts';
import { AppError, validationError } from '../../lib/errors.ts';
import { readLines } from '../../lib/lines.ts';
import { claimSpoolSlot, spoolDir, spoolUpload } from '../../lib/spool.ts';
import { createProduct } from '../../modules/catalog/create-product.ts';
import { getProduct } from '../../modules/catalog/get-product.ts';
import { listProducts } from '../../modules/catalog/list-products.ts';
import { CreateProductInput, CreateVariantInput, ProductOut, UpdateProductInput } from '../../modules/catalog/schemas.ts';
import { createVariant } from '../../modules/catalog/create-variant.ts';
import { updateProduct } from '../../modules/catalog/update-product.ts';
import { listOf, PageQuery } from '../../modules/shared/pagination.ts';
import { exportUnsoldCards } from '../../modules/vault/export-cards.ts';
import { assertCardProduct, importCards } from '../../modules/vault/import-cards.ts';
import { CardOut, ListCardsQuery, listCards } from '../../modules/vault/list-cards.ts';
import { VoidCardsInput, VoidCardsOut, voidCards } from '../../modules/vault/void-cards.ts';
import { requireMerchant } from '../plugins/auth.ts';
import { assertDownloadProduct, uploadProductFile } from '../../modules/downloads/upload-product-file.ts';
import { rollWebhookSecret } from '../../modules/delivery-webhooks/roll-webhook-secret.ts';
import { testDeliveryWebhook } from '../../modules/delivery-webhooks/test-delivery-webhook.ts';

const ProductParams = z.object({ id: z.string().min(1).max(64) });
const ImportOut = z.object({ batch_id: z.string(), imported: z.number().int(), duplicates: z.number().int(), blank: z.number().int(), rejected: z.number().int(), lines: z.number().int() });
/** The largest key file an import takes (a million 40-character keys are about 42 MB). */
const IMPORT_MAX_BYTES = 256 * 1024 * 1024;
/** Key files being received at once, per shop and in all (each may take IMPORT_MAX_BYTES of disk for a moment). */
const SPOOL_SLOTS = { perOwner: 2, total: 8 };

/** The uploaded file of a multipart body; a malformed body is the client's mistake (400), never a 500. */
async function uploadedFile(req: FastifyRequest): Promise<Readable> {
  let file;
  try {
    file = await req.file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 10 } });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(400, 'invalid_multipart', `The multipart body could not be read: ${err instanceof Error ? err.message : 'malformed'}.`);
  }
  if (!file) throw validationError('Attach the keys as a file field.', 'file');
  if (file.fieldname !== 'file') {
    file.file.resume(); // let the rest of the body drain
    throw validationError(`Send the keys in a field named "file" (this one is "${file.fieldname.slice(0, 40)}").`, 'file');
  }
  return file.file;
}

const JsonCards = z.object({ cards: z.array(z.string().max(100_000)).max(1_000_000) });

/**
 * The import body in its three forms, for the OpenAPI document. The route
 * itself declares no body schema: text/plain and multipart bodies are streams,
 * read and checked in the handler.
 */
export const CARD_IMPORT_BODY = {
  content: {
    'application/json': { schema: z.toJSONSchema(JsonCards, { target: 'draft-2020-12' }) },
    'text/plain': { schema: { type: 'string', description: 'One key per line; streamed, millions of lines are fine' } },
    'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary', description: 'A text file, one key per line' } }, required: ['file'] } },
  },
};


/** The file upload body in its two forms, for the OpenAPI document (the route reads the stream itself). */
export const FILE_UPLOAD_BODY = {
  content: {
    'application/octet-stream': { schema: { type: 'string', format: 'binary', description: 'The file\'s bytes; its name in ?filename=' } },
    'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } },
  },
};

export const productRoutes: FastifyPluginAsyncZod = async (app) => {
  const s = app.services;
  // A download product's file arrives as a stream, never buffered whole.
  app.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));
  app.post('/api/v1/products', {
    schema: { tags: ['products'], summary: 'Create a product (price in minor units)', body: CreateProductInput, response: { 201: ProductOut } },
  }, async (req, reply) => {
    const { ctx } = requireMerchant(req, 'products:write');
    return reply.code(201).send(await createProduct(ctx, req.body));
  });

  app.get('/api/v1/products', {
    schema: { tags: ['products'], summary: 'List products with stock', querystring: PageQuery, response: { 200: listOf(ProductOut) } },
  }, async (req) => {
    const { ctx } = requireMerchant(req, 'products:read');
    return listProducts(ctx, req.query);
  });

  app.get('/api/v1/products/:id', {
    schema: { tags: ['products'], summary: 'A product with its current stock', params: ProductParams, response: { 200: ProductOut } },
  }, async (req) => {
    const { ctx } = requireMerchant(req, 'products:read');
    return getProduct(ctx, { productId: req.params.id });
  });

  app.patch('/api/v1/products/:id', {
    schema: { tags: ['products'], summary: 'Change a product', params: ProductParams, body: UpdateProductInput, response: { 200: ProductOut } },
  }, async (req) => {
    const { ctx } = requireMerchant(req, 'products:write');
    return updateProduct(ctx, { ...req.body, productId: req.params.id });
  });

  app.post('/api/v1/products/:id/cards', {
    bodyLimit: 64 * 1024 * 1024,
    schema: {
      tags: ['cards'],
      summary: 'Import card keys',
      description:
        'Send `application/json` `{"cards": ["KEY-1", …]}`, or `text/plain` with one key per line (streamed; millions of lines are fine), ' +
        'or `multipart/form-data` with a `file` field. Keys are trimmed; blank lines are skipped; duplicates within the upload or of keys ' +
        'the product already has are counted and skipped. The import is all-or-nothing. Re-sending the same file imports nothing twice.',
      params: ProductParams,
      response: { 201: ImportOut },
    },
  }, async (req, reply) => {
    const { ctx, merchantId } = requireMerchant(req, 'cards:write');
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type === 'application/json') {
      const result = await importCards(ctx, { merchantId, productId: req.params.id, source: 'json', lines: JsonCards.parse(req.body).cards });
      return reply.code(201).send(result);
    }
    if (type !== 'text/plain' && type !== 'multipart/form-data') {
      throw new AppError(415, 'unsupported_media_type', 'Send application/json, text/plain or multipart/form-data.');
    }
    const source = type === 'text/plain' ? 'text' : 'file';
    let release: (() => void) | undefined;
    let spooled;
    try {
      // A product that cannot take keys, or a shop already sending two files, is refused before a byte is stored.
      await assertCardProduct(ctx, { productId: req.params.id });
      release = claimSpoolSlot(merchantId, SPOOL_SLOTS);
      const upload = type === 'text/plain' ? req.body as Readable : await uploadedFile(req);
      // The whole upload first, then the import: no transaction waits on the client.
      spooled = await spoolUpload(upload, { dir: spoolDir(s.config.dataDir), maxBytes: IMPORT_MAX_BYTES, idleMs: s.config.uploadIdleSeconds * 1000 });
    } catch (err) {
      release?.();
      // The rest of the body is not worth reading: answer and close.
      reply.header('connection', 'close');
      if (err instanceof AppError && err.code === 'too_many_uploads') reply.header('retry-after', '10');
      throw err;
    }
    let result;
    try {
      result = await importCards(ctx, { merchantId, productId: req.params.id, source, lines: readLines(spooled.open()) });
    } finally {
      await spooled.remove();
      release();
    }
    return reply.code(201).send(result);
  });

  app.put('/api/v1/products/:id/file', {
    schema: {
      tags: ['products'],
      summary: 'Upload the file a download product sells (replaces it for later buyers)',
      description: 'Send the bytes as `application/octet-stream` with `?filename=`, or `multipart/form-data` with a `file` field. Streamed to the data ' +
        'directory; its size and SHA-256 are recorded. Larger than XIAOPU_DOWNLOAD_MAX_MB: 422 `file`. Buyers who already bought keep the file they bought.',
      params: ProductParams, querystring: z.object({ filename: z.string().max(500).optional() }),
      response: { 201: z.object({ id: z.string(), object: z.literal('file'), product_id: z.string(), filename: z.string(), size: z.number().int(), sha256: z.string(), created_at: z.string() }) },
    },
  }, async (req, reply) => {
    const { ctx, merchantId } = requireMerchant(req, 'products:write');
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/octet-stream' && type !== 'multipart/form-data') {
      throw new AppError(415, 'unsupported_media_type', 'Send the file as application/octet-stream (with ?filename=) or multipart/form-data.');
    }
    let release: (() => void) | undefined;
    try {
      await assertDownloadProduct(ctx, { productId: req.params.id });
      release = claimSpoolSlot(`file:${merchantId}`, SPOOL_SLOTS);
      let body: Readable;
      let filename = req.query.filename;
      if (type === 'multipart/form-data') {
        let part;
        try {
          part = await req.file({ limits: { fileSize: s.config.downloadMaxBytes + 1, files: 1, fields: 10 } });
        } catch (err) {
          throw new AppError(400, 'invalid_multipart', `The multipart body could not be read: ${err instanceof Error ? err.message : 'malformed'}.`);
        }
        if (!part || part.fieldname !== 'file') throw validationError('Attach the file as the "file" field.', 'file');
        body = part.file;
        filename = filename ?? part.filename;
      } else {
        body = req.body as Readable;
      }
      return reply.code(201).send(await uploadProductFile(ctx, { productId: req.params.id, filename, body }));
    } catch (err) {
      // The rest of a refused body is not worth reading: answer and close.
      reply.header('connection', 'close');
      throw err;
    } finally {
      release?.();
    }
  });

  app.post('/api/v1/products/:id/variants', {
    schema: {
      tags: ['products'], summary: 'Add a variant (SKU) to a product: its own name, price, validity and stock',
      description: 'The variant is a product of its own (its id is in `variants[].id`): import its keys, upload its file or change its settings there. ' +
        'It starts with the product\'s delivery and settings. Buyers pick it on the product (checkout `variant_id`). 422 `name` when another variant has it.',
      params: ProductParams, body: CreateVariantInput, response: { 201: ProductOut },
    },
  }, async (req, reply) => reply.code(201).send(await createVariant(requireMerchant(req, 'products:write').ctx, { ...req.body, productId: req.params.id })));

  app.post('/api/v1/products/:id/webhook_secret', {
    schema: {
      tags: ['products'], summary: 'Replace a webhook product\'s signing secret (the new one is shown once)',
      params: ProductParams, response: { 200: z.object({ secret: z.string() }) },
    },
  }, async (req) => rollWebhookSecret(requireMerchant(req, 'products:write').ctx, { productId: req.params.id }));

  app.post('/api/v1/products/:id/webhook_test', {
    schema: {
      tags: ['products'], summary: 'Call a webhook product\'s endpoint once with a test order (data.test: true) and report the answer',
      params: ProductParams,
      response: { 200: z.object({ ok: z.boolean(), status: z.number().int().nullable(), error: z.string().nullable(), items: z.number().int(), latency_ms: z.number().int() }) },
    },
  }, async (req) => testDeliveryWebhook(requireMerchant(req, 'products:write').ctx, { productId: req.params.id }));

  app.get('/api/v1/products/:id/cards', {
    schema: { tags: ['cards'], summary: 'List keys, masked', params: ProductParams, querystring: ListCardsQuery, response: { 200: listOf(CardOut) } },
  }, async (req) => {
    const { ctx } = requireMerchant(req, 'cards:read');
    return listCards(ctx, { ...req.query, productId: req.params.id });
  });

  app.post('/api/v1/products/:id/cards/:card_id/reveal', {
    schema: { tags: ['cards'], summary: 'Reveal one key in the clear (audited)', params: ProductParams.extend({ card_id: z.string().min(1).max(64) }),
      response: { 200: RevealedCardOut } },
  }, async (req) => {
    const { ctx } = requireMerchant(req, 'cards:export');
    return revealCard(ctx, { productId: req.params.id, cardId: req.params.card_id });
  });

  app.delete('/api/v1/products/:id', {
    schema: {
      tags: ['products'], summary: 'Delete a product nobody has ordered, with its keys (audited)',
      description: '409 `product_has_orders` if it has orders: hide it instead (`visibility: "hidden"`).', params: ProductParams,
      response: { 204: z.null() },
    },
  }, async (req, reply) => {
    const { ctx } = requireMerchant(req, 'products:write');
    await deleteProduct(ctx, { productId: req.params.id });
    return reply.code(204).send(null);
  });

  app.post('/api/v1/products/:id/cards/void', {
    schema: { tags: ['cards'], summary: 'Void unsold keys', params: ProductParams, body: VoidCardsInput, response: { 200: VoidCardsOut } },
  }, async (req) => {
    const { ctx } = requireMerchant(req, 'cards:write');
    return voidCards(ctx, { ...req.body, productId: req.params.id });
  });

  app.get('/api/v1/products/:id/cards/export', {
    schema: { tags: ['cards'], summary: 'Export unsold keys as text, one per line (audited)', params: ProductParams },
  }, async (req, reply) => {
    const { ctx } = requireMerchant(req, 'cards:export');
    const keys = exportUnsoldCards(ctx, { productId: req.params.id });
    // Pull the first value before sending headers, so a 404 is still an error response.
    const first = await keys.next();
    async function* body() {
      if (!first.done) yield first.value + '\n';
      for await (const k of keys) yield k + '\n';
    }
    return reply
      .type('text/plain; charset=utf-8')
      .header('content-disposition', `attachment; filename="${req.params.id}-unsold.txt"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(body()));
  });
};
