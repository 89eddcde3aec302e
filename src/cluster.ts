// `xiaopu start` on several processes sharing one port (node:cluster). The
// primary does everything that must happen once — start (or adopt) the
// database, migrate, seed, check, run the one job runner — and then forks
// XIAOPU_WEB_CONCURRENCY web processes, which only serve HTTP. A web process
// that dies is replaced; on SIGTERM/SIGINT the primary lets every web process
// finish its requests (XIAOPU_SHUTDOWN_TIMEOUT_SECONDS), then stops the job
// runner and the database.
//
// The database URL (it holds the password) reaches web processes over the
// IPC channel, never through the environment or argv.
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { createDatabase } from './db/client.ts';
import type { Services } from './modules/shared/context.ts';
import { createLogger, createServices, localUrl, preparePlatform, startWeb } from './runtime.ts';

type Message = { type: 'hello' } | { type: 'start'; databaseUrl: string } | { type: 'shutdown' };

export interface ClusterPlatform {
  url: string;
  services: Services;
  processes: number;
  stop(): Promise<void>;
}

export const isWebProcess = (): boolean => cluster.isWorker;

export async function startClusterPrimary(config: Config, opts: { log?: Logger; seed?: (s: Services) => Promise<void> } = {}): Promise<ClusterPlatform> {
  const prepared = await preparePlatform(config, opts);
  const log = prepared.log;
  const workers = new Set<Worker>();
  let stopping = false;
  let up = false;
  let failStart: (err: Error) => void = () => undefined;

  const fork = (): void => {
    const started = Date.now();
    const w = cluster.fork();
    workers.add(w);
    w.on('message', (m: Message) => {
      if (m.type === 'hello' && !stopping) w.send({ type: 'start', databaseUrl: prepared.databaseUrl } satisfies Message);
    });
    w.on('exit', (code, signal) => {
      workers.delete(w);
      if (stopping) return;
      if (!up) {
        failStart(new Error(`a web process exited while starting (${signal ?? `code ${code}`})`));
        return;
      }
      log.error({ pid: w.process.pid, code, signal }, 'a web process exited; starting another');
      // A process that dies at once is not restarted in a tight loop.
      setTimeout(fork, Date.now() - started < 5000 ? 1000 : 0);
    });
  };

  const port = await new Promise<number>((resolve, reject) => {
    failStart = reject;
    let listening = 0;
    const onListening = (_w: Worker, address: { port: number }) => {
      listening++;
      if (listening === config.webConcurrency) {
        cluster.off('listening', onListening);
        resolve(address.port);
      }
    };
    cluster.on('listening', onListening);
    for (let i = 0; i < config.webConcurrency; i++) fork();
  }).catch(async (err: unknown) => {
    stopping = true;
    for (const w of workers) w.process.kill('SIGKILL');
    await prepared.stop();
    throw err;
  });
  up = true;

  let stopped: Promise<void> | undefined;
  return {
    url: localUrl(config, port),
    services: prepared.services,
    processes: config.webConcurrency,
    stop: () => {
      stopped ??= (async () => {
        stopping = true;
        const exits = [...workers].map((w) => new Promise<void>((resolve) => {
          if (w.isDead()) return resolve();
          w.once('exit', () => resolve());
          w.send({ type: 'shutdown' } satisfies Message);
        }));
        const grace = setTimeout(() => {
          for (const w of workers) w.process.kill('SIGKILL');
        }, (config.shutdownTimeoutSeconds + 5) * 1000);
        await Promise.all(exits);
        clearTimeout(grace);
        await prepared.stop();
      })();
      return stopped;
    },
  };
}

/** A web process: asks the primary for the database, serves HTTP until told to stop (or the primary is gone). */
export async function runWebProcess(config: Config): Promise<void> {
  const log = createLogger(config);
  let web: Awaited<ReturnType<typeof startWeb>> | undefined = undefined;
  let database: ReturnType<typeof createDatabase> | undefined = undefined;
  let stopping: Promise<void> | undefined;
  // Told to stop at any point, even while still starting: finish what is in flight, then exit.
  const stop = () => {
    stopping ??= (async () => {
      await web?.stop();
      await database?.close();
      process.exit(0);
    })();
    return stopping;
  };
  const databaseUrl = await new Promise<string>((resolve) => {
    process.on('message', (m: Message) => {
      if (m.type === 'start') resolve(m.databaseUrl);
      if (m.type === 'shutdown') void stop();
    });
    process.send?.({ type: 'hello' } satisfies Message);
  });
  // The primary decides when to stop (Ctrl-C reaches every process of the group); without it, stop.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => undefined);
  process.on('disconnect', () => void stop());
  if (stopping) return;
  database = createDatabase(databaseUrl, config.dbPoolSize);
  web = await startWeb(createServices(config, database, log), log);
  // A stop that came while the server was starting has already run past it.
  if (stopping) await web.stop();
}
