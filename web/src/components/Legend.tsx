import { useTranslation } from 'react-i18next';
import type { Booth, BoothStatus } from '../lib/types';

export const BOOTH_STATUSES: readonly BoothStatus[] = ['Free', 'Held', 'Confirmed', 'Blocked'];

export function Legend({ booths }: { booths: readonly Booth[] }) {
  const { t } = useTranslation();
  const counts = new Map<string, number>();
  for (const b of booths) counts.set(b.status, (counts.get(b.status) ?? 0) + 1);
  const overrides = booths.filter((b) => b.overrideReason).length;
  return (
    <ul className="legend" aria-label={t('map.legend')}>
      {BOOTH_STATUSES.map((status) => (
        <li key={status} className={`legend__item booth--${status}`} data-testid={`legend-${status}`}>
          <svg className="legend__swatch" viewBox="0 0 2 2" aria-hidden="true">
            <rect className="booth__box" x="0" y="0" width="2" height="2" />
            {status === 'Blocked' && <rect className="booth__hatch" x="0" y="0" width="2" height="2" />}
          </svg>
          <span>{t(`boothStatus.${status}`)}</span>
          <span className="legend__count">{counts.get(status) ?? 0}</span>
        </li>
      ))}
      {overrides > 0 && (
        <li className="legend__item booth--Confirmed booth--override" data-testid="legend-override">
          <svg className="legend__swatch" viewBox="0 0 2 2" aria-hidden="true">
            <rect className="booth__box" x="0" y="0" width="2" height="2" />
          </svg>
          <span>{t('booth.override')}</span>
          <span className="legend__count">{overrides}</span>
        </li>
      )}
    </ul>
  );
}
