// The delivery email (发货邮件): the order number, what was bought, the keys
// themselves, and a link back to the order page. Sent by the worker, retried
// by graphile-worker if the SMTP server is down. The keys appear in the email
// and nowhere else outside the database — never in logs.
import { transport } from './mail-transport.ts';
import type { Services } from '../shared/context.ts';
import { loadItems, ORDER_COLUMNS, revealDeliveries, validUntil, type OrderRow } from '../orders/order-rows.ts';
import { toDecimalString, minorUnits } from '../../lib/money.ts';

export async function sendDeliveryEmail(s: Services, orderId: string): Promise<'sent' | 'skipped'> {
  const mail = s.config.mail;
  if (!mail) return 'skipped';
  const pool = s.database.pool;
  const { rows } = await pool.query<OrderRow & { shop_name: string; delivery_note: string | null }>(
    `select ${ORDER_COLUMNS}, m.name as shop_name, m.delivery_note from orders o join merchants m on m.id = o.merchant_id where o.id = $1`, [orderId]);
  const order = rows[0];
  if (!order) return 'skipped';
  const deliveries = await revealDeliveries(pool, s.keyring, order, { now: s.clock.now(), hours: s.config.downloadLinkHours, base: s.config.publicUrl });
  if (deliveries.length === 0) return 'skipped'; // not delivered (any more): nothing to send
  const items = (await loadItems(pool, [order.id])).get(order.id) ?? [];
  const titles = new Map(items.map((i) => [i.product_id, i.title]));
  // How to redeem: the product's instructions, else the shop's note (Markdown, sent as the plain text it is).
  const notes = new Map(items.map((i) => [i.product_id, i.instructions ?? order.delivery_note]));
  const validity = new Map(items.map((i) => [i.product_id, validUntil(order.delivered_at, i.validity_days ?? null)]));
  const link = `${s.config.publicUrl}/o/${encodeURIComponent(order.number)}#token=${s.keyring.orderAccessToken(order.id)}`;
  const total = `${toDecimalString(minorUnits(order.total), order.currency)} ${order.currency}`;
  const blocks = deliveries.map((d) => {
    const note = notes.get(d.product_id);
    const until = validity.get(d.product_id);
    const sentNote = 'note' in d && d.note ? `\n\n${d.note}` : '';
    const file = 'download' in d
      ? `  ${d.download.filename} (${d.download.size} bytes, SHA-256 ${d.download.sha256})\n  下载 Download (${s.config.downloadLinkHours} h; a new link on the order page any time): ${d.download.url}`
      : '';
    return `${titles.get(d.product_id) ?? d.product_id}\n${[...d.items.map((k) => `  ${k}`), ...(file ? [file] : [])].join('\n')}${sentNote}`
      + (until ? `\n有效期至 Valid until: ${until.slice(0, 10)}` : '')
      + (note ? `\n\n使用说明 How to redeem:\n${note}` : '');
  }).join('\n\n');
  const text = [
    `您在「${order.shop_name}」的订单 ${order.number} 已发货。`,
    `Your order ${order.number} from ${order.shop_name} has been delivered.`,
    '',
    blocks,
    '',
    `合计 Total: ${total}`,
    '',
    `查看订单 View the order: ${link}`,
    '请妥善保管此邮件：链接可直接打开订单。Keep this email safe: the link opens the order.',
  ].join('\n');
  await transport(mail.url).sendMail({
    from: mail.from,
    to: order.email,
    subject: `【${order.shop_name}】订单 ${order.number} 已发货 · Your order has been delivered`,
    text,
  });
  s.log.info({ orderId: order.id }, 'sent the delivery email');
  return 'sent';
}
