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
      {/* The floor's version is for tests and support, not for visitors: kept in the page, never shown. */}
      {version != null && (
        <span data-testid="floor-version" data-version={version} hidden>
          {version}
        </span>
      )}
    </div>
  );
}
