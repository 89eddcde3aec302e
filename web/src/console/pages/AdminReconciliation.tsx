// 对账: per gateway and currency, what the gateway confirmed beside what the
// ledger holds, and the payments where they disagree.
import { useEffect, useState } from 'react';
import type { ApiResponse } from '../../shared/api.ts';
import { errorText } from '../../shared/errors.ts';
import { formatMoney, formatTime } from '../../shared/format.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { ErrorBox, Loading } from '../../shared/ui.tsx';
import { useSession } from '../session.tsx';

type Report = ApiResponse<'/api/v1/admin/reconciliation', 'get'>;
// The route documents no response schema (a report); this checks the path exists.
type _Exists = ApiResponse<'/api/v1/admin/reconciliation', 'get'>;

export function AdminReconciliationPage() {
  const { t, lang } = useI18n();
  const { call } = useSession();
  const [r, setR] = useState<Report>();
  const [error, setError] = useState<unknown>();
  useEffect(() => { call<Report>('/api/v1/admin/reconciliation').then(setR, setError); }, [call]);
  if (!r) return error ? <ErrorBox>{errorText(t, error)}</ErrorBox> : <Loading />;
  const m = (n: number | null, c: string | null) => (n === null ? '—' : c === null ? String(n) : formatMoney(n, c, lang));
  return (
    <>
      <div className="page-head"><h1>{t('recon.title')}</h1><span className="muted small">{formatTime(r.generated_at, lang)}</span></div>
      <p className="muted">{t('recon.hint')}</p>
      <div className="table-wrap"><table data-testid="recon-table">
        <thead><tr><th>{t('recon.gateway')}</th><th>{t('recon.payments')}</th><th>{t('recon.confirmed')}</th><th>{t('recon.refunded')}</th>
          <th>{t('recon.expected')}</th><th>{t('recon.ledger')}</th><th>{t('recon.difference')}</th></tr></thead>
        <tbody>{r.gateways.map((g) => (
          <tr key={`${g.gateway}-${g.currency}`}>
            <td>{g.gateway} · {g.currency}</td><td>{g.payments}</td><td>{m(g.confirmed, g.currency)}</td><td>{m(g.refunded, g.currency)}</td>
            <td>{m(g.expected, g.currency)}</td><td>{m(g.ledger, g.currency)}</td>
            <td><span className={`badge ${g.difference === 0 ? 'badge-ok' : 'badge-warn'}`}>{m(g.difference, g.currency)}</span></td>
          </tr>
        ))}</tbody>
      </table></div>
      <h2 style={{ marginTop: 16 }}>{t('recon.issues')}</h2>
      {r.issues.length === 0 ? <p className="card muted">{t('recon.noIssues')}</p> : (
        <ul className="list compact card">{r.issues.map((i) => (
          <li key={i.payment_id}>{i.payment_id} · {i.gateway} · {t(`recon.problem.${i.problem}`)} · {m(i.amount, i.currency)} / {m(i.booked, i.currency)}</li>
        ))}</ul>
      )}
    </>
  );
}
