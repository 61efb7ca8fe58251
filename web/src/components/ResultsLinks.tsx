// The fair page's links to the results (issue 18) for the fair's organiser: the live dashboard and the hall's screen.

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { managesFair, useAuth } from '../lib/auth';

export function ResultsLinks({ fair }: { fair: { fairId: string; organiserId?: string } }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  if (!me || !managesFair(me, fair)) return null;
  const base = `/fairs/${encodeURIComponent(fair.fairId)}`;
  return (
    <p className="fair-actions results-links">
      <Link to={`${base}/results`} className="btn" data-testid="results-link">
        {t('results.link')}
      </Link>
      <Link to={`${base}/hall`} className="btn" data-testid="hall-results-link">
        {t('results.hallLink')}
      </Link>
    </p>
  );
}
