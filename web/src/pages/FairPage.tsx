import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BoothPanel } from '../components/BoothPanel';
import { FairStatusBadge } from '../components/FairStatusBadge';
import { FloorMap } from '../components/FloorMap';
import { Legend } from '../components/Legend';
import { LiveStatus } from '../components/LiveStatus';
import { ApiError, api, errorMessage } from '../lib/api';
import { hasRole, useAuth } from '../lib/auth';
import { DEFAULT_TIME_ZONE, formatDateRange, formatDateTime } from '../lib/format';
import { Link, useRouter } from '../lib/router';
import type { FairDetails, FairEvent } from '../lib/types';
import { useLiveFloor, type LiveFloorOptions } from '../lib/useLiveFloor';

interface FairPageProps {
  fairId: string;
  /** For tests: how to make the hub connection. */
  hubFactory?: LiveFloorOptions['hubFactory'];
}

export function FairPage({ fairId, hubFactory }: FairPageProps) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [fair, setFair] = useState<FairDetails | null>(null);
  const [fairError, setFairError] = useState<unknown>(null);
  const [fairTick, setFairTick] = useState(0);
  const { location } = useRouter();
  // The selected booth lives in ?booth=CODE so a booth can be linked to.
  const [selected, setSelectedState] = useState<string | null>(
    () => new URLSearchParams(location.search).get('booth') || null,
  );
  const setSelected = useCallback((code: string | null) => {
    setSelectedState(code);
    const url = new URL(window.location.href);
    if (code) url.searchParams.set('booth', code);
    else url.searchParams.delete('booth');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }, []);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  const onEvent = useCallback((event: FairEvent) => {
    if (event.type === 'FairChanged') setFairTick((n) => n + 1);
  }, []);
  const { floor, error: floorError, liveState, resync, reload } = useLiveFloor(fairId, { onEvent, hubFactory });

  useEffect(() => {
    const abort = new AbortController();
    api
      .fair(fairId, abort.signal)
      .then((f) => {
        setFair(f);
        setFairError(null);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setFairError(e);
      });
    return () => abort.abort();
  }, [fairId, fairTick]);

  useEffect(() => {
    if (fair) document.title = `${fair.name} · ${t('app.name')}`;
  }, [fair, t]);

  const select = useCallback(
    (code: string) => {
      setSelected(code);
      setActionError(null);
    },
    [setSelected],
  );

  useEffect(() => {
    if (!selected) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setSelected(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selected, setSelected]);

  const booth = floor?.booths.find((b) => b.code === selected) ?? null;
  const canManage = hasRole(me, 'Organiser', 'Admin');
  // Producers apply while registration is open; the apply page explains any refusal.
  const canApply = hasRole(me, 'Producer') && fair?.status === 'Published';
  const timeZone = fair?.timeZone || DEFAULT_TIME_ZONE;

  const act = async (action: 'block' | 'unblock') => {
    if (!booth) return;
    setBusy(true);
    setActionError(null);
    try {
      if (action === 'block') await api.blockBooth(fairId, booth.code);
      else await api.unblockBooth(fairId, booth.code);
      resync(); // the live event will follow; fetch it now in case the hub is down
    } catch (e) {
      setActionError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const notFound =
    (fairError instanceof ApiError && fairError.status === 404) ||
    (floorError instanceof ApiError && floorError.status === 404 && !fair);
  if (notFound) {
    return (
      <main className="page">
        <p className="error" role="alert">
          {t('fair.notFound')}
        </p>
        <Link to="/">{t('common.back')}</Link>
      </main>
    );
  }

  return (
    <main className="page page--wide">
      <p className="crumb">
        <Link to="/">← {t('nav.fairs')}</Link>
      </p>
      {fair ? (
        <section className="fair-head">
          <div className="fair-head__title">
            <h1>{fair.name}</h1>
            <FairStatusBadge status={fair.status} />
          </div>
          <dl className="facts facts--inline">
            <dt>{t('fair.venue')}</dt>
            <dd>
              {fair.venue}
              {fair.province ? `, ${fair.province}` : ''}
            </dd>
            <dt>{t('fair.dates')}</dt>
            <dd className="nowrap">{formatDateRange(fair.startsAt, fair.endsAt, timeZone)}</dd>
            <dt>{t('fair.registration')}</dt>
            <dd>
              <span className="nowrap">{formatDateTime(fair.registrationOpensAt, timeZone)}</span> –{' '}
              <span className="nowrap">{formatDateTime(fair.registrationClosesAt, timeZone)}</span>
            </dd>
          </dl>
          {(canApply || canManage) && (
            <p className="fair-actions">
              {canApply && (
                <Link
                  to={`/fairs/${encodeURIComponent(fairId)}/apply`}
                  className="btn btn--accent"
                  data-testid="apply-button"
                >
                  {t('apply.button')}
                </Link>
              )}
              {canManage && (
                <Link
                  to={`/fairs/${encodeURIComponent(fairId)}/applications`}
                  className="btn"
                  data-testid="review-link"
                >
                  {t('review.link')}
                </Link>
              )}
            </p>
          )}
          <details className="rules">
            <summary>{t('fair.rules')}</summary>
            <dl className="facts facts--inline">
              <dt>{t('fair.minStars')}</dt>
              <dd>{t('fair.stars', { count: fair.minStars })}</dd>
              {fair.acceptedGroups.length > 0 && (
                <>
                  <dt>{t('fair.groups')}</dt>
                  <dd>{fair.acceptedGroups.map((g) => t(`groups.${g}`, { defaultValue: g })).join(', ')}</dd>
                </>
              )}
              <dt>{t('fair.boothsPerProducer')}</dt>
              <dd>{fair.boothsPerProducer}</dd>
              <dt>{t('fair.holdMinutes')}</dt>
              <dd>{t('fair.minutes', { count: fair.holdMinutes })}</dd>
              <dt>{t('fair.allocationMode')}</dt>
              <dd>{t(`allocation.${fair.allocationMode}`, { defaultValue: fair.allocationMode })}</dd>
            </dl>
          </details>
        </section>
      ) : fairError ? (
        <p className="error" role="alert">
          {errorMessage(fairError)}
        </p>
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}

      <section className="map-section" aria-labelledby="map-title">
        <div className="map-toolbar">
          <h2 id="map-title">{t('map.title')}</h2>
          <LiveStatus state={liveState} version={floor?.version ?? null} />
        </div>
        {floor ? (
          floor.booths.length === 0 ? (
            <p className="muted">{t('fair.noFloor')}</p>
          ) : (
            <>
              <Legend booths={floor.booths} />
              <div className="map-layout">
                <div className="map-frame">
                  <FloorMap floor={floor} selected={selected} onSelect={select} />
                  {!booth && <p className="muted hint">{t('map.hint')}</p>}
                </div>
                {booth && (
                  <BoothPanel
                    booth={booth}
                    zones={floor.zones}
                    timeZone={timeZone}
                    canManage={canManage}
                    busy={busy}
                    error={actionError}
                    onBlock={() => void act('block')}
                    onUnblock={() => void act('unblock')}
                    onClose={() => setSelected(null)}
                  />
                )}
              </div>
            </>
          )
        ) : floorError ? (
          <div className="error" role="alert">
            <p>{errorMessage(floorError)}</p>
            <button type="button" className="btn" onClick={reload}>
              {t('common.retry')}
            </button>
          </div>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </section>
    </main>
  );
}

export default FairPage;
