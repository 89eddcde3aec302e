import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, useI18n } from '../shared/i18n.tsx';
import { Link, match, usePath } from '../shared/router.tsx';
import '../shared/styles.css';
import { LanguageSelect } from '../shared/ui.tsx';
import { HomePage } from './pages/Home.tsx';
import { LookupPage } from './pages/Lookup.tsx';
import { OrderPage } from './pages/Order.tsx';
import { ProductPage } from './pages/Product.tsx';
import { ShopPage } from './pages/Shop.tsx';

function Page({ path }: { path: string }) {
  let m: Record<string, string> | undefined;
  if ((m = match('/s/:slug/p/:id', path))) return <ProductPage key={path} slug={m.slug ?? ''} productId={m.id ?? ''} />;
  if ((m = match('/s/:slug', path))) return <ShopPage key={path} slug={m.slug ?? ''} />;
  if ((m = match('/o/:number', path))) return <OrderPage key={path} number={m.number ?? ''} />;
  if (path === '/lookup') return <LookupPage />;
  return <HomePage />;
}

function Header() {
  const { t } = useI18n();
  return (
    <header className="topbar">
      <div className="wrap topbar-inner">
        <Link href="/" className="brand" aria-label={t('nav.home')}>
          <span className="brand-mark" aria-hidden="true">铺</span> {t('home.title')}
        </Link>
        <nav className="topnav">
          <Link href="/lookup">{t('nav.lookup')}</Link>
          <LanguageSelect />
        </nav>
      </div>
    </header>
  );
}

function App() {
  const path = usePath();
  return (
    <I18nProvider>
      <Header />
      <main className="wrap" id="main">
        <Page path={path} />
      </main>
    </I18nProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('the page has no #root element');
createRoot(root).render(<StrictMode><App /></StrictMode>);
