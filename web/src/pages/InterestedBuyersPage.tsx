// An exhibitor's interested buyers at a fair: organisation, kind by name, score and every reason as its sentence,
// live on `MatchesChanged`. Markup over useInterestedBuyers.

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LiveStatus } from '../components/LiveStatus';
import { useInterestedBuyers } from '../hooks/useMatches';
import { RequireRole } from '../lib/guard';
import { scorePercent } from '../lib/matches';
import type { HubConnectionLike } from '../lib/live';

function Interested({ fairId, hubFactory }: { fairId: string; hubFactory?: () => Promise<HubConnectionLike> }) {
  const { t } = useTranslation();
  const v = useInterestedBuyers(fairId, { hubFactory });

  useEffect(() => {
    document.title = `${t('meetings.interested.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <main className="page matches-page">
      <p className="crumb">
        <Link to={`/fairs/${encodeURIComponent(fairId)}`}>{v.fair?.name ?? t('common.loading')}</Link>
      </p>
      <h1>{t('meetings.interested.title')}</h1>
      <p className="muted">{t('meetings.interested.intro')}</p>
      <LiveStatus state={v.live} />
      <p>
        <Link to={`/fairs/${encodeURIComponent(fairId)}/meetings`}>{t('meetings.nav.agenda')}</Link>
      </p>
      {!v.isProducer ? (
        <p className="notice" role="alert">
          {t('meetings.interested.onlyProducers')}
        </p>
      ) : v.error ? (
        <p className="error" role="alert">
          {v.error}
        </p>
      ) : !v.items ? (
        <p className="muted">{t('common.loading')}</p>
      ) : v.items.length === 0 ? (
        <p className="muted" data-testid="interested-empty">
          {t('meetings.interested.empty')}
        </p>
      ) : (
        <ol className="matches" data-testid="interested-list">
          {v.items.map((item) => (
            <li key={`${item.buyerId}-${item.needId}`} className="match" data-testid={`interested-${item.buyerId}`}>
              <div className="match__head">
                <h2 className="match__name">{item.organisation ?? t('meetings.unknownParty')}</h2>
                {item.buyerKind && <span className="tag">{t(`meetings.buyerKind.${item.buyerKind}`)}</span>}
                {item.mark === 'Saved' && <span className="badge badge--mine">{t('meetings.matches.saved')}</span>}
              </div>
              <p className="match__product">{item.productName}</p>
              <div className="score">
                <span className="score__label">{t('meetings.matches.score')}</span>
                <span className="score__bar" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={scorePercent(item.score)} aria-label={t('meetings.matches.score')}>
                  <span className="score__fill" style={{ width: `${scorePercent(item.score)}%` }} />
                </span>
                <strong className="score__number">{t('meetings.matches.scoreOf', { score: item.score })}</strong>
              </div>
              <ul className="match__reasons">
                {item.reasons.map((r, i) => (
                  <li key={`${r.code}-${i}`} data-code={r.code}>
                    {r.message}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}

export function InterestedBuyersPage({ fairId, hubFactory }: { fairId: string; hubFactory?: () => Promise<HubConnectionLike> }) {
  return <RequireRole roles={['Producer']}>{() => <Interested fairId={fairId} hubFactory={hubFactory} />}</RequireRole>;
}

export default InterestedBuyersPage;
