import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, useI18n } from '../shared/i18n.tsx';
import { Link, match, navigate, usePath } from '../shared/router.tsx';
import '../shared/styles.css';
import './console.css';
import { LanguageSelect, Loading } from '../shared/ui.tsx';
import { CONSOLE_MESSAGES } from './messages.ts';
import { AdminAuditPage } from './pages/AdminAudit.tsx';
import { AdminGatewaysPage } from './pages/AdminGateways.tsx';
import { AdminMerchantsPage } from './pages/AdminMerchants.tsx';
import { AdminOrdersPage } from './pages/AdminOrders.tsx';
import { ApiKeysPage } from './pages/ApiKeys.tsx';
import { AuthPage } from './pages/Auth.tsx';
import { DashboardPage } from './pages/Dashboard.tsx';
import { OrderDetailPage } from './pages/OrderDetail.tsx';
import { OrdersPage } from './pages/Orders.tsx';
import { ProductEditPage } from './pages/ProductEdit.tsx';
import { ProductsPage } from './pages/Products.tsx';
import { SettingsPage } from './pages/Settings.tsx';
import { MoneyPage } from './pages/Money.tsx';
import { DisputeDetailPage, DisputesPage } from './pages/Disputes.tsx';
import { ReviewsPage } from './pages/Reviews.tsx';
import { AdminPayoutsPage } from './pages/AdminPayouts.tsx';
import { AdminReconciliationPage } from './pages/AdminReconciliation.tsx';
import { SessionProvider, useSession } from './session.tsx';

function Page({ path }: { path: string }) {
  let m: Record<string, string> | undefined;
  if (path === '/console/products/new') return <ProductEditPage />;
  if ((m = match('/console/products/:id', path))) return <ProductEditPage key={m.id} productId={m.id} />;
  if (path === '/console/products') return <ProductsPage />;
  if ((m = match('/console/orders/:id', path))) return <OrderDetailPage key={m.id} orderId={m.id ?? ''} />;
  if (path === '/console/orders') return <OrdersPage />;
  if (path === '/console/money') return <MoneyPage />;
  if ((m = match('/console/disputes/:id', path))) return <DisputeDetailPage key={m.id} disputeId={m.id ?? ''} />;
  if (path === '/console/disputes') return <DisputesPage />;
  if (path === '/console/reviews') return <ReviewsPage />;
  if (path === '/console/api-keys') return <ApiKeysPage />;
  if (path === '/console/settings') return <SettingsPage />;
  if (path === '/admin/gateways') return <AdminGatewaysPage />;
  if (path === '/admin/merchants') return <AdminMerchantsPage />;
  if (path === '/admin/audit') return <AdminAuditPage />;
  if (path === '/admin/payouts') return <AdminPayoutsPage />;
  if ((m = match('/admin/disputes/:id', path))) return <DisputeDetailPage key={m.id} disputeId={m.id ?? ''} admin />;
  if (path === '/admin/disputes') return <DisputesPage admin />;
  if (path === '/admin/reconciliation') return <AdminReconciliationPage />;
  if (path.startsWith('/admin')) return <AdminOrdersPage />;
  return <DashboardPage />;
}

function Shell() {
  const { t } = useI18n();
  const { me, logout } = useSession();
  const path = usePath();
  const [open, setOpen] = useState(false);
  const authPage = path === '/console/login' || path === '/console/signup';

  useEffect(() => {
    if (me === null && !authPage) navigate('/console/login', true);
    if (me && authPage) navigate(me.merchant ? '/console' : me.user.is_admin ? '/admin' : '/console', true);
  }, [me, authPage]);
  useEffect(() => setOpen(false), [path]);

  if (me === undefined) return <main className="wrap"><Loading /></main>;
  if (authPage || !me) return <main className="wrap"><AuthPage mode={path === '/console/signup' ? 'signup' : 'login'} /></main>;

  const links: Array<[string, string]> = me.merchant
    ? [['/console', 'nav.dashboard'], ['/console/products', 'nav.products'], ['/console/orders', 'nav.orders'], ['/console/money', 'nav.money'], ['/console/disputes', 'nav.disputes'], ['/console/reviews', 'nav.reviews'], ['/console/api-keys', 'nav.apiKeys'], ['/console/settings', 'nav.settings']]
    : [];
  const adminLinks: Array<[string, string]> = me.user.is_admin
    ? [['/admin', 'nav.adminOrders'], ['/admin/merchants', 'nav.adminMerchants'], ['/admin/payouts', 'nav.adminPayouts'], ['/admin/disputes', 'nav.adminDisputes'], ['/admin/reconciliation', 'nav.adminReconciliation'], ['/admin/gateways', 'nav.adminGateways'], ['/admin/audit', 'nav.adminAudit']]
    : [];
  const active = (href: string) => (href === '/console' || href === '/admin' ? path === href : path.startsWith(href));
  return (
    <div className="console">
      <header className="topbar">
        <div className="topbar-inner console-top">
          <button type="button" className="btn btn-ghost btn-small menu-btn" aria-expanded={open} aria-controls="sidenav" onClick={() => setOpen((o) => !o)}>☰ {t('nav.menu')}</button>
          <Link href={me.merchant ? '/console' : '/admin'} className="brand"><span className="brand-mark" aria-hidden="true">铺</span> {me.merchant?.name ?? t('nav.admin')}</Link>
          <div className="topnav">
            <LanguageSelect />
          </div>
        </div>
      </header>
      <div className="console-body">
        <nav id="sidenav" className={`sidenav${open ? ' open' : ''}`} aria-label={t('nav.menu')}>
          {me.merchant === null && !me.user.is_admin && <p className="muted small">{t('auth.noShop')}</p>}
          <ul>{links.map(([href, key]) => <li key={href}><Link href={href} aria-current={active(href) ? 'page' : undefined}>{t(key)}</Link></li>)}</ul>
          {adminLinks.length > 0 && <>
            <p className="sidenav-head">{t('nav.admin')}</p>
            <ul>{adminLinks.map(([href, key]) => <li key={href}><Link href={href} aria-current={active(href) ? 'page' : undefined}>{t(key)}</Link></li>)}</ul>
          </>}
          <ul className="sidenav-foot">
            {me.merchant && <li><a href={`/s/${me.merchant.slug}`} target="_blank" rel="noreferrer">{t('nav.storefront')} ↗</a></li>}
            <li><button type="button" className="linkish" onClick={() => void logout()}>{t('nav.logout')}</button></li>
          </ul>
          <p className="muted small">{me.user.email}</p>
        </nav>
        <main className="console-main" id="main"><Page path={path} /></main>
      </div>
    </div>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('the page has no #root element');
createRoot(root).render(
  <StrictMode>
    <I18nProvider extra={CONSOLE_MESSAGES}>
      <SessionProvider><Shell /></SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
