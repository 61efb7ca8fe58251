// The organiser's results dashboard (issue 18): the fair's signed documents live — totals, charts by kind, product
// group, district, buyer kind and market — with meetings held and booths occupied. The board comes from useBoard, so
// every signing moves the figures and the charts without a reload. Loaded on demand (routes.tsx) with ECharts.

import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BoardChart, type ChartBar } from '../components/BoardChart';
import { LiveStatus } from '../components/LiveStatus';
import { useBoard } from '../hooks/useBoard';
import { ApiError, errorMessage } from '../lib/api';
import { addSigning, bars, DEAL_KINDS, marketName, signedCount, tonnes, vndParts, type Bar, type DealAnnouncement } from '../lib/board';
import type { HubConnectionLike } from '../lib/live';
import { fairQuery } from '../lib/queries';

export function ResultsPage({ fairId, hubFactory }: { fairId: string; hubFactory?: () => Promise<HubConnectionLike> }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'vi';
  const { data: fair } = useQuery(fairQuery(fairId));
  const [recent, setRecent] = useState<DealAnnouncement[]>([]);
  const { board, error, liveState } = useBoard(fairId, { onSigned: (s) => setRecent((list) => addSigning(list, s, 5)), hubFactory });

  useEffect(() => {
    document.title = fair ? `${fair.name} · ${t('results.title')}` : t('results.title');
  }, [fair, t]);

  const deals = board?.deals;
  const label = (bucket: 'group' | 'district' | 'buyerKind' | 'market', key: string): string => {
    if (key === 'other') return t('results.other');
    if (key === '') return t('results.unknown');
    if (bucket === 'group') return t(`groups.${key}`, { defaultValue: key });
    if (bucket === 'buyerKind') return t(`buyers.kind.${key}`, { defaultValue: key });
    if (bucket === 'market') {
      const m = marketName(key);
      return m.export ? t('results.export', { name: m.name }) : m.name;
    }
    return key;
  };
  const toChart = (list: Bar[], bucket: 'group' | 'district' | 'buyerKind' | 'market'): ChartBar[] =>
    list.map((b) => ({ label: label(bucket, b.key), value: Math.round(b.vnd / 1e5) / 10 }));
  const charts = useMemo(
    () =>
      deals
        ? {
            kind: DEAL_KINDS.map((k) => ({ label: t(`results.kinds.${k}`), value: deals.byKind[k] ?? 0 })),
            group: bars(deals.byGroup),
            district: bars(deals.byDistrict),
            buyerKind: bars(deals.byBuyerKind),
            market: bars(deals.byMarket),
          }
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [deals, locale],
  );

  if (!board) {
    return (
      <main className="page results-page">
        <h1>{t('results.title')}</h1>
        {error ? (
          <p className="error" role="alert">
            {error instanceof ApiError && error.status === 404 ? t('results.notFound') : errorMessage(error)}
          </p>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </main>
    );
  }

  const value = vndParts(board.deals.vnd, locale);
  const boothTotal = board.booths.free + board.booths.held + board.booths.confirmed;
  const units = Object.entries(board.deals.otherUnits);
  const sections: { id: 'group' | 'district' | 'buyerKind' | 'market'; title: string }[] = [
    { id: 'group', title: t('results.byGroup') },
    { id: 'district', title: t('results.byDistrict') },
    { id: 'buyerKind', title: t('results.byBuyerKind') },
    { id: 'market', title: t('results.byMarket') },
  ];

  return (
    <main className="page results-page" data-testid="results-page">
      <div className="results-head">
        <div>
          <h1>{t('results.title')}</h1>
          {fair && (
            <p className="muted">
              <Link to={`/fairs/${encodeURIComponent(fairId)}`}>{fair.name}</Link>
            </p>
          )}
        </div>
        <LiveStatus state={liveState} version={board.version} />
      </div>
      <p className="muted">{t('results.intro')}</p>

      <dl className="results-totals">
        <div className="results-total">
          <dt>{t('results.signed')}</dt>
          <dd data-testid="results-signed">{signedCount(board.deals)}</dd>
        </div>
        <div className="results-total">
          <dt>{t('results.value')}</dt>
          <dd data-testid="results-value" data-vnd={board.deals.vnd}>
            {value.value} <small>{t(`results.units.${value.unit}`)}</small>
          </dd>
        </div>
        <div className="results-total">
          <dt>{t('results.tonnes')}</dt>
          <dd data-testid="results-tonnes">
            {tonnes(board.deals.tonnes, locale)} <small>{t('results.tonnesUnit')}</small>
          </dd>
        </div>
        <div className="results-total">
          <dt>{t('results.meetingsHeld')}</dt>
          <dd data-testid="results-meetings">{board.meetings.held}</dd>
        </div>
        <div className="results-total">
          <dt>{t('results.boothsOccupied')}</dt>
          <dd data-testid="results-booths">{t('results.boothsOf', { taken: board.booths.held + board.booths.confirmed, total: boothTotal })}</dd>
        </div>
      </dl>
      {units.length > 0 && (
        <p className="results-units" data-testid="results-other-units">
          {t('results.otherUnits')}: {units.map(([u, n]) => `${tonnes(n, locale)} ${t(`units.${u}`, { defaultValue: u })}`).join(' · ')}
        </p>
      )}

      {recent.length > 0 && (
        <section className="results-recent" aria-live="polite">
          <h2>{t('results.recent')}</h2>
          <ul>
            {recent.map((s) => {
              const v = vndParts(s.vnd, locale);
              return (
                <li key={s.dealId} data-testid="results-recent">
                  <strong>{t(`results.kinds.${s.kind}`)}</strong> · {t('results.hall.between', { producer: s.producerName, buyer: s.buyerOrganisation })} ·{' '}
                  {v.value} {t(`results.units.${v.unit}`)}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {signedCount(board.deals) === 0 && <p className="muted">{t('results.noDeals')}</p>}
      {charts && (
        <div className="results-charts">
          <section className="results-card" aria-labelledby="results-kind">
            <h2 id="results-kind">{t('results.byKind')}</h2>
            <BoardChart bars={charts.kind} kind="pie" valueName={t('results.deals')} testId="chart-kind" />
            <table className="results-table">
              <tbody>
                {charts.kind.map((k) => (
                  <tr key={k.label}>
                    <th scope="row">{k.label}</th>
                    <td>{k.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {sections.map((s) => (
            <section key={s.id} className="results-card" aria-labelledby={`results-${s.id}`}>
              <h2 id={`results-${s.id}`}>{s.title}</h2>
              {charts[s.id].length > 0 && <BoardChart bars={toChart(charts[s.id], s.id)} valueName={t('results.valueMillion')} testId={`chart-${s.id}`} />}
              <table className="results-table" data-testid={`table-${s.id}`}>
                <thead>
                  <tr>
                    <th scope="col" />
                    <th scope="col">{t('results.deals')}</th>
                    <th scope="col">{t('results.value')}</th>
                    <th scope="col">{t('results.tonnesUnit')}</th>
                  </tr>
                </thead>
                <tbody>
                  {charts[s.id].map((b) => {
                    const v = vndParts(b.vnd, locale);
                    return (
                      <tr key={b.key}>
                        <th scope="row">{label(s.id, b.key)}</th>
                        <td>{b.deals}</td>
                        <td>
                          {v.value} {t(`results.units.${v.unit}`)}
                        </td>
                        <td>{tonnes(b.tonnes, locale)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          ))}
        </div>
      )}
    </main>
  );
}

export default ResultsPage;
