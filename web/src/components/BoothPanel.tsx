import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber, formatVnd } from '../lib/format';
import type { Booth, Locale, Zone } from '../lib/types';

interface BoothPanelProps {
  booth: Booth;
  zones: readonly Zone[];
  timeZone: string;
  canManage: boolean;
  busy: boolean;
  error: string | null;
  onBlock: () => void;
  onUnblock: () => void;
  onClose: () => void;
}

export function BoothPanel(props: BoothPanelProps) {
  const { booth, zones, timeZone, canManage, busy, error, onBlock, onUnblock, onClose } = props;
  const { t, i18n } = useTranslation();
  const lang: Locale = i18n.language === 'en' ? 'en' : 'vi';
  const zone = zones.find((z) => z.code === booth.zone);
  const ref = useRef<HTMLElement>(null);

  // On a phone the panel sits below the map: bring it into view.
  useEffect(() => {
    const narrow = typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 47.99em)').matches;
    if (narrow) ref.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [booth.code]);

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
        </dd>
        <dt>{t('booth.zone')}</dt>
        <dd>{zone ? `${zone.name} (${zone.code})` : booth.zone}</dd>
        <dt>{t('booth.type')}</dt>
        <dd>{t(`boothType.${booth.type}`, { defaultValue: booth.type })}</dd>
        <dt>{t('booth.area')}</dt>
        <dd>{t('booth.areaValue', { area: formatNumber(booth.areaM2, lang) })}</dd>
        <dt>{t('booth.price')}</dt>
        <dd className="nowrap">{formatVnd(booth.priceVnd, lang)}</dd>
        {booth.producerName && (
          <>
            <dt>{t('booth.producer')}</dt>
            <dd>{booth.producerName}</dd>
          </>
        )}
        {booth.status === 'Held' && booth.holdExpiresAt && (
          <>
            <dt>{t('booth.holdExpires')}</dt>
            <dd>{formatDateTime(booth.holdExpiresAt, timeZone)}</dd>
          </>
        )}
      </dl>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {canManage && (
        <div className="panel__actions">
          {booth.status === 'Blocked' ? (
            <button type="button" className="btn" disabled={busy} onClick={onUnblock} data-testid="booth-unblock">
              {busy ? t('booth.working') : t('booth.unblock')}
            </button>
          ) : (
            <button
              type="button"
              className="btn btn--danger"
              disabled={busy}
              onClick={onBlock}
              data-testid="booth-block"
            >
              {busy ? t('booth.working') : t('booth.block')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
