// The organiser's schedule-all ("Xếp lịch tự động"): a dry run with progress while the solver works, the method and
// objective against the bound (and the greedy plan's objective), the planned meetings by slot and the unplaced wishes
// with their reasons; then publishing that plan once (one Idempotency-Key per plan). Markup over useSchedule.

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSchedule } from '../hooks/useSchedule';
import { RequireRole } from '../lib/guard';
import { formatNumber } from '../lib/format';
import { currentLanguage } from '../i18n';
import { dayLabel, type planBySlot } from '../lib/meetings';
import { placeText } from '../components/SlotPicker';
import type { UnplacedItem } from '../lib/meetingsApi';

function Slots({ slots, testId }: { slots: ReturnType<typeof planBySlot>; testId: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid={testId}>
      {slots.map((s) => (
        <section key={s.startsAt} className="plan-slot">
          <h3 className="plan-slot__time">
            {s.time}, {dayLabel(s.day)}
          </h3>
          <ul className="plan-slot__list">
            {s.items.map((m) => (
              <li key={`${m.buyerId}-${m.producerId}`} data-testid="planned-meeting">
                <strong>{m.organisation ?? m.buyerId}</strong> — {m.producerName ?? m.producerId} · {placeText(t, m.place)}{' '}
                <span className="muted small">{t('meetings.schedule.score', { score: m.score })}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function Unplaced({ items, testId }: { items: readonly UnplacedItem[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <ul className="unplaced" data-testid={testId}>
      {items.map((u) => (
        <li key={`${u.buyerId}-${u.producerId}`} data-testid="unplaced-wish">
          <strong>{u.organisation ?? u.buyerId}</strong> — {u.producerName ?? u.producerId}{' '}
          <span className="muted small">{t('meetings.schedule.score', { score: u.score })}</span>
          <ul className="alloc-reasons">
            {u.messages.map((message, i) => (
              <li key={i} data-code={u.reasons[i]}>
                {message}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function Schedule({ fairId }: { fairId: string }) {
  const { t } = useTranslation();
  const s = useSchedule(fairId);
  const lang = currentLanguage();

  useEffect(() => {
    document.title = `${t('meetings.schedule.title')} · ${t('app.name')}`;
  }, [t]);

  if (s.fair && !s.allowed)
    return (
      <main className="page">
        <p className="error" role="alert" data-testid="forbidden">
          {t('errors.forbidden')}
        </p>
      </main>
    );

  const plan = s.plan;
  return (
    <main className="page schedule-page">
      <p className="crumb">
        <Link to={`/fairs/${encodeURIComponent(fairId)}`}>{s.fair?.name ?? t('common.loading')}</Link>
      </p>
      <h1>{t('meetings.schedule.title')}</h1>
      <p className="muted">{t('meetings.schedule.intro')}</p>

      <form
        className="form schedule-form"
        onSubmit={(e) => {
          e.preventDefault();
          s.run();
        }}
      >
        <label className="field field--inline" htmlFor="per-buyer">
          <span>{t('meetings.schedule.perBuyer')}</span>
          <input id="per-buyer" type="number" min={1} max={20} inputMode="numeric" value={s.perBuyer} onChange={(e) => s.setPerBuyer(Number(e.target.value))} />
        </label>
        <div className="form__actions">
          <button type="submit" className="btn btn--primary" disabled={s.running || s.publishing} data-testid="schedule-run">
            {plan ? t('meetings.schedule.again') : t('meetings.schedule.run')}
          </button>
        </div>
      </form>

      {s.running && (
        <div className="schedule-progress" role="status" data-testid="schedule-running">
          <progress aria-label={t('meetings.schedule.running')} />
          <span>{t('meetings.schedule.running')}</span>
        </div>
      )}
      {s.runError && (
        <p className="error" role="alert" data-testid="schedule-error">
          {s.runError}
        </p>
      )}

      {plan && !s.running && (
        <div data-testid="schedule-plan">
          <section className="section" aria-labelledby="plan-summary">
            <h2 id="plan-summary" className="sr-only">
              {t('meetings.schedule.title')}
            </h2>
            <ul className="schedule-facts" data-testid="schedule-summary">
              <li data-testid="schedule-method">{t('meetings.schedule.method', { method: t(`meetings.schedule.methods.${plan.method}`, { defaultValue: plan.method }) })}</li>
              <li data-testid="schedule-objective">
                {t('meetings.schedule.objective', {
                  objective: formatNumber(plan.objective, lang),
                  bound: formatNumber(plan.bound, lang),
                  percent: s.optimality,
                })}
              </li>
              <li>{t('meetings.schedule.greedy', { objective: formatNumber(plan.greedyObjective, lang), placed: plan.greedyPlaced })}</li>
              <li className="muted small">{t('meetings.schedule.seconds', { seconds: formatNumber(plan.solveSeconds, lang, 2) })}</li>
            </ul>
          </section>

          <section className="section" aria-labelledby="plan-meetings">
            <h2 id="plan-meetings">{t('meetings.schedule.planned', { count: plan.meetings.length })}</h2>
            {plan.meetings.length === 0 ? <p className="muted">{t('meetings.schedule.plannedEmpty')}</p> : <Slots slots={s.slots ?? []} testId="plan-slots" />}
          </section>

          <section className="section" aria-labelledby="plan-unplaced">
            <h2 id="plan-unplaced">{t('meetings.schedule.unplaced', { count: plan.unplaced.length })}</h2>
            {plan.unplaced.length === 0 ? <p className="muted">{t('meetings.schedule.unplacedEmpty')}</p> : <Unplaced items={plan.unplaced} testId="plan-unplaced-list" />}
          </section>

          {!s.published && (
            <div className="form__actions">
              <button type="button" className="btn btn--accent" onClick={s.publish} disabled={s.publishing || plan.meetings.length === 0} data-testid="schedule-publish">
                {s.publishing ? t('meetings.schedule.publishing') : t('meetings.schedule.publish')}
              </button>
            </div>
          )}
          {s.publishError && (
            <p className="error" role="alert" data-testid="publish-error">
              {s.publishError}
            </p>
          )}
        </div>
      )}

      {s.published && (
        <section className="section" aria-labelledby="published" data-testid="schedule-published">
          <h2 id="published">{t('meetings.schedule.created')}</h2>
          <p className="ok" role="status" data-testid="published-summary">
            {s.published.replayed ? t('meetings.schedule.replayed') : t('meetings.schedule.published', { created: s.published.meetings.length })}
          </p>
          <Slots slots={s.createdSlots ?? []} testId="created-slots" />
          {s.published.unplaced.length > 0 && (
            <>
              <h3>{t('meetings.schedule.noLongerFit', { count: s.published.unplaced.length })}</h3>
              <Unplaced items={s.published.unplaced} testId="published-unplaced" />
            </>
          )}
          <p>
            <Link to={`/fairs/${encodeURIComponent(fairId)}/meetings`}>{t('meetings.schedule.toAgenda')}</Link>
          </p>
        </section>
      )}
    </main>
  );
}

export function SchedulePage({ fairId }: { fairId: string }) {
  return <RequireRole roles={['Organiser', 'Admin']}>{() => <Schedule fairId={fairId} />}</RequireRole>;
}

export default SchedulePage;
