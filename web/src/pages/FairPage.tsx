import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MeetingLinks } from '../components/MeetingLinks';
import { ResultsLinks } from '../components/ResultsLinks';
import { PageError } from '../components/PageError';
import { BoothPanel } from '../components/BoothPanel';
import { ReportLink } from '../components/ReportLink';
import { BuyerFairActions } from '../components/BuyerFairActions';
import { FairLifecycle } from '../components/FairLifecycle';
import { FairStatusBadge } from '../components/FairStatusBadge';
import { ExhibitorList } from '../components/ExhibitorList';
import { FloorMap } from '../components/FloorMap';
import { Legend } from '../components/Legend';
import { LiveStatus } from '../components/LiveStatus';
import { useFairPage } from '../hooks/useFairPage';
import { errorMessage } from '../lib/api';
import { isFiltering } from '../lib/booths';
import { zoneName } from '../lib/exhibitors';
import { formatDateRange, formatDateTime } from '../lib/format';
import type { LiveFloorOptions } from '../lib/useLiveFloor';
import { signInPath } from '../lib/signup';

interface FairPageProps {
  fairId: string;
  /** For tests: how to make the hub connection. */
  hubFactory?: LiveFloorOptions['hubFactory'];
}

export function FairPage({ fairId, hubFactory }: FairPageProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const page = useFairPage(fairId, { hubFactory });
  const { fair, fairError, floor, floorError, liveState, booths, shownFloor, mine, dimmed, groups, filter, setFilter } = page;
  const { selected, select, booth, canManage, canApply, timeZone } = page;
  const fairPath = `/fairs/${encodeURIComponent(fairId)}`;

  useEffect(() => {
    if (fair) document.title = `${fair.name} · ${t('app.name')}`;
  }, [fair, t]);

  useEffect(() => {
    if (!selected) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') select(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selected, select]);

  if (page.notFound) {
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
          {page.signedOut && fair.status === 'Published' && (
            <p className="fair-actions">
              <Link
                to={signInPath(`/fairs/${encodeURIComponent(fairId)}/apply`)}
                className="btn btn--accent"
                data-testid="apply-sign-in"
              >
                {t('signInTo.apply')}
              </Link>
            </p>
          )}
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
                <Link to={`${fairPath}/edit`} className="btn fair-edit-link" data-testid="edit-fair-link">
                  {t('fairForm.edit')}
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
          <ReportLink fair={fair} />
          <BuyerFairActions fair={fair} />
          <MeetingLinks fair={fair} />
          <ResultsLinks fair={fair} />
          {canManage && (
            <FairLifecycle
              fair={fair}
              hasFloor={floor ? floor.booths.length > 0 : null}
              onChanged={page.refreshFair}
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
                        {zoneName(z, lang) !== z.code ? `${zoneName(z, lang)} (${z.code})` : z.code}
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
              <div className="map-tabs" role="tablist" aria-label={t('mapx.views')}>
                {(['map', 'list'] as const).map((pane) => (
                  <button
                    key={pane}
                    type="button"
                    role="tab"
                    aria-selected={page.pane === pane}
                    className={`map-tabs__tab${page.pane === pane ? ' map-tabs__tab--on' : ''}`}
                    onClick={() => page.setPane(pane)}
                    data-testid={`tab-${pane}`}
                  >
                    {pane === 'map' ? t('mapx.tabMap') : t('mapx.tabList', { count: page.exhibitors.length })}
                  </button>
                ))}
              </div>
              <div className={`map-layout map-layout--with-list map-layout--${page.pane}`}>
                <div className="map-frame">
                  <FloorMap
                    floor={shownFloor}
                    selected={selected}
                    onSelect={select}
                    mine={mine}
                    dimmed={dimmed}
                    highlighted={page.highlighted}
                  />
                  {!booth && <p className="muted hint">{t('map.hint')}</p>}
                </div>
                <div className="map-side">
                  {booth && (
                    <BoothPanel
                      key={booth.code}
                      booth={booth}
                      zones={floor.zones}
                      timeZone={timeZone}
                      canManage={canManage}
                      canHold={page.canHold}
                      signInToHold={page.signedOut && page.holdsOpen ? signInPath(`${fairPath}?booth=${encodeURIComponent(booth.code)}`) : undefined}
                      organiserAllocates={page.organiserAllocates}
                      mine={mine.has(booth.code)}
                      verdict={page.verdict}
                      applicationStatus={page.applicationStatus}
                      boothsPerProducer={fair?.boothsPerProducer}
                      pending={page.pending}
                      error={page.actionError}
                      onAction={(action, producer, overrideReason) => page.act(action, producer, overrideReason)}
                      onClose={() => select(null)}
                    />
                  )}
                  <ExhibitorList
                    exhibitors={page.shownExhibitors}
                    total={page.exhibitors.length}
                    zones={floor.zones}
                    filter={page.exhibitorFilter}
                    onFilter={page.setExhibitorFilter}
                    onClear={page.clearExhibitorFilter}
                    groups={page.exhibitorChoices.groups}
                    districts={page.exhibitorChoices.districts}
                    chosen={page.chosenExhibitor?.producerId ?? null}
                    onChoose={(producerId) => {
                      page.chooseExhibitor(producerId);
                      page.setPane('map');
                    }}
                    loading={page.exhibitorsLoading}
                    error={page.exhibitorsError ? errorMessage(page.exhibitorsError) : null}
                  />
                </div>
              </div>
            </>
          )
        ) : floorError ? (
          <div className="error" role="alert">
            <p>{errorMessage(floorError)}</p>
            <button type="button" className="btn" onClick={page.reloadFloor}>
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
