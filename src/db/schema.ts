// The database schema: the single source of the row types and of the SQL
// migrations (drizzle-kit generate). Every merchant-owned table carries
// merchant_id; money is bigint minor units beside an ISO currency code.
import { sql } from 'drizzle-orm';
import {
  bigint, boolean, check, customType, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, type AnyPgColumn,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const money = (name: string) => bigint(name, { mode: 'number' }); // safe integers of minor units
const createdAt = () => tstz('created_at').notNull().defaultNow();

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull(),
  passwordHash: text('password_hash').notNull(),
  isAdmin: boolean('is_admin').notNull().default(false),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)]);

export const merchants = pgTable('merchants', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  status: text('status').notNull().default('active'),
  /** The gateways this shop offers; null offers every enabled platform gateway. */
  gateways: text('gateways').array(),
  /** The platform's commission on this shop's sales, in basis points; null: the platform default. */
  commissionBps: integer('commission_bps'),
  /** Hours a delivered order's money stays in escrow before the order completes; null: the platform default (XIAOPU_ESCROW_HOURS). */
  escrowHours: integer('escrow_hours'),
  /** Why an admin suspended the shop (shown to the merchant). */
  statusReason: text('status_reason'),
  /** The shop's default redeem instructions (Markdown) for products that have none of their own. */
  deliveryNote: text('delivery_note'),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('merchants_slug_key').on(t.slug),
  check('merchants_status_check', sql`${t.status} in ('pending', 'active', 'suspended')`),
  check('merchants_commission_check', sql`${t.commissionBps} is null or ${t.commissionBps} between 0 and 10000`),
  check('merchants_escrow_hours_check', sql`${t.escrowHours} is null or ${t.escrowHours} between 0 and 8760`),
]);

export const merchantMembers = pgTable('merchant_members', {
  merchantId: text('merchant_id').notNull().references(() => merchants.id),
  userId: text('user_id').notNull().references(() => users.id),
  role: text('role').notNull().default('owner'),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.merchantId, t.userId] }), index('merchant_members_user_idx').on(t.userId)]);

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  tokenHash: bytea('token_hash').notNull(),
  userId: text('user_id').notNull().references(() => users.id),
  expiresAt: tstz('expires_at').notNull(),
  createdAt: createdAt(),
  /** The address (IPv6: its /64) the session was opened from: a known place to log in from. */
  ip: text('ip'),
}, (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)]);

export const apiKeys = pgTable('api_keys', {
  id: text('id').primaryKey(),
  merchantId: text('merchant_id').notNull().references(() => merchants.id),
  name: text('name').notNull(),
  secretHash: bytea('secret_hash').notNull(),
  lastFour: text('last_four').notNull(),
  mode: text('mode').notNull().default('live'),
  scopes: text('scopes').array().notNull(),
  createdBy: text('created_by').references(() => users.id),
  lastUsedAt: tstz('last_used_at'),
  revokedAt: tstz('revoked_at'),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('api_keys_secret_hash_key').on(t.secretHash), index('api_keys_merchant_idx').on(t.merchantId, t.id)]);

export const idempotencyKeys = pgTable('idempotency_keys', {
  scope: text('scope').notNull(),
  key: text('key').notNull(),
  requestHash: bytea('request_hash').notNull(),
  state: text('state').notNull().default('in_flight'),
  responseStatus: integer('response_status'),
  responseBody: text('response_body'),
  lockedAt: tstz('locked_at').notNull(),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)]);

export const rateLimits = pgTable('rate_limits', {
  key: text('key').notNull(),
  windowStart: tstz('window_start').notNull(),
  hits: integer('hits').notNull(),
}, (t) => [primaryKey({ columns: [t.key, t.windowStart] })]);

export const products = pgTable('products', {
  id: text('id').primaryKey(),
  merchantId: text('merchant_id').notNull().references(() => merchants.id),
  /**
   * A variant (SKU) is a product of its own — price, stock, validity, delivery
   * settings — under its parent, which buyers see and pick it on; `variant_name`
   * is what tells it apart ("1 month"). Null for ordinary products and parents.
   */
  parentId: text('parent_id').references((): AnyPgColumn => products.id),
  variantName: text('variant_name'),
  variantPosition: integer('variant_position').notNull().default(0),
  slug: text('slug').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  /** A shelf on the shop page (e.g. "Steam", "游戏点卡"); null: uncategorised. */
  category: text('category'),
  price: money('price').notNull(),
  currency: text('currency').notNull(),
  delivery: text('delivery').notNull().default('card'),
  /** 批发价: `[{min_quantity, unit_price}]`, ascending; an order of at least min_quantity pays unit_price per unit. */
  priceTiers: jsonb('price_tiers').notNull().default([]),
  /** How to redeem (Markdown), shown with the delivered items and in the delivery email; null: the shop's default. */
  instructions: text('instructions'),
  /** `shared` delivery: the one text every buyer gets (encrypted like a key), an optional limit of units sold, and the units held (unpaid or sold). */
  sharedCiphertext: bytea('shared_ciphertext'),
  sharedKeyId: text('shared_key_id'),
  sharedLimit: integer('shared_limit'),
  sharedHeld: integer('shared_held').notNull().default(0),
  /** 有效期: what is delivered is valid this many days from delivery (shown to the buyer with its date); null: no end. */
  validityDays: integer('validity_days'),
  /** 自选卡密: buyers may pick which key they get (by its masked preview), paying `pick_surcharge` more per unit. */
  pickEnabled: boolean('pick_enabled').notNull().default(false),
  pickSurcharge: money('pick_surcharge').notNull().default(0),
  /** `license` delivery: how many machines one key may be activated on (null: no limit) and the key format (`uuid` or a pattern of X). */
  licenseActivationLimit: integer('license_activation_limit'),
  licenseKeyFormat: text('license_key_format'),
  /** `manual` delivery (代充/手工): the fields the buyer fills at checkout, the hours the shop has to fulfil, and whether an overdue order is refunded by itself. */
  manualFields: jsonb('manual_fields'),
  manualSlaHours: integer('manual_sla_hours'),
  manualAutoRefund: boolean('manual_auto_refund').notNull().default(false),
  /** `download` delivery: the file buyers get now (product_files); a new upload replaces it for later buyers only. */
  downloadFileId: text('download_file_id').references((): AnyPgColumn => productFiles.id),
  /** `webhook` delivery: the shop's endpoint that issues the items, and its signing secret (whsec_…, encrypted). */
  webhookUrl: text('webhook_url'),
  webhookSecretCiphertext: bytea('webhook_secret_ciphertext'),
  webhookSecretKeyId: text('webhook_secret_key_id'),
  minQuantity: integer('min_quantity').notNull().default(1),
  maxQuantity: integer('max_quantity').notNull().default(100),
  visibility: text('visibility').notNull().default('public'),
  createdAt: createdAt(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('products_merchant_slug_key').on(t.merchantId, t.slug),
  index('products_parent_idx').on(t.parentId, t.variantPosition).where(sql`${t.parentId} is not null`),
  uniqueIndex('products_variant_name_key').on(t.parentId, t.variantName).where(sql`${t.parentId} is not null`),
  check('products_variant_check', sql`(${t.parentId} is null) = (${t.variantName} is null)`),
  // Unique (id alone is) so that cards can reference (merchant_id, id): a key's shop is its product's.
  uniqueIndex('products_merchant_id_key').on(t.merchantId, t.id),
  check('products_price_check', sql`${t.price} >= 0`),
  check('products_quantity_check', sql`${t.minQuantity} >= 1 and ${t.maxQuantity} >= ${t.minQuantity}`),
  check('products_visibility_check', sql`${t.visibility} in ('public', 'unlisted', 'hidden')`),
  check('products_delivery_check', sql`${t.delivery} in ('card', 'shared', 'license', 'manual', 'download', 'webhook')`),
  check('products_webhook_check', sql`${t.delivery} <> 'webhook' or (${t.webhookUrl} is not null and ${t.webhookSecretCiphertext} is not null)`),
  check('products_manual_check', sql`${t.delivery} <> 'manual' or (${t.manualFields} is not null and ${t.manualSlaHours} between 1 and 720)`),
  check('products_license_check', sql`${t.delivery} <> 'license' or ${t.licenseKeyFormat} is not null`),
  check('products_license_limit_check', sql`${t.licenseActivationLimit} is null or ${t.licenseActivationLimit} between 1 and 100000`),
  check('products_shared_check', sql`${t.delivery} <> 'shared' or (${t.sharedCiphertext} is not null and ${t.sharedKeyId} is not null)`),
  check('products_validity_check', sql`${t.validityDays} is null or ${t.validityDays} between 1 and 3650`),
  check('products_pick_check', sql`${t.pickSurcharge} >= 0 and (not ${t.pickEnabled} or ${t.delivery} = 'card')`),
  check('products_shared_held_check', sql`${t.sharedHeld} >= 0 and (${t.sharedLimit} is null or ${t.sharedHeld} <= ${t.sharedLimit})`),
  check('products_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
]);

export const cardBatches = pgTable('card_batches', {
  id: text('id').primaryKey(),
  // A batch of this very shop's product (card_batches_product_fk), which its keys name in turn (cards_batch_fk).
  merchantId: text('merchant_id').notNull(),
  productId: text('product_id').notNull(),
  source: text('source').notNull(),
  status: text('status').notNull().default('importing'),
  imported: integer('imported').notNull().default(0),
  duplicates: integer('duplicates').notNull().default(0),
  blank: integer('blank').notNull().default(0),
  createdBy: text('created_by'),
  createdAt: createdAt(),
  finishedAt: tstz('finished_at'),
}, (t) => [
  index('card_batches_product_idx').on(t.productId, t.id),
  uniqueIndex('card_batches_owner_key').on(t.merchantId, t.productId, t.id),
  foreignKey({ name: 'card_batches_product_fk', columns: [t.merchantId, t.productId], foreignColumns: [products.merchantId, products.id] }),
]);

export const orders = pgTable('orders', {
  id: text('id').primaryKey(),
  number: text('number').notNull(),
  merchantId: text('merchant_id').notNull().references(() => merchants.id),
  status: text('status').notNull(),
  email: text('email').notNull(),
  /** The buyer's account when they checked out logged in (wallet payments, refunds to the wallet). */
  buyerUserId: text('buyer_user_id').references(() => users.id),
  queryPasswordHash: bytea('query_password_hash').notNull(),
  buyerIp: text('buyer_ip'),
  total: money('total').notNull(),
  currency: text('currency').notNull(),
  expiresAt: tstz('expires_at').notNull(),
  paidAt: tstz('paid_at'),
  deliveredAt: tstz('delivered_at'),
  /** The platform's commission on this order's total (minor units), fixed at checkout; refunds reverse it in proportion. */
  commission: money('commission').notNull().default(0),
  completedAt: tstz('completed_at'),
  /** A hand-fulfilled (manual) order: when the shop must have fulfilled it (paid_at + the product's SLA). */
  fulfilDueAt: tstz('fulfil_due_at'),
  /** Flagged by the overdue job: still in the queue past fulfil_due_at (its own column: needs_action_reason keeps other reasons). */
  fulfilOverdueAt: tstz('fulfil_overdue_at'),
  needsActionReason: text('needs_action_reason'),
  createdAt: createdAt(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('orders_number_key').on(t.number),
  index('orders_merchant_idx').on(t.merchantId, t.id),
  index('orders_email_idx').on(sql`lower(${t.email})`, t.id),
  index('orders_pending_expiry_idx').on(t.expiresAt).where(sql`${t.status} = 'pending_payment'`),
  index('orders_pending_email_idx').on(sql`lower(${t.email})`).where(sql`${t.status} = 'pending_payment'`),
  index('orders_pending_ip_idx').on(t.buyerIp).where(sql`${t.status} = 'pending_payment'`),
  index('orders_needs_action_idx').on(t.merchantId).where(sql`${t.status} = 'needs_action'`),
  index('orders_buyer_idx').on(t.buyerUserId, t.id).where(sql`${t.buyerUserId} is not null`),
  index('orders_awaiting_idx').on(t.fulfilDueAt).where(sql`${t.status} = 'awaiting_fulfilment'`),
  index('orders_completable_idx').on(t.deliveredAt).where(sql`${t.status} in ('delivered', 'partially_refunded')`),
  // A shop's delivered orders in a time window (its reputation).
  index('orders_merchant_delivered_idx').on(t.merchantId, t.deliveredAt).where(sql`${t.deliveredAt} is not null`),
  check('orders_total_check', sql`${t.total} >= 0`),
  check('orders_commission_check', sql`${t.commission} >= 0 and ${t.commission} <= ${t.total}`),
  check('orders_status_check', sql`${t.status} in ('pending_payment', 'paid', 'awaiting_fulfilment', 'delivered', 'completed', 'expired', 'cancelled', 'needs_action', 'disputed', 'refunded', 'partially_refunded')`),
]);

export const orderItems = pgTable('order_items', {
  id: text('id').primaryKey(),
  orderId: text('order_id').notNull().references(() => orders.id),
  merchantId: text('merchant_id').notNull().references(() => merchants.id),
  productId: text('product_id').notNull().references(() => products.id),
  quantity: integer('quantity').notNull(),
  unitPrice: money('unit_price').notNull(),
  total: money('total').notNull(),
  /** 自选卡密: the key the buyer picked; a late payment reserves exactly it again. */
  pickedCardId: text('picked_card_id'),
  /** 代充: what the buyer filled in at checkout (`[{key, label, value}]` as JSON), encrypted like a key. */
  fieldsCiphertext: bytea('fields_ciphertext'),
  fieldsKeyId: text('fields_key_id'),
}, (t) => [index('order_items_order_idx').on(t.orderId), check('order_items_quantity_check', sql`${t.quantity} >= 1`)]);

export const cards = pgTable('cards', {
  id: text('id').primaryKey(),
  // With product_id and batch_id, one reference to the batch of this very shop's product
  // (cards_batch_fk → card_batches_product_fk → products): one check per inserted key instead of three
  // (a third of PostgreSQL's work on a million keys), and a key can never name another shop or
  // product than its batch's.
  merchantId: text('merchant_id').notNull(),
  productId: text('product_id').notNull(),
  batchId: text('batch_id').notNull(),
  status: text('status').notNull().default('available'),
  ciphertext: bytea('ciphertext').notNull(),
  keyId: text('key_id').notNull(),
  blindIndex: bytea('blind_index').notNull(),
  hint: text('hint').notNull().default(''),
  orderItemId: text('order_item_id').references(() => orderItems.id),
  reservedUntil: tstz('reserved_until'),
  soldAt: tstz('sold_at'),
  /** Sold as a replacement for a key the buyer disputed (售后补发), not as part of the original sale. */
  replacementFor: text('replacement_for'),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('cards_product_blind_index_key').on(t.productId, t.blindIndex),
  // The reservation statement walks this index, never the sold rows (DESIGN §6).
  index('cards_available_idx').on(t.productId, t.id).where(sql`${t.status} = 'available'`),
  // Counts of the other states; available keys are counted on the index above, so an import (all
  // available) writes one index fewer — a fifth of PostgreSQL's work on a million keys.
  index('cards_product_status_idx').on(t.productId, t.status).where(sql`${t.status} <> 'available'`),
  index('cards_order_item_idx').on(t.orderItemId).where(sql`${t.orderItemId} is not null`),
  check('cards_status_check', sql`${t.status} in ('available', 'reserved', 'sold', 'void')`),
  check('cards_owner_check', sql`(${t.status} in ('reserved', 'sold')) = (${t.orderItemId} is not null)`),
  foreignKey({ name: 'cards_batch_fk', columns: [t.merchantId, t.productId, t.batchId], foreignColumns: [cardBatches.merchantId, cardBatches.productId, cardBatches.id] }),
]);

/** A buyer's balance per currency. Never negative; changed only with a wallet transaction and a ledger entry. */
export const wallets = pgTable('wallets', {
  userId: text('user_id').notNull().references(() => users.id),
  currency: text('currency').notNull(),
  balance: money('balance').notNull().default(0),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.userId, t.currency] }), check('wallets_balance_check', sql`${t.balance} >= 0`)]);

/** The buyer-visible history of a wallet: top-ups, payments and refunds. */
export const walletTransactions = pgTable('wallet_transactions', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id),
  currency: text('currency').notNull(),
  /** Signed minor units: positive adds to the balance. */
  amount: money('amount').notNull(),
  balanceAfter: money('balance_after').notNull(),
  kind: text('kind').notNull(),
  refId: text('ref_id').notNull(),
  createdAt: createdAt(),
}, (t) => [
  index('wallet_transactions_user_idx').on(t.userId, t.id),
  uniqueIndex('wallet_transactions_ref_key').on(t.kind, t.refId),
  check('wallet_transactions_kind_check', sql`${t.kind} in ('topup', 'payment', 'refund')`),
]);

/** A buyer tops up their wallet through a gateway (a recharge order, 充值). */
export const walletTopups = pgTable('wallet_topups', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id),
  amount: money('amount').notNull(),
  currency: text('currency').notNull(),
  status: text('status').notNull().default('pending'),
  createdAt: createdAt(),
  creditedAt: tstz('credited_at'),
}, (t) => [
  index('wallet_topups_user_idx').on(t.userId, t.id),
  check('wallet_topups_amount_check', sql`${t.amount} > 0`),
  check('wallet_topups_status_check', sql`${t.status} in ('pending', 'succeeded', 'failed')`),
]);

export const payments = pgTable('payments', {
  id: text('id').primaryKey(),
  /** What is paid for: an order, or a wallet top-up (exactly one). */
  orderId: text('order_id').references(() => orders.id),
  topupId: text('topup_id').references(() => walletTopups.id),
  /** The shop paid; null for wallet top-ups (the platform holds that money for the buyer). */
  merchantId: text('merchant_id').references(() => merchants.id),
  gateway: text('gateway').notNull(),
  status: text('status').notNull().default('pending'),
  amount: money('amount').notNull(),
  currency: text('currency').notNull(),
  /** The configuration it was opened with (the platform's or the shop's own); null for the sandbox. */
  gatewayConfigId: text('gateway_config_id').references((): AnyPgColumn => gatewayConfigs.id),
  /** The gateway's sub-method (epay `type`), when it has several. */
  method: text('method'),
  /** The gateway fee the buyer pays on top of the order total (included in amount). */
  fee: money('fee').notNull().default(0),
  /** Refunded or being refunded (pending refunds count): the database keeps it between 0 and amount. */
  refunded: money('refunded').notNull().default(0),
  /** Where the buyer goes to pay (redirect, QR content, form), once the gateway made the attempt. */
  action: jsonb('action'),
  /** The gateway's own id for the attempt when it makes one up front (Stripe Checkout Session). */
  gatewayReference: text('gateway_reference'),
  gatewayTradeNo: text('gateway_trade_no'),
  confirmedBy: text('confirmed_by'),
  succeededAt: tstz('succeeded_at'),
  createdAt: createdAt(),
}, (t) => [
  // A trade number is unique per gateway account: the platform's epay and a shop's own epay may both issue "2026…0001".
  uniqueIndex('payments_gateway_trade_key').on(t.gateway, sql`coalesce(${t.gatewayConfigId}, '')`, t.gatewayTradeNo),
  index('payments_order_idx').on(t.orderId),
  check('payments_status_check', sql`${t.status} in ('pending', 'succeeded', 'failed')`),
  check('payments_refunded_check', sql`${t.refunded} >= 0 and ${t.refunded} <= ${t.amount}`),
  check('payments_purpose_check', sql`(${t.orderId} is null) <> (${t.topupId} is null) and (${t.orderId} is null) = (${t.merchantId} is null)`),
  index('payments_topup_idx').on(t.topupId).where(sql`${t.topupId} is not null`),
]);

/**
 * A payment gateway's configuration: the platform's (merchant_id null, set by
 * the admin) or a shop's own (where the platform allows it). Secret settings
 * are sealed (AES-256-GCM) in `secrets`; `settings` holds the rest.
 */
export const gatewayConfigs = pgTable('gateway_configs', {
  id: text('id').primaryKey(),
  gateway: text('gateway').notNull(),
  /** The shop that owns this configuration; null for the platform's. Money paid through a shop's own gateway goes straight to the shop. */
  merchantId: text('merchant_id').references(() => merchants.id),
  /** On the platform's row: shops may configure this gateway for themselves. */
  merchantConfigurable: boolean('merchant_configurable').notNull().default(false),
  enabled: boolean('enabled').notNull().default(false),
  settings: jsonb('settings').notNull(),
  secrets: text('secrets'),
  secretsKeyId: text('secrets_key_id'),
  /** Sub-methods offered (epay `type`), narrowing the adapter's list; null offers all. */
  methods: text('methods').array(),
  minAmount: money('min_amount'),
  maxAmount: money('max_amount'),
  /** Fee the buyer pays on top: basis points of the total plus a fixed amount (minor units). */
  feeBps: integer('fee_bps').notNull().default(0),
  feeFixed: money('fee_fixed').notNull().default(0),
  /** Ask the gateway whether a notified trade is really paid before crediting it. */
  activeQuery: boolean('active_query').notNull().default(true),
  updatedBy: text('updated_by'),
  createdAt: createdAt(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('gateway_configs_platform_key').on(t.gateway).where(sql`${t.merchantId} is null`),
  uniqueIndex('gateway_configs_merchant_key').on(t.merchantId, t.gateway).where(sql`${t.merchantId} is not null`),
  check('gateway_configs_fee_check', sql`${t.feeBps} between 0 and 10000 and ${t.feeFixed} >= 0`),
  check('gateway_configs_amounts_check', sql`${t.minAmount} is null or ${t.maxAmount} is null or ${t.minAmount} <= ${t.maxAmount}`),
]);

/** Money going back to a buyer: through the gateway (full or partial) or, later, to the buyer's wallet. */
export const refunds = pgTable('refunds', {
  id: text('id').primaryKey(),
  paymentId: text('payment_id').notNull().references(() => payments.id),
  orderId: text('order_id').notNull().references(() => orders.id),
  merchantId: text('merchant_id').notNull().references(() => merchants.id),
  amount: money('amount').notNull(),
  currency: text('currency').notNull(),
  /** pending: asked the gateway; succeeded: the gateway took it (or finished it); failed: the gateway refused. */
  status: text('status').notNull().default('pending'),
  destination: text('destination').notNull().default('gateway'),
  gatewayRefundId: text('gateway_refund_id'),
  reason: text('reason'),
  failureMessage: text('failure_message'),
  requestedBy: text('requested_by').notNull(),
  createdAt: createdAt(),
  completedAt: tstz('completed_at'),
  /** When reconciliation last claimed this pending refund to ask the gateway again. */
  reconciledAt: tstz('reconciled_at'),
}, (t) => [
  index('refunds_payment_idx').on(t.paymentId),
  index('refunds_pending_idx').on(t.createdAt).where(sql`${t.status} = 'pending'`),
  index('refunds_order_idx').on(t.orderId),
  // A shop's refunds in a time window (its reputation).
  index('refunds_merchant_idx').on(t.merchantId, t.createdAt),
  check('refunds_amount_check', sql`${t.amount} > 0`),
  check('refunds_status_check', sql`${t.status} in ('pending', 'succeeded', 'failed')`),
  check('refunds_destination_check', sql`${t.destination} in ('gateway', 'wallet', 'manual')`),
]);

/** Every notify we received, accepted or not: what came, what we decided, why. No signatures or secrets. */
export const paymentNotifications = pgTable('payment_notifications', {
  id: text('id').primaryKey(),
  gateway: text('gateway').notNull(),
  paymentId: text('payment_id'),
  outcome: text('outcome').notNull(),
  reason: text('reason'),
  ip: text('ip'),
  createdAt: createdAt(),
  /** Refused, ignored and repeated notifies are one row per gateway, payment, outcome, reason, address and hour, counted. */
  count: integer('count').notNull().default(1),
  lastAt: tstz('last_at'),
  dedupeKey: text('dedupe_key'),
}, (t) => [index('payment_notifications_payment_idx').on(t.paymentId), uniqueIndex('payment_notifications_dedupe_key').on(t.dedupeKey)]);

export const fulfilments = pgTable('fulfilments', {
  id: text('id').primaryKey(),
  orderId: text('order_id').notNull().references(() => orders.id),
  orderItemId: text('order_item_id').notNull().references(() => orderItems.id),
  merchantId: text('merchant_id').notNull().references(() => merchants.id),
  kind: text('kind').notNull(),
  quantity: integer('quantity').notNull(),
  /** A shared product's text as it was when delivered (encrypted), so a later change reaches only later buyers. */
  payloadCiphertext: bytea('payload_ciphertext'),
  payloadKeyId: text('payload_key_id'),
  /** A download: the file as it was when sold, and how many times the buyer fetched it. */
  fileId: text('file_id').references((): AnyPgColumn => productFiles.id),
  downloads: integer('downloads').notNull().default(0),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('fulfilments_order_item_key').on(t.orderItemId)]);

/**
 * A paid order whose items the shop's endpoint issues (delivery `webhook`):
 * the calls made so far and when the next one is due. The order stays `paid`
 * until an answer is stored, or goes `needs_action` after the last attempt.
 */
export const webhookDeliveries = pgTable('webhook_deliveries', {
  orderId: text('order_id').primaryKey().references(() => orders.id),
  merchantId: text('merchant_id').notNull().references(() => merchants.id),
  attempts: integer('attempts').notNull().default(0),
  lastStatus: integer('last_status'),
  lastError: text('last_error'),
  nextAt: tstz('next_at'),
  deliveredAt: tstz('delivered_at'),
  createdAt: createdAt(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

/**
 * Files sold by download products: kept under XIAOPU_DATA_DIR/files (never
 * served from a public path), with their size and SHA-256 taken while the
 * upload streamed in.
 */
export const productFiles = pgTable('product_files', {
  id: text('id').primaryKey(),
  merchantId: text('merchant_id').notNull().references(() => merchants.id),
  productId: text('product_id').notNull().references(() => products.id),
  filename: text('filename').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  /** Where it lives, relative to the files directory. */
  storageKey: text('storage_key').notNull(),
  createdBy: text('created_by'),
  createdAt: createdAt(),
}, (t) => [index('product_files_product_idx').on(t.productId, t.id)]);

/**
 * License keys XiaoPu issues (delivery `license`): written `pending` at
 * checkout, one per unit, and made `active` by the sale; `disabled` when the
 * shop revokes one. The key is the credential of the public license API: it
 * is kept encrypted and found by its keyed hash (a guess matches exactly or
 * not at all).
 */
export const licenses = pgTable('licenses', {
  id: text('id').primaryKey(),
  merchantId: text('merchant_id').notNull().references(() => merchants.id),
  productId: text('product_id').notNull().references(() => products.id),
  orderId: text('order_id').notNull().references(() => orders.id),
  orderItemId: text('order_item_id').notNull().references(() => orderItems.id),
  status: text('status').notNull().default('pending'),
  keyHash: bytea('key_hash').notNull(),
  keyCiphertext: bytea('key_ciphertext').notNull(),
  keyKeyId: text('key_key_id').notNull(),
  /** null: as many machines as the buyer likes. */
  activationLimit: integer('activation_limit'),
  /** Machines activated now (the rows of license_instances not deactivated), kept on the row so the limit is one conditional update. */
  activationUsage: integer('activation_usage').notNull().default(0),
  validityDays: integer('validity_days'),
  issuedAt: tstz('issued_at'),
  expiresAt: tstz('expires_at'),
  disabledAt: tstz('disabled_at'),
  disabledReason: text('disabled_reason'),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('licenses_key_hash_key').on(t.keyHash),
  index('licenses_order_item_idx').on(t.orderItemId),
  index('licenses_merchant_idx').on(t.merchantId, t.id),
  check('licenses_status_check', sql`${t.status} in ('pending', 'active', 'disabled')`),
  check('licenses_usage_check', sql`${t.activationUsage} >= 0 and (${t.activationLimit} is null or ${t.activationUsage} <= ${t.activationLimit})`),
]);

/** One machine a license is activated on (Lemon Squeezy's "instance"); deactivation keeps the row with its time. */
export const licenseInstances = pgTable('license_instances', {
  id: text('id').primaryKey(),
  licenseId: text('license_id').notNull().references(() => licenses.id),
  name: text('name').notNull(),
  createdAt: createdAt(),
  deactivatedAt: tstz('deactivated_at'),
  deactivatedBy: text('deactivated_by'),
}, (t) => [index('license_instances_license_idx').on(t.licenseId, t.createdAt)]);

export const orderEvents = pgTable('order_events', {
  id: text('id').primaryKey(),
  orderId: text('order_id').notNull().references(() => orders.id),
  merchantId: text('merchant_id').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status').notNull(),
  actor: text('actor').notNull(),
  note: text('note'),
  createdAt: createdAt(),
}, (t) => [index('order_events_order_idx').on(t.orderId, t.id)]);

export const outboxEvents = pgTable('outbox_events', {
  id: text('id').primaryKey(),
  merchantId: text('merchant_id'),
  type: text('type').notNull(),
  data: jsonb('data').notNull(),
  createdAt: createdAt(),
  publishedAt: tstz('published_at'),
}, (t) => [index('outbox_events_unpublished_idx').on(t.id).where(sql`${t.publishedAt} is null`)]);

export const ledgerAccounts = pgTable('ledger_accounts', {
  id: text('id').primaryKey(),
  code: text('code').notNull(),
  kind: text('kind').notNull(),
  merchantId: text('merchant_id').references(() => merchants.id),
  currency: text('currency').notNull(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('ledger_accounts_code_key').on(t.code), index('ledger_accounts_merchant_idx').on(t.merchantId).where(sql`${t.merchantId} is not null`)]);

export const ledgerTransactions = pgTable('ledger_transactions', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  causeType: text('cause_type').notNull(),
  causeId: text('cause_id').notNull(),
  /** The order this money belongs to, when it belongs to one (sales, refunds, completions). */
  orderId: text('order_id'),
  /** Words for the statement (an adjustment's reason); covered by the digest. */
  memo: text('memo'),
  /** SHA-256 of the transaction and its entries (src/modules/money/ledger-chain.ts), written with them. */
  digest: text('digest'),
  /** Position in the hash chain, set by the sealing job seconds after commit; null until then. */
  seq: bigint('seq', { mode: 'number' }),
  prevHash: text('prev_hash'),
  /** SHA-256 of prev_hash and digest. */
  hash: text('hash'),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('ledger_transactions_cause_key').on(t.kind, t.causeType, t.causeId),
  uniqueIndex('ledger_transactions_seq_key').on(t.seq),
  index('ledger_transactions_order_idx').on(t.orderId).where(sql`${t.orderId} is not null`),
  index('ledger_transactions_unsealed_idx').on(t.createdAt, t.id).where(sql`${t.seq} is null`),
]);

export const ledgerEntries = pgTable('ledger_entries', {
  id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
  transactionId: text('transaction_id').notNull().references(() => ledgerTransactions.id),
  accountId: text('account_id').notNull().references(() => ledgerAccounts.id),
  amount: money('amount').notNull(),
  currency: text('currency').notNull(),
  createdAt: createdAt(),
}, (t) => [
  index('ledger_entries_transaction_idx').on(t.transactionId),
  // A shop's statement pages through its accounts' transactions by id; migration 0008 adds INCLUDE (amount)
  // so a balance is summed from the index alone.
  index('ledger_entries_account_idx').on(t.accountId, t.transactionId),
]);

/** Where a shop's payouts go: an Alipay account, a bank account, a USDT address. The details are encrypted; `masked` is what screens show. */
export const payoutDestinations = pgTable('payout_destinations', {
  id: text('id').primaryKey(),
  merchantId: text('merchant_id').notNull().references(() => merchants.id),
  kind: text('kind').notNull(),
  label: text('label').notNull(),
  masked: text('masked').notNull(),
  details: text('details').notNull(),
  detailsKeyId: text('details_key_id').notNull(),
  createdAt: createdAt(),
  deletedAt: tstz('deleted_at'),
}, (t) => [
  index('payout_destinations_merchant_idx').on(t.merchantId, t.id),
  check('payout_destinations_kind_check', sql`${t.kind} in ('alipay', 'bank', 'usdt')`),
]);

/** 提现: money a shop asked to be paid out of its available balance (DESIGN §13). The amount is moved out of `available` when asked. */
export const payouts = pgTable('payouts', {
  id: text('id').primaryKey(),
  merchantId: text('merchant_id').notNull().references(() => merchants.id),
  amount: money('amount').notNull(),
  /** The platform's payout fee, out of `amount`: the shop receives amount − fee. */
  fee: money('fee').notNull().default(0),
  currency: text('currency').notNull(),
  status: text('status').notNull().default('pending'),
  destinationId: text('destination_id').references(() => payoutDestinations.id),
  /** The destination as it was when asked (masked), so a later edit does not rewrite history. */
  destinationMasked: text('destination_masked'),
  reference: text('reference'),
  reason: text('reason'),
  requestedBy: text('requested_by').notNull(),
  createdAt: createdAt(),
  approvedAt: tstz('approved_at'),
  paidAt: tstz('paid_at'),
  rejectedAt: tstz('rejected_at'),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
}, (t) => [
  index('payouts_merchant_idx').on(t.merchantId, t.id),
  index('payouts_open_idx').on(t.id).where(sql`${t.status} in ('pending', 'approved')`),
  check('payouts_amount_check', sql`${t.amount} > 0 and ${t.fee} >= 0 and ${t.fee} < ${t.amount}`),
  check('payouts_status_check', sql`${t.status} in ('pending', 'approved', 'paid', 'rejected')`),
]);

/** 售后/仲裁: a buyer's complaint about a delivered order (DESIGN §13). One per order. */
export const disputes = pgTable('disputes', {
  id: text('id').primaryKey(),
  orderId: text('order_id').notNull().references(() => orders.id),
  merchantId: text('merchant_id').notNull().references(() => merchants.id),
  /** open: the shop is to answer; escalated: the platform is to rule; resolved: closed with an outcome. */
  status: text('status').notNull().default('open'),
  reason: text('reason').notNull(),
  /** refund | partial_refund | reject (the platform's rulings), merchant_refund (the shop refunded in full), withdrawn (the buyer closed it). */
  outcome: text('outcome'),
  refundAmount: money('refund_amount'),
  /** A platform ruling under way (its refund asked of the gateway, not yet answered): `refund` or `partial_refund`, and its amount. */
  ruling: text('ruling'),
  rulingAmount: money('ruling_amount'),
  /** The shop answers by then, or the dispute goes to the platform. */
  respondBy: tstz('respond_by').notNull(),
  merchantRespondedAt: tstz('merchant_responded_at'),
  escalatedAt: tstz('escalated_at'),
  resolvedAt: tstz('resolved_at'),
  resolvedBy: text('resolved_by'),
  createdAt: createdAt(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('disputes_order_key').on(t.orderId),
  index('disputes_merchant_idx').on(t.merchantId, t.id),
  index('disputes_open_idx').on(t.respondBy).where(sql`${t.status} = 'open'`),
  check('disputes_status_check', sql`${t.status} in ('open', 'escalated', 'resolved')`),
  check('disputes_reason_check', sql`${t.reason} in ('key_invalid', 'not_as_described', 'not_received', 'other')`),
]);

/** The dispute's timeline: messages from the buyer, the shop and the platform, and what happened (system lines). */
export const disputeMessages = pgTable('dispute_messages', {
  id: text('id').primaryKey(),
  disputeId: text('dispute_id').notNull().references(() => disputes.id),
  merchantId: text('merchant_id').notNull(),
  author: text('author').notNull(),
  body: text('body').notNull(),
  /** A screenshot attached to the message (PNG, JPEG or WebP, ≤ 5 MB), kept in the database so every node serves it and backups include it. */
  attachmentData: bytea('attachment_data'),
  attachmentType: text('attachment_type'),
  /** A system line's meaning (e.g. `refunded_full`), so each reader sees it in their own language; `body` keeps the text for everyone else. */
  event: text('event'),
  /** Its values (amounts in minor units with their currency, a count, the gateway's words). */
  eventData: jsonb('event_data'),
  createdAt: createdAt(),
}, (t) => [
  index('dispute_messages_dispute_idx').on(t.disputeId, t.id),
  check('dispute_messages_author_check', sql`${t.author} in ('buyer', 'merchant', 'admin', 'system')`),
]);

/** 评价: a buyer's review of a paid order, once; the shop may reply once. */
export const reviews = pgTable('reviews', {
  id: text('id').primaryKey(),
  orderId: text('order_id').notNull().references(() => orders.id),
  merchantId: text('merchant_id').notNull().references(() => merchants.id),
  productId: text('product_id').notNull(),
  rating: integer('rating').notNull(),
  /** Did the key / account work (激活成功率). */
  activation: integer('activation').notNull(),
  /** Was it as described (描述相符). */
  accuracy: integer('accuracy').notNull(),
  /** How fast the shop answered after the sale (售后响应). */
  support: integer('support').notNull(),
  comment: text('comment'),
  reply: text('reply'),
  repliedAt: tstz('replied_at'),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('reviews_order_key').on(t.orderId),
  index('reviews_merchant_idx').on(t.merchantId, t.id),
  index('reviews_product_idx').on(t.productId, t.id),
  check('reviews_scores_check', sql`${t.rating} between 1 and 5 and ${t.activation} between 1 and 5 and ${t.accuracy} between 1 and 5 and ${t.support} between 1 and 5`),
]);

export const auditLog = pgTable('audit_log', {
  id: text('id').primaryKey(),
  actorType: text('actor_type').notNull(),
  actorId: text('actor_id'),
  merchantId: text('merchant_id'),
  action: text('action').notNull(),
  targetType: text('target_type'),
  targetId: text('target_id'),
  data: jsonb('data').notNull().default({}),
  ip: text('ip'),
  createdAt: createdAt(),
}, (t) => [index('audit_log_merchant_idx').on(t.merchantId, t.id)]);
