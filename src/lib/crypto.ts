// Every key the app uses is derived from the master key (HKDF-SHA256) or the
// session secret, so one secret outside the database protects all of them.
import {
  createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual,
} from 'node:crypto';
import type { Secrets } from '../config.ts';
import { pooledRandom } from './random-pool.ts';

function derive(master: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `xiaopu:${label}`, 32));
}

export interface Sealed {
  ciphertext: Buffer; // nonce (12) | tag (16) | ciphertext
  keyId: string;
}

export class Keyring {
  readonly keyId: string;
  private readonly encKey: Buffer;
  private readonly indexKey: Buffer;
  private readonly queryPasswordKey: Buffer;
  private readonly orderTokenKey: Buffer;
  private readonly apiKeyKey: Buffer;
  private readonly sessionKey: Buffer;
  private readonly fingerprintKey: Buffer;
  private readonly licenseKeyKey: Buffer;
  private readonly downloadLinkKey: Buffer;
  readonly sandboxSecret: string;

  constructor(secrets: Secrets) {
    this.encKey = derive(secrets.masterKey, 'card-encryption:v1');
    // The key id names the master key without revealing it.
    this.keyId = 'mk_' + createHash('sha256').update(this.encKey).digest('hex').slice(0, 12);
    this.indexKey = derive(secrets.masterKey, 'blind-index:v1');
    this.queryPasswordKey = derive(secrets.masterKey, 'query-password:v1');
    this.orderTokenKey = derive(secrets.masterKey, 'order-token:v1');
    this.apiKeyKey = derive(secrets.masterKey, 'api-key:v1');
    this.sessionKey = Buffer.from(hkdfSync('sha256', Buffer.from(secrets.sessionSecret), Buffer.alloc(0), 'xiaopu:session', 32));
    this.fingerprintKey = derive(secrets.masterKey, 'request-fingerprint:v1');
    this.licenseKeyKey = derive(secrets.masterKey, 'license-key:v1');
    this.downloadLinkKey = derive(secrets.masterKey, 'download-link:v1');
    this.sandboxSecret = secrets.sandboxSecret;
  }

  /** A keyed hash for comparing requests whose bodies may hold passwords (idempotency). */
  fingerprint(data: string): Buffer {
    return createHmac('sha256', this.fingerprintKey).update(data, 'utf8').digest();
  }

  seal(plaintext: string): Sealed {
    const nonce = pooledRandom(12); // a GCM nonce: random, never reused
    const cipher = createCipheriv('aes-256-gcm', this.encKey, nonce);
    const ct = cipher.update(plaintext, 'utf8');
    cipher.final(); // GCM is a stream cipher: nothing is held back
    return { ciphertext: Buffer.concat([nonce, cipher.getAuthTag(), ct]), keyId: this.keyId };
  }

  open(sealed: Sealed): string {
    if (sealed.keyId !== this.keyId) throw new Error(`unknown encryption key id ${sealed.keyId}`);
    const c = sealed.ciphertext;
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, c.subarray(0, 12));
    decipher.setAuthTag(c.subarray(12, 28));
    return Buffer.concat([decipher.update(c.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Blind index for de-duplication: equal secrets give equal indexes, nothing else is revealed. */
  blindIndex(normalized: string): Buffer {
    return createHmac('sha256', this.indexKey).update(normalized, 'utf8').digest();
  }

  /** Query passwords are bound to their order, so equal passwords give different hashes. */
  queryPasswordHash(orderId: string, password: string): Buffer {
    return createHmac('sha256', this.queryPasswordKey).update(`${orderId}\0${password}`, 'utf8').digest();
  }

  /** The buyer's access token for an order: derived, so it is never stored. */
  orderAccessToken(orderId: string): string {
    return 'oat_' + createHmac('sha256', this.orderTokenKey).update(orderId).digest('base64url');
  }

  /**
   * How a license key is found (it is the credential of the license API): a keyed hash of the key as typed,
   * trimmed, with ASCII letters in either case (only ASCII: Unicode case rules would let ß match SS).
   */
  licenseKeyHash(key: string): Buffer {
    return createHmac('sha256', this.licenseKeyKey).update(key.trim().replace(/[a-z]/g, (c) => c.toUpperCase()), 'utf8').digest();
  }

  /** The signature of a download link: the delivery it opens and until when (unix seconds). */
  downloadSignature(fulfilmentId: string, expires: number): string {
    return createHmac('sha256', this.downloadLinkKey).update(`${fulfilmentId}.${expires}`, 'utf8').digest('base64url');
  }

  apiKeyHash(secret: string): Buffer {
    return createHmac('sha256', this.apiKeyKey).update(secret, 'utf8').digest();
  }

  csrfToken(sessionToken: string): string {
    return createHmac('sha256', this.sessionKey).update(`csrf\0${sessionToken}`).digest('base64url');
  }
}

export function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Constant-time string comparison (lengths are compared first, which leaks only the length). */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export function safeEqualBuf(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
