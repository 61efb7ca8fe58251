import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageError } from '../components/PageError';
import { BoothPanel, type BoothAction, type BoothError } from '../components/BoothPanel';
import { FairLifecycle } from '../components/FairLifecycle';
import { FairStatusBadge } from '../components/FairStatusBadge';
import { FloorMap } from '../components/FloorMap';
import { Legend } from '../components/Legend';
import { LiveStatus } from '../components/LiveStatus';
import { ApiError, api, errorMessage } from '../lib/api';
import { hasRole, managesFair, useAuth } from '../lib/auth';
import {
  boothProblemKey,
  dimmedSet,
  filterFromSearch,
  filterGroups,
  holdsOpen,
  isFiltering,
  mineSet,
  overlayBooths,
  pruneOverrides,
  type BoothFilter,
  type BoothOverride,
} from '../lib/booths';
import i18n from '../i18n';
import { DEFAULT_TIME_ZONE, formatDateRange, formatDateTime } from '../lib/format';
import { Link, useRouter } from '../lib/router';
import type { Booth, FairEvent, Floor } from '../lib/types';
import { useFair } from '../lib/useFair';
import { useLiveFloor, type LiveFloorOptions } from '../lib/useLiveFloor';

/** Sets or drops query parameters without a navigation (the page keeps its state). */
function replaceParams(patch: Record<string, string | null>) {
  const url = new URL(window.location.href);
  for (const [key, value] of Object.entries(patch)) {
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}

/** The panel's text for a refused action: the server's problem, or ours for a known code without a title. */
function boothError(error: unknown): BoothError {
  if (error instanceof ApiError) {
    const code = typeof error.problem.code === 'string' ? error.problem.code : null;
    const key = boothProblemKey(code);
    const message = error.problem.title || error.problem.detail ? errorMessage(error) : key ? i18n.t(key) : errorMessage(error);
    return { message, code };
  }
  return { message: errorMessage(error) };
}

interface FairPageProps {
  fairId: string;
  /** For tests: how to make the hub connection. */
  hubFactory?: LiveFloorOptions['hubFactory'];
}

export function FairPage({ fairId, hubFactory }: FairPageProps) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [fairTick, setFairTick] = useState(0);
  const { location } = useRouter();
  // The selected booth lives in ?booth=CODE so a booth can be linked to.
  const [selected, setSelectedState] = useState<string | null>(
    () => new URLSearchParams(location.search).get('booth') || null,
  );
  const setSelected = useCallback((code: string | null) => {
    setSelectedState(code);
    replaceParams({ booth: code });
  }, []);
  // Map filters live in ?zone=&group= too.
  const [filter, setFilterState] = useState<BoothFilter>(() => filterFromSearch(location.search));
  const setFilter = useCallback((key: keyof BoothFilter, value: string) => {
    setFilterState((f) => ({ ...f, [key]: value }));
    replaceParams({ [key]: value || null });
  }, []);
  const [pending, setPending] = useState<BoothAction | null>(null);
  const [actionError, setActionError] = useState<BoothError | null>(null);
  // Answers of this user's actions, shown until the live floor has news of the booth.
  const [overrides, setOverrides] = useState<ReadonlyMap<string, BoothOverride>>(() => new Map());
  // Booth codes the signed-in producer holds or confirmed (GET /booths/mine).
  const [mineCodes, setMineCodes] = useState<readonly string[]>([]);
  const [mineTick, setMineTick] = useState(0);

  // A FairChanged event carries the fair's summary only: fetch the details, and the floor in case its plan changed.
  const refreshFloor = useRef<() => void>(() => undefined);
  const onEvent = useCallback((event: FairEvent) => {
    if (event.type === 'FairChanged') {
      setFairTick((n) => n + 1);
      refreshFloor.current();
    }
  }, []);
  const { floor, error: floorError, liveState, resync, reload, refresh } = useLiveFloor(fairId, { onEvent, hubFactory });
  refreshFloor.current = refresh;
  const floorRef = useRef<Floor | null>(floor);
  floorRef.current = floor;

  useEffect(() => {
    if (floor) setOverrides((prev) => pruneOverrides(floor.booths, prev) ?? prev);
  }, [floor]);

  const producerId = hasRole(me, 'Producer') ? (me?.producerId ?? null) : null;
  useEffect(() => {
    if (!producerId) {
      setMineCodes([]);
      return;
    }
    const abort = new AbortController();
    api
      .myBooths(fairId, abort.signal)
      .then((codes) => {
        if (Array.isArray(codes)) setMineCodes(codes);
      })
      .catch(() => undefined); // the booths' own producerId still tells
    return () => abort.abort();
  }, [fairId, producerId, mineTick]);

  const { fair, error: fairError } = useFair(fairId, fairTick);

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

  const booths = useMemo(() => (floor ? overlayBooths(floor.booths, overrides) : []), [floor, overrides]);
  const shownFloor = useMemo(() => (floor ? { ...floor, booths } : null), [floor, booths]);
  const mine = useMemo(() => mineSet(booths, producerId, mineCodes), [booths, producerId, mineCodes]);
  const dimmed = useMemo(() => dimmedSet(booths, floor?.zones ?? [], filter), [booths, floor, filter]);
  const groups = useMemo(() => filterGroups(floor?.zones ?? [], fair?.acceptedGroups ?? []), [floor, fair]);
  const booth = booths.find((b) => b.code === selected) ?? null;
  const canManage = managesFair(me, fair);
  const canHold = !!producerId && holdsOpen(fair);
  const organiserAllocates = !!producerId && !!fair && fair.allocationMode !== 'FirstCome';
  // Producers apply while registration is open; the apply page explains any refusal.
  const canApply = hasRole(me, 'Producer') && fair?.status === 'Published';
  const fairPath = `/fairs/${encodeURIComponent(fairId)}`;
  const timeZone = fair?.timeZone || DEFAULT_TIME_ZONE;

  const act = async (action: BoothAction, assignTo?: string) => {
    if (!booth || pending) return;
    const code = booth.code;
    setPending(action);
    setActionError(null);
    try {
      let answer: Booth | undefined;
      switch (action) {
        case 'block':
          answer = await api.blockBooth(fairId, code);
          break;
        case 'unblock':
          answer = await api.unblockBooth(fairId, code);
          break;
        case 'assign':
          answer = await api.assignBooth(fairId, code, assignTo ?? '');
          break;
        case 'unassign':
          answer = await api.unassignBooth(fairId, code);
          break;
        case 'hold':
          answer = await api.holdBooth(fairId, code);
          break;
        case 'confirm':
          answer = await api.confirmBooth(fairId, code);
          break;
        case 'release':
          answer = await api.releaseBooth(fairId, code);
          break;
      }
      if (answer && typeof answer === 'object' && answer.code === code && typeof answer.status === 'string') {
        const base = floorRef.current?.booths.find((b) => b.code === code);
        const shown = answer;
        setOverrides((prev) => new Map(prev).set(code, { booth: shown, base }));
      }
    } catch (e) {
      setActionError(boothError(e));
    } finally {
      setPending(null);
      resync(); // the live event will follow; fetch it now in case the hub is down
      if (producerId && (action === 'hold' || action === 'confirm' || action === 'release')) setMineTick((n) => n + 1);
    }
  };

  const notFound =
    (fairError instanceof ApiError && fairError.status === 404) ||
    (floorError instanceof ApiError && floorError.status === 404 && !fair);
  if (notFound) {
    return <PageError message={t('fair.notFound')} />;
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
              {canManage && (
                <Link to={`${fairPath}/floor-plan`} className="btn" data-testid="floor-plan-link">
                  {t('editor.link')}
                </Link>
              )}
              {canManage && fair.allocationMode === 'Organiser' && (
                <Link to={`${fairPath}/allocation`} className="btn" data-testid="allocation-link">
                  {t('allocate.link')}
                </Link>
              )}
            </p>
          )}
          {canManage && (
            <FairLifecycle
              fair={fair}
              hasFloor={floor ? floor.booths.length > 0 : null}
              onChanged={() => setFairTick((n) => n + 1)}
            />
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
          <div className="map-toolbar__end">
            <LiveStatus state={liveState} version={floor?.version ?? null} />
            <Link
              to={`/fairs/${encodeURIComponent(fairId)}/display`}
              className="display-link"
              data-testid="display-link"
            >
              {t('display.link')}
            </Link>
          </div>
        </div>
        {floor && shownFloor ? (
          floor.booths.length === 0 ? (
            <p className="muted" data-testid="no-floor">
              {t('fair.noFloor')}{' '}
              {canManage && <Link to={`${fairPath}/floor-plan`}>{t('editor.create')}</Link>}
            </p>
          ) : (
            <>
              <Legend booths={booths} />
              <div className="map-filters" role="group" aria-label={t('map.filters')}>
                <label className="field">
                  <span>{t('map.filterZone')}</span>
                  <select value={filter.zone} onChange={(e) => setFilter('zone', e.target.value)} data-testid="filter-zone">
                    <option value="">{t('map.allZones')}</option>
                    {floor.zones.map((z) => (
                      <option key={z.code} value={z.code}>
                        {z.name && z.name !== z.code ? `${z.name} (${z.code})` : z.code}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field">
                  <span>{t('map.filterGroup')}</span>
                  <select
                    value={filter.group}
                    onChange={(e) => setFilter('group', e.target.value)}
                    data-testid="filter-group"
                  >
                    <option value="">{t('map.allGroups')}</option>
                    {groups.map((g) => (
                      <option key={g} value={g}>
                        {t(`groups.${g}`, { defaultValue: g })}
                      </option>
                    ))}
                  </select>
                </label>
                {isFiltering(filter) && (
                  <p className="map-filters__count muted" data-testid="filter-count" data-count={booths.length - dimmed.size}>
                    {t('map.matching', { count: booths.length - dimmed.size, total: booths.length })}
                  </p>
                )}
              </div>
              <div className="map-layout">
                <div className="map-frame">
                  <FloorMap floor={shownFloor} selected={selected} onSelect={select} mine={mine} dimmed={dimmed} />
                  {!booth && <p className="muted hint">{t('map.hint')}</p>}
                </div>
                {booth && (
                  <BoothPanel
                    key={booth.code}
                    booth={booth}
                    zones={floor.zones}
                    timeZone={timeZone}
                    canManage={canManage}
                    canHold={canHold}
                    organiserAllocates={organiserAllocates}
                    mine={mine.has(booth.code)}
                    pending={pending}
                    error={actionError}
                    onAction={(action, producer) => void act(action, producer)}
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
