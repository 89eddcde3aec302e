// Wiring for a running platform: the database (embedded or DATABASE_URL),
// migrations, services, the demo seed, the worker and the HTTP server.
import pino, { type Logger } from 'pino';
import type { Runner } from 'graphile-worker';
import type { FastifyInstance } from 'fastify';
import { ConfigError, type Config } from './config.ts';
import { createDatabase, type Database } from './db/client.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.ts';
import { migrateDatabase } from './db/migrate.ts';
import { clearSpoolDir, spoolDir } from './lib/spool.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { Keyring } from './lib/crypto.ts';
import { validateOrderStateMachine } from './modules/orders/state-machine.ts';
import { allowPrivateGatewayAddresses } from './modules/payments/gateways/gateway-http.ts';
import { setNotifyLimits } from './modules/payments/notify/notify-guard.ts';
import { findDemoAccounts } from './modules/platform/find-demo-accounts.ts';
import type { Log, Services } from './modules/shared/context.ts';

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-order-token"]', '*.password', '*.query_password', '*.secret'], censor: '[redacted]' },
  });
}

export interface OpenedDatabase {
  url: string;
  embedded: EmbeddedDatabase | undefined;
}

/** The external database if DATABASE_URL is set, else the embedded one (started or adopted). */
export async function openDatabase(config: Config, log: Logger): Promise<OpenedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: undefined };
  const embedded = await startEmbeddedPostgres(config.dataDir, (m) => log.info(m));
  return { url: embedded.url, embedded };
}

export function createServices(config: Config, database: Database, log: Log, clock: Clock = systemClock): Services {
  allowPrivateGatewayAddresses(config.outboundAllowPrivate);
  setNotifyLimits(config.notifyRejectsPerIp, config.notifyRejectsPerPayment);
  return { config, database, keyring: new Keyring(config.secrets), clock, log };
}

export interface Platform {
  app: FastifyInstance;
  services: Services;
  url: string;
  stop(): Promise<void>;
}

/** Everything but the HTTP server: the database (started, migrated, seeded, checked), the spool, the job runner. */
export interface Prepared {
  services: Services;
  log: Logger;
  /** The database URL the web processes connect to. */
  databaseUrl: string;
  stop(): Promise<void>;
}

export async function preparePlatform(config: Config, opts: { log?: Logger; seed?: (s: Services) => Promise<void> } = {}): Promise<Prepared> {
  validateOrderStateMachine();
  const log = opts.log ?? createLogger(config);
  const db = await openDatabase(config, log);
  await migrateDatabase(db.url);
  const database = createDatabase(db.url, config.dbPoolSize);
  const services = createServices(config, database, log);
  if (opts.seed) await opts.seed(services);
  if (config.env === 'production' && !config.demo) {
    const demoAccounts = await findDemoAccounts(services);
    if (demoAccounts.length > 0) {
      await database.close();
      await db.embedded?.stop();
      throw new ConfigError(
        `refusing to start in production: ${demoAccounts.join(', ')} still log${demoAccounts.length === 1 ? 's' : ''} in with a published demo password. `
        + 'Set a new one with `xiaopu user password --email <email>` (it also ends their sessions); XIAOPU_DEMO=1 runs a demo on purpose.');
    }
  }
  let worker: Runner | undefined;
  // The job runner and the HTTP app are loaded only by the processes that run them: a CLI command
  // (an import of a million keys, say) then carries no web framework in its memory.
  if (config.worker) worker = await (await import('./jobs/worker.ts')).startWorker(services);
  clearSpoolDir(spoolDir(config.dataDir));
  return {
    services, log, databaseUrl: db.url,
    stop: async () => {
      await worker?.stop();
      await database.close();
      await db.embedded?.stop();
    },
  };
}

/** The HTTP server on the configured port; `stop` lets requests in flight finish (up to the shutdown timeout). */
export async function startWeb(services: Services, log: Logger): Promise<{ app: FastifyInstance; port: number; stop(): Promise<void> }> {
  const { config } = services;
  const { buildApp } = await import('./server/app.ts');
  const app = await buildApp(services, log);
  await app.listen({ port: config.port, host: config.host, backlog: config.listenBacklog });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  return {
    app, port,
    stop: async () => {
      // Requests in flight get the shutdown timeout to finish; then their connections are cut.
      const cut = setTimeout(() => app.server.closeAllConnections(), config.shutdownTimeoutSeconds * 1000);
      await app.close();
      clearTimeout(cut);
    },
  };
}

export function localUrl(config: Pick<Config, 'host'>, port: number): string {
  return `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
}

/** The whole platform in this one process (tests, and `xiaopu start` with XIAOPU_WEB_CONCURRENCY=1). */
export async function startPlatform(config: Config, opts: { log?: Logger; seed?: (s: Services) => Promise<void> } = {}): Promise<Platform> {
  const prepared = await preparePlatform(config, opts);
  const web = await startWeb(prepared.services, prepared.log);
  let stopping: Promise<void> | undefined;
  return {
    app: web.app,
    services: prepared.services,
    url: localUrl(config, web.port),
    stop: () => {
      stopping ??= (async () => {
        await web.stop();
        await prepared.stop();
      })();
      return stopping;
    },
  };
}
