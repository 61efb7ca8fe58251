import { useCallback, useEffect, useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FloorMap } from '../components/FloorMap';
import { Legend } from '../components/Legend';
import { LiveStatus } from '../components/LiveStatus';
import { ApiError, errorMessage } from '../lib/api';
import { occupancy } from '../lib/booths';
import type { FairEvent } from '../lib/types';
import { fairQuery, keys } from '../lib/queries';
import { useLiveFloor, type LiveFloorOptions } from '../lib/useLiveFloor';

/** An unattended screen retries a failed first load on its own. */
export const DISPLAY_RETRY_MS = 15000;

interface DisplayPageProps {
  fairId: string;
  /** For tests: how to make the hub connection. */
  hubFactory?: LiveFloorOptions['hubFactory'];
}

/** The big-screen hall display: the live floor map, counts and occupancy; no sign-in, no panel. */
export function DisplayPage({ fairId, hubFactory }: DisplayPageProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: fair, error: fairError, refetch: refetchFair } = useQuery(fairQuery(fairId));

  const onEvent = useCallback(
    (event: FairEvent) => {
      if (event.type === 'FairChanged') void queryClient.invalidateQueries({ queryKey: keys.fair(fairId), exact: true });
    },
    [queryClient, fairId],
  );
  const { floor, error: floorError, liveState, reload } = useLiveFloor(fairId, { onEvent, hubFactory });

  // Nobody is there to press "retry": try again now and then.
  const floorFailed = !floor && !!floorError;
  useEffect(() => {
    if (!floorFailed && !fairError) return;
    const timer = setTimeout(() => {
      if (floorFailed) reload();
      if (fairError) void refetchFair();
    }, DISPLAY_RETRY_MS);
    return () => clearTimeout(timer);
  }, [floorFailed, fairError, reload, refetchFair]);

  useEffect(() => {
    document.title = fair ? `${fair.name} · ${t('display.title')}` : t('display.title');
  }, [fair, t]);

  const occ = useMemo(() => occupancy(floor?.booths ?? []), [floor]);
  const notFound =
    (fairError instanceof ApiError && fairError.status === 404) ||
    (floorError instanceof ApiError && floorError.status === 404 && !fair);

  return (
    <main className="display" data-testid="display">
      <header className="display__head">
        <h1 className="display__title" data-testid="display-fair-name">
          {fair?.name ?? (notFound ? t('fair.notFound') : '\u00a0')}
        </h1>
        <div className="display__stats">
          {floor && (
            <p className="display__occupancy">
              <span className="display__percent" data-testid="display-occupancy" data-percent={occ.percent}>
                {t('display.percent', { percent: occ.percent })}
              </span>
              <span className="display__occupancy-label">
                {t('display.occupancy', { taken: occ.taken, available: occ.available })}
              </span>
            </p>
          )}
          <LiveStatus state={liveState} />
        </div>
      </header>
      {floor ? (
        floor.booths.length === 0 ? (
          <p className="muted">{t('fair.noFloor')}</p>
        ) : (
          <>
            <Legend booths={floor.booths} />
            <div className="display__map">
              <FloorMap floor={floor} variant="display" />
            </div>
          </>
        )
      ) : floorError ? (
        <p className="error" role="alert">
          {notFound ? t('fair.notFound') : errorMessage(floorError)} {t('display.retrying')}
        </p>
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </main>
  );
}

export default DisplayPage;
