// The fair page's links into meetings (issue 17), by who is looking: a buyer's matching suppliers and agenda, an
// exhibitor's interested buyers and agenda, the organiser's meetings overview and schedule-all.

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { managesFair, useAuth } from '../lib/auth';

export function MeetingLinks({ fair }: { fair: { fairId: string; organiserId?: string } }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  if (!me) return null;
  const base = `/fairs/${encodeURIComponent(fair.fairId)}`;
  const links: { to: string; label: string; testId: string }[] = [];
  if (me.buyerId) links.push({ to: `${base}/matches`, label: t('meetings.nav.matches'), testId: 'matches-link' });
  if (me.producerId) links.push({ to: `${base}/interested`, label: t('meetings.nav.interested'), testId: 'interested-link' });
  if (me.buyerId || me.producerId || managesFair(me, fair))
    links.push({ to: `${base}/meetings`, label: t('meetings.nav.agenda'), testId: 'agenda-link' });
  if (me.buyerId || me.producerId) links.push({ to: `${base}/deals`, label: t('dealPages.nav.deals'), testId: 'deals-link' });
  if (managesFair(me, fair)) links.push({ to: `${base}/schedule`, label: t('meetings.nav.schedule'), testId: 'schedule-link' });
  if (links.length === 0) return null;
  return (
    <p className="fair-actions meeting-links">
      {links.map((l) => (
        <Link key={l.testId} to={l.to} className="btn" data-testid={l.testId}>
          {l.label}
        </Link>
      ))}
    </p>
  );
}
