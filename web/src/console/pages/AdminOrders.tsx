import { useEffect, useState } from 'react';
import { errorText } from '../../shared/errors.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { match, usePath } from '../../shared/router.tsx';
import { ErrorBox, Loading } from '../../shared/ui.tsx';
import { useSession } from '../session.tsx';
import { OrderDetailPage } from './OrderDetail.tsx';
import { OrderTable, type OrderRow } from './Orders.tsx';

/** The platform's queue: orders in any shop parked in needs_action, and one order with the admin's actions. */
export function AdminOrdersPage() {
  const { t } = useI18n();
  const { call, me } = useSession();
  const path = usePath();
  const [rows, setRows] = useState<OrderRow[]>();
  const [error, setError] = useState<unknown>();
  const m = match('/admin/orders/:id', path);
  useEffect(() => {
    if (!m && me?.user.is_admin) call<{ data: OrderRow[] }>('/api/v1/admin/orders?status=needs_action&limit=100').then((r) => setRows(r.data), setError);
  }, [call, m?.id, me]);
  if (!me?.user.is_admin) return <ErrorBox>{errorText(t, { status: 404, code: 'resource_missing', message: 'Not found' })}</ErrorBox>;
  if (m) return <OrderDetailPage key={m.id} orderId={m.id ?? ''} admin />;
  if (error) return <ErrorBox>{errorText(t, error)}</ErrorBox>;
  return (
    <>
      <div className="page-head"><h1>{t('admin.orders.title')}</h1></div>
      {!rows ? <Loading /> : rows.length === 0 ? <p className="card muted">{t('admin.orders.empty')}</p> : <OrderTable rows={rows} base="/admin/orders" />}
    </>
  );
}
