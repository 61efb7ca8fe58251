import { useEffect, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FieldError } from '../components/FieldError';
import { PageError } from '../components/PageError';
import { useFairForm } from '../hooks/useFairForm';
import { errorMessage } from '../lib/api';
import { PRODUCT_GROUPS, STARS } from '../lib/catalogue';
import { ALLOCATION_MODES, FAIR_LIMITS, zoneOffsetLabel, type DateField, type FairFormValues } from '../lib/fairForm';
import { RequireRole } from '../lib/guard';
import type { FairDetails } from '../lib/types';

/** Where an organiser goes once a fair is saved: its floor plan, its review queue, its allocation, the fair itself. */
function NextSteps({ fair }: { fair: FairDetails }) {
  const { t } = useTranslation();
  const path = `/fairs/${encodeURIComponent(fair.fairId)}`;
  return (
    <section className="next-steps" role="status" data-testid="fair-saved">
      <p>
        <strong>{t('fairForm.saved', { name: fair.name })}</strong>
      </p>
      <ul className="next-steps__links">
        <li>
          <Link to={`${path}/floor-plan`} className="btn" data-testid="next-floor-plan">
            {t('editor.link')}
          </Link>
        </li>
        <li>
          <Link to={`${path}/applications`} className="btn" data-testid="next-review">
            {t('review.link')}
          </Link>
        </li>
        {fair.allocationMode === 'Organiser' && (
          <li>
            <Link to={`${path}/allocation`} className="btn" data-testid="next-allocation">
              {t('allocate.link')}
            </Link>
          </li>
        )}
        <li>
          <Link to={path} className="btn" data-testid="next-fair">
            {t('fairForm.openFair')}
          </Link>
        </li>
      </ul>
    </section>
  );
}

function FairFormView({ fairId }: { fairId?: string }) {
  const { t } = useTranslation();
  const form = useFairForm(fairId);
  const { values, set, errors } = form;
  const title = form.editing ? t('fairForm.editTitle') : t('fairForm.newTitle');

  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

  if (form.notFound) return <PageError message={t('fair.notFound')} />;
  if (form.loadError) return <PageError message={errorMessage(form.loadError)} />;
  if (!values) {
    return (
      <main className="page">
        <p className="muted">{t('common.loading')}</p>
      </main>
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.save();
  };

  const text = (field: 'name' | 'venue' | 'province', max: number, hint?: ReactNode) => (
    <label className="field">
      <span>{t(`fairForm.${field}`)}</span>
      <input
        name={field}
        required
        maxLength={max}
        value={values[field]}
        aria-invalid={!!errors[field]}
        onChange={(e) => set(field, e.target.value)}
        data-testid={`fair-${field}`}
      />
      {hint}
      <FieldError errors={errors} field={field} />
    </label>
  );

  const date = (field: DateField) => (
    <label className="field">
      <span>{t(`fairForm.${field}`)}</span>
      <input
        name={field}
        type="datetime-local"
        required
        value={values[field]}
        aria-invalid={!!errors[field]}
        onChange={(e) => set(field, e.target.value)}
        data-testid={`fair-${field}`}
      />
      <FieldError errors={errors} field={field} />
    </label>
  );

  const number = (field: 'boothsPerProducer' | 'holdMinutes', max: number) => (
    <label className="field">
      <span>{t(`fairForm.${field}`)}</span>
      <input
        name={field}
        inputMode="numeric"
        pattern="[0-9]*"
        required
        value={values[field]}
        aria-invalid={!!errors[field]}
        onChange={(e) => set(field, e.target.value)}
        data-testid={`fair-${field}`}
      />
      <span className="field__hint">{t('fairForm.between', { min: 1, max })}</span>
      <FieldError errors={errors} field={field} />
    </label>
  );

  const toggleGroup = (group: FairFormValues['acceptedGroups'][number], on: boolean) =>
    set('acceptedGroups', on ? [...values.acceptedGroups, group] : values.acceptedGroups.filter((g) => g !== group));

  const fairPath = fairId ? `/fairs/${encodeURIComponent(fairId)}` : '/';
  const offset = zoneOffsetLabel(values.timeZone);

  return (
    <main className="page">
      <p className="crumb">
        <Link to={fairPath}>← {form.editing ? (form.fair?.name ?? t('nav.fairs')) : t('nav.fairs')}</Link>
      </p>
      <h1>{title}</h1>
      {form.saved && <NextSteps fair={form.saved} />}
      <form className="form fair-form" onSubmit={submit} noValidate data-testid="fair-form">
        <fieldset className="fieldset">
          <legend>{t('fairForm.about')}</legend>
          {text('name', FAIR_LIMITS.maxName)}
          <div className="form__row">
            {text('venue', FAIR_LIMITS.maxVenue)}
            {text('province', FAIR_LIMITS.maxProvince)}
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('fairForm.when')}</legend>
          <label className="field">
            <span>{t('fairForm.timeZone')}</span>
            <input
              name="timeZone"
              list="fair-time-zones"
              required
              value={values.timeZone}
              aria-invalid={!!errors.timeZone}
              aria-describedby="fair-zone-hint"
              onChange={(e) => set('timeZone', e.target.value)}
              data-testid="fair-timeZone"
            />
            <datalist id="fair-time-zones">
              <option value="Asia/Ho_Chi_Minh" />
              <option value="Asia/Bangkok" />
              <option value="UTC" />
            </datalist>
            <span className="field__hint" id="fair-zone-hint" data-testid="fair-zone-hint">
              {t('fairForm.timeZoneHint', { zone: values.timeZone, offset })}
            </span>
            <FieldError errors={errors} field="timeZone" />
          </label>
          <div className="form__row">
            {date('startsAt')}
            {date('endsAt')}
          </div>
          <p className="fieldset__sub">{t('fairForm.registration')}</p>
          <div className="form__row">
            {date('registrationOpensAt')}
            {date('registrationClosesAt')}
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('fairForm.who')}</legend>
          <label className="field">
            <span>{t('fair.minStars')}</span>
            <select
              name="minStars"
              value={values.minStars}
              onChange={(e) => set('minStars', Number(e.target.value))}
              data-testid="fair-minStars"
            >
              {STARS.map((s) => (
                <option key={s} value={s}>
                  {t('fair.stars', { count: s })}
                </option>
              ))}
            </select>
            <FieldError errors={errors} field="minStars" />
          </label>
          <fieldset className="fieldset fieldset--plain" aria-describedby="fair-groups-error">
            <legend>{t('fair.groups')}</legend>
            <div className="checks">
              {PRODUCT_GROUPS.map((g) => (
                <label key={g} className="check">
                  <input
                    type="checkbox"
                    checked={values.acceptedGroups.includes(g)}
                    onChange={(e) => toggleGroup(g, e.target.checked)}
                    data-testid={`fair-group-${g}`}
                  />
                  <span>{t(`groups.${g}`)}</span>
                </label>
              ))}
            </div>
            <FieldError errors={errors} field="acceptedGroups" id="fair-groups-error" />
          </fieldset>
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('fairForm.booths')}</legend>
          <div className="form__row">
            {number('boothsPerProducer', FAIR_LIMITS.maxBoothsPerProducer)}
            {number('holdMinutes', FAIR_LIMITS.maxHoldMinutes)}
          </div>
          <fieldset className="fieldset fieldset--plain">
            <legend>{t('fair.allocationMode')}</legend>
            {ALLOCATION_MODES.map((mode) => (
              <label key={mode} className="check mode-choice">
                <input
                  type="radio"
                  name="allocationMode"
                  value={mode}
                  checked={values.allocationMode === mode}
                  onChange={() => set('allocationMode', mode)}
                  data-testid={`fair-mode-${mode}`}
                />
                <span>
                  <strong>{t(`allocation.${mode}`)}</strong>
                  <span className="field__hint mode-choice__hint">{t(`fairForm.modeHint.${mode}`)}</span>
                </span>
              </label>
            ))}
            <FieldError errors={errors} field="allocationMode" />
          </fieldset>
        </fieldset>

        {form.error && (
          <p className="error" role="alert" data-testid="fair-form-error">
            {form.error}
          </p>
        )}
        {form.problemCount > 0 && (
          <p className="field__hint" data-testid="fair-form-blocked">
            {t('fairForm.blocked', { count: form.problemCount })}
          </p>
        )}
        <div className="form__actions">
          <button type="submit" className="btn btn--primary" disabled={!form.canSave} data-testid="fair-save">
            {form.busy ? t('common.saving') : form.editing ? t('fairForm.saveChanges') : t('fairForm.create')}
          </button>
        </div>
      </form>
    </main>
  );
}

/** /fairs/new (no fairId) and /fairs/{fairId}/edit: organisers and admins. */
export function FairFormPage({ fairId }: { fairId?: string }) {
  return <RequireRole roles={['Organiser', 'Admin']}>{() => <FairFormView fairId={fairId} />}</RequireRole>;
}

export default FairFormPage;
