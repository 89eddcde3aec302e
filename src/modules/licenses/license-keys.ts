// License keys (delivery `license`): how they look and how they are made.
import { randomInt, randomUUID } from 'node:crypto';
import { z } from 'zod';

/** Random characters for patterns: no 0/O, 1/I to misread (32 of them, 5 bits each). */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** 16 random characters are 80 bits: a guess never comes close. */
const MIN_RANDOM = 16;

export const LicenseKeyFormat = z.string().trim().max(64)
  .refine((f) => f === 'uuid' || /^[A-Z0-9_#-]+$/.test(f), 'use "uuid" or a pattern of capital letters, digits, "-", "_" and "#" where each # is a random character')
  .refine((f) => f === 'uuid' || [...f].filter((c) => c === '#').length >= MIN_RANDOM, `a pattern needs at least ${MIN_RANDOM} # (random characters)`)
  .describe('"uuid" (as Lemon Squeezy issues them; the default) or a pattern such as "XP-####-####-####-####": each # becomes one random character of 23456789ABCDEFGHJKLMNPQRSTUVWXYZ, the rest is kept');
export type LicenseKeyFormat = z.infer<typeof LicenseKeyFormat>;

export function generateLicenseKey(format: string): string {
  if (format === 'uuid') return randomUUID();
  let out = '';
  for (const c of format) out += c === '#' ? ALPHABET[randomInt(ALPHABET.length)] : c;
  return out;
}
