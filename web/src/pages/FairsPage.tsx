import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../lib/api';
import { DEFAULT_TIME_ZONE, formatDateRange } from '../lib/format';
import { Link } from 'react-router';
import { fairsQuery } from '../lib/queries';
import { FairStatusBadge } from '../components/FairStatusBadge';
import { hasRole, useAuth } from '../lib/auth';

export function FairsPage() {
  const { t } = useTranslation();
  const { data: fairs, error, refetch } = useQuery(fairsQuery());
  const { me } = useAuth();

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  return (
    <main className="page">
      <h1>{t('fairs.title')}</h1>
      {hasRole(me, 'Organiser', 'Admin') && (
        <Link to="/fairs/new" className="btn btn--accent new-fair-link" data-testid="new-fair">
          {t('nav.newFair')}
        </Link>
      )}
      {error ? (
        <div className="error" role="alert">
          <p>{errorMessage(error)}</p>
          <button type="button" className="btn" onClick={() => void refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : fairs === undefined ? (
        <p className="muted">{t('common.loading')}</p>
      ) : fairs.length === 0 ? (
        <p className="muted">{t('fairs.empty')}</p>
      ) : (
        <ul className="cards">
          {fairs.map((fair) => (
            <li key={fair.fairId} className="card" data-testid={`fair-card-${fair.fairId}`}>
              <div className="card__top">
                <h2 className="card__title">
                  <Link to={`/fairs/${encodeURIComponent(fair.fairId)}`}>{fair.name}</Link>
                </h2>
                <FairStatusBadge status={fair.status} />
              </div>
              <p className="card__venue">
                {fair.venue}
                {fair.province ? `, ${fair.province}` : ''}
              </p>
              <p className="card__meta">
                <span className="nowrap">
                  {formatDateRange(fair.startsAt, fair.endsAt, fair.timeZone || DEFAULT_TIME_ZONE)}
                </span>
                <span className="muted"> · {t('fairs.booths', { count: fair.boothCount })}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
