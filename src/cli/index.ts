// The `xiaopu` command: start, migrate, seed-demo, admin create, import-cards, ledger verify.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { Command } from 'commander';
import { ZodError } from 'zod';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { createDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { readLines } from '../lib/lines.ts';
import { createAdmin } from '../modules/accounts/create-admin.ts';
import { setPassword } from '../modules/accounts/set-password.ts';
import { DEMO, seedDemo } from '../modules/platform/seed-demo.ts';
import type { Services } from '../modules/shared/context.ts';
import { assertImportable, importCards } from '../modules/vault/import-cards.ts';
import { sealLedger } from '../modules/money/seal-ledger.ts';
import { verifyLedger } from '../modules/money/verify-ledger.ts';
import { createLogger, createServices, openDatabase, startPlatform } from '../runtime.ts';
import { isWebProcess, runWebProcess, startClusterPrimary } from '../cluster.ts';

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

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Asks twice on a terminal without echoing; reads the first line of stdin otherwise. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  const ask = (prompt: string) => new Promise<string>((resolve) => {
    process.stderr.write(prompt);
    const stdin = process.stdin;
    stdin.setRawMode(true);
    stdin.resume();
    let value = '';
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          stdin.off('data', onData);
          stdin.setRawMode(false);
          stdin.pause();
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') process.exit(130);
        if (ch === '\u007f') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
  const first = await ask('Password: ');
  const again = await ask('Again:    ');
  if (first !== again) throw new Error('the two passwords differ');
  return first;
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
program.name('xiaopu').description('XiaoPu (小铺) — sell virtual goods').version(packageVersion(), '-v, --version').showHelpAfterError();

program
  .command('start')
  .description('Start the platform (embedded PostgreSQL unless DATABASE_URL is set)')
  .action(async () => {
    const cfg = config();
    if (isWebProcess()) {
      await runWebProcess(cfg);
      return;
    }
    const seed = cfg.demo ? async (s: Services) => void (await seedDemo(s)) : undefined;
    const platform = cfg.webConcurrency > 1 ? await startClusterPrimary(cfg, { seed }) : await startPlatform(cfg, { seed });
    const processes = 'processes' in platform ? platform.processes : 1;
    const lines = [
      '',
      `  XiaoPu is running at ${platform.url}  (${processes} web process${processes === 1 ? '' : 'es'}; XIAOPU_WEB_CONCURRENCY)`,
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
  .description('Create a platform admin (or make an existing user one and set their password)')
  .requiredOption('--email <email>', 'login email')
  .option('--password <password>', 'at least 8 characters; without it the password is asked for (or read from stdin when it is not a terminal), which keeps it out of the shell history')
  .action(async (opts: { email: string; password?: string }) => {
    const password = opts.password ?? await readPassword();
    const r = await withServices((s) => createAdmin(s, { email: opts.email, password }));
    process.stdout.write(`${r.created ? 'created' : 'updated'} admin ${opts.email} (${r.id})\n`);
  });

const user = program.command('user').description('User accounts');
user
  .command('password')
  .description("Set a user's password and end all their sessions")
  .requiredOption('--email <email>', 'login email')
  .option('--password <password>', 'at least 8 characters; without it the password is asked for (or read from stdin)')
  .action(async (opts: { email: string; password?: string }) => {
    const password = opts.password ?? await readPassword();
    const r = await withServices((s) => setPassword(s, { email: opts.email, password }));
    process.stdout.write(`password set for ${opts.email} (${r.id}); ${r.sessionsEnded} session(s) ended\n`);
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
      // A product that takes no keys is refused before the progress bar starts.
      await assertImportable(s.database.pool, merchantId, product.id);
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

const ledger = program.command('ledger').description('The double-entry ledger');
ledger
  .command('verify')
  .description('Check that every ledger transaction balances and the hash chain is intact (exit 1 naming the first bad row otherwise)')
  .option('--seal', 'first link transactions still awaiting their seal into the chain (the job runner does this every few seconds)')
  .option('--expect <seq:hash>', 'a head printed earlier: the chain must still pass through it (catches its newest transactions deleted)')
  .action(async (opts: { seal?: boolean; expect?: string }) => {
    const m = opts.expect === undefined ? undefined : /^(\d+):([0-9a-f]{64})$/.exec(opts.expect);
    if (opts.expect !== undefined && !m) throw new Error('--expect takes seq:hash, as printed by a previous verify (e.g. 1832:9f2c…)');
    const expect = m ? { seq: Number(m[1]), hash: m[2] ?? '' } : undefined;
    const verdict = await withServices(async (s) => {
      if (opts.seal) await sealLedger(s.database.pool);
      return verifyLedger(s.database.pool, expect);
    });
    if (verdict.ok) {
      process.stdout.write(`ledger ok: ${verdict.transactions} transactions (${verdict.sealed} sealed, ${verdict.unsealed} awaiting seal), ` +
        `${verdict.entries} entries and ${verdict.accounts} accounts, every one consistent; chain head ${verdict.headSeq}:${verdict.headHash}\n`);
      return;
    }
    process.stdout.write(`ledger BROKEN at ${verdict.where}: ${verdict.problem}\n`);
    process.exitCode = 1;
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof ZodError) {
    const lines = err.issues.map((i) => `  ${i.path.join('.') || 'input'}: ${i.message}`);
    process.stderr.write(`xiaopu: invalid input:\n${lines.join('\n')}\n`);
    process.exit(2);
  }
  if (err instanceof ConfigError) {
    process.stderr.write(`xiaopu: ${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`xiaopu: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
