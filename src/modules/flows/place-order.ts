// Guest checkout (DESIGN §5): validate, then in one transaction create the
// order and its item, reserve exactly the quantity, and open a payment attempt.
import { minorUnits } from '../../lib/money.ts';
import { advisoryKey, prepared, withTransaction } from '../../db/client.ts';
import { assertionCode, runPipeline, sqlAssert } from '../../db/pipeline.ts';
import { AppError, conflict, notFound, rateLimited, validationError } from '../../lib/errors.ts';
import { postLedgerTransaction } from '../money/ledger.ts';
import { commissionOf } from '../money/commission.ts';
import { acceptPaymentInTransaction } from './accept-payment.ts';
import { moveWalletBalance, walletAccount } from '../wallet/move-wallet-balance.ts';
import { addressKey, emailKey } from '../../lib/client-address.ts';
import { newId, newOrderNumber } from '../../lib/ids.ts';
import { chooseGateway } from '../payments/choose-gateway.ts';
import { paymentUrl } from '../payments/gateways/gateways.ts';
import { openPayment } from './open-payment.ts';
import { buyerOf, type Ctx } from '../shared/context.ts';
import { reserveCardsSql } from '../vault/reserve-cards.ts';
import { countAvailableSql, stockGate } from '../vault/stock-gate.ts';
import { KEY_COUNT_CAP } from '../vault/count-keys.ts';
import { holdSharedSql } from '../vault/shared-stock.ts';
import { reservePickedSql } from '../vault/pick-cards.ts';
import { pendingLicensesSql, sealLicenses } from '../licenses/issue-licenses.ts';
import type { CreateOrderInput } from '../orders/schemas.ts';
import { unitPriceFor } from '../catalog/product-rows.ts';
import type { Delivery, PriceTiers } from '../catalog/schemas.ts';
import { checkFilledFields, type ManualField } from '../catalog/manual-fields.ts';

/** The window checkout attempts are counted in (XIAOPU_CHECKOUT_LIMIT_PER_IP / _PER_EMAIL per window). */
export const CHECKOUT_WINDOW_SECONDS = 600;
const LOCK_CLASS_IP = 7270031;
const LOCK_CLASS_EMAIL = 7270032;

interface CheckoutProduct {
  id: string; merchant_id: string; title: string; price: string; currency: string; min_quantity: number; max_quantity: number;
  shop_gateways: string[] | null; commission_bps: number | null; price_tiers: PriceTiers; delivery: Delivery;
  pick_enabled: boolean; pick_surcharge: string; license_activation_limit: number | null; license_key_format: string | null; validity_days: number | null;
  manual_fields: ManualField[] | null;
}

export type PlaceOrderInput = CreateOrderInput & { shopSlug: string };

const soldOut = () => conflict('out_of_stock', 'Not enough stock for this quantity.');

/** The buyer (`ctx.actor`) checks out; logged in (their `userId`), they may pay from the wallet. */
export async function placeOrder(s: Ctx, input: PlaceOrderInput) {
  // A checkout that cannot win (this process already has checkouts in flight
  // for every key left) is turned away before it waits for the database.
  // A variant (SKU) has its own stock: the gate counts it under its own id.
  const admission = await stockGate.enter(input.shopSlug, input.variant_id ?? input.product_id, input.quantity);
  if (admission.kind === 'refused') throw soldOut();
  let ticket = admission.kind === 'admitted' ? admission.ticket : undefined;
  // The leader counts the keys in its product read, for every checkout waiting on it.
  const report = admission.kind === 'leader' ? admission.report : undefined;
  try {
    const placed = await placeAdmittedOrder(s, input, report === undefined ? undefined : (available) => {
      ticket = report(available);
      if (!ticket) throw soldOut();
    });
    ticket?.sold();
    return placed;
  } catch (err) {
    report?.(undefined);
    ticket?.failed(err instanceof AppError && err.code === 'out_of_stock');
    throw err;
  }
}

async function placeAdmittedOrder(s: Ctx, input: PlaceOrderInput, counted?: (available: number | undefined) => void) {
  const { ip: buyerIp, userId: buyerUserId } = buyerOf(s);
  const { shopSlug } = input;
  const pool = s.database.pool;
  // The attempt is counted (per IP and per email, in PostgreSQL so every
  // process shares the count) in the same statement that reads the product.
  const now = s.clock.now();
  // Limits count by address key (an IPv6 /64) and by email key (no +tag); the order keeps the key as its buyer_ip.
  const address = addressKey(buyerIp);
  const who = emailKey(input.email);
  const windowMs = CHECKOUT_WINDOW_SECONDS * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const { rows } = await prepared<CheckoutProduct & { in_stock: boolean; available: number | null; ip_hits: number | null; email_hits: number | null; has_variants: boolean }>(pool,
    `with rl as (insert into rate_limits (key, window_start, hits) select k, $4, 1 from unnest($3::text[]) as k
                 on conflict (key, window_start) do update set hits = rate_limits.hits + 1 returning key, hits)
     select p.id, p.merchant_id, p.title, m.gateways as shop_gateways, m.commission_bps, p.price_tiers, p.pick_enabled, p.pick_surcharge, p.price, p.currency, p.min_quantity, p.max_quantity,
            p.delivery, p.license_activation_limit, p.license_key_format, p.validity_days, p.manual_fields,
            case when p.delivery = 'shared' then p.shared_limit is null or p.shared_held < p.shared_limit
                 when p.delivery in ('license', 'manual', 'webhook') then true
                 when p.delivery = 'download' then p.download_file_id is not null
                 else exists (select 1 from cards c where c.product_id = p.id and c.status = 'available') end as in_stock,
            case when p.delivery = 'shared' then case when $5::boolean then least(coalesce(p.shared_limit - p.shared_held, ${KEY_COUNT_CAP}), ${KEY_COUNT_CAP}) end
                 when p.delivery in ('license', 'manual', 'download', 'webhook') then case when $5::boolean then ${KEY_COUNT_CAP} end
                 else ${countAvailableSql('p.id', '$5::boolean')} end as available,
            (select hits from rl where key like 'checkout:ip:%') as ip_hits, (select hits from rl where key like 'checkout:email:%') as email_hits,
            exists (select 1 from products v where v.parent_id = p.id) as has_variants
       from products p join merchants m on m.id = p.merchant_id
      where m.slug = $1 and m.status = 'active' and p.id = coalesce($6::text, $2)
        -- A variant is bought through its product (which must be visible); a product is bought as itself.
        and (case when $6::text is null then p.parent_id is null else p.parent_id = $2 end)
        and p.visibility <> 'hidden' and coalesce((select pp.visibility from products pp where pp.id = p.parent_id), p.visibility) <> 'hidden'`,
    [shopSlug, input.product_id, [
      ...(s.config.checkoutPerIp > 0 ? [`checkout:ip:${address}`] : []),
      ...(s.config.checkoutPerEmail > 0 ? [`checkout:email:${who}`] : []),
    ], windowStart, counted !== undefined, input.variant_id ?? null],
  );
  const product = rows[0];
  // A product with variants sells none of its own: never gated (each variant is, under its own id).
  counted?.(product ? (product.has_variants ? KEY_COUNT_CAP : product.available ?? 0) : undefined);
  if (!product) throw input.variant_id !== undefined ? validationError('this product has no such variant', 'variant_id') : notFound('product');
  if (product.has_variants) throw validationError('pick one of the product\'s variants', 'variant_id');
  if (input.quantity < product.min_quantity || input.quantity > product.max_quantity) {
    throw validationError(`quantity must be between ${product.min_quantity} and ${product.max_quantity}`, 'quantity');
  }
  // Anti-hoarding: so many checkouts per IP and per email in a window (0 turns a limit off)…
  const { checkoutPerIp, checkoutPerEmail } = s.config;
  if ((checkoutPerIp > 0 && (product.ip_hits ?? 0) > checkoutPerIp) || (checkoutPerEmail > 0 && (product.email_hits ?? 0) > checkoutPerEmail)) {
    throw rateLimited('rate_limited', 'Too many checkouts from here in a short time. Wait a few minutes and try again.');
  }
  if (input.card_id !== undefined) {
    if (!product.pick_enabled) throw validationError('this product does not let buyers pick their key', 'card_id');
    if (input.quantity !== 1) throw validationError('a picked key is one unit: quantity must be 1', 'quantity');
  }
  // 代充: the buyer's answers to the shop's fields, checked, then kept encrypted on the order item.
  if (product.delivery !== 'manual' && input.fields !== undefined) throw validationError('this product asks for no fields', 'fields');
  const filled = product.delivery === 'manual' ? s.keyring.seal(JSON.stringify(checkFilledFields(product.manual_fields ?? [], input.fields))) : undefined;
  // Sold out: answer at once instead of queueing for a reservation that cannot succeed.
  if (!product.in_stock) throw soldOut();
  // 批发价: the largest wholesale tier the quantity reaches sets the unit price; a picked key (自选) costs its surcharge more.
  const unitPrice = unitPriceFor(minorUnits(product.price), product.price_tiers, input.quantity)
    + (input.card_id !== undefined ? minorUnits(product.pick_surcharge) : 0);
  const total = unitPrice * input.quantity;
  if (!Number.isSafeInteger(total)) throw validationError('order total is too large', 'quantity');
  const chosen = await chooseGateway(s, { id: product.merchant_id, gateways: product.shop_gateways }, input, product.currency, total);
  const gateway = chosen.gateway;
  const amount = total + chosen.fee;
  const payFromWallet = chosen.config.adapter.internal === true;
  // Money paid to the shop's own gateway account never passes through the platform: no commission is taken from it.
  const commission = chosen.config.merchantId ? 0 : commissionOf(total, product.commission_bps ?? s.config.commissionBps);
  if (payFromWallet && !buyerUserId) {
    throw new AppError(401, 'login_required', 'Log in to pay from your wallet.', 'authentication_error', 'gateway');
  }

  const t = now.getTime();
  const expiresAt = new Date(t + s.config.reservationTtlSeconds * 1000);
  const orderId = newId('ord', t);
  const itemId = newId('oit', t);
  const paymentId = newId('pay', t);
  const number = newOrderNumber(now);
  // License keys are made now, one per unit, and wait with the order; the sale makes them active.
  const licenses = product.delivery === 'license' ? sealLicenses(s.keyring, product.license_key_format ?? 'uuid', input.quantity, now) : undefined;

  // …and a buyer cannot hold more than so much stock unpaid at once. The
  // count must see every other checkout from this address or email that
  // committed, so those are serialised: advisory locks (IP before email, so
  // two checkouts never wait on each other in a circle) taken by a statement
  // of their own; the count is read by the reserving statement, whose
  // snapshot starts after them. A wallet payment settles at once and is never
  // unpaid, so it is not capped.
  const locks = {
    text: 'select pg_advisory_xact_lock($1::int, $2::int), pg_advisory_xact_lock($3::int, $4::int)',
    values: [LOCK_CLASS_IP, advisoryKey(address), LOCK_CLASS_EMAIL, advisoryKey(who)],
  };
  // One statement: the order, its item, the reservation (DESIGN §6), the
  // payment attempt, the order event and the outbox event. It checks itself:
  // the caps, then that exactly the quantity was reserved — or it raises and
  // everything rolls back.
  const create = {
    text: `with o as (insert into orders (id, number, merchant_id, status, email, query_password_hash, buyer_ip, total, currency, expires_at, created_at, updated_at, buyer_user_id, commission)
                  values ($1, $2, $3, 'pending_payment', $4, $5, $6, $7, $8, $9, $10, $10, $23, $27)),
            i as (insert into order_items (id, order_id, merchant_id, product_id, quantity, unit_price, total, picked_card_id, fields_ciphertext, fields_key_id)
                  values ($11, $1, $3, $12, $13, $14, $7, ${input.card_id !== undefined ? '$30' : 'null'}, $28, $29)),
            r as (${product.delivery === 'shared'
              ? holdSharedSql({ productId: '$12', quantity: '$13' })
              : product.delivery === 'manual' || product.delivery === 'download' || product.delivery === 'webhook'
                // Done by hand, a file, or issued by the shop's endpoint: nothing to reserve.
                ? 'select $13::int as n'
              : licenses
                ? pendingLicensesSql({
                    orderId: '$1', orderItemId: '$11', merchantId: '$3', productId: '$12', at: '$10',
                    ids: '$30', hashes: '$31', ciphertexts: '$32', keyId: '$33', activationLimit: '$34', validityDays: '$35',
                  })
                : input.card_id !== undefined
                ? reservePickedSql({ cardId: '$30', orderItemId: '$11', until: '$9', productId: '$12' })
                : `${reserveCardsSql({ orderItemId: '$11', until: '$9', productId: '$12', quantity: '$13' })} returning 1 as n`}),
            p as (insert into payments (id, order_id, merchant_id, gateway, method, fee, amount, currency, created_at, gateway_config_id)
                  values ($15, $1, $3, $16, $20, $21, $22, $8, $10, $24)),
            e as (insert into order_events (id, order_id, merchant_id, from_status, to_status, actor, created_at)
                  values ($17, $1, $3, null, 'pending_payment', $18, $10)),
            x as (insert into outbox_events (id, merchant_id, type, data, created_at)
                  values ($19, $3, 'order.created', jsonb_build_object('order_id', $1::text, 'number', $2::text, 'status', 'pending_payment',
                          'total', $7::bigint, 'currency', $8::text), $10)),
            -- Unpaid quantities before this order (the snapshot predates it).
            -- (Through arrays of order ids, so the plans are the partial indexes whatever the statistics say.)
            pending as (select (select coalesce(sum(oi.quantity), 0) from order_items oi where oi.order_id = any(array(
                                  select po.id from orders po where po.status = 'pending_payment' and lower(po.email) = lower($4)))) as by_email,
                               (select coalesce(sum(oi.quantity), 0) from order_items oi where oi.order_id = any(array(
                                  select po.id from orders po where po.status = 'pending_payment' and po.buyer_ip = $6))) as by_ip)
       select case
                -- One order may be as large as the product allows when nothing else is unpaid.
                when $25::int is not null and ((by_email > 0 and by_email + $13 > $25) or (by_ip > 0 and by_ip + $13 > $26::int))
                  then ${sqlAssert('false', 'too_many_pending')}
                when (select coalesce(sum(n), 0) from r) <> $13 then ${sqlAssert('false', input.card_id !== undefined ? 'card_taken' : 'out_of_stock')}
                else true end as ok
         from pending`,
    values: [orderId, number, product.merchant_id, input.email, s.keyring.queryPasswordHash(orderId, input.query_password), address,
      total, product.currency, expiresAt, now, itemId, product.id, input.quantity, unitPrice,
      paymentId, gateway, newId('oev', t), `buyer:${buyerIp}`, newId('evt', t), chosen.method, chosen.fee, amount, buyerUserId ?? null, chosen.config.id,
      payFromWallet ? null : s.config.maxPendingPerEmail, payFromWallet ? null : s.config.maxPendingPerIp, commission,
      filled?.ciphertext ?? null, filled?.keyId ?? null,
      ...(input.card_id !== undefined ? [input.card_id] : []),
      ...(licenses ? [licenses.ids, licenses.hashes, licenses.ciphertexts, licenses.keyId, product.license_activation_limit, product.validity_days] : [])],
  };
  let walletReached: 'delivered' | 'awaiting_fulfilment' | 'paid' | undefined;
  try {
    if (!payFromWallet) {
      // The usual checkout: both statements in one round trip, one transaction.
      await runPipeline(pool, [locks, create]);
    } else if (buyerUserId) {
      // 余额支付: debit the balance and settle the order in this same transaction.
      // Too little balance throws 409 insufficient_balance and rolls everything back.
      await withTransaction(pool, async (q) => {
        await runPipeline(q, [locks, create]);
        await moveWalletBalance(q, { userId: buyerUserId, currency: product.currency, amount: -amount, kind: 'payment', refId: paymentId, at: now });
        await postLedgerTransaction(q, {
          kind: 'wallet_payment', causeType: 'wallet_payment', causeId: paymentId, orderId, at: now,
          entries: [
            { account: walletAccount(buyerUserId, product.currency), amount },
            { account: { kind: 'gateway_clearing', owner: 'wallet', merchantId: null, currency: product.currency }, amount: -amount },
          ],
        });
        const outcome = await acceptPaymentInTransaction(s, q, {
          paymentId, gateway, tradeNo: `wallet_${paymentId}`, amount, currency: product.currency, actor: `buyer:${buyerUserId}`,
        });
        if (outcome.result !== 'delivered' && outcome.result !== 'awaiting_fulfilment' && outcome.result !== 'delivering') {
          throw new Error(`wallet checkout did not settle: ${JSON.stringify(outcome)}`);
        }
        walletReached = outcome.result === 'delivering' ? 'paid' : outcome.result;
      });
    }
  } catch (err) {
    const failed = assertionCode(err);
    if (failed === 'too_many_pending') throw rateLimited('too_many_pending', 'You have too many unpaid orders. Pay or let them expire first.');
    if (failed === 'out_of_stock') throw soldOut();
    if (failed === 'card_taken') {
      // Not taken but not this product's at all (or no key): say so, rather than send the buyer after a key that was never on offer here.
      const { rows: own } = await s.database.pool.query('select 1 from cards where id = $1 and product_id = $2', [input.card_id, product.id]);
      if (own.length === 0) throw validationError('no such key on offer for this product: pick one from its picks', 'card_id');
      throw conflict('card_taken', 'Someone else got this key first. Pick another.');
    }
    throw err;
  }

  // Outside the transaction: a gateway call must never hold locks. A payment made on
  // XiaoPu's own page (the sandbox's) is not opened anywhere: pay_url is that page.
  const action = !payFromWallet && !chosen.config.adapter.ownPayPage
    ? await openPayment(s, chosen.config, {
        purpose: { kind: 'order', orderId, orderNumber: number, merchantId: product.merchant_id }, paymentId, amount, currency: product.currency,
        method: chosen.method, subject: product.title, buyerIp, expiresAt,
      })
    : null;
  return {
    order: {
      id: orderId, object: 'order' as const, number, status: walletReached ?? 'pending_payment', total, currency: product.currency,
      expires_at: expiresAt.toISOString(), created_at: now.toISOString(),
      paid_at: payFromWallet ? now.toISOString() : null, delivered_at: walletReached === 'delivered' ? now.toISOString() : null,
    },
    access_token: s.keyring.orderAccessToken(orderId),
    payment: {
      id: paymentId, gateway, method: chosen.method, status: payFromWallet ? 'succeeded' : 'pending', amount, fee: chosen.fee,
      currency: product.currency, pay_url: paymentUrl(s, gateway, paymentId), action,
    },
  };
}
