// Reading orders and their deliveries, shared by the buyer and merchant views.
import { minorUnits } from '../../lib/money.ts';
import { prepared, type Queryable } from '../../db/client.ts';
import type { RowOf } from '../../db/rows.ts';
import type { orders } from '../../db/schema.ts';
import type { Keyring } from '../../lib/crypto.ts';
import { licenseStatus } from '../licenses/license-status.ts';
import { downloadLink } from '../downloads/download-links.ts';

/** The columns ORDER_COLUMNS reads (row type from the schema). */
export type OrderRow = Pick<RowOf<typeof orders>, 'id' | 'number' | 'merchant_id' | 'status' | 'email' | 'total' | 'currency' | 'expires_at' | 'paid_at'
  | 'delivered_at' | 'created_at' | 'needs_action_reason' | 'completed_at' | 'commission' | 'fulfil_due_at' | 'fulfil_overdue_at'>;

export const ORDER_COLUMNS = 'o.id, o.number, o.merchant_id, o.status, o.email, o.total, o.currency, o.expires_at, o.paid_at, o.delivered_at, o.created_at, o.needs_action_reason, o.completed_at, o.commission, o.fulfil_due_at, o.fulfil_overdue_at';

export function presentOrderSummary(r: OrderRow) {
  return {
    id: r.id, object: 'order' as const, number: r.number, status: r.status, total: minorUnits(r.total), currency: r.currency,
    expires_at: r.expires_at.toISOString(), created_at: r.created_at.toISOString(),
    paid_at: r.paid_at?.toISOString() ?? null, delivered_at: r.delivered_at?.toISOString() ?? null,
    completed_at: r.completed_at?.toISOString() ?? null,
    fulfil_due_at: r.fulfil_due_at?.toISOString() ?? null,
  };
}

export interface ItemRow {
  id: string; product_id: string; title: string; quantity: number; unit_price: string; total: string; instructions?: string | null;
  delivery?: 'card' | 'shared' | 'license' | 'manual'; shared_ciphertext?: string | null; shared_key_id?: string | null; validity_days?: number | null;
  /** The delivered payload's kind (shared, manual or download), when there is one. */
  fulfil_kind?: string | null;
  /** A download: its delivery, file and count (once delivered). */
  fulfilment_id?: string | null; file_name?: string | null; file_size?: string | number | null; file_sha256?: string | null; downloads?: number | null;
  /** 代充: the buyer's answers, encrypted (base64 in JSON rows, bytes from loadItems). */
  fields_ciphertext?: string | Buffer | null; fields_key_id?: string | null;
}

export async function loadItems(q: Queryable, orderIds: string[]): Promise<Map<string, ItemRow[]>> {
  const { rows } = await prepared<ItemRow & { order_id: string }>(q,
    `select i.order_id, i.id, i.product_id, p.title, i.quantity, i.unit_price, i.total, p.instructions, p.validity_days, p.delivery,
            i.fields_ciphertext, i.fields_key_id
       from order_items i join products p on p.id = i.product_id where i.order_id = any($1) order by i.id`, [orderIds]);
  const out = new Map<string, ItemRow[]>();
  for (const r of rows) {
    const list = out.get(r.order_id) ?? [];
    list.push(r);
    out.set(r.order_id, list);
  }
  return out;
}

/** Items as the API shows them; with the keyring, the buyer's answers to a 代充 product's fields too. */
export function presentItems(items: ItemRow[], keyring?: Keyring) {
  return items.map((i) => ({
    id: i.id, product_id: i.product_id, title: i.title, quantity: i.quantity, unit_price: minorUnits(i.unit_price), total: minorUnits(i.total),
    ...(keyring && i.fields_ciphertext && i.fields_key_id ? { fields: openFields(keyring, i.fields_ciphertext, i.fields_key_id) } : {}),
  }));
}

/** What the buyer filled in at checkout (`[{key, label, value}]`). */
export function openFields(keyring: Keyring, ciphertext: string | Buffer, keyId: string): { key: string; label: string; value: string }[] {
  const bytes = typeof ciphertext === 'string' ? Buffer.from(ciphertext, 'base64') : ciphertext;
  return JSON.parse(keyring.open({ ciphertext: bytes, keyId })) as { key: string; label: string; value: string }[];
}

const DELIVERED = new Set(['delivered', 'completed', 'disputed', 'partially_refunded']);

/**
 * Select-list expressions reading an order's items and sold keys (still
 * encrypted) with the order row itself, so a reader needs one round trip:
 * `items` and `sold_cards` are JSON arrays; `$n` is the DELIVERED_STATUSES
 * parameter (keys are read only for a delivered order). Keys are found
 * through an array of the order's item ids, so the plan is the index on
 * order_item_id whatever the statistics say.
 */
export function itemsAndCardsColumns(deliveredParam: string): string {
  return `(select coalesce(json_agg(json_build_object('id', i.id, 'product_id', i.product_id, 'title', p.title, 'quantity', i.quantity,
                   'unit_price', i.unit_price::text, 'total', i.total::text,
                   'instructions', case when o.status = any(${deliveredParam}) then p.instructions end,
                   'delivery', p.delivery, 'validity_days', p.validity_days, 'fulfil_kind', f.kind,
                   'fields_ciphertext', encode(i.fields_ciphertext, 'base64'), 'fields_key_id', i.fields_key_id,
                   'shared_ciphertext', case when o.status = any(${deliveredParam}) then encode(f.payload_ciphertext, 'base64') end,
                   'shared_key_id', case when o.status = any(${deliveredParam}) then f.payload_key_id end,
                   'fulfilment_id', case when o.status = any(${deliveredParam}) and f.kind = 'download' then f.id end,
                   'file_name', pf.filename, 'file_size', pf.size, 'file_sha256', pf.sha256, 'downloads', f.downloads) order by i.id), '[]')
             from order_items i join products p on p.id = i.product_id left join fulfilments f on f.order_item_id = i.id and f.kind in ('shared', 'manual', 'download', 'webhook')
                  left join product_files pf on pf.id = f.file_id
            where i.order_id = o.id) as items,
          (select coalesce(json_agg(json_build_object('product_id', c.product_id, 'order_item_id', c.order_item_id,
                   'ciphertext', encode(c.ciphertext, 'base64'), 'key_id', c.key_id, 'replacement', c.replacement_for is not null)
                   order by c.order_item_id, c.replacement_for nulls first, c.sold_at, c.id), '[]')
             from cards c
            where c.order_item_id = any(array(select i.id from order_items i where i.order_id = o.id))
              and c.status = 'sold' and o.status = any(${deliveredParam})) as sold_cards,
          (select coalesce(json_agg(json_build_object('id', l.id, 'product_id', l.product_id, 'order_item_id', l.order_item_id,
                   'ciphertext', encode(l.key_ciphertext, 'base64'), 'key_id', l.key_key_id, 'status', l.status, 'order_status', o.status,
                   'activation_limit', l.activation_limit, 'activation_usage', l.activation_usage, 'expires_at', l.expires_at, 'created_at', l.created_at,
                   'instances', (select coalesce(json_agg(json_build_object('id', n.id, 'name', n.name, 'created_at', n.created_at) order by n.created_at, n.id), '[]')
                                   from license_instances n where n.license_id = l.id and n.deactivated_at is null)) order by l.order_item_id, l.id), '[]')
             from licenses l
            where l.order_item_id = any(array(select i.id from order_items i where i.order_id = o.id))
              and l.status <> 'pending' and o.status = any(${deliveredParam})) as licenses`;
}

/** A license key as itemsAndCardsColumns reads it (still encrypted; timestamps as JSON text). */
export interface LicenseJson {
  id: string; product_id: string; order_item_id: string; ciphertext: string; key_id: string; status: string; order_status: string;
  activation_limit: number | null; activation_usage: number; expires_at: string | null; created_at: string;
  instances: { id: string; name: string; created_at: string }[];
}

export const DELIVERED_STATUSES = [...DELIVERED];

export interface SoldCardJson { product_id: string; order_item_id: string; ciphertext: string; key_id: string; replacement?: boolean }

/**
 * Decrypts keys read with `itemsAndCardsColumns`, grouped per item, each
 * group with its redeem instructions (the product's, else the shop's note);
 * empty until the order is delivered.
 */
export function openDeliveries(
  keyring: Keyring, order: OrderRow, cards: SoldCardJson[], items: ItemRow[] = [], shopNote: string | null = null,
  licenses: LicenseJson[] = [], now: Date = new Date(), linkHours = 24,
) {
  if (!DELIVERED.has(order.status)) return [];
  const notes = new Map(items.map((i) => [i.product_id, i.instructions ?? null]));
  const validity = new Map(items.map((i) => [i.product_id, i.validity_days ?? null]));
  const shared = items.flatMap((i) => (typeof i.shared_ciphertext === 'string' && i.shared_key_id
    ? [payloadDelivery(keyring, payloadKind(i.fulfil_kind), i.product_id, Buffer.from(i.shared_ciphertext, 'base64'), i.shared_key_id)] : []));
  const downloads = items.flatMap((i) => (i.fulfilment_id && i.file_name
    ? [downloadDelivery(keyring, i.product_id, { fulfilmentId: i.fulfilment_id, filename: i.file_name, size: i.file_size, sha256: i.file_sha256, downloads: i.downloads }, { now, hours: linkHours })]
    : []));
  return [...groupDeliveries(cards.map((c) => ({ ...c, ciphertext: Buffer.from(c.ciphertext, 'base64') })), keyring), ...shared, ...licenseDeliveries(keyring, licenses, now), ...downloads]
    .map((d) => ({
      ...d, instructions: notes.get(d.product_id) ?? shopNote,
      // License keys carry their own end (the shop may extend one); other goods end `validity_days` after delivery.
      expires_at: 'licenses' in d ? latestEnd(d.licenses) : validUntil(order.delivered_at, validity.get(d.product_id) ?? null),
    }));
}

/** The latest end among license keys, or null when one of them never ends. */
function latestEnd(licenses: { expires_at: string | null }[]): string | null {
  let latest: string | null = null;
  for (const l of licenses) {
    if (l.expires_at === null) return null;
    if (latest === null || l.expires_at > latest) latest = l.expires_at;
  }
  return latest;
}

/** 有效期: the end of what was delivered, `days` after delivery (ISO), or null when it has none. */
export function validUntil(deliveredAt: Date | null, days: number | null): string | null {
  if (!deliveredAt || !days) return null;
  return new Date(deliveredAt.getTime() + days * 86_400_000).toISOString();
}

type PayloadKind = 'shared' | 'manual' | 'webhook';

function payloadKind(kind: string | null | undefined): PayloadKind {
  return kind === 'manual' || kind === 'webhook' ? kind : 'shared';
}

/**
 * A payload kept on the fulfilment: a shared product's one text (delivered
 * once per order item, whatever the quantity), or what the shop sent — by
 * hand for a 代充 order, or from its endpoint for a webhook product
 * (`{note, items}`).
 */
function payloadDelivery(keyring: Keyring, kind: PayloadKind, productId: string, ciphertext: Buffer, keyId: string) {
  const text = keyring.open({ ciphertext, keyId });
  if (kind === 'shared') return { kind, product_id: productId, items: [text], replacements: [] as string[] };
  const sent = JSON.parse(text) as { note: string | null; items: string[] };
  return { kind, product_id: productId, items: sent.items, replacements: [] as string[], note: sent.note };
}

/** A file: a fresh signed link each time the order is read (relative for the page, absolute with `base` for the email). */
function downloadDelivery(
  keyring: Keyring, productId: string,
  f: { fulfilmentId: string; filename: string; size?: string | number | null; sha256?: string | null; downloads?: number | null },
  link: { now: Date; hours: number; base?: string },
) {
  return {
    kind: 'download' as const, product_id: productId, items: [] as string[], replacements: [] as string[],
    download: {
      filename: f.filename, size: Number(f.size ?? 0), sha256: f.sha256 ?? '', downloads: f.downloads ?? 0,
      ...downloadLink(keyring, { fulfilmentId: f.fulfilmentId, now: link.now, hours: link.hours, base: link.base }),
    },
  };
}

/** License keys, one delivery per item: the keys as items, and each key's status, seats and machines. */
function licenseDeliveries(keyring: Keyring, licenses: LicenseJson[], now: Date) {
  const byItem = new Map<string, { kind: 'license'; product_id: string; items: string[]; replacements: string[]; licenses: ReturnType<typeof presentLicense>[] }>();
  for (const l of licenses) {
    const d = byItem.get(l.order_item_id) ?? { kind: 'license' as const, product_id: l.product_id, items: [], replacements: [], licenses: [] };
    const key = keyring.open({ ciphertext: Buffer.from(l.ciphertext, 'base64'), keyId: l.key_id });
    d.items.push(key);
    d.licenses.push(presentLicense(l, key, now));
    byItem.set(l.order_item_id, d);
  }
  return [...byItem.values()];
}

function presentLicense(l: LicenseJson, key: string, now: Date) {
  const iso = (t: string) => new Date(t).toISOString();
  return {
    id: l.id, key, status: licenseStatus(l, now), activation_limit: l.activation_limit, activation_usage: l.activation_usage,
    expires_at: l.expires_at === null ? null : iso(l.expires_at), created_at: iso(l.created_at),
    instances: l.instances.map((n) => ({ id: n.id, name: n.name, created_at: iso(n.created_at) })),
  };
}

/** Decrypts the keys sold to an order, grouped per item; empty until the order is delivered. Download links are absolute (`link.base`). */
export async function revealDeliveries(q: Queryable, keyring: Keyring, order: OrderRow, link: { now: Date; hours: number; base: string } = { now: new Date(), hours: 24, base: '' }) {
  if (!DELIVERED.has(order.status)) return [];
  const { rows } = await prepared<{ product_id: string; order_item_id: string; ciphertext: Buffer; key_id: string; replacement: boolean }>(q,
    `select i.product_id, c.order_item_id, c.ciphertext, c.key_id, c.replacement_for is not null as replacement from order_items i
       join cards c on c.order_item_id = i.id and c.status = 'sold'
      where i.order_id = $1 order by i.id, c.replacement_for nulls first, c.sold_at, c.id`, [order.id]);
  const { rows: shared } = await prepared<{ product_id: string; kind: PayloadKind; shared_ciphertext: Buffer; shared_key_id: string }>(q,
    `select i.product_id, f.kind, f.payload_ciphertext as shared_ciphertext, f.payload_key_id as shared_key_id
       from order_items i join fulfilments f on f.order_item_id = i.id and f.kind in ('shared', 'manual', 'webhook') and f.payload_ciphertext is not null
      where i.order_id = $1 order by i.id`, [order.id]);
  const { rows: licenses } = await prepared<{ product_id: string; order_item_id: string; key_ciphertext: Buffer; key_key_id: string }>(q,
    `select l.product_id, l.order_item_id, l.key_ciphertext, l.key_key_id from licenses l
      where l.order_id = $1 and l.status <> 'pending' order by l.order_item_id, l.id`, [order.id]);
  const licenseGroups = groupDeliveries(licenses.map((l) => ({ ...l, ciphertext: l.key_ciphertext, key_id: l.key_key_id })), keyring)
    .map((d) => ({ ...d, kind: 'license' as const }));
  const { rows: files } = await prepared<{ product_id: string; fulfilment_id: string; filename: string; size: string; sha256: string; downloads: number }>(q,
    `select i.product_id, f.id as fulfilment_id, pf.filename, pf.size, pf.sha256, f.downloads
       from order_items i join fulfilments f on f.order_item_id = i.id and f.kind = 'download' join product_files pf on pf.id = f.file_id
      where i.order_id = $1 order by i.id`, [order.id]);
  return [
    ...groupDeliveries(rows, keyring), ...shared.map((r) => payloadDelivery(keyring, r.kind, r.product_id, r.shared_ciphertext, r.shared_key_id)), ...licenseGroups,
    ...files.map((f) => downloadDelivery(keyring, f.product_id, { ...f, fulfilmentId: f.fulfilment_id }, link)),
  ];
}

function groupDeliveries(rows: { product_id: string; order_item_id: string; ciphertext: Buffer; key_id: string; replacement?: boolean }[], keyring: Keyring) {
  // `items` holds every key the buyer received; `replacements` repeats the ones sent later as replacements (售后补发).
  const byItem = new Map<string, { product_id: string; items: string[]; replacements: string[] }>();
  for (const r of rows) {
    const d = byItem.get(r.order_item_id) ?? { product_id: r.product_id, items: [], replacements: [] };
    const key = keyring.open({ ciphertext: r.ciphertext, keyId: r.key_id });
    d.items.push(key);
    if (r.replacement) d.replacements.push(key);
    byItem.set(r.order_item_id, d);
  }
  return [...byItem.values()].map((d) => ({ kind: 'card' as const, ...d }));
}
