// The `xiaopu` command: start, migrate, seed-demo, admin create, import-cards.
import { createReadStream, statSync } from 'node:fs';
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { createDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { readLines } from '../lib/lines.ts';
import { createAdmin } from '../modules/accounts/create-admin.ts';
import { DEMO, seedDemo } from '../modules/platform/seed-demo.ts';
import type { Services } from '../modules/shared/context.ts';
import { importCards } from '../modules/vault/import-cards.ts';
import { createLogger, createServices, openDatabase, startPlatform } from '../runtime.ts';

function config(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`xiaopu: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

/** Opens the database for a one-off command, runs `fn`, then closes everything. */
async function withServices<T>(fn: (s: Services) => Promise<T>): Promise<T> {
  const cfg = config();
  const log = createLogger({ logLevel: process.env.LOG_LEVEL ?? 'warn' });
  const db = await openDatabase(cfg, log);
  await migrateDatabase(db.url);
  const database = createDatabase(db.url, 4);
  try {
    return await fn(createServices(cfg, database, log));
  } finally {
    await database.close();
    // Leave a server another XiaoPu process is using alone; stop one we started.
    if (db.embedded && !db.embedded.adopted) await db.embedded.stop();
  }
}

const program = new Command();
program.name('xiaopu').description('XiaoPu (小铺) — sell virtual goods').showHelpAfterError();

program
  .command('start')
  .description('Start the platform (embedded PostgreSQL unless DATABASE_URL is set)')
  .action(async () => {
    const cfg = config();
    const platform = await startPlatform(cfg, {
      seed: cfg.demo ? async (s) => void (await seedDemo(s)) : undefined,
    });
    const lines = [
      '',
      `  XiaoPu is running at ${platform.url}`,
      `  API docs:        ${platform.url}/docs`,
      `  Console:         ${platform.url}/console  (admin: ${platform.url}/admin)`,
      `  Database:        ${cfg.databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL in ${cfg.dataDir}/postgres`}`,
    ];
    if (cfg.demo) {
      lines.push(
        `  Demo shop:       ${platform.url}/s/${DEMO.shopSlug}`,
        `  Demo merchant:   ${DEMO.merchant.email} / ${DEMO.merchant.password}`,
        `  Demo admin:      ${DEMO.admin.email} / ${DEMO.admin.password}`,
        '  (set XIAOPU_DEMO=0 to start without demo data)',
      );
    }
    process.stdout.write(lines.join('\n') + '\n\n');
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      platform.services.log.info({ signal }, 'shutting down');
      await platform.stop();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  });

program
  .command('migrate')
  .description('Apply database migrations')
  .action(async () => {
    await withServices(async () => undefined);
    process.stdout.write('migrations applied\n');
  });

program
  .command('seed-demo')
  .description('Create the demo admin, shop, product and keys (does nothing if the demo shop exists)')
  .action(async () => {
    const r = await withServices((s) => seedDemo(s));
    process.stdout.write(r.created ? `demo created: shop "${DEMO.shopSlug}", merchant ${DEMO.merchant.email}, admin ${DEMO.admin.email}\n` : 'demo shop already exists\n');
  });

const admin = program.command('admin').description('Platform admins');
admin
  .command('create')
  .description('Create a platform admin (or make an existing user one)')
  .requiredOption('--email <email>', 'login email')
  .requiredOption('--password <password>', 'at least 8 characters')
  .action(async (opts: { email: string; password: string }) => {
    const r = await withServices((s) => createAdmin(s, opts));
    process.stdout.write(`${r.created ? 'created' : 'updated'} admin ${opts.email} (${r.id})\n`);
  });

program
  .command('import-cards')
  .description('Import card keys from a file, one per line')
  .argument('<product>', 'product id (prd_…) or <shop slug>/<product slug>, e.g. demo/steam-50')
  .argument('<file>', 'text file, one key per line')
  .action(async (productId: string, file: string) => {
    const size = statSync(file).size;
    const result = await withServices(async (s) => {
      const [shopSlug, productSlug] = productId.split('/');
      const { rows } = productSlug
        ? await s.database.pool.query<{ id: string; merchant_id: string }>(
          'select p.id, p.merchant_id from products p join merchants m on m.id = p.merchant_id where m.slug = $1 and p.slug = $2', [shopSlug, productSlug])
        : await s.database.pool.query<{ id: string; merchant_id: string }>('select id, merchant_id from products where id = $1', [productId]);
      const product = rows[0];
      if (!product) throw new Error(`no product ${productId}`);
      const merchantId = product.merchant_id;
      const stream = createReadStream(file);
      const bar = new cliProgress.SingleBar(
        { format: 'importing [{bar}] {percentage}% | {lines} lines | {imported} imported | {duplicates} duplicates', hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 },
        cliProgress.Presets.shades_classic,
      );
      bar.start(size, 0, { lines: 0, imported: 0, duplicates: 0 });
      try {
        return await importCards({ ...s, actor: { type: 'system', name: 'cli' } }, {
          merchantId, productId: product.id, source: 'cli', lines: readLines(stream),
          onProgress: (p) => bar.update(stream.bytesRead, { lines: p.lines, imported: p.imported, duplicates: p.duplicates }),
        });
      } finally {
        bar.update(size);
        bar.stop();
      }
    });
    process.stdout.write(
      `imported ${result.imported}, duplicates ${result.duplicates}, blank ${result.blank}, rejected ${result.rejected} (batch ${result.batch_id})\n`,
    );
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`xiaopu: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
