import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HoldVerdict } from '../lib/booths';
import { zoneName } from '../lib/exhibitors';
import { formatDateTime, formatNumber, formatVnd } from '../lib/format';
import type { Booth, Locale, Zone } from '../lib/types';
import { ConfirmBox } from './ConfirmBox';
import { HoldCountdown } from './HoldCountdown';

export type BoothAction = 'block' | 'unblock' | 'assign' | 'unassign' | 'hold' | 'confirm' | 'release';

/** Refusals of an assign the organiser may override by giving a reason (the server's BoothRules.Overridable). */
const OVERRIDABLE = new Set(['booth.notApproved', 'booth.zoneMismatch', 'booth.limit']);

/** A refused action: the text to show and the problem's `code`, if any. */
export interface BoothError {
  message: string;
  code?: string | null;
}

interface BoothPanelProps {
  booth: Booth;
  zones: readonly Zone[];
  timeZone: string;
  /** Organiser or admin: block, unblock, assign, unassign. */
  canManage: boolean;
  /** A producer on a FirstCome fair open for holds: hold, confirm, release. */
  canHold?: boolean;
  /** Signed out on a fair open for holds: the sign-in page that comes back to this booth. */
  signInToHold?: string;
  /** A producer on a fair where the organiser allocates booths. */
  organiserAllocates?: boolean;
  /** The booth is held or confirmed by the signed-in producer. */
  mine?: boolean;
  /**
   * Whether this producer may hold this booth (lib/booths holdVerdict): with it the hold button shows only when the
   * server would take the hold, and a refusal is explained; without it, `canHold` alone decides.
   */
  verdict?: HoldVerdict;
  /** For the refusal's text: where the producer's application stands, and the fair's booths per producer. */
  applicationStatus?: string | null;
  boothsPerProducer?: number;
  /** The action under way, if any: every button waits for it. */
  pending: BoothAction | null;
  error: BoothError | string | null;
  /** An action; an assign may carry the organiser's reason for overriding a booth rule. */
  onAction: (action: BoothAction, producerId?: string, overrideReason?: string) => void;
  onClose: () => void;
}

export function BoothPanel(props: BoothPanelProps) {
  const { booth, zones, timeZone, canManage, canHold, organiserAllocates, mine, pending, error, onAction, onClose } =
    props;
  const { signInToHold, verdict, applicationStatus, boothsPerProducer } = props;
  const { t, i18n } = useTranslation();
  const lang: Locale = i18n.language === 'en' ? 'en' : 'vi';
  const zone = zones.find((z) => z.code === booth.zone);
  const ref = useRef<HTMLElement>(null);
  const [producerId, setProducerId] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [expired, setExpired] = useState(false);
  const [askRelease, setAskRelease] = useState(false);
  const busy = pending !== null;
  const problem: BoothError | null = typeof error === 'string' ? { message: error } : error;

  // On a phone the panel sits below the map: bring it into view.
  useEffect(() => {
    const narrow = typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 47.99em)').matches;
    if (narrow) ref.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
    setProducerId('');
    setOverrideReason('');
  }, [booth.code]);

  useEffect(() => setExpired(false), [booth.holdExpiresAt, booth.status]);
  useEffect(() => setAskRelease(false), [booth.status]);

  const label = (action: BoothAction, text: string) => (pending === action ? t('booth.working') : text);
  /** One of the panel's one-click actions; its text and test id follow from the action's name. */
  const actionButton = (action: Exclude<BoothAction, 'assign'>, className: string, disabled = false) => (
    <button
      type="button"
      className={className}
      disabled={busy || disabled}
      onClick={() => onAction(action)}
      data-testid={`booth-${action}`}
    >
      {label(action, t(`booth.${action}`))}
    </button>
  );
  const myHold = !!canHold && !!mine && booth.status === 'Held';
  const myConfirmed = !!canHold && !!mine && booth.status === 'Confirmed';
  const occupied = booth.status === 'Held' || booth.status === 'Confirmed';
  const offerHold = verdict ? verdict.kind === 'hold' && booth.status === 'Free' : !!canHold && booth.status === 'Free';
  const refusal = verdict?.kind === 'no' ? verdict.reason : null;
  const refusalText = () => {
    if (!refusal) return '';
    const groups = (zone?.groups ?? []).map((g) => t(`groups.${g}`, { defaultValue: g })).join(', ');
    return t(`mapx.holdNo.${refusal}`, {
      zone: zone ? zoneName(zone, lang) : booth.zone,
      groups,
      count: boothsPerProducer ?? 0,
      status: applicationStatus ? t(`applicationStatus.${applicationStatus}`, { defaultValue: applicationStatus }) : '',
    });
  };

  // After a refusal the organiser may override (not approved, zone, limit), the assign asks for a reason instead.
  const overridable = canManage && !!problem?.code && OVERRIDABLE.has(problem.code);
  const assign = (event: FormEvent) => {
    event.preventDefault();
    const id = producerId.trim();
    const reason = overrideReason.trim();
    if (!id) return;
    if (overridable && reason) onAction('assign', id, reason);
    else if (!overridable) onAction('assign', id);
  };

  return (
    <section ref={ref} className="panel" aria-labelledby="booth-panel-title" data-testid="booth-panel">
      <header className="panel__head">
        <h3 id="booth-panel-title">{t('booth.title', { code: booth.code })}</h3>
        <button type="button" className="btn btn--ghost" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </header>
      <dl className="facts">
        <dt>{t('booth.status')}</dt>
        <dd>
          <span className={`badge badge--booth booth--${booth.status}`} data-testid="booth-panel-status">
            {t(`boothStatus.${booth.status}`, { defaultValue: booth.status })}
          </span>
          {mine && occupied && (
            <span className="badge badge--mine" data-testid="booth-mine">
              {t('booth.mine')}
            </span>
          )}
        </dd>
        <dt>{t('booth.zone')}</dt>
        <dd>{zone ? `${zoneName(zone, lang)} (${zone.code})` : booth.zone}</dd>
        <dt>{t('booth.type')}</dt>
        <dd>{t(`boothType.${booth.type}`, { defaultValue: booth.type })}</dd>
        <dt>{t('booth.area')}</dt>
        <dd>{t('booth.areaValue', { area: formatNumber(booth.areaM2, lang) })}</dd>
        <dt>{t('booth.price')}</dt>
        <dd className="nowrap">{formatVnd(booth.priceVnd, lang)}</dd>
        {booth.producerName && (
          <>
            <dt>{t('mapx.exhibitor')}</dt>
            <dd data-testid="booth-panel-producer">
              {booth.producerId ? (
                <Link to={`/producers/${encodeURIComponent(booth.producerId)}`} data-testid="booth-producer-link">
                  {booth.producerName}
                </Link>
              ) : (
                booth.producerName
              )}
            </dd>
          </>
        )}
        {booth.overrideReason && (
          <>
            <dt>{t('booth.override')}</dt>
            <dd data-testid="booth-override-reason">{booth.overrideReason}</dd>
          </>
        )}
        {booth.status === 'Held' && booth.holdExpiresAt && (
          <>
            <dt>{t('booth.holdExpires')}</dt>
            <dd>{formatDateTime(booth.holdExpiresAt, timeZone)}</dd>
          </>
        )}
      </dl>

      {myHold && (
        <div className="hold-timer">
          <span>{t('booth.holdLeft')}</span>
          <HoldCountdown expiresAt={booth.holdExpiresAt} onExpire={() => setExpired(true)} />
          {expired && <span className="muted hold-timer__note">{t('booth.holdLapsed')}</span>}
        </div>
      )}

      {problem && (
        <p className="error" role="alert" data-testid="booth-error" data-code={problem.code ?? undefined}>
          {problem.message}
        </p>
      )}

      {booth.producerId && (
        <p className="panel__links">
          <Link to={`/producers/${encodeURIComponent(booth.producerId)}`} className="btn" data-testid="booth-public-page">
            {t('mapx.publicPage')}
          </Link>
          <Link to={`/producers/${encodeURIComponent(booth.producerId)}#products`} className="btn">
            {t('mapx.products')}
          </Link>
        </p>
      )}

      {offerHold && (
        <div className="panel__actions">
          {actionButton('hold', 'btn btn--accent')}
        </div>
      )}
      {signInToHold && booth.status === 'Free' && (
        <div className="panel__actions">
          <Link to={signInToHold} className="btn btn--accent" data-testid="booth-sign-in">
            {t('signInTo.hold')}
          </Link>
        </div>
      )}
      {refusal && refusal !== 'organiserAllocates' && !canManage && (
        <p className="muted hint" data-testid="booth-hold-refusal" data-reason={refusal}>
          {refusalText()}
        </p>
      )}
      {(myHold || myConfirmed) && !askRelease && (
        <div className="panel__actions">
          {myHold && actionButton('confirm', 'btn btn--accent', expired)}
          {myConfirmed ? (
            <button
              type="button"
              className="btn"
              disabled={busy}
              onClick={() => setAskRelease(true)}
              data-testid="booth-release"
            >
              {label('release', t('booth.release'))}
            </button>
          ) : (
            actionButton('release', 'btn')
          )}
        </div>
      )}
      {myConfirmed && askRelease && (
        <ConfirmBox
          message={t('mapx.releaseConfirm', { code: booth.code })}
          confirmLabel={t('mapx.releaseYes')}
          busy={busy}
          onConfirm={() => onAction('release')}
          onCancel={() => setAskRelease(false)}
          testId="booth-release-confirm"
        />
      )}
      {(organiserAllocates || refusal === 'organiserAllocates') && !canManage && booth.status === 'Free' && (
        <p className="muted hint" data-testid="booth-organiser-allocates">
          {t('booth.organiserAllocatesHint')}
        </p>
      )}

      {canManage && (
        <>
          <div className="panel__actions">
            {booth.status === 'Blocked' ? actionButton('unblock', 'btn') : actionButton('block', 'btn btn--danger')}
            {occupied && actionButton('unassign', 'btn')}
          </div>
          {booth.status === 'Free' && (
            <form className="assign-form" onSubmit={assign}>
              <label className="field">
                <span>{t('booth.assignTo')}</span>
                <input
                  value={producerId}
                  onChange={(e) => {
                    setProducerId(e.target.value);
                    setOverrideReason('');
                  }}
                  placeholder={t('booth.assignPlaceholder')}
                  autoComplete="off"
                  spellCheck={false}
                  data-testid="booth-assign-producer"
                />
              </label>
              {overridable && (
                <label className="field">
                  <span>{t('booth.overrideReason')}</span>
                  <input
                    value={overrideReason}
                    onChange={(e) => setOverrideReason(e.target.value)}
                    maxLength={500}
                    data-testid="booth-override-input"
                  />
                  <small className="muted">{t('booth.overrideHint')}</small>
                </label>
              )}
              <button
                type="submit"
                className={overridable ? 'btn btn--danger' : 'btn'}
                disabled={busy || !producerId.trim() || (overridable && !overrideReason.trim())}
                data-testid="booth-assign"
              >
                {label('assign', overridable ? t('booth.assignOverride') : t('booth.assign'))}
              </button>
            </form>
          )}
        </>
      )}
    </section>
  );
}
