import { useEffect, useState, type FormEvent } from 'react';
import type { ApiResponse } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { ErrorBox, Loading } from '../../shared/ui.tsx';
import { useSession } from '../session.tsx';

type GatewayView = ApiResponse<'/api/v1/admin/gateways', 'get'>['data'][number];
interface Sandbox { enabled: boolean; notify_url: string; secret: string }

export function AdminGatewaysPage() {
  const { t } = useI18n();
  const { call } = useSession();
  const [list, setList] = useState<GatewayView[]>();
  const [sandbox, setSandbox] = useState<Sandbox>();
  const [showSecret, setShowSecret] = useState(false);
  const [tests, setTests] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState<string>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    Promise.all([call<{ data: GatewayView[] }>('/api/v1/admin/gateways'), call<Sandbox>('/api/v1/admin/gateways/sandbox')])
      .then(([g, s]) => { setList(g.data); setSandbox(s); }, setError);
  }, [call]);
  async function test(g: string) {
    try {
      const r = await call<{ ok: boolean; message: string }>(`/api/v1/admin/gateways/${g}/test`, { method: 'POST' });
      setTests((x) => ({ ...x, [g]: `${r.ok ? '✓' : '✗'} ${r.message}` }));
    } catch (err) {
      setTests((x) => ({ ...x, [g]: errorText(t, err) }));
    }
  }
  if (error) return <ErrorBox>{errorText(t, error)}</ErrorBox>;
  if (!list || !sandbox) return <Loading />;
  return (
    <>
      <div className="page-head"><h1>{t('admin.gateways.title')}</h1></div>
      <p className="muted small">{t('admin.gateways.docsHint')}</p>
      <section className="card">
        <h2>{t('admin.gateways.sandbox')} <span className={sandbox.enabled ? 'badge badge-ok' : 'badge badge-off'}>{sandbox.enabled ? t('admin.gateways.enabled') : t('admin.gateways.disabled')}</span></h2>
        <p className="small">{t('admin.gateways.notifyUrl')}: <code>{sandbox.notify_url}</code></p>
        <p className="small">{t('admin.gateways.sandboxSecret')}: <code>{showSecret ? sandbox.secret : '••••••••'}</code>{' '}
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setShowSecret((s) => !s)}>{showSecret ? t('keys.hide') : t('keys.reveal')}</button></p>
      </section>
      {list.map((g) => (
        <section className="card" key={g.gateway} data-testid={`gateway-${g.gateway}`}>
          <div className="page-head">
            <h2>{g.title} <span className={g.enabled ? 'badge badge-ok' : 'badge badge-off'}>{g.enabled ? t('admin.gateways.enabled') : t('admin.gateways.disabled')}</span></h2>
            <button type="button" className="btn btn-small btn-ghost" onClick={() => setEditing(editing === g.gateway ? undefined : g.gateway)}>{t('admin.gateways.edit')}</button>
          </div>
          {g.gateway !== 'wallet' && <p className="small">{t('admin.gateways.notifyUrl')}: <code>{g.notify_url}</code></p>}
          {g.secrets_set.length > 0 && <p className="small muted">{t('admin.gateways.secretsSet', { list: g.secrets_set.join(', ') })}</p>}
          {g.supports.test_connection && g.configured && (
            <p><button type="button" className="btn btn-small btn-ghost" onClick={() => void test(g.gateway)}>{t('admin.gateways.test')}</button> <span className="small">{tests[g.gateway]}</span></p>
          )}
          {editing === g.gateway && <GatewayForm view={g} onSaved={(v) => { setList((l) => l?.map((x) => (x.gateway === v.gateway ? v : x))); setEditing(undefined); }} />}
        </section>
      ))}
    </>
  );
}

const optionalInt = (v: string): number | null => (v.trim() === '' ? null : Number(v));

/** Settings as JSON (each gateway's fields are in docs/payments.md); secrets in password fields, empty to keep the stored one. */
function GatewayForm({ view, onSaved }: { view: GatewayView; onSaved: (v: GatewayView) => void }) {
  const { t } = useI18n();
  const { call } = useSession();
  const [enabled, setEnabled] = useState(view.enabled);
  const [json, setJson] = useState(JSON.stringify(view.settings, null, 2));
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [methods, setMethods] = useState(view.methods.join(', '));
  const [feeBps, setFeeBps] = useState(String(view.fee_bps));
  const [feeFixed, setFeeFixed] = useState(String(view.fee_fixed));
  const [min, setMin] = useState(view.min_amount === null ? '' : String(view.min_amount));
  const [max, setMax] = useState(view.max_amount === null ? '' : String(view.max_amount));
  const [activeQuery, setActiveQuery] = useState(view.active_query);
  const [shops, setShops] = useState(view.merchant_configurable);
  const [error, setError] = useState<string>();
  const id = (f: string) => `${view.gateway}-${f}`;

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    let settings: Record<string, unknown>;
    try {
      settings = JSON.parse(json || '{}') as Record<string, unknown>;
    } catch {
      return setError(t('admin.gateways.badJson'));
    }
    for (const [k, v] of Object.entries(secrets)) if (v !== '') settings[k] = v;
    try {
      const saved = await call<GatewayView>(`/api/v1/admin/gateways/${view.gateway}`, { method: 'PUT', body: {
        enabled, settings, active_query: activeQuery, merchant_configurable: shops, fee_bps: Number(feeBps) || 0, fee_fixed: Number(feeFixed) || 0,
        min_amount: optionalInt(min), max_amount: optionalInt(max),
        ...(view.available_methods.length ? { methods: methods.split(',').map((m) => m.trim()).filter(Boolean) } : {}),
      } });
      onSaved(saved);
    } catch (err) {
      setError(errorText(t, err));
    }
  }

  return (
    <form onSubmit={save} className="gateway-form">
      <label className="option"><input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> <span>{t('admin.gateways.enabled')}</span></label>
      <div className="field" style={{ marginTop: 12 }}>
        <label htmlFor={id('settings')}>{t('admin.gateways.settings')}</label>
        <textarea id={id('settings')} value={json} onChange={(e) => setJson(e.target.value)} spellCheck={false} />
      </div>
      {view.secret_fields.map((f) => (
        <div className="field" key={f}>
          <label htmlFor={id(f)}>{f}</label>
          {f.endsWith('_key') && f !== 'key' && f !== 'apiv3_key'
            ? <textarea id={id(f)} value={secrets[f] ?? ''} placeholder={view.secrets_set.includes(f) ? t('admin.gateways.keepSecret') : ''} onChange={(e) => setSecrets((s) => ({ ...s, [f]: e.target.value }))} spellCheck={false} autoComplete="off" />
            : <input id={id(f)} type="password" autoComplete="new-password" value={secrets[f] ?? ''} placeholder={view.secrets_set.includes(f) ? t('admin.gateways.keepSecret') : ''} onChange={(e) => setSecrets((s) => ({ ...s, [f]: e.target.value }))} />}
        </div>
      ))}
      <div className="form-grid">
        {view.available_methods.length > 0 && <div className="field"><label htmlFor={id('methods')}>{t('admin.gateways.methods')}</label><input id={id('methods')} type="text" value={methods} onChange={(e) => setMethods(e.target.value)} /></div>}
        <div className="field"><label htmlFor={id('fee_bps')}>{t('admin.gateways.feeBps')}</label><input id={id('fee_bps')} type="number" min={0} max={10000} value={feeBps} onChange={(e) => setFeeBps(e.target.value)} /></div>
        <div className="field"><label htmlFor={id('fee_fixed')}>{t('admin.gateways.feeFixed')}</label><input id={id('fee_fixed')} type="number" min={0} value={feeFixed} onChange={(e) => setFeeFixed(e.target.value)} /></div>
        <div className="field"><label htmlFor={id('min')}>{t('admin.gateways.min')}</label><input id={id('min')} type="number" min={0} value={min} onChange={(e) => setMin(e.target.value)} /></div>
        <div className="field"><label htmlFor={id('max')}>{t('admin.gateways.max')}</label><input id={id('max')} type="number" min={1} value={max} onChange={(e) => setMax(e.target.value)} /></div>
      </div>
      {view.supports.query && <label className="option"><input type="checkbox" checked={activeQuery} onChange={(e) => setActiveQuery(e.target.checked)} /> <span>{t('admin.gateways.activeQuery')}</span></label>}{' '}
      {view.gateway !== 'wallet' && <label className="option"><input type="checkbox" checked={shops} onChange={(e) => setShops(e.target.checked)} /> <span>{t('admin.gateways.shopsMay')}</span></label>}
      {error && <ErrorBox>{error}</ErrorBox>}
      <p><button type="submit" className="btn">{t('form.save')}</button></p>
    </form>
  );
}
