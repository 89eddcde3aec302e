// How a card key is cleaned before it is stored and compared.
export const MAX_CARD_LENGTH = 4096;

/** Trims, drops a BOM and stray CR, and normalises Unicode to NFC. Returns '' for blank lines. */
export function normalizeCard(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/\r$/, '').trim().normalize('NFC');
}

/** What merchants see instead of the key: its length and last characters, never enough to use it. */
export function cardHint(normalized: string): string {
  const chars = [...normalized];
  if (chars.length >= 12) return '…' + chars.slice(-4).join('');
  if (chars.length >= 8) return '…' + chars.slice(-2).join('');
  return '…';
}
