import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FloorMap } from '../components/FloorMap';
import { Legend } from '../components/Legend';
import { LiveStatus } from '../components/LiveStatus';
import { ApiError, errorMessage } from '../lib/api';
import { occupancy } from '../lib/booths';
import { shortName, tickerLine, type TickerLine } from '../lib/exhibitors';
import { formatDateTime } from '../lib/format';
import type { FairEvent } from '../lib/types';
import { fairQuery, keys } from '../lib/queries';
import { useLiveFloor, type LiveFloorOptions } from '../lib/useLiveFloor';

/** An unattended screen retries a failed first load on its own. */
export const DISPLAY_RETRY_MS = 15000;

/** How many recent changes the ticker shows. */
export const TICKER_LINES = 5;

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

  // The fair's recent changes, newest first, from the live stream this page already gets.
  const [ticker, setTicker] = useState<TickerLine[]>([]);
  const onEvent = useCallback(
    (event: FairEvent) => {
      if (event.type === 'FairChanged') void queryClient.invalidateQueries({ queryKey: keys.fair(fairId), exact: true });
      const line = tickerLine(event);
      if (line) setTicker((lines) => [line, ...lines.filter((l) => l.key !== line.key)].slice(0, TICKER_LINES));
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
  const exhibitorCount = useMemo(
    () => new Set((floor?.booths ?? []).filter((b) => b.producerId && (b.status === 'Held' || b.status === 'Confirmed')).map((b) => b.producerId)).size,
    [floor],
  );
  const timeZone = fair?.timeZone || undefined;
  const exhibitorBooths = useMemo(
    () =>
      (floor?.booths ?? [])
        .filter((b) => b.producerName && (b.status === 'Held' || b.status === 'Confirmed'))
        .sort((a, b) => a.code.localeCompare(b.code, 'vi', { numeric: true })),
    [floor],
  );
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
                <span className="display__exhibitors" data-testid="display-exhibitors">
                  {t('hall.exhibitors', { count: exhibitorCount })}
                </span>
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
            <div className="display__body">
              <div className="display__map">
                <FloorMap floor={floor} variant="display" />
              </div>
              {exhibitorBooths.length > 0 && (
                // Names on the booths are small on a big hall's map: the list beside it is readable from afar.
                <section className="display__who" aria-labelledby="display-who-title">
                  <h2 id="display-who-title" className="display__who-title">
                    {t('mapx.exhibitor')}
                  </h2>
                  <ol className="display__who-list">
                    {exhibitorBooths.map((b) => (
                      <li key={b.code} className={`display__who-item booth--${b.status}`} data-testid={`display-who-${b.code}`}>
                        <span className="display__who-code">{b.code}</span>
                        <span className="display__who-name">{shortName(b.producerName ?? '')}</span>
                      </li>
                    ))}
                  </ol>
                </section>
              )}
            </div>
            <section className="display__ticker" aria-labelledby="display-ticker-title" aria-live="polite" data-testid="display-ticker">
              <h2 id="display-ticker-title" className="display__ticker-title">
                {t('hall.ticker')}
              </h2>
              {ticker.length === 0 ? (
                <p className="display__ticker-empty muted">{t('hall.tickerEmpty')}</p>
              ) : (
                <ol className="display__ticker-lines">
                  {ticker.map((line) => (
                    <li key={line.key} className={`display__ticker-line booth--${line.status}`} data-testid="display-ticker-line">
                      {line.at && <time className="display__ticker-time">{formatDateTime(line.at, timeZone).slice(0, 5)}</time>}
                      <span>{t(`hall.${line.kind}`, { code: line.code, producer: line.producer ?? '' })}</span>
                    </li>
                  ))}
                </ol>
              )}
            </section>
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
