import { useEffect, useState } from 'react';
import { errorText } from '../../shared/errors.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { ErrorBox, Loading } from '../../shared/ui.tsx';
import { useSession } from '../session.tsx';

interface GatewayView { gateway: string; title: string; enabled: boolean; secrets_set: string[]; notify_url: string; supports: { test_connection: boolean } }
interface Sandbox { enabled: boolean; notify_url: string; secret: string }

export function AdminGatewaysPage() {
  const { t } = useI18n();
  const { call } = useSession();
  const [list, setList] = useState<GatewayView[]>();
  const [sandbox, setSandbox] = useState<Sandbox>();
  const [showSecret, setShowSecret] = useState(false);
  const [tests, setTests] = useState<Record<string, string>>({});
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
      <p className="muted small">{t('admin.gateways.configureHint')}</p>
      <section className="card">
        <h2>{t('admin.gateways.sandbox')} <span className={sandbox.enabled ? 'badge badge-ok' : 'badge badge-off'}>{sandbox.enabled ? t('admin.gateways.enabled') : t('admin.gateways.disabled')}</span></h2>
        <p className="small">{t('admin.gateways.notifyUrl')}: <code>{sandbox.notify_url}</code></p>
        <p className="small">{t('admin.gateways.sandboxSecret')}: <code>{showSecret ? sandbox.secret : '••••••••'}</code>{' '}
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setShowSecret((s) => !s)}>{showSecret ? t('keys.hide') : t('keys.reveal')}</button></p>
      </section>
      {list.map((g) => (
        <section className="card" key={g.gateway}>
          <h2>{g.title} <span className={g.enabled ? 'badge badge-ok' : 'badge badge-off'}>{g.enabled ? t('admin.gateways.enabled') : t('admin.gateways.disabled')}</span></h2>
          <p className="small">{t('admin.gateways.notifyUrl')}: <code>{g.notify_url}</code></p>
          {g.secrets_set.length > 0 && <p className="small muted">{t('admin.gateways.secretsSet', { list: g.secrets_set.join(', ') })}</p>}
          {g.supports.test_connection && g.secrets_set.length > 0 && (
            <p><button type="button" className="btn btn-small btn-ghost" onClick={() => void test(g.gateway)}>{t('admin.gateways.test')}</button> <span className="small">{tests[g.gateway]}</span></p>
          )}
        </section>
      ))}
    </>
  );
}
