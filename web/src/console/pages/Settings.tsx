import { useEffect, useState, type FormEvent } from 'react';
import type { ApiResponse } from '../../shared/api.ts';
import { api } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { ErrorBox, Loading } from '../../shared/ui.tsx';
import { useSession } from '../session.tsx';

type Shop = ApiResponse<'/api/v1/shop', 'get'>;
interface Offered { gateway: string; title: string }

export function SettingsPage() {
  const { t } = useI18n();
  const { call, me, setMe } = useSession();
  const [shop, setShop] = useState<Shop>();
  const [offered, setOffered] = useState<Offered[]>([]);
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [all, setAll] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    call<Shop>('/api/v1/shop').then(async (s) => {
      setShop(s);
      setName(s.name);
      setNote(s.delivery_note ?? '');
      setAll(s.gateways === null);
      setChosen(s.gateways ?? []);
      // What the platform has enabled, seen as the storefront sees it without the shop's narrowing.
      const list = await api<{ data: Offered[] }>(`/api/v1/storefront/${s.slug}/gateways`);
      const known = new Map(list.data.map((g) => [g.gateway, g]));
      for (const g of s.gateways ?? []) if (!known.has(g)) known.set(g, { gateway: g, title: g });
      setOffered([...known.values()]);
    }, setError);
  }, [call]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    setError(undefined);
    try {
      const s = await call<Shop>('/api/v1/shop', { method: 'PATCH', body: { name, gateways: all ? null : chosen, delivery_note: note.trim() || null } });
      setShop(s);
      setSaved(true);
      if (me?.merchant) setMe({ ...me, merchant: { ...me.merchant, name: s.name } });
    } catch (err) {
      setError(err);
    }
  }

  if (!shop) return error ? <ErrorBox>{errorText(t, error)}</ErrorBox> : <Loading />;
  const url = `${location.origin}/s/${shop.slug}`;
  return (
    <>
      <div className="page-head"><h1>{t('settings.title')}</h1></div>
      <form className="card" onSubmit={save}>
        <p>{t('settings.shopLink', { url })}</p>
        <div className="field"><label htmlFor="shop-name">{t('settings.shopName')}</label><input id="shop-name" type="text" required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} /></div>
        <fieldset className="field">
          <legend>{t('settings.gateways')}</legend>
          <label className="option"><input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> <span>{t('settings.gatewaysAll')}</span></label>
          {!all && (
            <div className="options" style={{ marginTop: 8 }}>
              {offered.map((g) => (
                <label key={g.gateway} className="option">
                  <input type="checkbox" checked={chosen.includes(g.gateway)}
                    onChange={(e) => setChosen((c) => (e.target.checked ? [...c, g.gateway] : c.filter((x) => x !== g.gateway)))} />
                  <span>{g.title}</span>
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor="shop-note">{t('settings.deliveryNote')}</label>
          <textarea id="shop-note" maxLength={5000} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby="shop-note-hint" />
          <p className="hint" id="shop-note-hint">{t('settings.deliveryNoteHint')}</p>
        </div>
        {error !== undefined && <ErrorBox>{errorText(t, error)}</ErrorBox>}
        {saved && <p className="alert" role="status">{t('settings.saved')}</p>}
        <button type="submit" className="btn">{t('settings.save')}</button>
      </form>
    </>
  );
}
