import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Header } from './components/Header';
import { AuthProvider } from './lib/auth';
import { Link, matchPath, Router, useRouter } from './lib/router';
import { FairsPage } from './pages/FairsPage';
import { LoginPage } from './pages/LoginPage';

// The live pages pull in the SignalR client: load them on demand.
const FairPage = lazy(() => import('./pages/FairPage'));
const InboxPage = lazy(() => import('./pages/InboxPage'));

function NotFound() {
  const { t } = useTranslation();
  return (
    <main className="page">
      <h1>{t('notFound.title')}</h1>
      <Link to="/">{t('common.back')}</Link>
    </main>
  );
}

function Routes() {
  const { location } = useRouter();
  const path = location.pathname;
  if (matchPath('/', path)) return <FairsPage />;
  if (matchPath('/login', path)) return <LoginPage />;
  if (matchPath('/inbox', path)) return <InboxPage />;
  const fair = matchPath('/fairs/:fairId', path);
  if (fair) return <FairPage key={fair.fairId} fairId={fair.fairId} />;
  return <NotFound />;
}

function Loading() {
  const { t } = useTranslation();
  return (
    <main className="page">
      <p className="muted">{t('common.loading')}</p>
    </main>
  );
}

export function App() {
  return (
    <Router>
      <AuthProvider>
        <Header />
        <Suspense fallback={<Loading />}>
          <Routes />
        </Suspense>
      </AuthProvider>
    </Router>
  );
}
