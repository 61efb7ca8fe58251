import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, errorMessage } from '../lib/api';
import { nextTransitions } from '../lib/allocation';
import { Link } from 'react-router';
import type { FairDetails, FairTransition } from '../lib/types';
import { ConfirmBox } from './ConfirmBox';

interface FairLifecycleProps {
  fair: FairDetails;
  /** Whether the fair has booths: a fair is published only with a floor plan. Null while unknown. */
  hasFloor: boolean | null;
  onChanged: (fair: FairDetails) => void;
}

/** The organiser's buttons to move the fair on: publish, close registration, start, close — each asked first. */
export function FairLifecycle({ fair, hasFloor, onChanged }: FairLifecycleProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<FairTransition | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const transitions = nextTransitions(fair.status);
  if (transitions.length === 0) return null;

  const move = async (transition: FairTransition) => {
    setBusy(true);
    setError(null);
    try {
      const next = await api.moveFair(fair.fairId, transition);
      setAsking(null);
      onChanged(next);
    } catch (e) {
      setError(e instanceof ApiError && e.problem.code === 'fair.noFloorPlan' && !e.problem.title ? t('lifecycle.needsFloor') : errorMessage(e));
      setAsking(null);
    } finally {
      setBusy(false);
    }
  };

  const editorLink = `/fairs/${encodeURIComponent(fair.fairId)}/floor-plan`;
  return (
    <div className="lifecycle" role="group" aria-label={t('lifecycle.title')} data-testid="lifecycle">
      <div className="lifecycle__buttons">
        {transitions.map((transition) => (
          <button
            key={transition}
            type="button"
            className={`btn ${transition === 'publish' ? 'btn--accent' : ''}`}
            disabled={busy || asking !== null}
            onClick={() => {
              setError(null);
              setAsking(transition);
            }}
            data-testid={`lifecycle-${transition}`}
          >
            {t(`lifecycle.${transition}`)}
          </button>
        ))}
      </div>
      {fair.status === 'Draft' && hasFloor === false && (
        <p className="muted small" data-testid="lifecycle-needs-floor">
          {t('lifecycle.needsFloor')} <Link to={editorLink}>{t('editor.link')}</Link>
        </p>
      )}
      {asking && (
        <ConfirmBox
          message={t(`lifecycleConfirm.${asking}`, { name: fair.name })}
          confirmLabel={t(`lifecycle.${asking}`)}
          busy={busy}
          onConfirm={() => void move(asking)}
          onCancel={() => setAsking(null)}
          testId="lifecycle-confirm"
        />
      )}
      {error && (
        <p className="error" role="alert" data-testid="lifecycle-error">
          {error}
        </p>
      )}
    </div>
  );
}
