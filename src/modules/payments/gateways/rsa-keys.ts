// RSA keys as gateways hand them out: PEM, or bare base64 DER (PKCS#8 or
// PKCS#1 private keys, SPKI or PKCS#1 public keys).
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

export function rsaPrivateKey(k: string): KeyObject {
  const t = k.trim();
  if (t.startsWith('-----')) return createPrivateKey(t);
  const der = Buffer.from(t.replace(/\s+/g, ''), 'base64');
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs1' });
  }
}

export function rsaPublicKey(k: string): KeyObject {
  const t = k.trim();
  if (t.startsWith('-----')) return createPublicKey(t);
  const der = Buffer.from(t.replace(/\s+/g, ''), 'base64');
  try {
    return createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch {
    return createPublicKey({ key: der, format: 'der', type: 'pkcs1' });
  }
}

export const isRsaPrivateKey = (k: string): boolean => parses(() => rsaPrivateKey(k));
export const isRsaPublicKey = (k: string): boolean => parses(() => rsaPublicKey(k));

function parses(f: () => KeyObject): boolean {
  try {
    f();
    return true;
  } catch {
    return false;
  }
}
