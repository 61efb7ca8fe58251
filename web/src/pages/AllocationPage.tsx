import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageError } from '../components/PageError';
import { ConfirmBox } from '../components/ConfirmBox';
import { FairStatusBadge } from '../components/FairStatusBadge';
import { districtNames, organiserAllocates, shareRows, sortedAssignments } from '../lib/allocation';
import { ApiError, api, errorMessage, newIdempotencyKey } from '../lib/api';
import { RequireRole } from '../lib/guard';
import { Link } from 'react-router';
import type { AllocationReason, AllocationResult } from '../lib/types';
import { applicationsQuery, fairQuery } from '../lib/queries';

function Reasons({ reasons, testId }: { reasons: readonly AllocationReason[]; testId: string }) {
  if (reasons.length === 0) return null;
  return (
    <ul className="alloc-reasons" data-testid={testId}>
      {reasons.map((r, i) => (
        <li key={`${r.code}-${i}`} data-code={r.code}>
          {r.message || r.code}
        </li>
      ))}
    </ul>
  );
}

function ResultView({ result, names }: { result: AllocationResult; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const assignments = useMemo(() => sortedAssignments(result), [result]);
  const shares = useMemo(() => shareRows(result.districtShares, names), [result, names]);
  const kind = result.dryRun ? 'dry' : 'applied';
  return (
    <div className="alloc-result" data-testid={`allocation-${kind}`}>
      <p className="alloc-summary" data-testid="allocation-summary">
        {t(result.dryRun ? 'allocate.summaryDry' : 'allocate.summaryApplied', {
          count: result.assignments.length,
          unplaced: result.unplaced.length,
        })}
      </p>

      {shares.length > 0 && (
        <section className="section" aria-labelledby="alloc-shares">
          <h2 id="alloc-shares">{t('allocate.shares')}</h2>
          <p className="muted small">{t('allocate.sharesHint')}</p>
          <table className="table alloc-shares" data-testid="district-shares">
            <thead>
              <tr>
                <th scope="col">{t('review.district')}</th>
                <th scope="col" className="num">
                  {t('allocate.shareBooths')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shares.map((s) => (
                <tr key={s.key} data-testid={`share-${s.key}`}>
                  <td>{s.name}</td>
                  <td className="num">{s.booths}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section className="section" aria-labelledby="alloc-assignments">
        <h2 id="alloc-assignments">{t('allocate.assignments', { count: assignments.length })}</h2>
        {assignments.length === 0 ? (
          <p className="muted">{t('allocate.noAssignments')}</p>
        ) : (
          <table className="table table--stack" data-testid="assignments">
            <thead>
              <tr>
                <th scope="col">{t('allocate.booth')}</th>
                <th scope="col">{t('booth.producer')}</th>
                <th scope="col">{t('allocate.reasons')}</th>
              </tr>
            </thead>
            <tbody>
              {assignments.map((a) => (
                <tr key={`${a.boothCode}-${a.producerId}`} data-testid={`assignment-${a.boothCode}`} data-producer={a.producerId}>
                  <th scope="row" data-label={t('allocate.booth')}>
                    {a.boothCode}
                  </th>
                  <td data-label={t('booth.producer')}>{a.producerName || a.producerId}</td>
                  <td data-label={t('allocate.reasons')}>
                    <Reasons reasons={a.reasons} testId={`reasons-${a.boothCode}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {result.unplaced.length > 0 && (
        <section className="section" aria-labelledby="alloc-unplaced">
          <h2 id="alloc-unplaced">{t('allocate.unplaced', { count: result.unplaced.length })}</h2>
          <ul className="cards" data-testid="unplaced">
            {result.unplaced.map((u) => (
              <li key={u.producerId} className="card" data-testid={`unplaced-${u.producerId}`}>
                <p className="review-row__name">{u.producerName || u.producerId}</p>
                <Reasons reasons={u.reasons} testId={`unplaced-reasons-${u.producerId}`} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function Allocation({ fairId }: { fairId: string }) {
  const { t, i18n } = useTranslation();
  const { data: fair, error: fairError } = useQuery(fairQuery(fairId));
  const [dry, setDry] = useState<AllocationResult | null>(null);
  /** The Idempotency-Key for applying this dry run: kept across retries so applying twice places nobody twice. */
  const [applyKey, setApplyKey] = useState<string | null>(null);
  const [applied, setApplied] = useState<AllocationResult | null>(null);
  const [busy, setBusy] = useState<'dry' | 'apply' | null>(null);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const language = i18n.language;
  const shownLanguage = useRef(language);

  useEffect(() => {
    document.title = `${t('allocate.title')}${fair ? ` · ${fair.name}` : ''} · ${t('app.name')}`;
  }, [fair, t]);

  // District names as producers wrote them, for the shares table (the server keys shares by folded name).
  const approved = useQuery(applicationsQuery(fairId, { status: 'Approved' })).data;
  const names = useMemo(() => districtNames(Array.isArray(approved) ? approved : []), [approved]);

  const dryRun = async () => {
    setBusy('dry');
    setError(null);
    setAsking(false);
    try {
      const result = await api.allocate(fairId, true);
      shownLanguage.current = i18n.language;
      setDry(result);
      setApplied(null);
      setApplyKey(newIdempotencyKey());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  // The reasons come in the language of the request: run the dry run again when the language changes.
  useEffect(() => {
    if (dry && !applied && busy === null && shownLanguage.current !== language) void dryRun();
  }, [language]); // only on a language change

  const apply = async () => {
    if (!applyKey) return;
    setBusy('apply');
    setError(null);
    try {
      const result = await api.allocate(fairId, false, applyKey);
      setApplied(result);
      setAsking(false);
      setDry(null);
      setApplyKey(null);
    } catch (e) {
      // Keep the key: trying again is safe, the server answers the stored result if the first try got through.
      setError(errorMessage(e));
      if (e instanceof ApiError && e.status < 500) setAsking(false);
    } finally {
      setBusy(null);
    }
  };

  if (fairError instanceof ApiError && fairError.status === 404) {
    return <PageError message={t('fair.notFound')} />;
  }

  const fairLink = `/fairs/${encodeURIComponent(fairId)}`;
  const allowed = organiserAllocates(fair);
  return (
    <main className="page alloc-page">
      <p className="crumb">
        <Link to={fairLink}>← {fair?.name ?? t('nav.fairs')}</Link>
      </p>
      <div className="fair-head__title">
        <h1>{t('allocate.title')}</h1>
        {fair && <FairStatusBadge status={fair.status} />}
      </div>
      {!fair ? (
        fairError ? (
          <p className="error" role="alert">
            {errorMessage(fairError)}
          </p>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )
      ) : !allowed ? (
        <p className="notice" data-testid="allocation-first-come">
          {t('allocate.firstCome')} <Link to={fairLink}>{t('allocate.toMap')}</Link>
        </p>
      ) : (
        <>
          <details className="rules">
            <summary>{t('allocate.rulesTitle')}</summary>
            <ol className="alloc-rules">
              <li>{t('allocate.rule1')}</li>
              <li>{t('allocate.rule2')}</li>
              <li>{t('allocate.rule3')}</li>
              <li>{t('allocate.rule4')}</li>
            </ol>
          </details>
          <div className="alloc-actions">
            <button type="button" className="btn" onClick={() => void dryRun()} disabled={busy !== null} data-testid="allocation-dry-run">
              {busy === 'dry' ? t('common.working') : t(dry ? 'allocate.dryRunAgain' : 'allocate.dryRun')}
            </button>
            {dry && (
              <button
                type="button"
                className="btn btn--accent"
                onClick={() => setAsking(true)}
                disabled={busy !== null || asking || dry.assignments.length === 0}
                data-testid="allocation-apply"
              >
                {t('allocate.apply')}
              </button>
            )}
          </div>
          {!dry && !applied && <p className="muted">{t('allocate.intro')}</p>}
          {asking && dry && (
            <ConfirmBox
              message={t('allocate.confirm', { count: dry.assignments.length })}
              confirmLabel={t('allocate.applyConfirm')}
              busy={busy === 'apply'}
              onConfirm={() => void apply()}
              onCancel={() => setAsking(false)}
              testId="allocation-confirm"
            />
          )}
          {error && (
            <p className="error" role="alert" data-testid="allocation-error">
              {error}
            </p>
          )}
          {applied && (
            <div className="ok" role="status" data-testid="allocation-done">
              <p>
                {t('allocate.done', { count: applied.assignments.length })}{' '}
                <Link to={fairLink} data-testid="allocation-map-link">
                  {t('allocate.toMap')}
                </Link>
              </p>
            </div>
          )}
          {applied ? <ResultView result={applied} names={names} /> : dry ? <ResultView result={dry} names={names} /> : null}
        </>
      )}
    </main>
  );
}

export function AllocationPage({ fairId }: { fairId: string }) {
  return <RequireRole roles={['Organiser', 'Admin']}>{() => <Allocation fairId={fairId} />}</RequireRole>;
}

export default AllocationPage;
