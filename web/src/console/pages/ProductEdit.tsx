import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiResponse } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { formatBytes, formatMoney, formatTime, toMajor, toMinor } from '../../shared/format.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { Link, navigate } from '../../shared/router.tsx';
import { ErrorBox, Loading } from '../../shared/ui.tsx';
import { uploadWithProgress, useSession } from '../session.tsx';
import type { Product } from './Products.tsx';
import { useAction } from '../use-action.ts';
import { LicenseList } from './LicenseList.tsx';
import { useLatest } from '../../shared/use-latest.ts';

const CURRENCIES = ['CNY', 'USD', 'HKD', 'TWD', 'EUR', 'JPY'];

/** Webhook signing secrets just made (at creation), shown once on the product's page. */
const shownOnce = new Map<string, string>();

/** A 代充 field as edited here: choices as one comma-separated line. */
interface FieldDraft { key: string; label: string; type: 'text' | 'number' | 'select'; required: boolean; options: string }

export function ProductEditPage({ productId }: { productId?: string }) {
  const { t } = useI18n();
  const { call } = useSession();
  const [product, setProduct] = useState<Product>();
  const [form, setForm] = useState({ title: '', description: '', category: '', price: '', currency: 'CNY', min: '1', max: '100', visibility: 'public', instructions: '',
    delivery: 'card', sharedText: '', sharedLimit: '', pick: false, pickSurcharge: '', validity: '', activationLimit: '1', keyFormat: 'uuid',
    slaHours: '24', autoRefund: false, webhookUrl: '' });
  const [fields, setFields] = useState<FieldDraft[]>([{ key: 'account', label: '', type: 'text', required: true, options: '' }]);
  const [tiers, setTiers] = useState<Array<{ min: string; price: string }>>([]);
  const [loadError, setLoadError] = useState<unknown>();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [imports, setImports] = useState(0);

  const load = useCallback(async () => {
    if (!productId) return;
    try {
      const p = await call<Product>(`/api/v1/products/${productId}`);
      setProduct(p);
      setForm({ title: p.variant_name ?? p.title, description: p.description, category: p.category ?? '', price: toMajor(p.price, p.currency), currency: p.currency,
        min: String(p.min_quantity), max: String(p.max_quantity), visibility: p.visibility, instructions: p.instructions ?? '',
        delivery: p.delivery, sharedText: '', sharedLimit: p.shared?.limit === null || p.shared?.limit === undefined ? '' : String(p.shared.limit),
        pick: p.pick.enabled, pickSurcharge: p.pick.surcharge ? toMajor(p.pick.surcharge, p.currency) : '',
        validity: p.validity_days === null ? '' : String(p.validity_days),
        activationLimit: p.license?.activation_limit === null || p.license?.activation_limit === undefined ? '' : String(p.license.activation_limit),
        webhookUrl: p.webhook?.url ?? '',
        keyFormat: p.license?.key_format ?? 'uuid', slaHours: String(p.manual?.sla_hours ?? 24), autoRefund: p.manual?.auto_refund ?? false });
      if (p.manual) setFields(p.manual.fields.map((f) => ({ key: f.key, label: f.label, type: f.type, required: f.required, options: (f.options ?? []).join(', ') })));
      setTiers(p.price_tiers.map((x) => ({ min: String(x.min_quantity), price: toMajor(x.unit_price, p.currency) })));
    } catch (err) {
      setLoadError(err);
    }
  }, [call, productId]);
  useEffect(() => { void load(); }, [load]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setSaved(false);
    const price = toMinor(form.price, form.currency);
    if (price === undefined) return setError(`${t('form.price')}: ${form.price}`);
    const priceTiers = [];
    for (const x of tiers) {
      const unit = toMinor(x.price, form.currency);
      if (unit === undefined || !/^\d+$/.test(x.min.trim())) return setError(`${t('form.tiers')}: ${x.min} / ${x.price}`);
      priceTiers.push({ min_quantity: Number(x.min), unit_price: unit });
    }
    const limit = form.sharedLimit.trim() === '' ? null : Number(form.sharedLimit);
    const shared = form.delivery !== 'shared' ? {}
      : productId ? { shared: { limit, ...(form.sharedText.trim() ? { text: form.sharedText } : {}) } }
      : { shared: { text: form.sharedText, limit } };
    const surcharge = form.pickSurcharge.trim() ? toMinor(form.pickSurcharge, form.currency) : 0;
    if (surcharge === undefined) return setError(`${t('form.pickSurcharge')}: ${form.pickSurcharge}`);
    const manual = form.delivery !== 'manual' ? {} : {
      manual: {
        sla_hours: Number(form.slaHours), auto_refund: form.autoRefund,
        fields: fields.map((f) => ({
          key: f.key.trim(), label: f.label.trim(), type: f.type, required: f.required,
          ...(f.type === 'select' ? { options: f.options.split(/[,，]/).map((x) => x.trim()).filter(Boolean) } : {}),
        })),
      },
    };
    const webhook = form.delivery === 'webhook' ? { webhook: { url: form.webhookUrl.trim() } } : {};
    const license = form.delivery !== 'license' ? {}
      : { license: { activation_limit: form.activationLimit.trim() === '' ? null : Number(form.activationLimit), key_format: form.keyFormat.trim() || 'uuid' } };
    setBusy(true);
    const body = {
      ...shared,
      ...license,
      ...manual,
      ...webhook,
      ...(form.delivery === 'card' ? { pick: { enabled: form.pick, surcharge } } : {}),
      ...(form.validity.trim() ? { validity_days: Number(form.validity) } : productId ? { validity_days: null } : {}),
      ...(product?.parent_id ? { variant_name: form.title } : { title: form.title }), description: form.description, price, min_quantity: Number(form.min), max_quantity: Number(form.max),
      price_tiers: priceTiers, ...(productId ? { instructions: form.instructions || null } : form.instructions ? { instructions: form.instructions } : {}),
      visibility: form.visibility, ...(productId ? { category: form.category || null } : { currency: form.currency, delivery: form.delivery, ...(form.category ? { category: form.category } : {}) }),
    };
    try {
      const p = await call<Product>(productId ? `/api/v1/products/${productId}` : '/api/v1/products', { method: productId ? 'PATCH' : 'POST', body });
      if (!productId) {
        // The signing secret comes only with the creation: shown once on the product's page.
        if (p.webhook?.secret) shownOnce.set(p.id, p.webhook.secret);
        return navigate(`/console/products/${p.id}`);
      }
      setProduct(p);
      setSaved(true);
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!product || !window.confirm(t('products.deleteConfirm', { title: product.title }))) return;
    try {
      await call(`/api/v1/products/${product.id}`, { method: 'DELETE' });
      navigate('/console/products');
    } catch (err) {
      setError(errorText(t, err));
    }
  }

  if (loadError) return <ErrorBox>{errorText(t, loadError)}</ErrorBox>;
  if (productId && !product) return <Loading />;
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  return (
    <>
      {product?.parent_id && <p className="crumbs"><Link href={`/console/products/${product.parent_id}`}>← {t('variants.back')}</Link></p>}
      <div className="page-head"><h1>{product ? product.title : t('products.new')}</h1></div>
      <form className="card" onSubmit={save}>
        <div className="field"><label htmlFor="p-title">{product?.parent_id ? t('variants.name') : t('form.title')}</label><input id="p-title" type="text" required maxLength={product?.parent_id ? 60 : 200} value={form.title} onChange={set('title')} /></div>
        <div className="field">
          <label htmlFor="p-desc">{t('form.description')}</label>
          <textarea id="p-desc" value={form.description} maxLength={20000} onChange={set('description')} aria-describedby="p-desc-hint" />
          <p className="hint" id="p-desc-hint">{t('form.descriptionHint')}</p>
        </div>
        <div className="form-grid">
          <div className="field"><label htmlFor="p-price">{t('form.price')}</label><input id="p-price" type="text" inputMode="decimal" required value={form.price} onChange={set('price')} placeholder="12.30" /></div>
          <div className="field">
            <label htmlFor="p-currency">{t('form.currency')}</label>
            <select id="p-currency" className="input" value={form.currency} disabled={!!productId} onChange={set('currency')}>{CURRENCIES.map((c) => <option key={c}>{c}</option>)}</select>
          </div>
          <div className="field"><label htmlFor="p-cat">{t('form.category')}</label><input id="p-cat" type="text" maxLength={40} value={form.category} onChange={set('category')} /></div>
          <div className="field"><label htmlFor="p-min">{t('form.min')}</label><input id="p-min" type="number" min={1} required value={form.min} onChange={set('min')} /></div>
          <div className="field"><label htmlFor="p-validity">{t('form.validity')}</label>
            <input id="p-validity" type="number" min={1} max={3650} value={form.validity} onChange={set('validity')} placeholder={t('form.noLimit')} /></div>
          <div className="field"><label htmlFor="p-max">{t('form.max')}</label><input id="p-max" type="number" min={1} required value={form.max} onChange={set('max')} /></div>
          <div className="field">
            <label htmlFor="p-vis">{t('products.visibility')}</label>
            <select id="p-vis" className="input" value={form.visibility} onChange={set('visibility')}>
              {['public', 'unlisted', 'hidden'].map((v) => <option key={v} value={v}>{t(`visibility.${v}`)}</option>)}
            </select>
          </div>
        </div>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="p-delivery">{t('form.delivery')}</label>
            <select id="p-delivery" className="input" value={form.delivery} disabled={!!productId} onChange={set('delivery')}>
              {['card', 'shared', 'license', 'manual', 'download', 'webhook'].map((d) => <option key={d} value={d}>{t(`delivery.${d}`)}</option>)}
            </select>
          </div>
          {form.delivery === 'shared' && <div className="field">
            <label htmlFor="p-limit">{t('form.sharedLimit')}</label>
            <input id="p-limit" type="number" min={1} value={form.sharedLimit} onChange={set('sharedLimit')} placeholder={t('form.noLimit')} />
          </div>}
        </div>
        {form.delivery === 'manual' && (
          <fieldset className="field" data-testid="manual-fields">
            <legend>{t('form.manualFields')}</legend>
            {fields.map((f, i) => (
              <div className="row-actions tier-row" key={i}>
                <label className="sr-only" htmlFor={`mf-key-${i}`}>{t('form.fieldKey')}</label>
                <input id={`mf-key-${i}`} type="text" required pattern="[a-z][a-z0-9_]{0,31}" placeholder={t('form.fieldKey')} value={f.key} style={{ maxWidth: 120 }}
                  onChange={(e) => setFields((all) => all.map((y, j) => (j === i ? { ...y, key: e.target.value } : y)))} />
                <label className="sr-only" htmlFor={`mf-label-${i}`}>{t('form.fieldLabel')}</label>
                <input id={`mf-label-${i}`} type="text" required maxLength={60} placeholder={t('form.fieldLabel')} value={f.label}
                  onChange={(e) => setFields((all) => all.map((y, j) => (j === i ? { ...y, label: e.target.value } : y)))} />
                <label className="sr-only" htmlFor={`mf-type-${i}`}>{t('form.fieldType')}</label>
                <select id={`mf-type-${i}`} className="input" value={f.type}
                  onChange={(e) => setFields((all) => all.map((y, j) => (j === i ? { ...y, type: e.target.value as FieldDraft['type'] } : y)))}>
                  {(['text', 'number', 'select'] as const).map((x) => <option key={x} value={x}>{t(`fieldType.${x}`)}</option>)}
                </select>
                {f.type === 'select' && <>
                  <label className="sr-only" htmlFor={`mf-options-${i}`}>{t('form.fieldOptions')}</label>
                  <input id={`mf-options-${i}`} type="text" required placeholder={t('form.fieldOptions')} value={f.options}
                    onChange={(e) => setFields((all) => all.map((y, j) => (j === i ? { ...y, options: e.target.value } : y)))} />
                </>}
                <label className="option"><input type="checkbox" checked={f.required}
                  onChange={(e) => setFields((all) => all.map((y, j) => (j === i ? { ...y, required: e.target.checked } : y)))} /> {t('form.fieldRequired')}</label>
                {fields.length > 1 && <button type="button" className="btn btn-small btn-ghost danger" onClick={() => setFields((all) => all.filter((_, j) => j !== i))}>{t('form.fieldRemove')}</button>}
              </div>
            ))}
            {fields.length < 20 && <button type="button" className="btn btn-small btn-ghost"
              onClick={() => setFields((all) => [...all, { key: '', label: '', type: 'text', required: true, options: '' }])}>{t('form.fieldAdd')}</button>}
            <div className="form-grid">
              <div className="field"><label htmlFor="p-sla">{t('form.slaHours')}</label>
                <input id="p-sla" type="number" min={1} max={720} required value={form.slaHours} onChange={set('slaHours')} /></div>
              <label className="option field"><input type="checkbox" checked={form.autoRefund} onChange={(e) => setForm((x) => ({ ...x, autoRefund: e.target.checked }))} /> <span>{t('form.autoRefund')}</span></label>
            </div>
          </fieldset>
        )}
        {form.delivery === 'webhook' && (
          <div className="field">
            <label htmlFor="p-webhook">{t('form.webhookUrl')}</label>
            <input id="p-webhook" type="text" inputMode="url" required maxLength={2000} value={form.webhookUrl} onChange={set('webhookUrl')}
              placeholder="https://shop.example.com/xiaopu/deliver" aria-describedby="p-webhook-hint" autoComplete="off" />
            <p className="hint" id="p-webhook-hint">{t('form.webhookHint')}</p>
          </div>
        )}
        {form.delivery === 'license' && (
          <div className="form-grid">
            <div className="field">
              <label htmlFor="p-activations">{t('form.activationLimit')}</label>
              <input id="p-activations" type="number" min={1} max={100000} value={form.activationLimit} onChange={set('activationLimit')} placeholder={t('form.noLimit')} />
            </div>
            <div className="field">
              <label htmlFor="p-keyformat">{t('form.keyFormat')}</label>
              <input id="p-keyformat" type="text" maxLength={64} value={form.keyFormat} onChange={set('keyFormat')} aria-describedby="p-keyformat-hint" autoComplete="off" />
              <p className="hint" id="p-keyformat-hint">{t('form.keyFormatHint')}</p>
            </div>
          </div>
        )}
        {form.delivery === 'shared' && (
          <div className="field">
            <label htmlFor="p-shared">{t('form.sharedText')}</label>
            <textarea id="p-shared" value={form.sharedText} maxLength={10000} required={!productId} onChange={set('sharedText')} aria-describedby="p-shared-hint" autoComplete="off" />
            <p className="hint" id="p-shared-hint">{productId ? t('form.sharedKeep', { held: product?.shared?.held ?? 0 }) : t('form.sharedHint')}</p>
          </div>
        )}
        {form.delivery === 'card' && (
          <div className="form-grid">
            <label className="option field"><input type="checkbox" checked={form.pick} onChange={(e) => setForm((f) => ({ ...f, pick: e.target.checked }))} /> <span>{t('form.pick')}</span></label>
            {form.pick && <div className="field"><label htmlFor="p-surcharge">{t('form.pickSurcharge')}</label>
              <input id="p-surcharge" type="text" inputMode="decimal" value={form.pickSurcharge} onChange={set('pickSurcharge')} placeholder="0.00" /></div>}
          </div>
        )}
        <fieldset className="field" data-testid="tiers">
          <legend>{t('form.tiers')}</legend>
          <p className="hint">{t('form.tiersHint')}</p>
          {tiers.map((x, i) => (
            <div className="row-actions tier-row" key={i}>
              <label className="sr-only" htmlFor={`tier-min-${i}`}>{t('form.tierMin')}</label>
              <input id={`tier-min-${i}`} type="number" min={2} required value={x.min} placeholder={t('form.tierMin')}
                onChange={(e) => setTiers((all) => all.map((y, j) => (j === i ? { ...y, min: e.target.value } : y)))} />
              <label className="sr-only" htmlFor={`tier-price-${i}`}>{t('form.tierPrice')}</label>
              <input id={`tier-price-${i}`} type="text" inputMode="decimal" required value={x.price} placeholder={t('form.tierPrice')}
                onChange={(e) => setTiers((all) => all.map((y, j) => (j === i ? { ...y, price: e.target.value } : y)))} />
              <button type="button" className="btn btn-small btn-ghost danger" onClick={() => setTiers((all) => all.filter((_, j) => j !== i))}>{t('form.tierRemove')}</button>
            </div>
          ))}
          {tiers.length < 10 && <button type="button" className="btn btn-small btn-ghost" onClick={() => setTiers((all) => [...all, { min: '', price: '' }])}>{t('form.tierAdd')}</button>}
        </fieldset>
        <div className="field">
          <label htmlFor="p-instr">{t('form.instructions')}</label>
          <textarea id="p-instr" value={form.instructions} maxLength={5000} onChange={set('instructions')} aria-describedby="p-instr-hint" />
          <p className="hint" id="p-instr-hint">{t('form.instructionsHint')}</p>
        </div>
        {error && <ErrorBox>{error}</ErrorBox>}
        {saved && <p className="alert" role="status">{t('form.saved')}</p>}
        <div className="row-actions">
          <button type="submit" className="btn" disabled={busy}>{productId ? t('form.save') : t('form.create')}</button>
          {product && <button type="button" className="btn btn-ghost danger" onClick={() => void remove()}>{t('products.delete')}</button>}
        </div>
      </form>
      {product && !product.parent_id && <Variants product={product} onDone={() => void load()} />}
      {product && product.delivery === 'card' && <ImportCards productId={product.id} onDone={() => { setImports((n) => n + 1); void load(); }} />}
      {product && product.delivery === 'card' && <KeyList productId={product.id} version={imports} />}
      {product && product.delivery === 'license' && <LicenseList productId={product.id} />}
      {product && product.delivery === 'download' && <ProductFile product={product} onDone={() => void load()} />}
      {product && product.delivery === 'webhook' && <WebhookPanel productId={product.id} />}
    </>
  );
}

function ImportCards({ productId, onDone }: { productId: string; onDone: () => void }) {
  const { t } = useI18n();
  const { call, me } = useSession();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState<number>();
  const [result, setResult] = useState<{ imported: number; duplicates: number }>();
  const [error, setError] = useState<string>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setResult(undefined);
    setProgress(0);
    try {
      const r = file
        ? await uploadWithProgress<{ imported: number; duplicates: number }>(`/api/v1/products/${productId}/cards`, file, me?.csrf_token ?? '', setProgress)
        : await call<{ imported: number; duplicates: number }>(`/api/v1/products/${productId}/cards`, { method: 'POST', body: { cards: text.split('\n') } });
      setResult(r);
      setText('');
      setFile(undefined);
      onDone();
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setProgress(undefined);
    }
  }

  return (
    <form className="card" onSubmit={submit}>
      <h2>{t('import.title')}</h2>
      <div className="field"><label htmlFor="cards-text">{t('import.paste')}</label><textarea id="cards-text" value={text} onChange={(e) => setText(e.target.value)} disabled={!!file} /></div>
      <div className="field"><label htmlFor="cards-file">{t('import.file')}</label><input id="cards-file" type="file" accept=".txt,.csv,text/plain" onChange={(e) => setFile(e.target.files?.[0])} /></div>
      {progress !== undefined && (
        <div role="status" aria-live="polite">
          <div className="progress"><span style={{ width: `${Math.round(progress * 100)}%` }} /></div>
          <p className="muted small">{progress < 1 ? t('import.uploading', { pct: Math.round(progress * 100) }) : t('import.working')}</p>
        </div>
      )}
      {result && <p className="alert" role="status" data-testid="import-result">{t('import.result', { imported: result.imported, duplicates: result.duplicates })}</p>}
      {error && <ErrorBox>{error}</ErrorBox>}
      <button type="submit" className="btn" disabled={progress !== undefined || (!file && !text.trim())}>{t('import.submit')}</button>
    </form>
  );
}

type Card = ApiResponse<'/api/v1/products/{id}/cards', 'get'>['data'][number];

/** `version` changes after an import, to show the new keys. */
function KeyList({ productId, version }: { productId: string; version: number }) {
  const { t, lang } = useI18n();
  const { call } = useSession();
  const [status, setStatus] = useState('');
  const [cards, setCards] = useState<Card[]>([]);
  const [more, setMore] = useState(false);
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();

  const begin = useLatest();

  const load = useCallback(async (after?: string) => {
    const latest = begin();
    // A new first page: no 'load more' from the list it replaces until it arrives.
    if (!after) setMore(false);
    try {
      const qs = new URLSearchParams({ limit: '50', ...(status ? { status } : {}), ...(after ? { starting_after: after } : {}) });
      const r = await call<{ data: Card[]; has_more: boolean }>(`/api/v1/products/${productId}/cards?${qs}`);
      if (!latest()) return;
      setCards((c) => (after ? [...c, ...r.data] : r.data));
      setMore(r.has_more);
      setError(undefined);
    } catch (err) {
      if (latest()) setError(errorText(t, err));
    }
  }, [call, productId, status, t, begin]);
  useEffect(() => { void load(); }, [load, version]);

  async function reveal(id: string) {
    if (revealed[id]) return setRevealed(({ [id]: _, ...rest }) => rest);
    try {
      const r = await call<{ secret: string }>(`/api/v1/products/${productId}/cards/${id}/reveal`, { method: 'POST' });
      setRevealed((x) => ({ ...x, [id]: r.secret }));
    } catch (err) {
      setError(errorText(t, err));
    }
  }
  async function voidCard(id: string) {
    if (!window.confirm(t('keys.voidConfirm'))) return;
    try {
      await call(`/api/v1/products/${productId}/cards/void`, { method: 'POST', body: { card_ids: [id] } });
      await load();
    } catch (err) {
      setError(errorText(t, err));
    }
  }

  return (
    <section className="card">
      <div className="page-head">
        <h2>{t('keys.title')}</h2>
        <select className="input" value={status} onChange={(e) => setStatus(e.target.value)} aria-label={t('orders.status')}>
          <option value="">{t('keys.all')}</option>
          {['available', 'reserved', 'sold', 'void'].map((s) => <option key={s} value={s}>{t(`cardStatus.${s}`)}</option>)}
        </select>
      </div>
      <p className="muted small">{t('keys.revealNote')}</p>
      {error && <ErrorBox>{error}</ErrorBox>}
      {cards.length === 0 ? <p className="muted">{t('keys.empty')}</p> : (
        <div className="table-wrap">
          <table data-testid="key-table">
            <tbody>
              {cards.map((c) => (
                <tr key={c.id}>
                  <td><code>{revealed[c.id] ?? c.masked}</code></td>
                  <td>{t(`cardStatus.${c.status}`)}</td>
                  <td className="muted small">{formatTime(c.sold_at ?? c.created_at, lang)}</td>
                  <td className="row-actions">
                    <button type="button" className="btn btn-small btn-ghost" onClick={() => void reveal(c.id)}>{revealed[c.id] ? t('keys.hide') : t('keys.reveal')}</button>
                    {c.status === 'available' && <button type="button" className="btn btn-small btn-ghost danger" onClick={() => void voidCard(c.id)}>{t('keys.void')}</button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more && <button type="button" className="btn btn-ghost" style={{ marginTop: 8 }} onClick={() => void load(cards.at(-1)?.id)}>{t('keys.more')}</button>}
    </section>
  );
}

/** A download product's file: what buyers get now (name, size, SHA-256), and a new upload with progress. */
function ProductFile({ product, onDone }: { product: Product; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<string>();
  const current = product.download?.file ?? null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(undefined);
    setProgress(0);
    try {
      await uploadWithProgress(`/api/v1/products/${product.id}/file`, file, me?.csrf_token ?? '', setProgress, 'PUT');
      setFile(undefined);
      onDone();
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setProgress(undefined);
    }
  }

  return (
    <form className="card" onSubmit={submit} data-testid="product-file">
      <h2>{t('file.title')}</h2>
      {current ? (
        <dl className="summary">
          <dt>{t('file.name')}</dt><dd>{current.filename}</dd>
          <dt>{t('file.size')}</dt><dd>{formatBytes(current.size)}</dd>
          <dt>SHA-256</dt><dd><code className="small" style={{ wordBreak: 'break-all' }}>{current.sha256}</code></dd>
          <dt>{t('file.uploaded')}</dt><dd>{formatTime(current.created_at, lang)}</dd>
        </dl>
      ) : <p className="alert alert-warn">{t('file.none')}</p>}
      <div className="field">
        <label htmlFor="product-file">{current ? t('file.replace') : t('file.upload')}</label>
        <input id="product-file" type="file" onChange={(e) => setFile(e.target.files?.[0])} aria-describedby="product-file-hint" />
        <p className="hint" id="product-file-hint">{t('file.hint')}</p>
      </div>
      {progress !== undefined && (
        <div role="status" aria-live="polite">
          <div className="progress"><span style={{ width: `${Math.round(progress * 100)}%` }} /></div>
          <p className="muted small">{progress < 1 ? t('import.uploading', { pct: Math.round(progress * 100) }) : t('import.working')}</p>
        </div>
      )}
      {error && <ErrorBox>{error}</ErrorBox>}
      <button type="submit" className="btn" disabled={!file || progress !== undefined}>{t('file.submit')}</button>
    </form>
  );
}

/** A webhook product's endpoint: its secret (shown once, rolled on demand) and a test call. */
function WebhookPanel({ productId }: { productId: string }) {
  const { t } = useI18n();
  const { call } = useSession();
  const [secret, setSecret] = useState<string | undefined>(() => shownOnce.get(productId));
  const action = useAction();
  useEffect(() => { shownOnce.delete(productId); }, [productId]);

  return (
    <section className="card" data-testid="webhook-panel">
      <h2>{t('webhook.title')}</h2>
      <p className="muted small">{t('webhook.explain')}</p>
      {secret && (
        <div className="alert" role="status" data-testid="webhook-secret">
          <p>{t('webhook.secretOnce')}</p>
          <code style={{ wordBreak: 'break-all' }}>{secret}</code>
        </div>
      )}
      {action.notice && <p className="alert" role="status" data-testid="webhook-result">{action.notice}</p>}
      {action.error !== undefined && <ErrorBox>{errorText(t, action.error)}</ErrorBox>}
      <div className="row-actions">
        <button type="button" className="btn" disabled={action.busy} onClick={() => void action.run(async () => {
          const r = await call<{ ok: boolean; status: number | null; error: string | null; latency_ms: number }>(`/api/v1/products/${productId}/webhook_test`, { method: 'POST' });
          return r.ok ? t('webhook.testOk', { status: r.status ?? '', ms: r.latency_ms }) : t('webhook.testFailed', { error: r.error ?? '' });
        })}>{t('webhook.test')}</button>
        <button type="button" className="btn btn-ghost" disabled={action.busy} onClick={() => {
          if (!window.confirm(t('webhook.rollConfirm'))) return;
          void action.run(async () => {
            const r = await call<{ secret: string }>(`/api/v1/products/${productId}/webhook_secret`, { method: 'POST' });
            setSecret(r.secret);
            return t('webhook.rolled');
          });
        }}>{t('webhook.roll')}</button>
      </div>
    </section>
  );
}

/** A product's variants (SKUs): each with its own price, validity and stock, edited on its own page; and a form to add one. */
function Variants({ product, onDone }: { product: Product; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { call } = useSession();
  const [name, setName] = useState('');
  const [price, setPrice] = useState('');
  const [validity, setValidity] = useState('');
  const action = useAction();

  function add(e: FormEvent) {
    e.preventDefault();
    const minor = price.trim() ? toMinor(price, product.currency) : undefined;
    if (price.trim() && minor === undefined) return action.setError(new Error(`${t('form.price')}: ${price}`));
    void action.run(async () => {
      await call(`/api/v1/products/${product.id}/variants`, {
        method: 'POST', body: { name, ...(minor !== undefined ? { price: minor } : {}), ...(validity.trim() ? { validity_days: Number(validity) } : {}) },
      });
      setName('');
      setPrice('');
      setValidity('');
      return t('variants.added');
    }, async () => onDone());
  }

  return (
    <section className="card" data-testid="variants">
      <h2>{t('variants.title')}</h2>
      <p className="muted small">{t('variants.explain')}</p>
      {product.variants.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead><tr><th>{t('variants.name')}</th><th>{t('form.price')}</th><th>{t('form.validity')}</th><th>{t('products.stock')}</th></tr></thead>
            <tbody>
              {product.variants.map((v) => (
                <tr key={v.id}>
                  <td><Link href={`/console/products/${v.id}`}>{v.name}</Link></td>
                  <td>{formatMoney(v.price, product.currency, lang)}</td>
                  <td>{v.validity_days ?? '—'}</td>
                  <td>{product.delivery === 'card' ? `${v.stock.available} / ${v.stock.sold}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="row-actions" onSubmit={add} style={{ marginTop: 8 }}>
        <label className="sr-only" htmlFor="v-name">{t('variants.name')}</label>
        <input id="v-name" type="text" required maxLength={60} placeholder={t('variants.name')} value={name} onChange={(e) => setName(e.target.value)} />
        <label className="sr-only" htmlFor="v-price">{t('variants.price')}</label>
        <input id="v-price" type="text" inputMode="decimal" placeholder={t('variants.price')} value={price} onChange={(e) => setPrice(e.target.value)} style={{ maxWidth: 120 }} />
        <label className="sr-only" htmlFor="v-validity">{t('variants.days')}</label>
        <input id="v-validity" type="number" min={1} max={3650} placeholder={t('variants.days')} value={validity} onChange={(e) => setValidity(e.target.value)} style={{ maxWidth: 120 }} />
        <button type="submit" className="btn btn-small" disabled={action.busy}>{t('variants.add')}</button>
      </form>
      {action.notice && <p className="alert" role="status">{action.notice}</p>}
      {action.error !== undefined && <ErrorBox>{errorText(t, action.error)}</ErrorBox>}
    </section>
  );
}
