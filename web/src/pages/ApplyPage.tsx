import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PageError } from '../components/PageError';
import { EligibilityReasons } from '../components/EligibilityReasons';
import { ApiError, api, errorMessage } from '../lib/api';
import {
  NEEDS,
  activeApplication,
  applyFormToRequest,
  checkKey,
  emptyApplyForm,
  productsWithReasons,
  toggleIn,
  type ApplyForm,
} from '../lib/applications';
import { BOOTH_TYPES } from '../lib/booths';
import { formatIsoDate, starsText } from '../lib/catalogue';
import { DEFAULT_TIME_ZONE, formatDateRange } from '../lib/format';
import { RequireRole } from '../lib/guard';
import { Link, useNavigate } from 'react-router';
import type { Eligibility, FairDetails, Producer, ReasonLike, Zone } from '../lib/types';

interface Props {
  fairId: string;
  /** Wait this long after the last change before asking the server (ms). */
  checkDelayMs?: number;
}

interface CheckResult {
  key: string;
  /** The server's check, or the reasons of a refusal (whose messages may be missing). */
  eligibility?: Pick<Eligibility, 'eligible'> & { reasons: readonly ReasonLike[] };
  /** The check itself failed (network): the server still checks on submit. */
  failed?: string;
}

const NOTE_MAX = 1000;

function ApplyFormView({ fairId, checkDelayMs = 300 }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [fair, setFair] = useState<FairDetails | null>(null);
  const [producer, setProducer] = useState<Producer | null | undefined>(undefined);
  const [zones, setZones] = useState<Zone[]>([]);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [form, setForm] = useState<ApplyForm>(emptyApplyForm);
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  // Reasons are shown once the producer has chosen something or tried to submit, not at first sight.
  const [touched, setTouched] = useState(false);
  const [existing, setExisting] = useState<ReturnType<typeof activeApplication>>(null);

  useEffect(() => {
    const abort = new AbortController();
    Promise.all([api.fair(fairId, abort.signal), api.myProducer(abort.signal)])
      .then(([f, p]) => {
        setFair(f);
        setProducer(p);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setLoadError(e);
      });
    // An application still in play (approved, submitted, waitlisted) means there is nothing to apply for.
    api
      .myApplications(abort.signal)
      .then((list) => setExisting(activeApplication(list, fairId)))
      .catch(() => undefined);
    // Zones only refine preferences: a fair without a floor plan has none.
    api
      .floor(fairId, abort.signal)
      .then((floor) => setZones(floor.zones ?? []))
      .catch(() => undefined);
    return () => abort.abort();
  }, [fairId]);

  useEffect(() => {
    if (fair) document.title = `${t('apply.title')} · ${fair.name} · ${t('app.name')}`;
  }, [fair, t]);

  // Ask the server after every change that can alter eligibility (not the note).
  const key = checkKey(form);
  const ready = !!producer;
  useEffect(() => {
    if (!ready) return;
    const abort = new AbortController();
    const body = applyFormToRequest(form, false);
    const timer = setTimeout(() => {
      api
        .checkApplication(fairId, body, abort.signal)
        .then((eligibility) => setCheck({ key, eligibility }))
        .catch((e: unknown) => {
          if (abort.signal.aborted) return;
          if (e instanceof ApiError && Array.isArray(e.problem.reasons))
            setCheck({ key, eligibility: { eligible: false, reasons: e.problem.reasons } });
          else setCheck({ key, failed: errorMessage(e) });
        });
    }, checkDelayMs);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
    // `form` is read through `key`, which names every part the check depends on.
  }, [key, fairId, ready, checkDelayMs]);

  const current = check && check.key === key ? check : null;
  const eligibility = current?.eligibility ?? null;
  const flagged = useMemo(() => productsWithReasons(eligibility?.reasons), [eligibility]);
  const products = producer?.products ?? [];
  const productName = (id: string) => products.find((p) => p.productId === id)?.name;
  // Submit waits for the server's check of exactly this form; what it refuses is never sent.
  const disabled = submitting || !current || (touched && eligibility?.eligible === false);
  const change = (update: (f: ApplyForm) => ApplyForm) => {
    setTouched(true);
    setForm(update);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (disabled || eligibility?.eligible === false) return;
    setSubmitting(true);
    setError(null);
    setConflict(false);
    try {
      await api.apply(fairId, applyFormToRequest(form));
      void navigate('/producer/applications');
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) {
        setCheck({ key, eligibility: { eligible: false, reasons: e.problem.reasons ?? [] } });
        setError(errorMessage(e));
      } else if (e instanceof ApiError && e.status === 409) {
        setConflict(true);
        setError(errorMessage(e));
      } else {
        setError(errorMessage(e));
      }
      setSubmitting(false);
    }
  };

  if (loadError) {
    return <PageError message={loadError instanceof ApiError && loadError.status === 404 ? t('fair.notFound') : errorMessage(loadError)} />;
  }
  if (!fair || producer === undefined) {
    return (
      <main className="page">
        <p className="muted">{t('common.loading')}</p>
      </main>
    );
  }

  const timeZone = fair.timeZone || DEFAULT_TIME_ZONE;
  return (
    <main className="page">
      <p className="crumb">
        <Link to={`/fairs/${encodeURIComponent(fairId)}`}>← {fair.name}</Link>
      </p>
      <h1>{t('apply.title')}</h1>
      <p className="muted">
        {fair.name} · <span className="nowrap">{formatDateRange(fair.startsAt, fair.endsAt, timeZone)}</span>
      </p>
      <p className="muted small">
        {t('fair.minStars')}: {t('fair.stars', { count: fair.minStars })}
        {fair.acceptedGroups.length > 0 &&
          ` · ${t('fair.groups')}: ${fair.acceptedGroups.map((g) => t(`groups.${g}`, { defaultValue: g })).join(', ')}`}
      </p>

      {existing ? (
        <p className="notice" data-testid="apply-already">
          {t('applyFlow.already', { status: t(`applicationStatus.${existing.status}`, { defaultValue: '' }) })}{' '}
          <Link to="/producer/applications">{t('apply.seeApplications')}</Link>
        </p>
      ) : !producer ? (
        <p className="notice" data-testid="apply-no-profile">
          {t('apply.noProfile')} <Link to="/producer">{t('apply.toProfile')}</Link>
        </p>
      ) : (
        <form className="form" onSubmit={submit} noValidate data-testid="apply-form">
          <fieldset className="fieldset card">
            <legend>{t('apply.products')}</legend>
            {products.length === 0 ? (
              <p className="muted">
                {t('apply.noProducts')} <Link to="/producer">{t('apply.toCatalogue')}</Link>
              </p>
            ) : (
              <ul className="picks">
                {products.map((p) => (
                  <li key={p.productId} className={`pick${flagged.has(p.productId) ? ' pick--bad' : ''}`}>
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={form.productIds.includes(p.productId)}
                        onChange={() => change((f) => ({ ...f, productIds: toggleIn(f.productIds, p.productId) }))}
                        data-testid={`apply-product-${p.productId}`}
                      />
                      <span>
                        <span className="pick__name">{p.name}</span>{' '}
                        <span className="stars" aria-label={t('product.starsValue', { count: p.stars })}>
                          {starsText(p.stars)}
                        </span>
                        <span className="pick__meta muted">
                          {t(`groups.${p.group}`, { defaultValue: p.group })} ·{' '}
                          {t('product.expiresShort', { date: formatIsoDate(p.certificateExpiresOn) })}
                          {flagged.has(p.productId) && (
                            <span className="pick__flag" aria-label={t('apply.productHasReasons')}>
                              {' '}
                              ⚠
                            </span>
                          )}
                        </span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>

          <fieldset className="fieldset card">
            <legend>{t('apply.boothTypes')}</legend>
            <div className="checks">
              {BOOTH_TYPES.map((type) => (
                <label key={type} className="check">
                  <input
                    type="checkbox"
                    checked={form.types.includes(type)}
                    onChange={() => change((f) => ({ ...f, types: toggleIn(f.types, type) }))}
                    data-testid={`apply-type-${type}`}
                  />
                  {t(`boothType.${type}`, { defaultValue: type })}
                </label>
              ))}
            </div>
            {zones.length > 0 && (
              <>
                <p className="fieldset__sub">{t('apply.zones')}</p>
                <div className="checks">
                  {zones.map((z) => (
                    <label key={z.code} className="check">
                      <input
                        type="checkbox"
                        checked={form.zones.includes(z.code)}
                        onChange={() => change((f) => ({ ...f, zones: toggleIn(f.zones, z.code) }))}
                        data-testid={`apply-zone-${z.code}`}
                      />
                      {z.name ? `${z.name} (${z.code})` : z.code}
                    </label>
                  ))}
                </div>
              </>
            )}
          </fieldset>

          <fieldset className="fieldset card">
            <legend>{t('apply.needs')}</legend>
            <div className="checks">
              {NEEDS.map((need) => (
                <label key={need} className="check">
                  <input
                    type="checkbox"
                    checked={form.needs[need]}
                    onChange={() => change((f) => ({ ...f, needs: { ...f.needs, [need]: !f.needs[need] } }))}
                    data-testid={`apply-need-${need}`}
                  />
                  {t(`needs.${need}`)}
                </label>
              ))}
            </div>
          </fieldset>

          <label className="field">
            <span>{t('apply.note')}</span>
            <textarea
              rows={3}
              maxLength={NOTE_MAX}
              value={form.note}
              onChange={(e) => setForm((f) => ({ ...f, note: e.target.value }))}
              data-testid="apply-note"
            />
          </label>

          <div aria-live="polite" className="check-result">
            {!current ? (
              <p className="muted" data-testid="eligibility-checking">
                {t('apply.checking')}
              </p>
            ) : current.failed ? (
              <p className="notice" data-testid="eligibility-unknown">
                {t('apply.checkFailed')} ({current.failed})
              </p>
            ) : eligibility?.eligible ? (
              <p className="ok" data-testid="eligibility-ok">
                ✓ {t('apply.eligible')}
              </p>
            ) : !touched ? (
              <p className="muted" data-testid="eligibility-pending">
                {t('applyFlow.chooseToCheck')}
              </p>
            ) : (
              <EligibilityReasons reasons={eligibility?.reasons} productName={productName} />
            )}
          </div>

          {error && (
            <p className="error" role="alert" data-testid="apply-error">
              {error}
              {conflict && (
                <>
                  {' '}
                  <Link to="/producer/applications">{t('apply.seeApplications')}</Link>
                </>
              )}
            </p>
          )}
          <button type="submit" className="btn btn--primary" disabled={disabled} data-testid="apply-submit">
            {submitting ? t('apply.submitting') : t('apply.submit')}
          </button>
        </form>
      )}
    </main>
  );
}

export function ApplyPage(props: Props) {
  return <RequireRole roles={['Producer']}>{() => <ApplyFormView {...props} />}</RequireRole>;
}

export default ApplyPage;
