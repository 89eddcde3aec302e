import { useEffect, useState } from 'react';
import { errorText } from '../../shared/errors.ts';
import { formatMoney } from '../../shared/format.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { Link } from '../../shared/router.tsx';
import { ErrorBox, Loading } from '../../shared/ui.tsx';
import { useSession } from '../session.tsx';

export interface Product {
  id: string; parent_id: string | null; variant_name: string | null;
  variants: Array<{ id: string; name: string; price: number; validity_days: number | null; stock: { available: number; sold: number } }>;
  title: string; description: string; category: string | null; price: number; currency: string;
  min_quantity: number; max_quantity: number; visibility: 'public' | 'unlisted' | 'hidden';
  price_tiers: Array<{ min_quantity: number; unit_price: number }>; instructions: string | null;
  delivery: 'card' | 'shared' | 'license' | 'manual' | 'download' | 'webhook'; shared: { limit: number | null; held: number } | null; pick: { enabled: boolean; surcharge: number }; validity_days: number | null;
  license: { activation_limit: number | null; validity_days: number | null; key_format: string } | null;
  webhook: { url: string; secret?: string } | null;
  download: { file: { id: string; filename: string; size: number; sha256: string; created_at: string } | null } | null;
  manual: { fields: Array<{ key: string; label: string; type: 'text' | 'number' | 'select'; required: boolean; options?: string[] }>; sla_hours: number; auto_refund: boolean } | null;
  stock: { available: number; reserved: number; sold: number; void: number; capped: boolean };
}

export function ProductsPage() {
  const { t, lang } = useI18n();
  const { call } = useSession();
  const [items, setItems] = useState<Product[]>();
  const [error, setError] = useState<unknown>();
  useEffect(() => { call<{ data: Product[] }>('/api/v1/products?limit=100').then((r) => setItems(r.data), setError); }, [call]);
  if (error) return <ErrorBox>{errorText(t, error)}</ErrorBox>;
  if (!items) return <Loading />;
  return (
    <>
      <div className="page-head">
        <h1>{t('products.title')}</h1>
        <Link className="btn" href="/console/products/new">+ {t('products.new')}</Link>
      </div>
      {items.length === 0 ? <p className="card muted">{t('products.empty')}</p> : (
        <div className="table-wrap">
          <table data-testid="product-table">
            <thead><tr><th>{t('form.title')}</th><th>{t('products.price')}</th><th>{t('products.stock')}</th><th>{t('products.visibility')}</th></tr></thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id}>
                  <td className="wrap-cell"><Link href={`/console/products/${p.id}`}>{p.title}</Link>{p.category && <span className="muted small"> · {p.category}</span>}
                    {p.variants.length > 0 && <div className="muted small">{p.variants.map((v) => `${v.name} (${v.stock.available})`).join(' · ')}</div>}</td>
                  <td>{formatMoney(p.price, p.currency, lang)}</td>
                  <td>{p.webhook ? <span className="badge badge-info">{t('delivery.webhook')}</span> : p.download ? <span className={p.download.file ? 'badge badge-info' : 'badge badge-off'}>{p.download.file ? p.download.file.filename : t('file.none')}</span>
                    : p.manual ? <span className="badge badge-info">{t('delivery.manual')}</span> : p.license ? <span className="badge badge-info">{t('products.licenseStock')}</span> : p.shared
                    ? <span className="badge badge-info" title={t('form.sharedHeld')}>{t('delivery.shared')} · {p.shared.held}{p.shared.limit !== null ? ` / ${p.shared.limit}` : ''}</span>
                    : <><span className={p.stock.available > 0 ? 'badge badge-ok' : 'badge badge-off'}>{listCount(p.stock.available, p.stock.capped)}</span> <span className="muted small">/ {listCount(p.stock.sold, p.stock.capped)}</span></>}</td>
                  <td>{t(`visibility.${p.visibility}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The list counts each state up to 10,000 keys (the product's own page counts exactly). */
function listCount(n: number, capped: boolean): string {
  return capped && n >= 10_000 ? `${n}+` : String(n);
}
