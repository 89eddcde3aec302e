import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { formatBytes, formatMoney } from '../../shared/format.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { Link } from '../../shared/router.tsx';
import { ErrorBox, Loading } from '../../shared/ui.tsx';
import { rememberOrder } from '../recent.ts';
import type { CheckoutResult, ShopGateway, StoreProduct } from '../types.ts';
import { ProductReviews, ReputationBadge, StarLine } from './Reputation.tsx';

interface Loaded { shop: { slug: string; name: string }; product: StoreProduct; gateways: ShopGateway[] }

/** Product descriptions are Markdown written by merchants: rendered, then sanitized (no scripts, no event handlers). */
function renderMarkdown(md: string): string {
  return DOMPurify.sanitize(marked.parse(md, { async: false, gfm: true, breaks: true }) as string, { USE_PROFILES: { html: true } });
}

function fee(g: ShopGateway | undefined, total: number): number {
  return g ? Math.floor((total * g.fee_bps + 5000) / 10000) + g.fee_fixed : 0;
}

export function ProductPage({ slug, productId }: { slug: string; productId: string }) {
  const { t, lang } = useI18n();
  const [data, setData] = useState<Loaded>();
  const [loadError, setLoadError] = useState<unknown>();
  const [quantity, setQuantity] = useState(1);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [gateway, setGateway] = useState('');
  const [method, setMethod] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [picking, setPicking] = useState(false);
  const [picks, setPicks] = useState<Array<{ id: string; preview: string }>>();
  const [picked, setPicked] = useState<string>();
  const [error, setError] = useState<string>();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [variantId, setVariantId] = useState<string>();

  useEffect(() => {
    const base = `/api/v1/storefront/${encodeURIComponent(slug)}`;
    Promise.all([
      api<{ shop: Loaded['shop']; product: StoreProduct }>(`${base}/products/${encodeURIComponent(productId)}`),
      api<{ data: ShopGateway[] }>(`${base}/gateways`),
    ]).then(([p, g]) => {
      const usable = g.data.filter((x) => x.gateway !== 'wallet' && (!x.currencies || x.currencies.includes(p.product.currency)));
      setData({ shop: p.shop, product: p.product, gateways: usable });
      // A product with variants opens on the first one in stock.
      const first = p.product.variants.find((v) => v.stock.available >= v.min_quantity) ?? p.product.variants[0];
      setVariantId(first?.id);
      setQuantity(first ? first.min_quantity : p.product.min_quantity);
      setGateway(usable[0]?.gateway ?? '');
      setMethod(usable[0]?.methods[0] ?? '');
      document.title = `${p.product.title} · ${p.shop.name}`;
    }, setLoadError);
  }, [slug, productId]);

  const description = useMemo(() => (data ? renderMarkdown(data.product.description) : ''), [data]);

  if (loadError) {
    return <ErrorBox>{(loadError as { status?: number }).status === 404 ? t('product.notFound') : errorText(t, loadError)}</ErrorBox>;
  }
  if (!data) return <Loading />;
  const { gateways } = data;
  // The variant picked (SKU) has its own price, stock and validity; the rest is the product's.
  const variant = data.product.variants.find((v) => v.id === variantId);
  // Its own price, stock, limits, tiers, validity and delivery settings; the product's name, description and rating.
  const product = variant
    ? { ...data.product, ...variant, id: data.product.id, title: data.product.title, description: data.product.description, rating: data.product.rating, variants: data.product.variants }
    : data.product;
  const chosen = gateways.find((g) => g.gateway === gateway);
  // 批发价: the largest tier the quantity reaches sets the unit price (the server applies the same rule).
  // A picked key is one unit (the server prices it so): tiers by that quantity, plus the surcharge.
  const units = picking && picked ? 1 : quantity;
  const unit = product.price_tiers.reduce((u, tier) => (units >= tier.min_quantity ? tier.unit_price : u), product.price)
    + (picking && picked ? product.pick.surcharge : 0);
  const total = unit * units;
  const amount = total + fee(chosen, total);
  const max = Math.min(product.max_quantity, Math.max(product.stock.available, product.min_quantity));
  const soldOut = product.stock.available < product.min_quantity;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setSubmitting(true);
    try {
      const out = await api<CheckoutResult>(`/api/v1/storefront/${encodeURIComponent(slug)}/orders`, {
        method: 'POST',
        body: { product_id: product.id, quantity: picking && picked ? 1 : quantity, email, query_password: password, gateway, ...(method ? { method } : {}),
          ...(picking && picked ? { card_id: picked } : {}),
          ...(variant ? { variant_id: variant.id } : {}),
          ...(product.manual ? { fields: Object.fromEntries(Object.entries(answers).filter(([, v]) => v.trim() !== '')) } : {}) },
      });
      rememberOrder({
        number: out.order.number, shop: data?.shop.name ?? slug, title: product.title, total: out.payment.amount, currency: out.order.currency,
        at: new Date().toISOString(),
      }, out.access_token);
      // The payment step: the sandbox page, a QR code, a redirect or a form — all behind pay_url.
      location.assign(out.payment.pay_url);
    } catch (err) {
      setError(errorText(t, err));
      setSubmitting(false);
    }
  }

  return (
    <div className="product-layout">
      <article className="card">
        <p className="crumbs"><Link href={`/s/${encodeURIComponent(slug)}`}>← {data.shop.name}</Link></p>
        <h1>{product.title}</h1>
        <p className="product-meta">
          <strong className="price price-lg">{formatMoney(product.price, product.currency, lang)}</strong>
          <span className={soldOut ? 'badge badge-off' : 'badge badge-ok'}>
            {soldOut ? t('product.soldOut') : product.stock.unlimited ? t('product.available') : t('product.inStock', { n: product.stock.capped ? `${product.stock.available}+` : product.stock.available })}
          </span>
          {product.manual
            ? <span className="badge badge-info" data-testid="by-hand">✋ {t('manual.byHand', { hours: product.manual.sla_hours })}</span>
            : <span className="badge badge-info">⚡ {t('product.instant')}</span>}
          {product.download && <span className="badge badge-info" data-testid="file">{t('product.file', { name: product.download.filename, size: formatBytes(product.download.size) })}</span>}
          {product.license && <span className="badge badge-info" data-testid="license-devices">
            {product.license.activation_limit === null ? t('product.licenseAny') : t('product.licenseDevices', { n: product.license.activation_limit })}</span>}
          {product.validity_days !== null && <span className="badge badge-info" data-testid="validity">{t('product.validity', { n: product.validity_days })}</span>}
          {product.rating.count > 0 && product.rating.average !== null && (
            <span className="small" data-testid="product-rating"><StarLine value={product.rating.average} /> {product.rating.average.toFixed(1)} · {product.rating.count === 1 ? t('rep.review1') : t('rep.reviews', { n: product.rating.count })}</span>
          )}
        </p>
        {product.price_tiers.length > 0 && (
          <table className="tiers" data-testid="price-tiers">
            <caption>{t('product.tiers')}</caption>
            <tbody>
              <tr><th scope="row">{t('product.tierFrom', { n: product.min_quantity })}</th><td>{formatMoney(product.price, product.currency, lang)}</td></tr>
              {product.price_tiers.map((tier) => (
                <tr key={tier.min_quantity} className={units >= tier.min_quantity && unit - (picking && picked ? product.pick.surcharge : 0) === tier.unit_price ? 'on' : undefined}>
                  <th scope="row">{t('product.tierFrom', { n: tier.min_quantity })}</th><td>{formatMoney(tier.unit_price, product.currency, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ReputationBadge slug={slug} />
        {/* Sanitized by DOMPurify above. */}
        <div className="prose" dangerouslySetInnerHTML={{ __html: description }} />
        <ProductReviews slug={slug} productId={product.id} />
      </article>

      <form className="card checkout" onSubmit={submit} aria-labelledby="checkout-title">
        <h2 id="checkout-title">{t('checkout.title')}</h2>
        {data.product.variants.length > 0 && (
          <fieldset className="field" data-testid="variants">
            <legend>{t('variant.pick')}</legend>
            <div className="options variants" role="radiogroup">
              {data.product.variants.map((v) => {
                const out = v.stock.available < v.min_quantity;
                return (
                  <label key={v.id} className={`option${variantId === v.id ? ' on' : ''}${out ? ' off' : ''}`}>
                    <input type="radio" name="variant" value={v.id} checked={variantId === v.id} disabled={out}
                      onChange={() => { setVariantId(v.id); setQuantity(v.min_quantity); setPicking(false); setPicks(undefined); setPicked(undefined); }} />
                    <span>{v.name} · {formatMoney(v.price, data.product.currency, lang)}{out ? ` · ${t('product.soldOut')}` : ''}</span>
                  </label>
                );
              })}
            </div>
          </fieldset>
        )}
        {product.pick.enabled && product.min_quantity <= 1 && (
          <fieldset className="field" data-testid="pick">
            <legend>{t('pick.title')}</legend>
            <label className="option"><input type="checkbox" checked={picking} onChange={(e) => {
              setPicking(e.target.checked);
              setPicked(undefined);
              if (e.target.checked && !picks) {
                api<{ data: Array<{ id: string; preview: string }> }>(`/api/v1/storefront/${encodeURIComponent(slug)}/products/${encodeURIComponent(variant?.id ?? product.id)}/picks?limit=100`)
                  .then((r) => setPicks(r.data), () => setPicks([]));
              }
            }} /> <span>{t('pick.toggle', { surcharge: formatMoney(product.pick.surcharge, product.currency, lang) })}</span></label>
            {picking && (!picks ? <Loading /> : picks.length === 0 ? <p className="muted">{t('product.soldOut')}</p> : (
              <div className="picks" role="radiogroup" aria-label={t('pick.title')}>
                {picks.map((c) => (
                  <label key={c.id} className={`pick${picked === c.id ? ' on' : ''}`}>
                    <input type="radio" name="pick" value={c.id} checked={picked === c.id} onChange={() => setPicked(c.id)} />
                    <code>{c.preview}</code>
                  </label>
                ))}
              </div>
            ))}
          </fieldset>
        )}
        {!(picking && picked) && <div className="field">
          <label htmlFor="qty">{t('checkout.quantity')}</label>
          <div className="stepper">
            <button type="button" className="btn btn-ghost" aria-label={t('checkout.decrease')} disabled={quantity <= product.min_quantity}
              onClick={() => setQuantity((q) => Math.max(product.min_quantity, q - 1))}>−</button>
            <input id="qty" name="quantity" type="number" inputMode="numeric" min={product.min_quantity} max={max} value={quantity} required
              onChange={(e) => setQuantity(Math.max(1, Math.floor(Number(e.target.value) || 1)))} />
            <button type="button" className="btn btn-ghost" aria-label={t('checkout.increase')} disabled={quantity >= max}
              onClick={() => setQuantity((q) => Math.min(max, q + 1))}>+</button>
          </div>
          {product.max_quantity > 1 && <p className="hint">{t('checkout.limits', { min: product.min_quantity, max: product.max_quantity })}</p>}
        </div>}
        {product.manual && (
          <fieldset className="field" data-testid="manual-fields">
            <legend>{t('manual.fields')}</legend>
            <p className="hint">{t('manual.sla', { hours: product.manual.sla_hours })}</p>
            {product.manual.fields.map((f) => (
              <div className="field" key={f.key}>
                <label htmlFor={`mf-${f.key}`}>{f.label}{f.required ? '' : ` (${t('manual.optional')})`}</label>
                {f.type === 'select'
                  ? <select id={`mf-${f.key}`} className="input" required={f.required} value={answers[f.key] ?? ''}
                      onChange={(e) => setAnswers((a) => ({ ...a, [f.key]: e.target.value }))}>
                      <option value="">{t('manual.choose')}</option>
                      {(f.options ?? []).map((o) => <option key={o} value={o}>{o}</option>)}
                    </select>
                  : <input id={`mf-${f.key}`} type={f.type === 'number' ? 'number' : 'text'} inputMode={f.type === 'number' ? 'decimal' : undefined}
                      required={f.required} min={f.min} max={f.max} maxLength={f.type === 'text' ? (f.max_length ?? 200) : undefined}
                      placeholder={f.placeholder} autoComplete="off" value={answers[f.key] ?? ''}
                      onChange={(e) => setAnswers((a) => ({ ...a, [f.key]: e.target.value }))} />}
              </div>
            ))}
          </fieldset>
        )}
        <div className="field">
          <label htmlFor="email">{t('checkout.email')}</label>
          <input id="email" name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} aria-describedby="email-hint" />
          <p className="hint" id="email-hint">{t('checkout.emailHint')}</p>
        </div>
        <div className="field">
          <label htmlFor="qpw">{t('checkout.password')}</label>
          <input id="qpw" name="query_password" type="password" autoComplete="new-password" required minLength={4} maxLength={128}
            value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby="qpw-hint" />
          <p className="hint" id="qpw-hint">{t('checkout.passwordHint')}</p>
        </div>
        <fieldset className="field">
          <legend>{t('checkout.payWith')}</legend>
          <div className="options">
            {gateways.map((g) => (
              <label key={g.gateway} className="option">
                <input type="radio" name="gateway" value={g.gateway} checked={gateway === g.gateway}
                  onChange={() => { setGateway(g.gateway); setMethod(g.methods[0] ?? ''); }} />
                <span>{g.title}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {chosen && chosen.methods.length > 1 && (
          <fieldset className="field">
            <legend>{t('checkout.method')}</legend>
            <div className="options">
              {chosen.methods.map((m) => (
                <label key={m} className="option">
                  <input type="radio" name="method" value={m} checked={method === m} onChange={() => setMethod(m)} />
                  <span>{t(`method.${m}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <dl className="summary">
          {unit !== product.price && <><dt>{t('checkout.unitPrice')}</dt><dd data-testid="unit-price">{formatMoney(unit, product.currency, lang)}</dd></>}
          {amount !== total && <><dt>{t('checkout.fee')}</dt><dd>{formatMoney(amount - total, product.currency, lang)}</dd></>}
          <dt>{t('checkout.total')}</dt><dd><strong>{formatMoney(amount, product.currency, lang)}</strong></dd>
        </dl>
        {error && <ErrorBox>{error}</ErrorBox>}
        <button type="submit" className="btn btn-block" disabled={submitting || soldOut || !gateway}>
          {submitting ? t('checkout.submitting') : t('checkout.submit', { amount: formatMoney(amount, product.currency, lang) })}
        </button>
      </form>
    </div>
  );
}
