import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApplicationStatusBadge } from '../components/ApplicationStatusBadge';
import { EligibilityReasons } from '../components/EligibilityReasons';
import { APPLICATION_STATUSES, CERTIFICATE_STATES, NEEDS, canAct } from '../lib/applications';
import { PRODUCT_GROUPS, STARS, formatIsoDate, starsText } from '../lib/catalogue';
import { formatDateTime } from '../lib/format';
import { RequireRole } from '../lib/guard';
import { Link } from 'react-router';
import { useReviewQueue } from '../hooks/useReviewQueue';
import type { Application, ReviewAction } from '../lib/types';

interface RowProps {
  application: Application;
  selected: boolean;
  busy: boolean;
  error?: string;
  onToggle: () => void;
  onAction: (action: ReviewAction, reason?: string) => void;
}

function ReviewRow({ application: a, selected, busy, error, onToggle, onAction }: RowProps) {
  const { t } = useTranslation();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const id = a.applicationId;
  const needs = NEEDS.filter((n) => a.needs?.[n]);

  return (
    <li className={`card review-row${selected ? ' review-row--selected' : ''}`} data-testid={`row-${id}`}>
      <div className="review-row__head">
        <label className="check review-row__select">
          <input
            type="checkbox"
            checked={selected}
            onChange={onToggle}
            aria-label={t('review.selectRow', { name: a.producerName })}
            data-testid={`select-${id}`}
          />
          <span className="review-row__name">{a.producerName}</span>
        </label>
        <ApplicationStatusBadge status={a.status} testId={`row-status-${id}`} />
      </div>
      <p className="card__meta muted">
        {a.district}
        {' · '}
        <span className="nowrap">{formatDateTime(a.submittedAt)}</span>
        {a.status === 'Waitlisted' && a.waitlistPosition != null && ` · ${t('review.position', { position: a.waitlistPosition })}`}
      </p>
      <ul className="app__products">
        {a.products.map((p) => (
          <li key={p.productId}>
            {p.name} <span className="stars">{starsText(p.stars)}</span>{' '}
            <span className="muted">
              {t(`groups.${p.group}`, { defaultValue: p.group })} ·{' '}
              <span className="nowrap">{t('product.expiresShort', { date: formatIsoDate(p.certificateExpiresOn) })}</span>
            </span>
          </li>
        ))}
      </ul>
      <p className="card__meta">
        <span className={`badge badge--cert-${a.certificateState}`} data-testid={`row-certificate-${id}`} data-state={a.certificateState}>
          {t(`certificateState.${a.certificateState}`, { defaultValue: a.certificateState })}
        </span>{' '}
        {a.eligibility?.eligible ? (
          <span className="badge badge--eligible">{t('review.eligible')}</span>
        ) : (
          <span className="badge badge--ineligible">{t('review.ineligible')}</span>
        )}
      </p>
      {a.eligibility && !a.eligibility.eligible && (
        <details className="rules">
          <summary>{t('review.whyIneligible')}</summary>
          <EligibilityReasons reasons={a.eligibility.reasons} title="" />
        </details>
      )}
      {(a.boothPreferences?.types?.length || a.boothPreferences?.zones?.length || needs.length || a.note) && (
        <dl className="facts review-row__prefs">
          {!!a.boothPreferences?.types?.length && (
            <>
              <dt>{t('apply.boothTypes')}</dt>
              <dd>{a.boothPreferences.types.map((x) => t(`boothType.${x}`, { defaultValue: x })).join(', ')}</dd>
            </>
          )}
          {!!a.boothPreferences?.zones?.length && (
            <>
              <dt>{t('apply.zones')}</dt>
              <dd>{a.boothPreferences.zones.join(', ')}</dd>
            </>
          )}
          {needs.length > 0 && (
            <>
              <dt>{t('apply.needs')}</dt>
              <dd>{needs.map((n) => t(`needs.${n}`)).join(', ')}</dd>
            </>
          )}
          {a.note && (
            <>
              <dt>{t('apply.note')}</dt>
              <dd className="prewrap">{a.note}</dd>
            </>
          )}
        </dl>
      )}
      {a.status === 'Rejected' && a.rejectionReason && (
        <p className="card__meta">
          {t('myApplications.rejectionReason')}: {a.rejectionReason}
        </p>
      )}
      {error && (
        <p className="error" role="alert" data-testid={`row-error-${id}`}>
          {error}
        </p>
      )}
      <div className="row-actions">
        <button
          type="button"
          className="btn btn--small btn--ok"
          disabled={busy || !canAct(a.status, 'approve')}
          onClick={() => onAction('approve')}
          data-testid={`approve-${id}`}
        >
          {t('review.approve')}
        </button>
        <button
          type="button"
          className="btn btn--small"
          disabled={busy || !canAct(a.status, 'waitlist')}
          onClick={() => onAction('waitlist')}
          data-testid={`waitlist-${id}`}
        >
          {t('review.waitlist')}
        </button>
        <button
          type="button"
          className="btn btn--small btn--danger"
          disabled={busy || !canAct(a.status, 'reject')}
          onClick={() => setRejecting((r) => !r)}
          aria-expanded={rejecting}
          data-testid={`reject-${id}`}
        >
          {t('review.reject')}
        </button>
      </div>
      {rejecting && canAct(a.status, 'reject') && (
        <form
          className="reject-box"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return;
            onAction('reject', reason.trim());
            setRejecting(false);
          }}
        >
          <label className="field">
            <span>{t('review.reason')}</span>
            <input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
              required
              autoFocus
              data-testid={`reject-reason-${id}`}
            />
          </label>
          <button type="submit" className="btn btn--small btn--danger" disabled={busy || !reason.trim()} data-testid={`reject-confirm-${id}`}>
            {t('review.confirmReject')}
          </button>
        </form>
      )}
    </li>
  );
}

function ReviewQueue({ fairId }: { fairId: string }) {
  const { t } = useTranslation();
  const queue = useReviewQueue(fairId);
  const { fair, overrides, filters, setFilter, districtText, setDistrictText, knownDistricts, filtered, items, error } = queue;
  const { selection, selectedCount, allSelected, rowErrors, bulkBusy, bulkMessage } = queue;
  const [bulkRejecting, setBulkRejecting] = useState(false);
  const [bulkReason, setBulkReason] = useState('');

  useEffect(() => {
    document.title = `${t('review.title')}${fair ? ` · ${fair.name}` : ''} · ${t('app.name')}`;
  }, [fair, t]);

  const bulk = async (action: ReviewAction, reason?: string) => {
    if (await queue.decideSelected(action, reason)) {
      setBulkRejecting(false);
      setBulkReason('');
    }
  };

  return (
    <main className="page">
      <p className="crumb">
        <Link to={`/fairs/${encodeURIComponent(fairId)}`}>← {fair?.name ?? t('nav.fairs')}</Link>
      </p>
      <h1>{t('review.title')}</h1>

      {overrides.length > 0 && (
        <section className="card notice" aria-labelledby="review-overrides" data-testid="review-overrides">
          <h2 id="review-overrides">{t('review.overrides')}</h2>
          <ul>
            {overrides.map((b) => (
              <li key={b.code} data-testid={`override-${b.code}`}>
                <strong>{b.code}</strong> · {b.producerName ?? b.producerId} — {b.overrideReason}
              </li>
            ))}
          </ul>
        </section>
      )}

      <form className="filters card" onSubmit={(e) => e.preventDefault()} data-testid="review-filters">
        <label className="field">
          <span>{t('review.status')}</span>
          <select value={filters.status} onChange={(e) => setFilter('status', e.target.value)} data-testid="filter-status">
            <option value="">{t('review.all')}</option>
            {APPLICATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`applicationStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('review.district')}</span>
          <input
            list="review-districts"
            value={districtText}
            onChange={(e) => setDistrictText(e.target.value)}
            data-testid="filter-district"
          />
          <datalist id="review-districts">
            {knownDistricts.map((d) => (
              <option key={d} value={d} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span>{t('review.group')}</span>
          <select value={filters.group} onChange={(e) => setFilter('group', e.target.value)} data-testid="filter-group">
            <option value="">{t('review.all')}</option>
            {PRODUCT_GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`groups.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('review.minStars')}</span>
          <select value={filters.minStars} onChange={(e) => setFilter('minStars', e.target.value)} data-testid="filter-min-stars">
            <option value="">{t('review.all')}</option>
            {STARS.map((s) => (
              <option key={s} value={String(s)}>
                {t('fair.stars', { count: s })}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('review.certificate')}</span>
          <select value={filters.certificate} onChange={(e) => setFilter('certificate', e.target.value)} data-testid="filter-certificate">
            <option value="">{t('review.all')}</option>
            {CERTIFICATE_STATES.map((c) => (
              <option key={c} value={c}>
                {t(`certificateState.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="filters__actions">
          {filtered && (
            <button type="button" className="btn btn--small" onClick={() => {
                queue.clearFilters();
              }} data-testid="filter-clear">
              {t('review.clearFilters')}
            </button>
          )}
          <button type="button" className="btn btn--small" onClick={queue.reload} data-testid="review-reload">
            {t('review.reload')}
          </button>
        </div>
      </form>

      <div className="bulk-bar" role="region" aria-label={t('review.bulk')} data-testid="bulk-bar">
        <label className="check">
          <input
            type="checkbox"
            checked={allSelected}
            ref={(el) => {
              if (el) el.indeterminate = selectedCount > 0 && !allSelected;
            }}
            onChange={queue.toggleAllRows}
            disabled={!items || items.length === 0}
            data-testid="select-all"
          />
          <span data-testid="selected-count" data-count={selectedCount}>
            {t('review.selected', { count: selectedCount })}
          </span>
        </label>
        <div className="bulk-bar__buttons">
          <button
            type="button"
            className="btn btn--small btn--ok"
            disabled={bulkBusy || selectedCount === 0}
            onClick={() => void bulk('approve')}
            data-testid="bulk-approve"
          >
            {t('review.approve')}
          </button>
          <button
            type="button"
            className="btn btn--small"
            disabled={bulkBusy || selectedCount === 0}
            onClick={() => void bulk('waitlist')}
            data-testid="bulk-waitlist"
          >
            {t('review.waitlist')}
          </button>
          <button
            type="button"
            className="btn btn--small btn--danger"
            disabled={bulkBusy || selectedCount === 0}
            onClick={() => setBulkRejecting((r) => !r)}
            aria-expanded={bulkRejecting}
            data-testid="bulk-reject"
          >
            {t('review.reject')}
          </button>
        </div>
        {bulkRejecting && selectedCount > 0 && (
          <form
            className="reject-box"
            onSubmit={(e) => {
              e.preventDefault();
              if (bulkReason.trim()) void bulk('reject', bulkReason.trim());
            }}
          >
            <label className="field">
              <span>{t('review.reason')}</span>
              <input
                value={bulkReason}
                onChange={(e) => setBulkReason(e.target.value)}
                maxLength={500}
                required
                autoFocus
                data-testid="bulk-reject-reason"
              />
            </label>
            <button
              type="submit"
              className="btn btn--small btn--danger"
              disabled={bulkBusy || !bulkReason.trim()}
              data-testid="bulk-reject-confirm"
            >
              {t('review.confirmRejectMany', { count: selectedCount })}
            </button>
          </form>
        )}
        {bulkMessage && (
          <p className="bulk-bar__message" role="status" data-testid="bulk-message">
            {bulkMessage}
          </p>
        )}
      </div>

      {error && (
        <div className="error" role="alert">
          <p>{error}</p>
          <button type="button" className="btn" onClick={queue.reload}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {items === null ? (
        !error && <p className="muted">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted" data-testid="review-empty">
          {filtered ? t('review.noneMatching') : t('review.empty')}
        </p>
      ) : (
        <>
          <p className="muted small" data-testid="review-count">
            {t('review.count', { count: items.length })}
          </p>
          <ul className="cards">
            {items.map((a) => (
              <ReviewRow
                key={a.applicationId}
                application={a}
                selected={selection.has(a.applicationId)}
                busy={queue.isBusy(a.applicationId)}
                error={rowErrors[a.applicationId]}
                onToggle={() => queue.toggleRow(a.applicationId)}
                onAction={(action, reason) => queue.decide(a.applicationId, action, reason)}
              />
            ))}
          </ul>
        </>
      )}
    </main>
  );
}

export function ReviewPage({ fairId }: { fairId: string }) {
  return <RequireRole roles={['Organiser', 'Admin']}>{() => <ReviewQueue fairId={fairId} />}</RequireRole>;
}

export default ReviewPage;
