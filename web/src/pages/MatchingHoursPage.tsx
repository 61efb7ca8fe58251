import { useEffect, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FieldError } from '../components/FieldError';
import { PageError } from '../components/PageError';
import { useMatchingHours } from '../hooks/useMatchingHours';
import { errorMessage } from '../lib/api';
import { managesFair } from '../lib/auth';
import { BUYER_KINDS, MATCHING_LIMITS, quotaKey } from '../lib/buyers';
import { formatIsoDate } from '../lib/catalogue';
import { RequireRole } from '../lib/guard';
import type { Me } from '../lib/types';

function MatchingHoursView({ fairId, me }: { fairId: string; me: Me }) {
  const { t } = useTranslation();
  const form = useMatchingHours(fairId);
  const { values, errors, fair } = form;
  const fairPath = `/fairs/${encodeURIComponent(fairId)}`;

  useEffect(() => {
    document.title = `${t('buyers.hoursTitle')} · ${t('app.name')}`;
  }, [t]);

  if (form.loadError) return <PageError message={errorMessage(form.loadError)} />;
  if (!fair || !values) {
    return (
      <main className="page">
        <p className="muted">{t('common.loading')}</p>
      </main>
    );
  }
  if (!managesFair(me, fair)) return <PageError message={t('errors.forbidden')} />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.save();
  };
  const bad = (field: string) => (errors[field]?.length ? true : undefined);

  const minutes = (field: 'slotMinutes' | 'requestExpiryMinutes', min: number, max: number) => (
    <label className="field">
      <span>{t(`buyers.${field}`)}</span>
      <input
        inputMode="numeric"
        pattern="[0-9]*"
        value={values[field]}
        aria-invalid={bad(field)}
        onChange={(e) => form.set(field, e.target.value)}
        data-testid={`hours-${field}`}
      />
      <span className="field__hint">{t('buyers.minutesBetween', { min, max })}</span>
      <FieldError errors={errors} field={field} />
    </label>
  );

  return (
    <main className="page hours-page">
      <p className="crumb">
        <Link to={fairPath}>← {fair.name}</Link>
      </p>
      <h1>{t('buyers.hoursTitle')}</h1>
      <p className="muted">{t('buyers.hoursIntro', { zone: fair.timeZone })}</p>
      <form className="form" onSubmit={submit} noValidate data-testid="hours-form">
        <fieldset className="fieldset">
          <legend>{t('buyers.days')}</legend>
          {values.days.map((d, i) => (
            <div className="hours-day" key={i} data-testid={`hours-day-${i}`}>
              <label className="field">
                <span>{t('buyers.day')}</span>
                <select value={d.date} aria-invalid={bad(`days[${i}].date`)} onChange={(e) => form.setDay(i, { date: e.target.value })} data-testid={`hours-day-${i}-date`}>
                  {!form.dates.includes(d.date) && <option value={d.date}>{d.date ? formatIsoDate(d.date) : '—'}</option>}
                  {form.dates.map((date) => (
                    <option key={date} value={date}>
                      {formatIsoDate(date)}
                    </option>
                  ))}
                </select>
                <FieldError errors={errors} field={`days[${i}].date`} />
              </label>
              <label className="field">
                <span>{t('buyers.from')}</span>
                <input type="time" value={d.from} aria-invalid={bad(`days[${i}].from`)} onChange={(e) => form.setDay(i, { from: e.target.value })} data-testid={`hours-day-${i}-from`} />
                <FieldError errors={errors} field={`days[${i}].from`} />
              </label>
              <label className="field">
                <span>{t('buyers.to')}</span>
                <input type="time" value={d.to} aria-invalid={bad(`days[${i}].to`)} onChange={(e) => form.setDay(i, { to: e.target.value })} data-testid={`hours-day-${i}-to`} />
                <FieldError errors={errors} field={`days[${i}].to`} />
              </label>
              <button type="button" className="btn btn--danger hours-day__remove" onClick={() => form.removeDay(i)} data-testid={`hours-day-${i}-remove`}>
                {t('buyers.removeDay', { date: d.date ? formatIsoDate(d.date) : i + 1 })}
              </button>
            </div>
          ))}
          <FieldError errors={errors} field="days" />
          {values.days.length < form.dates.length && (
            <button type="button" className="btn" onClick={form.addDay} data-testid="hours-add-day">
              {t('buyers.addDay')}
            </button>
          )}
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('buyers.slots')}</legend>
          <div className="form__row">
            {minutes('slotMinutes', MATCHING_LIMITS.minSlot, MATCHING_LIMITS.maxSlot)}
            {minutes('requestExpiryMinutes', MATCHING_LIMITS.minExpiry, MATCHING_LIMITS.maxExpiry)}
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('buyers.quotas')}</legend>
          <p className="field__hint">{t('buyers.quotasHint')}</p>
          <div className="form__row form__row--3">
            {BUYER_KINDS.map((kind) => (
              <label className="field" key={kind}>
                <span>{t(`buyers.kind.${kind}`)}</span>
                <input
                  inputMode="numeric"
                  pattern="[0-9]*"
                  value={values.quotas[kind]}
                  aria-invalid={bad(`quotas.${quotaKey(kind)}`)}
                  onChange={(e) => form.setQuota(kind, e.target.value)}
                  data-testid={`hours-quota-${kind}`}
                />
                <FieldError errors={errors} field={`quotas.${quotaKey(kind)}`} />
              </label>
            ))}
          </div>
          <FieldError errors={errors} field="quotas" />
        </fieldset>
        {form.error && (
          <p className="error" role="alert" data-testid="hours-error">
            {form.error}
          </p>
        )}
        {form.saved && (
          <p className="ok" role="status" data-testid="hours-saved">
            {t('buyers.hoursSaved')}
          </p>
        )}
        <p className="form__actions">
          <button type="submit" className="btn btn--accent" disabled={form.busy} data-testid="hours-save">
            {form.busy ? t('common.saving') : t('common.save')}
          </button>
        </p>
      </form>
    </main>
  );
}

export default function MatchingHoursPage({ fairId }: { fairId: string }) {
  return <RequireRole roles={['Organiser', 'Admin']}>{(me) => <MatchingHoursView fairId={fairId} me={me} />}</RequireRole>;
}
