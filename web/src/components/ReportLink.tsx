// The fair page's link to the results report (issue 18) for the fair's organiser.

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { managesFair, useAuth } from '../lib/auth';

export function ReportLink({ fair }: { fair: { fairId: string; organiserId?: string } }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  if (!me || !managesFair(me, fair)) return null;
  return (
    <p className="fair-actions report-link">
      <Link to={`/fairs/${encodeURIComponent(fair.fairId)}/report`} className="btn" data-testid="report-link">
        {t('exports.link.report')}
      </Link>
    </p>
  );
}
