import { useEffect, useMemo, useState } from 'react';
import type { ApiResponse } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { formatMoney } from '../../shared/format.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { Link } from '../../shared/router.tsx';
import { ErrorBox, Loading } from '../../shared/ui.tsx';
import { useSession } from '../session.tsx';
import { Chart } from './Chart.tsx';

interface Totals { currency: string; orders: number; sales: number }
type Dashboard = ApiResponse<'/api/v1/dashboard', 'get'>;

export function DashboardPage() {
  const { t, lang } = useI18n();
  const { call } = useSession();
  const [d, setD] = useState<Dashboard>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    call<Dashboard>(`/api/v1/dashboard?tz=${encodeURIComponent(tz)}`).then(setD, setError);
  }, [call]);

  const option = useMemo(() => {
    if (!d) return undefined;
    const currency = d.last_30_days[0]?.currency ?? 'CNY';
    const rows = d.daily.filter((r) => r.currency === currency);
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, left: 'center', data: [t('dash.chartSales'), t('dash.chartOrders')] },
      grid: { left: 48, right: 40, top: 56, bottom: 30 },
      xAxis: { type: 'category', data: rows.map((r) => r.day.slice(5)) },
      yAxis: [{ type: 'value', name: currency }, { type: 'value', minInterval: 1 }],
      series: [
        { name: t('dash.chartSales'), type: 'bar', data: rows.map((r) => r.sales / 10 ** digits), itemStyle: { color: '#0f766e' } },
        { name: t('dash.chartOrders'), type: 'line', yAxisIndex: 1, data: rows.map((r) => r.orders), itemStyle: { color: '#c2410c' } },
      ],
    };
  }, [d, t]);

  if (error) return <ErrorBox>{errorText(t, error)}</ErrorBox>;
  if (!d || !option) return <Loading />;
  const stat = (label: string, totals: Totals[]) => (
    <div className="stat" data-testid={`stat-${label}`}>
      <div className="stat-label">{label}</div>
      {(totals.length ? totals : [{ currency: 'CNY', orders: 0, sales: 0 }]).map((x) => (
        <div key={x.currency}>
          <div className="stat-value">{formatMoney(x.sales, x.currency, lang)}</div>
          <div className="stat-sub">{t('dash.orders', { n: x.orders })}</div>
        </div>
      ))}
    </div>
  );
  return (
    <>
      <div className="page-head"><h1>{t('dash.title')}</h1></div>
      <div className="stats">
        {stat(t('dash.today'), d.today)}
        {stat(t('dash.last30'), d.last_30_days)}
        <div className="stat">
          <div className="stat-label">{t('dash.needsAction')}</div>
          <div className="stat-value">{d.needs_action}</div>
          {d.needs_action > 0 && <Link href="/console/orders?status=needs_action">{t('nav.orders')} →</Link>}
        </div>
      </div>
      <section className="card">
        <h2>{t('dash.chartTitle')}</h2>
        <Chart option={option} label={t('dash.chartTitle')} />
      </section>
      <section className="card">
        <h2>{t('dash.lowStock')}</h2>
        {d.low_stock.length === 0 ? <p className="muted">{t('dash.noLowStock')}</p> : (
          <ul className="list compact" data-testid="low-stock">
            {d.low_stock.map((p) => <li key={p.id}><Link href={`/console/products/${p.id}`}>{p.title}</Link> <span className="badge badge-warn">{p.available}</span></li>)}
          </ul>
        )}
      </section>
    </>
  );
}
