// Dispute notices to both sides (售后通知): the buyer at the order's email
// (with the link that opens the order), the shop at its members' emails (with
// the console link). Neither side's email address is shown to the other, and
// no key or secret is ever in them.
import type { Services } from '../shared/context.ts';
import { transport } from './mail-transport.ts';
import type { DisputeNotice } from './queue-dispute-email.ts';

interface Row { id: string; order_id: string; order_number: string; email: string; shop_name: string; merchant_id: string; status: string; outcome: string | null; reason: string }

const TELL: Readonly<Record<DisputeNotice, { buyer: boolean; merchant: boolean; zh: string; en: string }>> = {
  opened: { buyer: true, merchant: true, zh: '买家发起了售后', en: 'A dispute was opened' },
  buyer_message: { buyer: false, merchant: true, zh: '买家在售后中留言', en: 'The buyer wrote in the dispute' },
  merchant_message: { buyer: true, merchant: false, zh: '商家回复了您的售后', en: 'The shop answered your dispute' },
  admin_message: { buyer: true, merchant: true, zh: '平台在售后中留言', en: 'The platform wrote in the dispute' },
  replacement: { buyer: true, merchant: false, zh: '商家为您补发了卡密', en: 'The shop sent you a replacement' },
  escalated: { buyer: true, merchant: true, zh: '售后已提交平台仲裁', en: 'The dispute went to the platform' },
  resolved: { buyer: true, merchant: true, zh: '售后已处理完毕', en: 'The dispute was resolved' },
};

export async function sendDisputeEmail(s: Services, disputeId: string, notice: DisputeNotice): Promise<number> {
  const mail = s.config.mail;
  const tell = TELL[notice];
  if (!mail || !tell) return 0;
  const pool = s.database.pool;
  const { rows } = await pool.query<Row>(
    `select d.id, d.order_id, o.number as order_number, o.email, m.name as shop_name, d.merchant_id, d.status, d.outcome, d.reason
       from disputes d join orders o on o.id = d.order_id join merchants m on m.id = d.merchant_id where d.id = $1`, [disputeId]);
  const d = rows[0];
  if (!d) return 0;
  const outcome = d.outcome ? `\n结果 Outcome: ${d.outcome}` : '';
  let sent = 0;
  if (tell.buyer) {
    const link = `${s.config.publicUrl}/o/${encodeURIComponent(d.order_number)}#token=${s.keyring.orderAccessToken(d.order_id)}`;
    await transport(mail.url).sendMail({
      from: mail.from, to: d.email,
      subject: `【${d.shop_name}】订单 ${d.order_number}：${tell.zh} · ${tell.en}`,
      text: [`${tell.zh}：订单 ${d.order_number}（${d.shop_name}）。`, `${tell.en}: order ${d.order_number} (${d.shop_name}).${outcome}`, '',
        `查看订单与售后记录 View the order and the dispute: ${link}`].join('\n'),
    });
    sent++;
  }
  if (tell.merchant) {
    const { rows: members } = await pool.query<{ email: string }>(
      'select u.email from merchant_members mm join users u on u.id = mm.user_id where mm.merchant_id = $1 order by u.email limit 5', [d.merchant_id]);
    if (members.length > 0) {
      await transport(mail.url).sendMail({
        from: mail.from, to: members.map((m) => m.email),
        subject: `[XiaoPu] ${tell.zh} · ${tell.en} — ${d.order_number}`,
        text: [`${tell.zh}：订单 ${d.order_number}，原因 ${d.reason}。`, `${tell.en}: order ${d.order_number}, reason ${d.reason}.${outcome}`, '',
          `${s.config.publicUrl}/console/disputes/${d.id}`].join('\n'),
      });
      sent++;
    }
  }
  s.log.info({ disputeId, notice, sent }, 'sent dispute notices');
  return sent;
}
