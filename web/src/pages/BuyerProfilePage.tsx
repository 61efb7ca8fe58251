import { useEffect, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ChipsField } from '../components/ChipsField';
import { FieldError } from '../components/FieldError';
import { PageError } from '../components/PageError';
import { useBuyerProfile } from '../hooks/useBuyerProfile';
import { errorMessage } from '../lib/api';
import { BUYER_CERTIFICATIONS, BUYER_KINDS, BUYER_LIMITS, MARKET_SUGGESTIONS, type NeedForm } from '../lib/buyers';
import { PRODUCT_GROUPS, STARS, UNITS, parseVndInput, unitName, type FieldErrors } from '../lib/catalogue';
import { formatVnd } from '../lib/format';
import { RequireRole } from '../lib/guard';
import { safeNext } from '../lib/navigation';
import type { Me } from '../lib/types';

const invalid = (errors: FieldErrors, field: string) => (errors[field]?.length ? true : undefined);

/** "1.250.000 ₫" under a price typed as digits, so the buyer sees the amount they mean. */
function MoneyPreview({ text, id }: { text: string; id: string }) {
  const { i18n } = useTranslation();
  const amount = parseVndInput(text);
  if (amount === null || Number.isNaN(amount)) return null;
  return (
    <span className="field__hint" id={id}>
      {formatVnd(amount, i18n.language)}
    </span>
  );
}

function NeedFields({ need, index, errors, profile }: { need: NeedForm; index: number; errors: FieldErrors; profile: ReturnType<typeof useBuyerProfile> }) {
  const { t } = useTranslation();
  const at = `needs[${index}]`;
  const set = (patch: Partial<NeedForm>) => profile.setNeed(index, patch);
  const certName = (c: string) => t(`certifications.${c.replace(/ /g, '-')}`, { defaultValue: c });
  return (
    <fieldset className="fieldset need" data-testid={`need-${index}`}>
      <legend>{t('buyers.need', { n: index + 1 })}</legend>
      <ChipsField
        label={t('buyers.keywords')}
        hint={t('buyers.keywordsHint')}
        chips={need.keywords}
        onChange={(keywords) => set({ keywords })}
        max={BUYER_LIMITS.maxKeywords}
        maxLength={BUYER_LIMITS.keyword}
        errors={errors}
        field={`${at}.keywords`}
        testId={`need-${index}-keywords`}
      />
      <fieldset className="fieldset fieldset--plain">
        <legend>{t('buyers.groups')}</legend>
        <div className="checks">
          {PRODUCT_GROUPS.map((g) => (
            <label key={g} className="check">
              <input
                type="checkbox"
                checked={need.groups.includes(g)}
                onChange={(e) => set({ groups: e.target.checked ? [...need.groups, g] : need.groups.filter((x) => x !== g) })}
                data-testid={`need-${index}-group-${g}`}
              />
              <span>{t(`groups.${g}`)}</span>
            </label>
          ))}
        </div>
        <FieldError errors={errors} field={`${at}.groups`} />
      </fieldset>
      <label className="field">
        <span>{t('buyers.minStars')}</span>
        <select
          value={need.minStars}
          onChange={(e) => set({ minStars: Number(e.target.value) })}
          aria-invalid={invalid(errors, `${at}.minStars`)}
          data-testid={`need-${index}-minStars`}
        >
          {STARS.map((s) => (
            <option key={s} value={s}>
              {t('buyers.starsAtLeast', { count: s })}
            </option>
          ))}
        </select>
        <FieldError errors={errors} field={`${at}.minStars`} />
      </label>
      <ChipsField
        label={t('buyers.certifications')}
        chips={need.certifications}
        onChange={(certifications) => set({ certifications })}
        suggestions={BUYER_CERTIFICATIONS}
        display={certName}
        max={BUYER_LIMITS.maxCertifications}
        maxLength={BUYER_LIMITS.certification}
        errors={errors}
        field={`${at}.certifications`}
        testId={`need-${index}-certifications`}
      />
      <div className="form__row">
        <label className="field">
          <span>{t('buyers.quantity')}</span>
          <input
            inputMode="decimal"
            value={need.quantity}
            onChange={(e) => set({ quantity: e.target.value })}
            aria-invalid={invalid(errors, `${at}.quantityPerMonth.quantity`)}
            data-testid={`need-${index}-quantity`}
          />
          <FieldError errors={errors} field={`${at}.quantityPerMonth.quantity`} />
        </label>
        <label className="field">
          <span>{t('buyers.unit')}</span>
          <select value={need.unit} onChange={(e) => set({ unit: e.target.value })} data-testid={`need-${index}-unit`}>
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {unitName(u, t)}
              </option>
            ))}
          </select>
          <FieldError errors={errors} field={`${at}.quantityPerMonth.unit`} />
        </label>
      </div>
      <fieldset className="fieldset fieldset--plain">
        <legend>{t('buyers.priceBand')}</legend>
        <div className="form__row form__row--3">
          <label className="field">
            <span>{t('buyers.priceMin')}</span>
            <input
              inputMode="numeric"
              value={need.priceMin}
              onChange={(e) => set({ priceMin: e.target.value })}
              aria-invalid={invalid(errors, `${at}.priceBandVnd.min`) ?? invalid(errors, `${at}.priceBandVnd`)}
              aria-describedby={`need-${index}-min-vnd`}
              data-testid={`need-${index}-priceMin`}
            />
            <MoneyPreview text={need.priceMin} id={`need-${index}-min-vnd`} />
            <FieldError errors={errors} field={`${at}.priceBandVnd.min`} />
          </label>
          <label className="field">
            <span>{t('buyers.priceMax')}</span>
            <input
              inputMode="numeric"
              value={need.priceMax}
              onChange={(e) => set({ priceMax: e.target.value })}
              aria-invalid={invalid(errors, `${at}.priceBandVnd.max`) ?? invalid(errors, `${at}.priceBandVnd`)}
              aria-describedby={`need-${index}-max-vnd`}
              data-testid={`need-${index}-priceMax`}
            />
            <MoneyPreview text={need.priceMax} id={`need-${index}-max-vnd`} />
            <FieldError errors={errors} field={`${at}.priceBandVnd.max`} />
          </label>
          <label className="field">
            <span>{t('buyers.pricePer')}</span>
            <select value={need.priceUnit} onChange={(e) => set({ priceUnit: e.target.value })} data-testid={`need-${index}-priceUnit`}>
              {UNITS.map((u) => (
                <option key={u} value={u}>
                  {unitName(u, t)}
                </option>
              ))}
            </select>
            <FieldError errors={errors} field={`${at}.priceBandVnd.per`} />
          </label>
        </div>
        <FieldError errors={errors} field={`${at}.priceBandVnd`} />
      </fieldset>
      <ChipsField
        label={t('buyers.markets')}
        hint={t('buyers.marketsHint')}
        chips={need.markets}
        onChange={(markets) => set({ markets })}
        suggestions={MARKET_SUGGESTIONS}
        max={BUYER_LIMITS.maxMarkets}
        maxLength={BUYER_LIMITS.market}
        errors={errors}
        field={`${at}.markets`}
        testId={`need-${index}-markets`}
      />
      <p className="form__actions need__actions">
        <button type="button" className="btn btn--danger" onClick={() => profile.removeNeed(index)} data-testid={`need-${index}-remove`}>
          {t('buyers.removeNeed', { n: index + 1 })}
        </button>
      </p>
    </fieldset>
  );
}

function BuyerProfileView({ me }: { me: Me }) {
  const { t } = useTranslation();
  const profile = useBuyerProfile(me.displayName ?? '');
  const { values, errors } = profile;
  // Sent here from a fair's registration: once saved, the way back to it.
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));

  useEffect(() => {
    document.title = `${t('buyers.profileTitle')} · ${t('app.name')}`;
  }, [t]);

  if (profile.loadError) return <PageError message={errorMessage(profile.loadError)} />;
  if (!values) {
    return (
      <main className="page">
        <p className="muted">{t('common.loading')}</p>
      </main>
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void profile.save();
  };

  const text = (field: 'organisation' | 'province' | 'contact', max: number, required = false) => (
    <label className="field">
      <span>
        {t(`buyers.${field}`)}
        {!required && <span className="muted"> {t('buyers.optional')}</span>}
      </span>
      <input
        name={field}
        maxLength={max}
        required={required}
        value={values[field]}
        aria-invalid={invalid(errors, field)}
        onChange={(e) => profile.set(field, e.target.value)}
        data-testid={`buyer-${field}`}
      />
      <FieldError errors={errors} field={field} />
    </label>
  );

  return (
    <main className="page buyer-page">
      <h1>{t('buyers.profileTitle')}</h1>
      <p className="muted">{profile.isNew ? t('buyers.profileIntroNew') : t('buyers.profileIntro')}</p>
      <form className="form buyer-form" onSubmit={submit} noValidate data-testid="buyer-form">
        <fieldset className="fieldset">
          <legend>{t('buyers.about')}</legend>
          {text('organisation', BUYER_LIMITS.organisation, true)}
          <label className="field">
            <span>{t('buyers.kindLabel')}</span>
            <select
              name="kind"
              required
              value={values.kind}
              aria-invalid={invalid(errors, 'kind')}
              onChange={(e) => profile.set('kind', e.target.value as typeof values.kind)}
              data-testid="buyer-kind"
            >
              <option value="">{t('buyers.chooseKind')}</option>
              {BUYER_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`buyers.kind.${k}`)}
                </option>
              ))}
            </select>
            <FieldError errors={errors} field="kind" />
          </label>
          <div className="form__row">
            {text('province', BUYER_LIMITS.place)}
            {text('contact', BUYER_LIMITS.contact)}
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('buyers.representatives')}</legend>
          <p className="field__hint">{t('buyers.representativesHint')}</p>
          {values.representatives.map((r, i) => (
            <div className="form__row rep-row" key={i} data-testid={`rep-${i}`}>
              <label className="field">
                <span>{t('buyers.repName', { n: i + 1 })}</span>
                <input
                  value={r.name}
                  maxLength={BUYER_LIMITS.name}
                  autoComplete="name"
                  aria-invalid={invalid(errors, `representatives[${i}].name`)}
                  onChange={(e) => profile.setRepresentative(i, { name: e.target.value })}
                  data-testid={`rep-${i}-name`}
                />
                <FieldError errors={errors} field={`representatives[${i}].name`} />
              </label>
              <label className="field">
                <span>{t('buyers.repPhone')}</span>
                <input
                  type="tel"
                  inputMode="tel"
                  autoComplete="tel"
                  value={r.phone}
                  aria-invalid={invalid(errors, `representatives[${i}].phone`)}
                  onChange={(e) => profile.setRepresentative(i, { phone: e.target.value })}
                  data-testid={`rep-${i}-phone`}
                />
                <FieldError errors={errors} field={`representatives[${i}].phone`} />
              </label>
              {values.representatives.length > 1 && (
                <button
                  type="button"
                  className="btn btn--small rep-row__remove"
                  onClick={() => profile.removeRepresentative(i)}
                  data-testid={`rep-${i}-remove`}
                >
                  {t('buyers.removeRep', { n: i + 1 })}
                </button>
              )}
            </div>
          ))}
          <FieldError errors={errors} field="representatives" />
          {values.representatives.length < BUYER_LIMITS.maxRepresentatives && (
            <button type="button" className="btn" onClick={profile.addRepresentative} data-testid="rep-add">
              {t('buyers.addRep')}
            </button>
          )}
        </fieldset>

        <h2>{t('buyers.needs')}</h2>
        <p className="muted">{t('buyers.needsIntro')}</p>
        {values.needs.map((need, i) => (
          <NeedFields key={need.needId ?? `new-${i}`} need={need} index={i} errors={errors} profile={profile} />
        ))}
        <FieldError errors={errors} field="needs" />
        {values.needs.length < BUYER_LIMITS.maxNeeds && (
          <button type="button" className="btn" onClick={profile.addNeed} data-testid="need-add">
            {t('buyers.addNeed')}
          </button>
        )}

        {profile.error && (
          <p className="error" role="alert" data-testid="buyer-error">
            {profile.error}
          </p>
        )}
        {profile.saved && (
          <p className="ok" role="status" data-testid="buyer-saved">
            {t('buyers.saved')}{' '}
            {next !== '/' ? (
              <Link to={next} data-testid="buyer-continue">
                {t('buyers.continueRegistering')}
              </Link>
            ) : (
              <Link to="/">{t('buyers.findFair')}</Link>
            )}
          </p>
        )}
        <p className="form__actions">
          <button type="submit" className="btn btn--accent" disabled={profile.busy} data-testid="buyer-save">
            {profile.busy ? t('common.saving') : t('common.save')}
          </button>
        </p>
      </form>
    </main>
  );
}

export default function BuyerProfilePage() {
  return <RequireRole roles={['Buyer']}>{(me) => <BuyerProfileView me={me} />}</RequireRole>;
}
