// The app's routes (react-router, data mode). Pages past the first screen are loaded on demand, and a page shown
// for one fair or product is keyed by its id, so moving to another one starts it afresh.

import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, ScrollRestoration, useMatch, useParams, type RouteObject } from 'react-router';
import { Header } from './components/Header';
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
// Accounts, fair set-up and operator links.
const SignUpPage = lazy(() => import('./pages/SignUpPage'));
const AdminUsersPage = lazy(() => import('./pages/AdminUsersPage'));
const OperationsPage = lazy(() => import('./pages/OperationsPage'));
const FairFormPage = lazy(() => import('./pages/FairFormPage'));
const PublicProducerPage = lazy(() => import('./pages/PublicProducerPage'));
// Buyers: the profile, the badge, and the organiser's gate and matching hours.
const BuyerProfilePage = lazy(() => import('./pages/BuyerProfilePage'));
const BadgePage = lazy(() => import('./pages/BadgePage'));
const GatePage = lazy(() => import('./pages/GatePage'));
const MatchingHoursPage = lazy(() => import('./pages/MatchingHoursPage'));
// Buyers' matches, exhibitors' interested buyers, agendas and the organiser's schedule-all (issue 17).
const MatchesPage = lazy(() => import('./pages/MatchesPage'));
const InterestedBuyersPage = lazy(() => import('./pages/InterestedBuyersPage'));
const AgendaPage = lazy(() => import('./pages/AgendaPage'));
const SchedulePage = lazy(() => import('./pages/SchedulePage'));
// Exports and the results report (issue 18): the printable deal document, its public verification, the report.
const DealDocumentPage = lazy(() => import('./pages/DealDocumentPage'));
const DealVerifyPage = lazy(() => import('./pages/DealVerifyPage'));
const ResultsReportPage = lazy(() => import('./pages/ResultsReportPage'));
// Deals: the buyers' and exhibitors' memoranda and contracts (issue 18).
const DealsPage = lazy(() => import('./pages/DealsPage'));
const DealPage = lazy(() => import('./pages/DealPage'));
const NewDealPage = lazy(() => import('./pages/DealPage').then((m) => ({ default: m.NewDealPage })));
// The hall display is a full screen of its own: no header.
const DisplayPage = lazy(() => import('./pages/DisplayPage'));
// The results (issue 18): the organiser's dashboard (with its charts) and the hall's results screen (no header).
const ResultsPage = lazy(() => import('./pages/ResultsPage'));
const HallPage = lazy(() => import('./pages/HallPage'));

export const DISPLAY_PATH = '/fairs/:fairId/display';
export const HALL_PATH = '/fairs/:fairId/hall';

function NotFound() {
  const { t } = useTranslation();
  return (
    <main className="page">
      <h1>{t('notFound.title')}</h1>
      <Link to="/">{t('common.back')}</Link>
    </main>
  );
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
  const display = !!useMatch(DISPLAY_PATH);
  const hall = !!useMatch(HALL_PATH);
  const bare = display || hall;
  return (
    <>
      {!bare && <Header />}
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
      <ScrollRestoration />
    </>
  );
}

/** The page for the fair in the path, started afresh for each fair. */
function ForFair({ page: Page }: { page: ComponentType<{ fairId: string }> }) {
  const { fairId = '' } = useParams();
  return <Page key={fairId} fairId={fairId} />;
}

function ForProduct() {
  const { productId = '' } = useParams();
  return <ProductPage key={productId} productId={productId} />;
}

function ForProducer() {
  const { producerId = '' } = useParams();
  return <PublicProducerPage key={producerId} producerId={producerId} />;
}

function ForDealDocument() {
  const { fairId = '', dealId = '' } = useParams();
  return <DealDocumentPage key={`${fairId}/${dealId}`} fairId={fairId} dealId={dealId} />;
}

function ForDealVerify() {
  const { dealId = '' } = useParams();
  return <DealVerifyPage key={dealId} dealId={dealId} />;
}

function ForDeal() {
  const { fairId = '', dealId = '' } = useParams();
  return <DealPage key={`${fairId}/${dealId}`} fairId={fairId} dealId={dealId} />;
}

export const routes: RouteObject[] = [
  {
    element: <Shell />,
    children: [
      { index: true, element: <FairsPage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'inbox', element: <InboxPage /> },
      { path: 'producer', element: <ProducerPage /> },
      { path: 'producer/applications', element: <MyApplicationsPage /> },
      { path: 'fairs/:fairId', element: <ForFair page={FairPage} /> },
      { path: 'fairs/:fairId/apply', element: <ForFair page={ApplyPage} /> },
      { path: 'fairs/:fairId/applications', element: <ForFair page={ReviewPage} /> },
      { path: 'fairs/:fairId/floor-plan', element: <ForFair page={FloorPlanPage} /> },
      { path: 'fairs/:fairId/allocation', element: <ForFair page={AllocationPage} /> },
      { path: DISPLAY_PATH.slice(1), element: <ForFair page={DisplayPage} /> },
      { path: 'fairs/:fairId/results', element: <ForFair page={ResultsPage} /> },
      { path: HALL_PATH.slice(1), element: <ForFair page={HallPage} /> },
      { path: 'products/:productId', element: <ForProduct /> },
      { path: 'signup', element: <SignUpPage /> },
      { path: 'admin/users', element: <AdminUsersPage /> },
      { path: 'operations', element: <OperationsPage /> },
      { path: 'fairs/new', element: <FairFormPage /> },
      { path: 'fairs/:fairId/edit', element: <ForFair page={FairFormPage} /> },
      { path: 'producers/:producerId', element: <ForProducer /> },
      { path: 'buyer', element: <BuyerProfilePage /> },
      { path: 'fairs/:fairId/badge', element: <ForFair page={BadgePage} /> },
      { path: 'fairs/:fairId/gate', element: <ForFair page={GatePage} /> },
      { path: 'fairs/:fairId/matching', element: <ForFair page={MatchingHoursPage} /> },
      { path: 'fairs/:fairId/matches', element: <ForFair page={MatchesPage} /> },
      { path: 'fairs/:fairId/interested', element: <ForFair page={InterestedBuyersPage} /> },
      { path: 'fairs/:fairId/meetings', element: <ForFair page={AgendaPage} /> },
      { path: 'fairs/:fairId/schedule', element: <ForFair page={SchedulePage} /> },
      { path: 'fairs/:fairId/deals/:dealId/print', element: <ForDealDocument /> },
      { path: 'deals/:dealId/verify', element: <ForDealVerify /> },
      { path: 'fairs/:fairId/report', element: <ForFair page={ResultsReportPage} /> },
      { path: 'fairs/:fairId/deals', element: <ForFair page={DealsPage} /> },
      { path: 'fairs/:fairId/deals/new', element: <ForFair page={NewDealPage} /> },
      { path: 'fairs/:fairId/deals/:dealId', element: <ForDeal /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];
