// zh-CN, zh-TW and en. The buyer's browser language by default; a choice in
// the header is remembered on the device.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export const LANGS = ['zh-CN', 'zh-TW', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const LANG_NAMES: Record<Lang, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };

type Dict = Record<string, string>;

const en: Dict = {
  'nav.lookup': 'Find my order', 'nav.home': 'Home', 'lang.label': 'Language',
  'home.title': 'XiaoPu', 'home.tagline': 'Digital goods, delivered the second you pay.',
  'home.recent': 'Your recent orders on this device', 'home.noRecent': 'No orders on this device yet.', 'home.demo': 'Visit the demo shop',
  'home.lookupHint': 'Bought on another device? Find an order with its number or your email and query password.',
  'shop.notFound': 'This shop does not exist or is closed.', 'shop.empty': 'Nothing for sale here yet.', 'shop.all': 'All', 'shop.categories': 'Categories',
  'shop.other': 'Other', 'shop.products': '{n} products',
  'product.inStock': '{n} in stock', 'product.soldOut': 'Sold out', 'product.instant': 'Instant delivery',
  'product.back': 'Back to the shop', 'product.notFound': 'This product does not exist or is no longer sold.',
  'checkout.title': 'Buy now', 'checkout.quantity': 'Quantity', 'checkout.email': 'Email',
  'checkout.emailHint': 'Where we send the order; also finds it later.', 'checkout.password': 'Query password',
  'checkout.passwordHint': 'At least 4 characters. With your email or the order number, it opens your order on any device.',
  'checkout.payWith': 'Pay with', 'checkout.method': 'Method', 'checkout.submit': 'Pay {amount}', 'checkout.submitting': 'Creating your order…',
  'checkout.total': 'Total', 'checkout.fee': 'Fee', 'checkout.decrease': 'Fewer', 'checkout.increase': 'More',
  'checkout.walletLogin': 'Log in to pay from your wallet.', 'checkout.limits': 'Between {min} and {max} per order.',
  'method.alipay': 'Alipay', 'method.wxpay': 'WeChat Pay', 'method.qqpay': 'QQ Wallet',
  'error.out_of_stock': 'Not enough stock left for this quantity.', 'error.too_many_pending': 'You have too many unpaid orders. Pay them or wait for them to expire.',
  'error.validation_error': 'Please check the form: {message}', 'error.gateway_unavailable': 'This way to pay is not available right now.',
  'error.gateway_error': 'The payment provider could not be reached. Nothing was charged; please try again.',
  'error.network_error': 'Network problem. Check your connection and try again.', 'error.rate_limited': 'Too many attempts. Please wait a few minutes.',
  'error.login_required': 'Log in to pay from your wallet.', 'error.insufficient_balance': 'Your wallet balance is too low.',
  'error.generic': 'Something went wrong: {message}', 'error.resource_missing': 'Not found.',
  'order.title': 'Order {number}', 'order.waiting': 'Waiting for your payment. This page updates by itself.',
  'order.paying': 'Payment received, delivering…', 'order.keys': 'Your keys', 'order.copy': 'Copy', 'order.copied': 'Copied',
  'order.copyAll': 'Copy all', 'order.download': 'Download .txt', 'order.noToken': 'This device has no access to this order.',
  'order.noTokenHint': 'Open it with the order number and your query password.', 'order.notFound': 'We could not open this order.',
  'order.total': 'Total', 'order.created': 'Created', 'order.pay': 'Go to payment', 'order.expires': 'Pay before {time}',
  'order.needsAction': 'Your payment arrived but the order needs a person to look at it. The shop has been told; nothing is lost.',
  'order.expired': 'This order expired before it was paid. If you paid anyway, the shop will sort it out.',
  'order.refunded': 'This order was refunded.',
  'status.pending_payment': 'Awaiting payment', 'status.paid': 'Paid', 'status.delivered': 'Delivered', 'status.completed': 'Completed',
  'status.expired': 'Expired', 'status.cancelled': 'Cancelled', 'status.needs_action': 'Being looked at', 'status.refunded': 'Refunded',
  'status.partially_refunded': 'Partly refunded', 'status.disputed': 'Disputed',
  'lookup.title': 'Find my order', 'lookup.byNumber': 'Order number', 'lookup.byEmail': 'Email', 'lookup.password': 'Query password',
  'lookup.submit': 'Find', 'lookup.none': 'No order matches. Check the number or email and the query password.',
  'lookup.results': 'Orders found', 'lookup.mode': 'Find by', 'lookup.useNumber': 'By order number', 'lookup.useEmail': 'By email',
  'order.confirm': 'Confirm receipt',
  'order.confirmAsk': 'Confirm that everything works? The shop is then paid and this order can no longer be disputed.',
  'order.confirmHint': 'If something is wrong, open a dispute instead: the shop is paid only after the dispute window.',
  'order.completed': 'Completed. Thank you!', 'order.disputed': 'A dispute is open on this order; the shop has been told.',
  'order.replacement': 'Replacement', 'dispute.open': 'Open a dispute', 'dispute.status': 'Dispute status', 'dispute.pendingRuling': 'The platform ruled: {outcome} {amount}. Waiting for the payment provider to confirm the refund.', 'dispute.heading': 'Dispute', 'dispute.reason': 'Reason',
  'dispute.describe': 'What is wrong?', 'dispute.submit': 'Send to the shop', 'dispute.respondBy': 'Shop answers by', 'dispute.outcome': 'Outcome',
  'dispute.message': 'Message', 'dispute.attach': 'Screenshot (PNG, JPEG or WebP, up to 5 MB)', 'dispute.send': 'Send',
  'dispute.escalate': 'Ask the platform to rule', 'dispute.withdraw': 'Close (solved)',
  'dispute.withdrawAsk': 'Close this dispute as solved? The order completes and the shop is paid.', 'dispute.screenshot': 'Screenshot',
  'dispute.showScreenshot': 'Show screenshot', 'disputeStatus.open': 'Waiting for the shop', 'disputeStatus.escalated': 'With the platform',
  'disputeStatus.resolved': 'Resolved', 'disputeReason.key_invalid': 'The key does not work or was used',
  'disputeReason.not_as_described': 'Not as described', 'disputeReason.not_received': 'Not received', 'disputeReason.other': 'Something else',
  'disputeOutcome.refund': 'Refunded in full', 'disputeOutcome.partial_refund': 'Refunded in part',
  'disputeOutcome.reject': 'Rejected (the shop keeps the payment)', 'disputeOutcome.merchant_refund': 'The shop refunded in full',
  'disputeOutcome.withdrawn': 'Closed by the buyer', 'author.buyer': 'Buyer', 'author.merchant': 'Shop', 'author.admin': 'Platform',
  'author.system': 'XiaoPu', 'review.write': 'Rate this order', 'review.rating': 'Overall', 'review.activation': 'Worked (activation)',
  'disputeEvent.escalated_by_buyer': 'The buyer asked the platform to rule.',
  'disputeEvent.escalated_by_shop': 'The shop asked the platform to rule.',
  'disputeEvent.escalated_unanswered': 'The shop did not answer in time; the platform will rule.',
  'disputeEvent.withdrawn': 'The buyer closed the dispute.',
  'disputeEvent.replaced': '{count} replacement key(s) delivered; see the order page.',
  'disputeEvent.refunded_full': 'Refunded in full ({amount}).',
  'disputeEvent.ruled_partial_refund': 'The platform ruled: {amount} refunded.',
  'disputeEvent.ruled_reject': 'The platform ruled for the shop; the order is completed.',
  'disputeEvent.ruled_refund_already': 'The platform ruled: refund in full (it was refunded already).',
  'disputeEvent.ruling_refund_failed': 'The ruling’s refund did not go through ({message}); the platform will rule again.',
  'review.accuracy': 'As described', 'review.support': 'After-sales speed', 'review.comment': 'Comment (optional)', 'review.submit': 'Post review',
  'review.yours': 'Your review', 'review.shopReply': 'Shop reply:', 'review.recent': 'Reviews', 'review.refunded': 'refunded', 'rep.new': 'New shop',
  'rep.excellent': 'Excellent shop', 'rep.good': 'Good shop', 'rep.fair': 'Fair', 'rep.poor': 'Many complaints', 'rep.reviews': '{n} reviews', 'rep.review1': '1 review',
  'rep.rates': '90 days: {disputes}% disputes, {refunds}% refunds', 'common.cancel': 'Cancel',
  'error.dispute_exists': 'This order already has a dispute.', 'error.order_not_disputable': 'This order can no longer be disputed.',
  'error.dispute_closed': 'This dispute is closed.', 'error.review_exists': 'You have reviewed this order already.',
  'error.order_not_delivered': 'The order is not delivered yet.', 'error.order_disputed': 'The order has an open dispute.',
  'product.tiers': 'Wholesale prices', 'product.tierFrom': '{n}+ units', 'checkout.unitPrice': 'Unit price', 'order.howToRedeem': 'How to redeem', 
  'product.available': 'In stock', 
  'pick.title': 'Pick your key (自选)', 'pick.toggle': 'Choose which key you get (+{surcharge} per key)', 'error.card_taken': 'Someone else just got that key. Pick another one.', 
  'product.validity': 'Valid {n} days', 'order.validUntil': 'Valid until {time}', 'order.validEnded': 'Expired on {time}', 
  'license.heading': 'Licenses and devices', 'license.devices': 'Devices: {used} of {limit}', 'license.unlimited': 'no limit', 'license.noDevices': 'Not activated on any device yet.', 'license.deactivate': 'Deactivate', 'license.deactivateConfirm': 'Deactivate “{name}”? Its seat is freed for another device.', 'license.deactivated': 'Deactivated.', 'license.status.inactive': 'Not activated', 'license.status.active': 'Active', 'license.status.expired': 'Expired', 'license.status.disabled': 'Disabled', 'license.expires': 'Expires {time}', 'product.licenseDevices': 'License: up to {n} devices', 'product.licenseAny': 'License: any number of devices', 
  'status.awaiting_fulfilment': 'Being fulfilled', 'manual.fields': 'Details the shop needs', 'manual.byHand': 'Done by hand within {hours} h', 'manual.sla': 'Done by the shop by hand, within {hours} hours of payment.', 'manual.optional': 'optional', 'manual.choose': 'Choose…', 'manual.waiting': 'Paid. The shop is doing this by hand.', 'manual.due': 'Due by {time}.', 'manual.yourDetails': 'Your details', 'manual.shopNote': 'From the shop', 
  'download.heading': 'Your file', 'download.button': 'Download', 'download.size': '{size}', 'download.count': 'Downloaded {n} times', 'download.expires': 'This link works until {time}; reopen this page for a new one.', 'download.checksum': 'SHA-256 (to check the file)', 'product.file': 'File: {name} ({size})', 
  'variant.pick': 'Choose', 'product.fromPrice': 'from {price}',
  'common.loading': 'Loading…', 'common.retry': 'Try again',
};

const zhCN: Dict = {
  'nav.lookup': '订单查询', 'nav.home': '首页', 'lang.label': '语言',
  'home.title': '小铺', 'home.tagline': '虚拟商品，付款即发货。',
  'home.recent': '本设备上的最近订单', 'home.noRecent': '本设备上还没有订单。', 'home.demo': '看看演示店铺',
  'home.lookupHint': '在别的设备上买的？用订单号或邮箱加查询密码找回订单。',
  'shop.notFound': '店铺不存在或已关闭。', 'shop.empty': '店铺暂时没有在售商品。', 'shop.all': '全部', 'shop.other': '其他', 'shop.products': '{n} 件商品', 'shop.categories': '分类',
  'product.inStock': '库存 {n}', 'product.soldOut': '已售罄', 'product.instant': '自动发货',
  'product.back': '返回店铺', 'product.notFound': '商品不存在或已下架。',
  'checkout.title': '立即购买', 'checkout.quantity': '数量', 'checkout.email': '邮箱',
  'checkout.emailHint': '用于接收订单，也可用来查询订单。', 'checkout.password': '查询密码',
  'checkout.passwordHint': '至少 4 位。配合邮箱或订单号，在任何设备上都能打开订单。',
  'checkout.payWith': '支付方式', 'checkout.method': '渠道', 'checkout.submit': '支付 {amount}', 'checkout.submitting': '正在创建订单…',
  'checkout.total': '合计', 'checkout.fee': '手续费', 'checkout.decrease': '减少', 'checkout.increase': '增加',
  'checkout.walletLogin': '登录后可使用余额支付。', 'checkout.limits': '每单 {min}–{max} 件。',
  'method.alipay': '支付宝', 'method.wxpay': '微信支付', 'method.qqpay': 'QQ 钱包',
  'error.out_of_stock': '库存不足。', 'error.too_many_pending': '您的未支付订单过多，请先支付或等待其过期。',
  'error.validation_error': '请检查表单：{message}', 'error.gateway_unavailable': '该支付方式暂不可用。',
  'error.gateway_error': '支付渠道暂时无法连接，未产生扣款，请重试。',
  'error.network_error': '网络异常，请检查网络后重试。', 'error.rate_limited': '尝试次数过多，请几分钟后再试。',
  'error.login_required': '请登录后使用余额支付。', 'error.insufficient_balance': '余额不足。',
  'error.generic': '出错了：{message}', 'error.resource_missing': '未找到。',
  'order.title': '订单 {number}', 'order.waiting': '等待付款，本页面会自动刷新。',
  'order.paying': '已收到付款，正在发货…', 'order.keys': '您的卡密', 'order.copy': '复制', 'order.copied': '已复制',
  'order.copyAll': '全部复制', 'order.download': '下载 .txt', 'order.noToken': '本设备无权查看此订单。',
  'order.noTokenHint': '请使用订单号和查询密码打开。', 'order.notFound': '无法打开此订单。',
  'order.total': '合计', 'order.created': '下单时间', 'order.pay': '去支付', 'order.expires': '请在 {time} 前付款',
  'order.needsAction': '已收到您的付款，订单需要人工处理。店铺已收到通知，款项不会丢失。',
  'order.expired': '订单在付款前已过期。如您已付款，店铺会为您处理。', 'order.refunded': '此订单已退款。',
  'status.pending_payment': '待付款', 'status.paid': '已付款', 'status.delivered': '已发货', 'status.completed': '已完成',
  'status.expired': '已过期', 'status.cancelled': '已取消', 'status.needs_action': '人工处理中', 'status.refunded': '已退款',
  'status.partially_refunded': '部分退款', 'status.disputed': '争议中',
  'lookup.title': '订单查询', 'lookup.byNumber': '订单号', 'lookup.byEmail': '邮箱', 'lookup.password': '查询密码',
  'lookup.submit': '查询', 'lookup.none': '没有匹配的订单，请检查订单号或邮箱以及查询密码。', 'lookup.results': '查到的订单', 'lookup.mode': '查询方式', 'lookup.useNumber': '按订单号', 'lookup.useEmail': '按邮箱',
  'order.confirm': '确认收货', 'order.confirmAsk': '确认商品无误？确认后款项将结算给店铺，订单不能再申请售后。', 'order.confirmHint': '如有问题请申请售后：售后期结束前，款项不会结算给店铺。',
  'order.completed': '订单已完成，感谢惠顾！', 'order.disputed': '此订单正在售后处理中，店铺已收到通知。', 'order.replacement': '补发', 'dispute.open': '申请售后',
  'dispute.status': '售后状态', 'dispute.pendingRuling': '平台已裁定：{outcome} {amount}，等待支付渠道确认退款。', 'dispute.heading': '售后记录', 'dispute.reason': '原因', 'dispute.describe': '请描述问题', 'dispute.submit': '提交给店铺', 'dispute.respondBy': '店铺回复期限',
  'dispute.outcome': '处理结果', 'dispute.message': '留言', 'dispute.attach': '截图（PNG、JPEG 或 WebP，最大 5 MB）', 'dispute.send': '发送',
  'dispute.escalate': '申请平台介入', 'dispute.withdraw': '关闭售后（已解决）', 'dispute.withdrawAsk': '确认问题已解决并关闭售后？订单将完成并结算给店铺。', 'dispute.screenshot': '截图',
  'dispute.showScreenshot': '查看截图', 'disputeStatus.open': '等待店铺处理', 'disputeStatus.escalated': '平台仲裁中', 'disputeStatus.resolved': '已处理',
  'disputeReason.key_invalid': '卡密无效或已被使用', 'disputeReason.not_as_described': '与描述不符', 'disputeReason.not_received': '未收到',
  'disputeReason.other': '其他', 'disputeOutcome.refund': '全额退款', 'disputeOutcome.partial_refund': '部分退款', 'disputeOutcome.reject': '驳回（款项归店铺）',
  'disputeOutcome.merchant_refund': '店铺已全额退款', 'disputeOutcome.withdrawn': '买家已关闭', 'author.buyer': '买家', 'author.merchant': '店铺',
  'author.admin': '平台', 'author.system': '系统', 'review.write': '评价此订单', 'review.rating': '总体评分', 'review.activation': '激活成功',
  'disputeEvent.escalated_by_buyer': '买家申请平台介入。',
  'disputeEvent.escalated_by_shop': '商家申请平台介入。',
  'disputeEvent.escalated_unanswered': '商家未在期限内回复，已转平台仲裁。',
  'disputeEvent.withdrawn': '买家已关闭售后。',
  'disputeEvent.replaced': '已补发 {count} 个卡密，请在订单页查看。',
  'disputeEvent.refunded_full': '已全额退款（{amount}）。',
  'disputeEvent.ruled_partial_refund': '平台裁定：部分退款 {amount}，已退回。',
  'disputeEvent.ruled_reject': '平台裁定：驳回售后，订单完成。',
  'disputeEvent.ruled_refund_already': '平台裁定：全额退款（此前已退款）。',
  'disputeEvent.ruling_refund_failed': '裁定的退款未成功（{message}），平台将重新处理。',
  'review.accuracy': '描述相符', 'review.support': '售后响应', 'review.comment': '评价内容（可选）', 'review.submit': '提交评价', 'review.yours': '您的评价',
  'review.shopReply': '店铺回复：', 'review.recent': '买家评价', 'review.refunded': '已退款', 'rep.new': '新店', 'rep.excellent': '金牌店铺', 'rep.good': '优质店铺',
  'rep.fair': '一般', 'rep.poor': '投诉较多', 'rep.reviews': '{n} 条评价', 'rep.review1': '1 条评价', 'rep.rates': '近 90 天：售后率 {disputes}%，退款率 {refunds}%', 'common.cancel': '取消',
  'error.dispute_exists': '此订单已有售后记录。', 'error.order_not_disputable': '此订单已不能申请售后。', 'error.dispute_closed': '此售后已关闭。',
  'error.review_exists': '您已评价过此订单。', 'error.order_not_delivered': '订单尚未发货。', 'error.order_disputed': '订单正在售后处理中。',
  'product.tiers': '批发价', 'product.tierFrom': '{n} 件起', 'checkout.unitPrice': '单价', 'order.howToRedeem': '使用说明', 
  'product.available': '有货', 
  'pick.title': '自选卡密', 'pick.toggle': '自己挑选卡密（每个加价 {surcharge}）', 'error.card_taken': '该卡密刚被别人选走，请换一个。', 
  'product.validity': '有效期 {n} 天', 'order.validUntil': '有效期至 {time}', 'order.validEnded': '已于 {time} 过期', 
  'license.heading': '授权与设备', 'license.devices': '已激活设备：{used} / {limit}', 'license.unlimited': '不限', 'license.noDevices': '尚未在任何设备上激活。', 'license.deactivate': '解绑', 'license.deactivateConfirm': '解绑「{name}」？该位置将释放给其他设备。', 'license.deactivated': '已解绑。', 'license.status.inactive': '未激活', 'license.status.active': '使用中', 'license.status.expired': '已过期', 'license.status.disabled': '已停用', 'license.expires': '{time} 到期', 'product.licenseDevices': '授权：最多 {n} 台设备', 'product.licenseAny': '授权：设备数不限', 
  'status.awaiting_fulfilment': '处理中', 'manual.fields': '商家需要的信息', 'manual.byHand': '人工处理 · {hours} 小时内', 'manual.sla': '由商家人工处理，付款后 {hours} 小时内完成。', 'manual.optional': '选填', 'manual.choose': '请选择…', 'manual.waiting': '已付款，商家正在人工处理。', 'manual.due': '预计 {time} 前完成。', 'manual.yourDetails': '您填写的信息', 'manual.shopNote': '商家留言', 
  'download.heading': '您的文件', 'download.button': '下载', 'download.size': '{size}', 'download.count': '已下载 {n} 次', 'download.expires': '此链接有效至 {time}；重新打开本页可获得新链接。', 'download.checksum': 'SHA-256（用于校验文件）', 'product.file': '文件：{name}（{size}）', 
  'variant.pick': '选择规格', 'product.fromPrice': '{price} 起',
  'common.loading': '加载中…', 'common.retry': '重试',
};

const zhTW: Dict = {
  'nav.lookup': '訂單查詢', 'nav.home': '首頁', 'lang.label': '語言',
  'home.title': '小舖', 'home.tagline': '虛擬商品，付款即發貨。',
  'home.recent': '本裝置上的最近訂單', 'home.noRecent': '本裝置上還沒有訂單。', 'home.demo': '看看示範商店',
  'home.lookupHint': '在其他裝置上購買的？用訂單編號或電子郵件加查詢密碼找回訂單。',
  'shop.notFound': '商店不存在或已關閉。', 'shop.empty': '商店暫時沒有在售商品。', 'shop.all': '全部', 'shop.other': '其他', 'shop.products': '{n} 件商品', 'shop.categories': '分類',
  'product.inStock': '庫存 {n}', 'product.soldOut': '已售完', 'product.instant': '自動發貨',
  'product.back': '返回商店', 'product.notFound': '商品不存在或已下架。',
  'checkout.title': '立即購買', 'checkout.quantity': '數量', 'checkout.email': '電子郵件',
  'checkout.emailHint': '用於接收訂單，也可用來查詢訂單。', 'checkout.password': '查詢密碼',
  'checkout.passwordHint': '至少 4 位。配合電子郵件或訂單編號，在任何裝置上都能打開訂單。',
  'checkout.payWith': '付款方式', 'checkout.method': '管道', 'checkout.submit': '付款 {amount}', 'checkout.submitting': '正在建立訂單…',
  'checkout.total': '合計', 'checkout.fee': '手續費', 'checkout.decrease': '減少', 'checkout.increase': '增加',
  'checkout.walletLogin': '登入後可使用餘額付款。', 'checkout.limits': '每筆 {min}–{max} 件。',
  'method.alipay': '支付寶', 'method.wxpay': '微信支付', 'method.qqpay': 'QQ 錢包',
  'error.out_of_stock': '庫存不足。', 'error.too_many_pending': '您的未付款訂單過多，請先付款或等待其過期。',
  'error.validation_error': '請檢查表單：{message}', 'error.gateway_unavailable': '此付款方式暫不可用。',
  'error.gateway_error': '付款管道暫時無法連線，未產生扣款，請重試。',
  'error.network_error': '網路異常，請檢查網路後重試。', 'error.rate_limited': '嘗試次數過多，請幾分鐘後再試。',
  'error.login_required': '請登入後使用餘額付款。', 'error.insufficient_balance': '餘額不足。',
  'error.generic': '發生錯誤：{message}', 'error.resource_missing': '找不到。',
  'order.title': '訂單 {number}', 'order.waiting': '等待付款，本頁面會自動更新。',
  'order.paying': '已收到付款，正在發貨…', 'order.keys': '您的卡密', 'order.copy': '複製', 'order.copied': '已複製',
  'order.copyAll': '全部複製', 'order.download': '下載 .txt', 'order.noToken': '本裝置無權查看此訂單。',
  'order.noTokenHint': '請使用訂單編號和查詢密碼打開。', 'order.notFound': '無法打開此訂單。',
  'order.total': '合計', 'order.created': '下單時間', 'order.pay': '前往付款', 'order.expires': '請在 {time} 前付款',
  'order.needsAction': '已收到您的付款，訂單需要人工處理。商店已收到通知，款項不會遺失。',
  'order.expired': '訂單在付款前已過期。如您已付款，商店會為您處理。', 'order.refunded': '此訂單已退款。',
  'status.pending_payment': '待付款', 'status.paid': '已付款', 'status.delivered': '已發貨', 'status.completed': '已完成',
  'status.expired': '已過期', 'status.cancelled': '已取消', 'status.needs_action': '人工處理中', 'status.refunded': '已退款',
  'status.partially_refunded': '部分退款', 'status.disputed': '爭議中',
  'lookup.title': '訂單查詢', 'lookup.byNumber': '訂單編號', 'lookup.byEmail': '電子郵件', 'lookup.password': '查詢密碼',
  'lookup.submit': '查詢', 'lookup.none': '沒有相符的訂單，請檢查訂單編號或電子郵件以及查詢密碼。', 'lookup.results': '查到的訂單', 'lookup.mode': '查詢方式', 'lookup.useNumber': '按訂單編號', 'lookup.useEmail': '按電子郵件',
  'order.confirm': '確認收貨', 'order.confirmAsk': '確認商品無誤？確認後款項將結算給商店，訂單不能再申請售後。', 'order.confirmHint': '如有問題請申請售後：售後期結束前，款項不會結算給商店。',
  'order.completed': '訂單已完成，感謝惠顧！', 'order.disputed': '此訂單正在售後處理中，商店已收到通知。', 'order.replacement': '補發', 'dispute.open': '申請售後',
  'dispute.status': '售後狀態', 'dispute.pendingRuling': '平台已裁定：{outcome} {amount}，等待付款管道確認退款。', 'dispute.heading': '售後記錄', 'dispute.reason': '原因', 'dispute.describe': '請描述問題', 'dispute.submit': '提交給商店', 'dispute.respondBy': '商店回覆期限',
  'dispute.outcome': '處理結果', 'dispute.message': '留言', 'dispute.attach': '截圖（PNG、JPEG 或 WebP，最大 5 MB）', 'dispute.send': '傳送',
  'dispute.escalate': '申請平台介入', 'dispute.withdraw': '關閉售後（已解決）', 'dispute.withdrawAsk': '確認問題已解決並關閉售後？訂單將完成並結算給商店。', 'dispute.screenshot': '截圖',
  'dispute.showScreenshot': '查看截圖', 'disputeStatus.open': '等待商店處理', 'disputeStatus.escalated': '平台仲裁中', 'disputeStatus.resolved': '已處理',
  'disputeReason.key_invalid': '卡密無效或已被使用', 'disputeReason.not_as_described': '與描述不符', 'disputeReason.not_received': '未收到',
  'disputeReason.other': '其他', 'disputeOutcome.refund': '全額退款', 'disputeOutcome.partial_refund': '部分退款', 'disputeOutcome.reject': '駁回（款項歸商店）',
  'disputeOutcome.merchant_refund': '商店已全額退款', 'disputeOutcome.withdrawn': '買家已關閉', 'author.buyer': '買家', 'author.merchant': '商店',
  'author.admin': '平台', 'author.system': '系統', 'review.write': '評價此訂單', 'review.rating': '總體評分', 'review.activation': '啟用成功',
  'disputeEvent.escalated_by_buyer': '買家申請平台介入。',
  'disputeEvent.escalated_by_shop': '商家申請平台介入。',
  'disputeEvent.escalated_unanswered': '商家未在期限內回覆，已轉平台仲裁。',
  'disputeEvent.withdrawn': '買家已關閉售後。',
  'disputeEvent.replaced': '已補發 {count} 個卡密，請在訂單頁查看。',
  'disputeEvent.refunded_full': '已全額退款（{amount}）。',
  'disputeEvent.ruled_partial_refund': '平台裁定：部分退款 {amount}，已退回。',
  'disputeEvent.ruled_reject': '平台裁定：駁回售後，訂單完成。',
  'disputeEvent.ruled_refund_already': '平台裁定：全額退款（此前已退款）。',
  'disputeEvent.ruling_refund_failed': '裁定的退款未成功（{message}），平台將重新處理。',
  'review.accuracy': '描述相符', 'review.support': '售後回應', 'review.comment': '評價內容（選填）', 'review.submit': '提交評價', 'review.yours': '您的評價',
  'review.shopReply': '商店回覆：', 'review.recent': '買家評價', 'review.refunded': '已退款', 'rep.new': '新店', 'rep.excellent': '金牌商店', 'rep.good': '優質商店',
  'rep.fair': '一般', 'rep.poor': '投訴較多', 'rep.reviews': '{n} 則評價', 'rep.review1': '1 則評價', 'rep.rates': '近 90 天：售後率 {disputes}%，退款率 {refunds}%', 'common.cancel': '取消',
  'error.dispute_exists': '此訂單已有售後記錄。', 'error.order_not_disputable': '此訂單已不能申請售後。', 'error.dispute_closed': '此售後已關閉。',
  'error.review_exists': '您已評價過此訂單。', 'error.order_not_delivered': '訂單尚未發貨。', 'error.order_disputed': '訂單正在售後處理中。',
  'product.tiers': '批發價', 'product.tierFrom': '{n} 件起', 'checkout.unitPrice': '單價', 'order.howToRedeem': '使用說明', 
  'product.available': '有貨', 
  'pick.title': '自選卡密', 'pick.toggle': '自己挑選卡密（每個加價 {surcharge}）', 'error.card_taken': '該卡密剛被別人選走，請換一個。', 
  'product.validity': '有效期 {n} 天', 'order.validUntil': '有效期至 {time}', 'order.validEnded': '已於 {time} 過期', 
  'license.heading': '授權與裝置', 'license.devices': '已啟用裝置：{used} / {limit}', 'license.unlimited': '不限', 'license.noDevices': '尚未在任何裝置上啟用。', 'license.deactivate': '解除綁定', 'license.deactivateConfirm': '解除綁定「{name}」？該位置將釋出給其他裝置。', 'license.deactivated': '已解除綁定。', 'license.status.inactive': '未啟用', 'license.status.active': '使用中', 'license.status.expired': '已過期', 'license.status.disabled': '已停用', 'license.expires': '{time} 到期', 'product.licenseDevices': '授權：最多 {n} 台裝置', 'product.licenseAny': '授權：裝置數不限', 
  'status.awaiting_fulfilment': '處理中', 'manual.fields': '商家需要的資訊', 'manual.byHand': '人工處理 · {hours} 小時內', 'manual.sla': '由商家人工處理，付款後 {hours} 小時內完成。', 'manual.optional': '選填', 'manual.choose': '請選擇…', 'manual.waiting': '已付款，商家正在人工處理。', 'manual.due': '預計 {time} 前完成。', 'manual.yourDetails': '您填寫的資訊', 'manual.shopNote': '商家留言', 
  'download.heading': '您的檔案', 'download.button': '下載', 'download.size': '{size}', 'download.count': '已下載 {n} 次', 'download.expires': '此連結有效至 {time}；重新開啟本頁可取得新連結。', 'download.checksum': 'SHA-256（用於校驗檔案）', 'product.file': '檔案：{name}（{size}）', 
  'variant.pick': '選擇規格', 'product.fromPrice': '{price} 起',
  'common.loading': '載入中…', 'common.retry': '重試',
};

const DICTS: Record<Lang, Dict> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
const STORAGE_KEY = 'xp_lang';

export function detectLang(): Lang {
  const saved = safeGet(STORAGE_KEY);
  if (saved && (LANGS as readonly string[]).includes(saved)) return saved as Lang;
  for (const l of navigator.languages ?? [navigator.language]) {
    const low = l.toLowerCase();
    if (low.startsWith('zh')) return /tw|hk|mo|hant/.test(low) ? 'zh-TW' : 'zh-CN';
    if (low.startsWith('en')) return 'en';
  }
  return 'en';
}

export type T = (key: string, vars?: Record<string, string | number>) => string;

interface I18n { lang: Lang; setLang: (l: Lang) => void; t: T }
const Ctx = createContext<I18n | null>(null);

export type Dicts = Partial<Record<Lang, Dict>>;

/** `extra`: more messages (the console's), merged over the storefront's. */
export function I18nProvider({ children, extra }: { children: ReactNode; extra?: Dicts }) {
  const [lang, setLangState] = useState<Lang>(detectLang);
  const setLang = useCallback((l: Lang) => {
    safeSet(STORAGE_KEY, l);
    document.documentElement.lang = l;
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    document.documentElement.lang = lang;
    const dict = { ...DICTS[lang], ...extra?.[lang] };
    const fallback = { ...en, ...extra?.en };
    const t: T = (key, vars) => {
      const s = dict[key] ?? fallback[key] ?? key;
      return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
    };
    return { lang, setLang, t };
  }, [lang, setLang, extra]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

export function safeGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function safeSet(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* private mode: the choice lasts this page only */
  }
}
