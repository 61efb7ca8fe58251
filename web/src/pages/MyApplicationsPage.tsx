import { useCallback, useEffect, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApplicationStatusBadge } from '../components/ApplicationStatusBadge';
import { EligibilityReasons } from '../components/EligibilityReasons';
import { api, errorMessage } from '../lib/api';
import { applicationFromEvent, applicationsReducer, canAct, mayOfferApply } from '../lib/applications';
import { formatIsoDate, starsText } from '../lib/catalogue';
import { formatDateTime } from '../lib/format';
import { RequireRole } from '../lib/guard';
import { startLive, type HubConnectionLike } from '../lib/live';
import { Link } from 'react-router';
import type { FairSummary } from '../lib/types';

interface Props {
  /** For tests: how to make the hub connection. */
  hubFactory?: () => Promise<HubConnectionLike>;
}

function MyApplications({ userId, hubFactory }: Props & { userId: string }) {
  const { t } = useTranslation();
  const [items, dispatch] = useReducer(applicationsReducer, null);
  const [fairs, setFairs] = useState<Record<string, FairSummary>>({});
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [rowError, setRowError] = useState<{ id: string; message: string } | null>(null);

  useEffect(() => {
    document.title = `${t('myApplications.title')} · ${t('app.name')}`;
  }, [t]);

  const load = useCallback(async () => {
    try {
      dispatch({ type: 'loaded', applications: await api.myApplications() });
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    // Fair names for the list; the applications carry only ids.
    api
      .fairs()
      .then((list) => setFairs(Object.fromEntries(list.map((f) => [f.fairId, f]))))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    void load();
    let first = true;
    const live = startLive(
      {
        // After a reconnect, re-read the list: a change may have been missed.
        onConnected: () => {
          if (!first) void load();
          first = false;
        },
        onPrivateEvent: (event) => {
          const application = applicationFromEvent(event);
          if (application) dispatch({ type: 'changed', application });
        },
      },
      hubFactory,
    );
    return () => void live.stop();
  }, [userId, load, hubFactory]);

  const withdraw = async (fairId: string, applicationId: string) => {
    setBusyId(applicationId);
    setRowError(null);
    try {
      dispatch({ type: 'changed', application: await api.withdraw(fairId, applicationId) });
    } catch (e) {
      setRowError({ id: applicationId, message: errorMessage(e) });
    } finally {
      setBusyId(null);
    }
  };

  return (
    <main className="page">
      <p className="crumb">
        <Link to="/producer">← {t('producer.title')}</Link>
      </p>
      <h1>{t('myApplications.title')}</h1>
      {error && (
        <div className="error" role="alert">
          <p>{error}</p>
          <button type="button" className="btn" onClick={() => void load()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {items === null ? (
        !error && <p className="muted">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">
          {t('myApplications.empty')} <Link to="/">{t('myApplications.findFair')}</Link>
        </p>
      ) : (
        <ul className="cards">
          {items.map((a) => (
            <li key={a.applicationId} className="card" data-testid={`application-${a.applicationId}`}>
              <div className="card__top">
                <h2 className="app__fair">
                  <Link to={`/fairs/${encodeURIComponent(a.fairId)}`}>{fairs[a.fairId]?.name ?? a.fairId}</Link>
                </h2>
                <ApplicationStatusBadge status={a.status} testId={`application-status-${a.applicationId}`} />
              </div>
              <p className="card__meta muted">
                {t('myApplications.submittedAt', { time: formatDateTime(a.submittedAt) })}
                {a.decidedAt ? ` · ${t('myApplications.decidedAt', { time: formatDateTime(a.decidedAt) })}` : ''}
              </p>
              {a.status === 'Waitlisted' && a.waitlistPosition != null && (
                <p className="card__meta" data-testid={`waitlist-position-${a.applicationId}`}>
                  {t('myApplications.waitlistPosition', { position: a.waitlistPosition })}
                </p>
              )}
              {a.status === 'Rejected' && a.rejectionReason && (
                <p className="card__meta" data-testid={`rejection-reason-${a.applicationId}`}>
                  {t('myApplications.rejectionReason')}: {a.rejectionReason}
                </p>
              )}
              <ul className="app__products">
                {a.products.map((p) => (
                  <li key={p.productId}>
                    {p.name} <span className="stars">{starsText(p.stars)}</span>{' '}
                    <span className="muted nowrap">
                      {t('product.expiresShort', { date: formatIsoDate(p.certificateExpiresOn) })}
                    </span>
                  </li>
                ))}
              </ul>
              {a.certificateState !== 'Valid' && (
                <p className={`badge badge--cert-${a.certificateState}`}>{t(`certificateState.${a.certificateState}`)}</p>
              )}
              {a.eligibility && !a.eligibility.eligible && (a.status === 'Submitted' || a.status === 'Waitlisted') && (
                <EligibilityReasons reasons={a.eligibility.reasons} title={t('myApplications.nowIneligible')} />
              )}
              {rowError?.id === a.applicationId && (
                <p className="error" role="alert">
                  {rowError.message}
                </p>
              )}
              {/* Rejected or withdrawn, while registration is open and nothing else is in play: apply again. */}
              {(a.status === 'Rejected' || a.status === 'Withdrawn') &&
                mayOfferApply(true, fairs[a.fairId]?.status, items, a.fairId) &&
                items.find((x) => x.fairId === a.fairId) === a && (
                  <p>
                    <Link
                      to={`/fairs/${encodeURIComponent(a.fairId)}/apply`}
                      className="btn btn--small"
                      data-testid={`apply-again-${a.applicationId}`}
                    >
                      {t('applyFlow.applyAgain')}
                    </Link>
                  </p>
                )}
              {canAct(a.status, 'withdraw') && (
                <div className="row-actions">
                  <button
                    type="button"
                    className="btn btn--small btn--danger"
                    disabled={busyId === a.applicationId}
                    onClick={() => void withdraw(a.fairId, a.applicationId)}
                    data-testid={`withdraw-${a.applicationId}`}
                  >
                    {t('myApplications.withdraw')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

export function MyApplicationsPage({ hubFactory }: Props) {
  return (
    <RequireRole roles={['Producer']}>
      {(me) => <MyApplications userId={me.userId} hubFactory={hubFactory} />}
    </RequireRole>
  );
}

export default MyApplicationsPage;
