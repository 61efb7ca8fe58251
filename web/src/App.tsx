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
const MyApplicationsPage = lazy(() => import('./pages/MyApplicationsPage'));
// Producer and organiser pages are not on the first screen either.
const ProducerPage = lazy(() => import('./pages/ProducerPage'));
const ApplyPage = lazy(() => import('./pages/ApplyPage'));
const ReviewPage = lazy(() => import('./pages/ReviewPage'));
const FloorPlanPage = lazy(() => import('./pages/FloorPlanPage'));
const AllocationPage = lazy(() => import('./pages/AllocationPage'));
const ProductPage = lazy(() => import('./pages/ProductPage'));
// The hall display is a full screen of its own: no header.
const DisplayPage = lazy(() => import('./pages/DisplayPage'));

const DISPLAY_PATH = '/fairs/:fairId/display';

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
  if (matchPath('/producer', path)) return <ProducerPage />;
  if (matchPath('/producer/applications', path)) return <MyApplicationsPage />;
  const fair = matchPath('/fairs/:fairId', path);
  if (fair) return <FairPage key={fair.fairId} fairId={fair.fairId} />;
  const apply = matchPath('/fairs/:fairId/apply', path);
  if (apply) return <ApplyPage key={apply.fairId} fairId={apply.fairId} />;
  const review = matchPath('/fairs/:fairId/applications', path);
  if (review) return <ReviewPage key={review.fairId} fairId={review.fairId} />;
  const editor = matchPath('/fairs/:fairId/floor-plan', path);
  if (editor) return <FloorPlanPage key={editor.fairId} fairId={editor.fairId} />;
  const allocation = matchPath('/fairs/:fairId/allocation', path);
  if (allocation) return <AllocationPage key={allocation.fairId} fairId={allocation.fairId} />;
  const display = matchPath(DISPLAY_PATH, path);
  if (display) return <DisplayPage key={display.fairId} fairId={display.fairId} />;
  const product = matchPath('/products/:productId', path);
  if (product) return <ProductPage key={product.productId} productId={product.productId} />;
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

function Shell() {
  const { location } = useRouter();
  const bare = !!matchPath(DISPLAY_PATH, location.pathname);
  return (
    <>
      {!bare && <Header />}
      <Suspense fallback={<Loading />}>
        <Routes />
      </Suspense>
    </>
  );
}

export function App() {
  return (
    <Router>
      <AuthProvider>
        <Shell />
      </AuthProvider>
    </Router>
  );
}
