import { useTranslation } from 'react-i18next';
import type { LiveState } from '../lib/types';

export function LiveStatus({ state, version }: { state: LiveState; version?: number | null }) {
  const { t } = useTranslation();
  return (
    <div className="live-bar">
      <span className={`live live--${state}`} data-testid="live-status" data-state={state} role="status">
        <span className="live__dot" aria-hidden="true" />
        {t(`live.${state}`)}
      </span>
      {version != null && (
        <span className="floor-version">
          {t('map.version')}{' '}
          <span data-testid="floor-version" data-version={version}>
            {version}
          </span>
        </span>
      )}
    </div>
  );
}
