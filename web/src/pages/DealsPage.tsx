// A fair's deals. For a buyer or an exhibitor: their memoranda, agreements and contracts grouped by status (waiting
// for signatures, signed, drafts, cancelled), each with the other party, the value and whose signature it waits for.
// For the organiser: the signed and active deals of the fair. Markup over useDeals; kept current live.

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DealStatusBadge, TotalsView } from '../components/DealParts';
import { LiveStatus } from '../components/LiveStatus';
import { useDeals } from '../hooks/useDeals';
import { DEAL_GROUPS, waitingFor } from '../lib/deals';
import { dealLinks, type Deal } from '../lib/dealsApi';
import { formatDate, formatVnd } from '../lib/format';
import type { HubConnectionLike } from '../lib/live';

type Deals = ReturnType<typeof useDeals>;

function DealCard({ d, deal, fairId }: { d: Deals; deal: Deal; fairId: string }) {
  const { t } = useTranslation();
  const other = d.side === 'Buyer' ? deal.parties.producerName : deal.parties.buyerOrganisation;
  const waiting = d.side ? waitingFor(deal, d.side) : null;
  return (
    <li className="deal-card card" data-testid={`deal-${deal.dealId}`} data-status={deal.status}>
      <div className="deal-card__head">
        <h3>
          <Link to={dealLinks.page(fairId, deal.dealId)} data-testid="deal-open">
            {t(`dealPages.kind.${deal.terms.kind}`)}
          </Link>
        </h3>
        <DealStatusBadge status={deal.status} />
      </div>
      <p data-testid="deal-party">{t('dealPages.list.with', { name: other })}</p>
      <p className="muted small">{t('dealPages.list.version', { version: deal.version })}</p>
      {waiting && (
        <p className={waiting === 'you' ? 'deal-waiting deal-waiting--you' : 'deal-waiting muted'} data-testid="deal-waiting" data-waiting={waiting}>
          {t(`dealPages.waiting.${waiting}`)}
        </p>
      )}
      <TotalsView totals={deal.totals} testId={`deal-totals-${deal.dealId}`} />
    </li>
  );
}

function PartyDeals({ d, fairId }: { d: Deals; fairId: string }) {
  const { t } = useTranslation();
  if (!d.groups) return null;
  return (
    <>
      {d.items?.length === 0 && (
        <p className="muted" data-testid="deals-empty">
          {t('dealPages.list.empty')}
        </p>
      )}
      {DEAL_GROUPS.map((g) =>
        d.groups![g].length === 0 ? null : (
          <section key={g} className="section" aria-labelledby={`deals-${g}`} data-testid={`deals-${g}`}>
            <h2 id={`deals-${g}`}>
              {t(`dealPages.list.group.${g}`)} <span className="muted">({d.groups![g].length})</span>
            </h2>
            <ul className="deal-cards">
              {d.groups![g].map((deal) => (
                <DealCard key={deal.dealId} d={d} deal={deal} fairId={fairId} />
              ))}
            </ul>
          </section>
        ),
      )}
    </>
  );
}

function OrganiserDeals({ d, fairId }: { d: Deals; fairId: string }) {
  const { t, i18n } = useTranslation();
  if (!d.items) return null;
  const signed = d.items.filter((x) => x.status === 'Signed' || x.status === 'Active');
  if (signed.length === 0)
    return (
      <p className="muted" data-testid="deals-empty">
        {t('dealPages.list.organiserEmpty')}
      </p>
    );
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('dealPages.list.organiserTitle')}>
      <table className="table" data-testid="organiser-deals">
        <thead>
          <tr>
            <th scope="col">{t('dealPages.list.kindCol')}</th>
            <th scope="col">{t('dealPages.list.producer')}</th>
            <th scope="col">{t('dealPages.list.buyer')}</th>
            <th scope="col">{t('dealPages.list.valueCol')}</th>
            <th scope="col">{t('dealPages.list.signedAt')}</th>
            <th scope="col">{t('dealPages.deal.status')}</th>
          </tr>
        </thead>
        <tbody>
          {signed.map((deal) => (
            <tr key={deal.dealId} data-testid={`deal-${deal.dealId}`}>
              <td>
                <Link to={dealLinks.page(fairId, deal.dealId)}>{t(`dealPages.kind.${deal.terms.kind}`)}</Link>
              </td>
              <td>{deal.parties.producerName}</td>
              <td>{deal.parties.buyerOrganisation}</td>
              <td className="nowrap">{formatVnd(deal.totals.vnd, i18n.language)}</td>
              <td className="nowrap">{deal.signedAt ? formatDate(deal.signedAt, d.fair?.timeZone) : '—'}</td>
              <td>
                <DealStatusBadge status={deal.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DealsPage({ fairId, hubFactory }: { fairId: string; hubFactory?: () => Promise<HubConnectionLike> }) {
  const { t } = useTranslation();
  const d = useDeals(fairId, { hubFactory });
  const title = d.organiser ? t('dealPages.list.organiserTitle') : t('dealPages.list.title');

  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [t, title]);

  return (
    <main className="page deals-page">
      <p className="crumb">
        <Link to={`/fairs/${encodeURIComponent(fairId)}`}>{d.fair?.name ?? t('common.loading')}</Link>
      </p>
      <h1>{title}</h1>
      {d.authLoading ? (
        <p className="muted">{t('common.loading')}</p>
      ) : !d.signedIn ? (
        <p className="notice">
          <Link to={`/login?next=${encodeURIComponent(dealLinks.list(fairId))}`}>{t('dealPages.list.signIn')}</Link>
        </p>
      ) : !d.side && !d.organiser ? (
        d.fair ? (
          <p className="notice" role="alert">
            {t('dealPages.list.onlyParties')}
          </p>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )
      ) : (
        <>
          <p className="muted">{d.organiser ? t('dealPages.list.organiserIntro') : t('dealPages.list.intro')}</p>
          <LiveStatus state={d.live} />
          {d.side && (
            <p className="fair-actions">
              <Link className="btn" to={`/fairs/${encodeURIComponent(fairId)}/meetings`} data-testid="deals-to-agenda">
                {t('dealPages.list.toAgenda')}
              </Link>
            </p>
          )}
          {d.error && (
            <p className="error" role="alert">
              {d.error}
            </p>
          )}
          {!d.items && !d.error && <p className="muted">{t('common.loading')}</p>}
          {d.organiser ? <OrganiserDeals d={d} fairId={fairId} /> : <PartyDeals d={d} fairId={fairId} />}
        </>
      )}
    </main>
  );
}

export default DealsPage;
