// Configuration: read from the environment once, validated with zod, frozen.
// Secrets come from the environment or, in the embedded default, from a
// secrets file created at first start (mode 0600) in the data directory.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const boolish = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const hex64 = z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 32 bytes as 64 hex characters');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  XIAOPU_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),
  XIAOPU_MASTER_KEY: hex64.optional(),
  XIAOPU_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  XIAOPU_SANDBOX_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  XIAOPU_DEMO: boolish.optional(),
  XIAOPU_SANDBOX_ENABLED: boolish.optional(),
  XIAOPU_PUBLIC_URL: z.string().url().optional(),
  XIAOPU_RESERVATION_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  XIAOPU_MAX_PENDING_PER_EMAIL: z.coerce.number().int().min(1).default(10),
  XIAOPU_MAX_PENDING_PER_IP: z.coerce.number().int().min(1).default(20),
  XIAOPU_CHECKOUT_LIMIT_PER_IP: z.coerce.number().int().min(0).default(30),
  XIAOPU_CHECKOUT_LIMIT_PER_EMAIL: z.coerce.number().int().min(0).default(15),
  XIAOPU_LICENSE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  XIAOPU_WEBHOOK_ALLOW_PRIVATE: boolish.default(false),
  XIAOPU_DOWNLOAD_MAX_MB: z.coerce.number().int().min(1).max(100_000).default(1024),
  XIAOPU_DOWNLOAD_LINK_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24),
  XIAOPU_NOTIFY_REJECTS_PER_IP: z.coerce.number().int().min(1).default(120),
  XIAOPU_NOTIFY_REJECTS_PER_PAYMENT: z.coerce.number().int().min(1).default(30),
  XIAOPU_COOKIE_SECURE: boolish.optional(),
  XIAOPU_TRUST_PROXY: boolish.default(false),
  XIAOPU_DB_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(20),
  XIAOPU_WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  XIAOPU_WORKER: boolish.default(true),
  XIAOPU_MERCHANT_APPROVAL: boolish.default(false),
  XIAOPU_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be smtp://user:pass@host:port or smtps://…').optional(),
  XIAOPU_MAIL_FROM: z.string().min(3).max(200).default('XiaoPu <no-reply@xiaopu.local>'),
  XIAOPU_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  XIAOPU_GATEWAY_HTTP_URLS: boolish.optional(),
  XIAOPU_OUTBOUND_ALLOW_PRIVATE: boolish.default(false),
  XIAOPU_REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(3600).default(300),
  XIAOPU_UPLOAD_IDLE_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  XIAOPU_SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
  XIAOPU_LISTEN_BACKLOG: z.coerce.number().int().min(16).max(65_535).default(4096),
  XIAOPU_COMMISSION_BPS: z.coerce.number().int().min(0).max(10_000).default(0),
  XIAOPU_ESCROW_HOURS: z.coerce.number().int().min(0).max(8760).default(72),
  XIAOPU_PAYOUT_MINIMUM: z.coerce.number().int().min(0).default(0),
  XIAOPU_PAYOUT_FEE: z.coerce.number().int().min(0).default(0),
  XIAOPU_PAYOUT_FEE_BPS: z.coerce.number().int().min(0).max(10_000).default(0),
  XIAOPU_DISPUTE_RESPONSE_HOURS: z.coerce.number().int().min(1).max(720).default(48),
  XIAOPU_LEDGER_SEAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Secrets {
  masterKey: Buffer;
  sessionSecret: string;
  sandboxSecret: string;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Seed the demo at start: on by default except in production, where only XIAOPU_DEMO=1 turns it on. */
  demo: boolean;
  /** The sandbox gateway settles without real money: off in production unless asked for. */
  sandboxEnabled: boolean;
  /** New shops wait for an admin's approval before they can sell. */
  merchantApproval: boolean;
  /** Outgoing email (delivery emails); undefined sends none. */
  mail: { url: string; from: string } | undefined;
  publicUrl: string;
  reservationTtlSeconds: number;
  maxPendingPerEmail: number;
  maxPendingPerIp: number;
  /** Checkout attempts per IP / per email in a 10-minute window; 0 is no limit. */
  checkoutPerIp: number;
  checkoutPerEmail: number;
  /** Let shops' webhook endpoints be private or loopback addresses, over plain http too (development, tests). */
  webhookAllowPrivate: boolean;
  /** The largest file a download product takes (bytes), and how long a download link works. */
  downloadMaxBytes: number;
  downloadLinkHours: number;
  /** License API calls (activate, validate, deactivate) per address per minute (Lemon Squeezy allows 60). */
  licensePerMinute: number;
  /** Refused payment notifies per address / per payment in 10 minutes before further ones get 429. */
  notifyRejectsPerIp: number;
  notifyRejectsPerPayment: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  dbPoolSize: number;
  /** HTTP processes `xiaopu start` runs on one port (node:cluster); 1 = everything in one process. Default: one per CPU with DATABASE_URL, half the CPUs with the embedded database. */
  webConcurrency: number;
  worker: boolean;
  workerConcurrency: number;
  logLevel: string;
  /** Gateways may send buyers to plain http: pages (default: only outside production). */
  gatewayHttpUrls: boolean;
  /** Calls to addresses a shop chose (its own gateway account) may reach private and loopback addresses. */
  outboundAllowPrivate: boolean;
  /** A request whose whole body has not arrived by then is cut off (Node's requestTimeout). */
  requestTimeoutSeconds: number;
  /** An upload that sends nothing for this long is abandoned. */
  uploadIdleSeconds: number;
  /** Shutdown waits this long for requests in flight, then closes their connections. */
  shutdownTimeoutSeconds: number;
  /** Pending connections the listening socket holds (capped by the kernel's somaxconn). */
  listenBacklog: number;
  /** The platform's commission on sales through its gateways, in basis points (a shop's own setting overrides it). */
  commissionBps: number;
  /** Hours a delivered order's money stays in escrow (the dispute window) before it completes; 0 completes at once. */
  escrowHours: number;
  /** Payouts: the smallest amount a shop may ask for, and the fee taken from it (fixed minor units plus basis points). */
  payoutMinimum: number;
  payoutFee: number;
  payoutFeeBps: number;
  /** Hours a shop has to answer a dispute before it goes to the platform. */
  disputeResponseHours: number;
  /** How often the job runner links new ledger transactions into the hash chain. */
  ledgerSealSeconds: number;
  secrets: Secrets;
}

export class ConfigError extends Error {}

interface StoredSecrets {
  master_key: string;
  session_secret: string;
  sandbox_secret: string;
}

function secretsFile(dataDir: string): string {
  return path.join(dataDir, 'secrets.json');
}

function readStoredSecrets(dataDir: string): StoredSecrets | undefined {
  const file = secretsFile(dataDir);
  if (!existsSync(file)) return undefined;
  const parsed = z
    .object({ master_key: hex64, session_secret: z.string().min(32), sandbox_secret: z.string().min(16) })
    .safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new ConfigError(`${file} is damaged: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

function createStoredSecrets(dataDir: string): StoredSecrets {
  mkdirSync(dataDir, { recursive: true });
  const secrets: StoredSecrets = {
    master_key: randomBytes(32).toString('hex'),
    session_secret: randomBytes(32).toString('base64url'),
    sandbox_secret: randomBytes(24).toString('base64url'),
  };
  const file = secretsFile(dataDir);
  // 'wx' fails if another process created it first; then we read theirs.
  try {
    writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      const stored = readStoredSecrets(dataDir);
      if (stored) return stored;
    }
    throw err;
  }
  chmodSync(file, 0o600);
  return secrets;
}

/** Parses the environment. Throws ConfigError with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.XIAOPU_DATA_DIR);
  const production = e.NODE_ENV === 'production';

  let stored = readStoredSecrets(dataDir);
  const needGenerated = !e.XIAOPU_MASTER_KEY || !e.XIAOPU_SESSION_SECRET || !e.XIAOPU_SANDBOX_SECRET;
  if (!stored && needGenerated) {
    if (production && (!e.XIAOPU_MASTER_KEY || !e.XIAOPU_SESSION_SECRET)) {
      const missing = [!e.XIAOPU_MASTER_KEY && 'XIAOPU_MASTER_KEY', !e.XIAOPU_SESSION_SECRET && 'XIAOPU_SESSION_SECRET']
        .filter(Boolean)
        .join(', ');
      throw new ConfigError(
        `NODE_ENV=production needs ${missing} (or the secrets file a first embedded start generates in ${dataDir}); refusing to start with invented secrets`,
      );
    }
    stored = createStoredSecrets(dataDir);
  }

  const masterHex = e.XIAOPU_MASTER_KEY ?? stored?.master_key;
  const sessionSecret = e.XIAOPU_SESSION_SECRET ?? stored?.session_secret;
  const sandboxSecret = e.XIAOPU_SANDBOX_SECRET ?? stored?.sandbox_secret;
  if (!masterHex || !sessionSecret || !sandboxSecret) throw new ConfigError('secrets could not be resolved');

  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    demo: e.XIAOPU_DEMO ?? !production,
    sandboxEnabled: e.XIAOPU_SANDBOX_ENABLED ?? !production,
    merchantApproval: e.XIAOPU_MERCHANT_APPROVAL,
    mail: e.XIAOPU_SMTP_URL ? { url: e.XIAOPU_SMTP_URL, from: e.XIAOPU_MAIL_FROM } : undefined,
    publicUrl: e.XIAOPU_PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`,
    reservationTtlSeconds: e.XIAOPU_RESERVATION_TTL_SECONDS,
    maxPendingPerEmail: e.XIAOPU_MAX_PENDING_PER_EMAIL,
    maxPendingPerIp: e.XIAOPU_MAX_PENDING_PER_IP,
    checkoutPerIp: e.XIAOPU_CHECKOUT_LIMIT_PER_IP,
    checkoutPerEmail: e.XIAOPU_CHECKOUT_LIMIT_PER_EMAIL,
    licensePerMinute: e.XIAOPU_LICENSE_LIMIT_PER_MINUTE,
    webhookAllowPrivate: e.XIAOPU_WEBHOOK_ALLOW_PRIVATE,
    downloadMaxBytes: e.XIAOPU_DOWNLOAD_MAX_MB * 1024 * 1024,
    downloadLinkHours: e.XIAOPU_DOWNLOAD_LINK_HOURS,
    notifyRejectsPerIp: e.XIAOPU_NOTIFY_REJECTS_PER_IP,
    notifyRejectsPerPayment: e.XIAOPU_NOTIFY_REJECTS_PER_PAYMENT,
    cookieSecure: e.XIAOPU_COOKIE_SECURE ?? production,
    trustProxy: e.XIAOPU_TRUST_PROXY,
    dbPoolSize: e.XIAOPU_DB_POOL_SIZE,
    // With the embedded database, PostgreSQL shares the machine's CPUs with the web processes: measured on
    // 2 cores, one web process sells ~10 % more than two (docs/operations.md). With a database elsewhere, one per CPU.
    webConcurrency: e.XIAOPU_WEB_CONCURRENCY ?? (e.DATABASE_URL ? availableParallelism() : Math.max(1, Math.floor(availableParallelism() / 2))),
    worker: e.XIAOPU_WORKER,
    workerConcurrency: e.XIAOPU_WORKER_CONCURRENCY,
    logLevel: e.LOG_LEVEL,
    gatewayHttpUrls: e.XIAOPU_GATEWAY_HTTP_URLS ?? !production,
    outboundAllowPrivate: e.XIAOPU_OUTBOUND_ALLOW_PRIVATE,
    requestTimeoutSeconds: e.XIAOPU_REQUEST_TIMEOUT_SECONDS,
    uploadIdleSeconds: e.XIAOPU_UPLOAD_IDLE_SECONDS,
    shutdownTimeoutSeconds: e.XIAOPU_SHUTDOWN_TIMEOUT_SECONDS,
    // Connections waiting to be accepted. Node's 511 overflows when a flash sale's buyers all connect at
    // once: the kernel drops their handshakes and each waits 1-3 s to retry. The kernel caps it at somaxconn.
    listenBacklog: e.XIAOPU_LISTEN_BACKLOG,
    commissionBps: e.XIAOPU_COMMISSION_BPS,
    escrowHours: e.XIAOPU_ESCROW_HOURS,
    payoutMinimum: e.XIAOPU_PAYOUT_MINIMUM,
    payoutFee: e.XIAOPU_PAYOUT_FEE,
    payoutFeeBps: e.XIAOPU_PAYOUT_FEE_BPS,
    ledgerSealSeconds: e.XIAOPU_LEDGER_SEAL_SECONDS,
    disputeResponseHours: e.XIAOPU_DISPUTE_RESPONSE_HOURS,
    secrets: Object.freeze({ masterKey: Buffer.from(masterHex, 'hex'), sessionSecret, sandboxSecret }),
  });
}
