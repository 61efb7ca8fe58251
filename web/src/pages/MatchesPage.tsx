// A buyer's ranked suppliers at a fair, per need: every reason as its sentence, save / hide / undo, and "Hẹn gặp"
// to request one of the exhibitor's free slots. Markup over useMatches.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LiveStatus } from '../components/LiveStatus';
import { SlotPicker, placeText } from '../components/SlotPicker';
import { useMatches, useMeetingRequest } from '../hooks/useMatches';
import { formatDateTime } from '../lib/format';
import { RequireRole } from '../lib/guard';
import { scorePercent } from '../lib/matches';
import type { MatchItem } from '../lib/meetingsApi';
import type { HubConnectionLike } from '../lib/live';

function ScoreBar({ score }: { score: number }) {
  const { t } = useTranslation();
  const percent = scorePercent(score);
  return (
    <div className="score">
      <span className="score__label">{t('meetings.matches.score')}</span>
      <span className="score__bar" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t('meetings.matches.score')}>
        <span className="score__fill" style={{ width: `${percent}%` }} />
      </span>
      <strong className="score__number" data-testid="match-score">
        {t('meetings.matches.scoreOf', { score })}
      </strong>
    </div>
  );
}

function RequestPanel({ fairId, item, timeZone, onClose }: { fairId: string; item: MatchItem; timeZone?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const r = useMeetingRequest(fairId, item.producerId);
  const [chosen, setChosen] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const headingId = `request-${item.producerId}`;
  return (
    <section className="panel request-panel" aria-labelledby={headingId} data-testid="request-panel">
      <div className="panel__head">
        <h3 id={headingId}>{t('meetings.request.title', { name: item.producerName })}</h3>
      </div>
      {r.slots?.place && <p className="muted">{t('meetings.request.place', { place: placeText(t, r.slots.place) })}</p>}
      {r.loadingSlots && <p className="muted">{t('common.loading')}</p>}
      {r.slotsError && (
        <p className="error" role="alert">
          {r.slotsError}
        </p>
      )}
      {r.requested ? (
        <p className="ok" role="status" data-testid="request-sent">
          {t('meetings.request.sent', {
            time: formatDateTime(r.requested.startsAt, timeZone),
            expires: r.requested.expiresAt ? formatDateTime(r.requested.expiresAt, timeZone) : '—',
          })}
        </p>
      ) : (
        r.slots && (
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!chosen) return setMissing(true);
              r.request(chosen, note);
            }}
          >
            <SlotPicker free={r.slots.free} timeZone={timeZone} value={chosen} onChange={(s) => (setChosen(s), setMissing(false))} name={`slot-${item.producerId}`} />
            {missing && (
              <p className="error" role="alert">
                {t('meetings.request.pickSlot')}
              </p>
            )}
            <label className="field">
              <span>{t('meetings.request.note')}</span>
              <textarea value={note} maxLength={500} rows={2} onChange={(e) => setNote(e.target.value)} data-testid="request-note" />
            </label>
            {r.requestError && (
              <p className="error" role="alert" data-testid="request-error">
                {r.requestError}
              </p>
            )}
            <div className="form__actions">
              <button type="submit" className="btn btn--primary" disabled={r.requesting || r.slots.free.length === 0} data-testid="request-send">
                {r.requesting ? t('meetings.request.sending') : t('meetings.request.send')}
              </button>
            </div>
          </form>
        )
      )}
      <div className="panel__actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('meetings.agenda.close')}
        </button>
        {r.requested && (
          <Link className="btn" to={`/fairs/${encodeURIComponent(fairId)}/meetings`}>
            {t('meetings.matches.toAgenda')}
          </Link>
        )}
      </div>
    </section>
  );
}

function MatchCard({ fairId, item, m, timeZone }: { fairId: string; item: MatchItem; m: ReturnType<typeof useMatches>; timeZone?: string }) {
  const { t } = useTranslation();
  const [requesting, setRequesting] = useState(false);
  const busy = m.busy === item.producerId;
  return (
    <li className="match" data-testid={`match-${item.producerId}`} data-mark={item.mark}>
      <div className="match__head">
        <h3 className="match__name">{item.producerName}</h3>
        {item.mark === 'Saved' && <span className="badge badge--mine">{t('meetings.matches.saved')}</span>}
      </div>
      <p className="match__product">
        <Link to={`/products/${encodeURIComponent(item.productId)}`}>{item.productName}</Link>
        {' · '}
        <span className="muted">{item.boothCodes.length ? t('meetings.matches.booths', { codes: item.boothCodes.join(', ') }) : t('meetings.matches.noBooth')}</span>
      </p>
      <ScoreBar score={item.score} />
      <p className="match__why">{t('meetings.matches.reasons')}</p>
      <ul className="match__reasons" data-testid="match-reasons">
        {item.reasons.map((r, i) => (
          <li key={`${r.code}-${i}`} data-code={r.code}>
            {r.message}
            <span className="muted small"> (+{r.weight}/{r.max})</span>
          </li>
        ))}
      </ul>
      {m.rowErrors[item.producerId] && (
        <p className="error" role="alert">
          {m.rowErrors[item.producerId]}
        </p>
      )}
      <div className="row-actions">
        <button type="button" className="btn btn--primary" onClick={() => setRequesting(true)} disabled={requesting} data-testid="match-meet">
          {t('meetings.matches.meet')}
        </button>
        <button type="button" className="btn" onClick={() => m.save(item)} disabled={busy} aria-pressed={item.mark === 'Saved'} data-testid="match-save">
          {item.mark === 'Saved' ? t('meetings.matches.unsave') : t('meetings.matches.save')}
        </button>
        <button type="button" className="btn" onClick={() => m.dismiss(item)} disabled={busy} data-testid="match-dismiss">
          {t('meetings.matches.dismiss')}
        </button>
      </div>
      {requesting && <RequestPanel fairId={fairId} item={item} timeZone={timeZone} onClose={() => setRequesting(false)} />}
    </li>
  );
}

function Matches({ fairId, hubFactory }: { fairId: string; hubFactory?: () => Promise<HubConnectionLike> }) {
  const { t } = useTranslation();
  const m = useMatches(fairId, { hubFactory });
  const timeZone = m.fair?.timeZone;

  useEffect(() => {
    document.title = `${t('meetings.matches.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <main className="page matches-page">
      <p className="crumb">
        <Link to={`/fairs/${encodeURIComponent(fairId)}`}>{m.fair?.name ?? t('common.loading')}</Link>
      </p>
      <h1>{t('meetings.matches.title')}</h1>
      {!m.isBuyer ? (
        <p className="notice" role="alert">
          {t('meetings.matches.onlyBuyers')}
        </p>
      ) : m.error ? (
        <p className="error" role="alert">
          {m.error}
        </p>
      ) : m.hasProfile === false ? (
        <div className="notice" data-testid="matches-no-profile">
          <p>{t('meetings.matches.noProfile')}</p>
          <Link className="btn btn--primary" to="/buyer">
            {t('meetings.matches.toProfile')}
          </Link>
        </div>
      ) : m.registered === false ? (
        <div className="notice" data-testid="matches-not-registered">
          <p>{t('meetings.matches.notRegistered')}</p>
          {m.registerError && (
            <p className="error" role="alert">
              {m.registerError}
            </p>
          )}
          <button type="button" className="btn btn--primary" onClick={m.register} disabled={m.registering}>
            {m.registering ? t('meetings.matches.registering') : t('meetings.matches.register')}
          </button>
        </div>
      ) : m.loading || !m.sections ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <p className="muted">{t('meetings.matches.intro')}</p>
          <LiveStatus state={m.live} />
          <p>
            <Link to={`/fairs/${encodeURIComponent(fairId)}/meetings`}>{t('meetings.matches.toAgenda')}</Link>
          </p>
          {m.dismissed.length > 0 && (
            <div className="notice dismissed" data-testid="dismissed">
              <p className="match__why">{t('meetings.matches.dismissedTitle')}</p>
              <ul className="dismissed__list">
                {m.dismissed.map((d) => (
                  <li key={d.producerId}>
                    {d.producerName}{' '}
                    <button type="button" className="btn btn--small" onClick={() => m.undo(d)} disabled={m.busy === d.producerId} data-testid={`undo-${d.producerId}`}>
                      {t('meetings.matches.undo')}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {m.sections.length === 0 && <p className="muted">{t('meetings.matches.noNeeds')}</p>}
          {m.sections.map((s) => (
            <section key={s.needId} className="section need" aria-labelledby={`need-${s.needId}`} data-testid={`need-${s.needId}`}>
              <h2 id={`need-${s.needId}`}>{t('meetings.matches.need', { title: s.title.join(', ') })}</h2>
              {s.items.length === 0 ? (
                <p className="muted">{t('meetings.matches.needEmpty')}</p>
              ) : (
                <ol className="matches">
                  {s.items.map((item) => (
                    <MatchCard key={item.producerId} fairId={fairId} item={item} m={m} timeZone={timeZone} />
                  ))}
                </ol>
              )}
            </section>
          ))}
        </>
      )}
    </main>
  );
}

export function MatchesPage({ fairId, hubFactory }: { fairId: string; hubFactory?: () => Promise<HubConnectionLike> }) {
  return <RequireRole roles={['Buyer']}>{() => <Matches fairId={fairId} hubFactory={hubFactory} />}</RequireRole>;
}

export default MatchesPage;
