import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PageError } from '../components/PageError';
import { useDealVerification } from '../hooks/useDealVerification';
import { errorMessage } from '../lib/api';
import { formatQuantity, formatTonnes, otherUnits, showsPrices } from '../lib/dealDocument';
import { formatDate, formatVnd } from '../lib/format';
import type { Locale } from '../lib/types';

/**
 * What the QR on a printed deal opens, for anyone with a phone: whether the document is in the fair's ledger, its
 * kind, parties, date and status, and its products — prices only when both parties allowed them.
 */
export default function DealVerifyPage({ dealId }: { dealId: string }) {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'vi';
  const { loading, missing, error, verification: v } = useDealVerification(dealId);

  useEffect(() => {
    document.title = `${t('exports.verify.title')} · ${t('app.name')}`;
  }, [t]);

  if (error) return <PageError message={errorMessage(error)} />;
  if (loading) {
    return (
      <main className="page page--narrow">
        <p className="muted">{t('common.loading')}</p>
      </main>
    );
  }
  if (missing || !v) {
    return (
      <main className="page page--narrow deal-verify">
        <h1>{t('exports.verify.title')}</h1>
        <p className="error" role="alert" data-testid="verify-missing">
          {t('exports.verify.missing')}
        </p>
        <p className="muted">
          {t('exports.verify.id')}: <code>{dealId}</code>
        </p>
      </main>
    );
  }

  const prices = showsPrices(v);
  const others = otherUnits(v.otherUnits)
    .map(([unit, amount]) => `${formatQuantity(amount, locale)} ${t(`units.${unit}`, { defaultValue: unit })}`)
    .join('; ');
  const live = v.status === 'Signed' || v.status === 'Active';
  return (
    <main className="page page--narrow deal-verify" data-testid="deal-verify">
      <h1>{t('exports.verify.title')}</h1>
      <p className={live ? 'ok' : 'error'} role="status" data-testid="verify-status">
        {live ? t('exports.verify.genuine') : t(`exports.status.${v.status}`)}
      </p>
      <dl className="deal-verify__facts">
        <dt>{t('exports.verify.kind')}</dt>
        <dd data-testid="verify-kind">{t(`exports.kind.${v.kind}`)}</dd>
        <dt>{t('exports.verify.status')}</dt>
        <dd>
          <strong>{t(`exports.status.${v.status}`)}</strong> · {t('exports.verify.version')} {v.version}
        </dd>
        <dt>{t('exports.verify.seller')}</dt>
        <dd data-testid="verify-seller">
          {v.producerName}
          {(v.producerDistrict || v.producerProvince) && (
            <span className="muted"> — {[v.producerDistrict, v.producerProvince].filter(Boolean).join(', ')}</span>
          )}
        </dd>
        <dt>{t('exports.verify.buyer')}</dt>
        <dd data-testid="verify-buyer">{v.buyerOrganisation}</dd>
        {v.fairName && (
          <>
            <dt>{t('exports.verify.fair')}</dt>
            <dd>{v.fairName}</dd>
          </>
        )}
        <dt>{t('exports.verify.signedAt')}</dt>
        <dd data-testid="verify-signed-at">{v.signedAt ? formatDate(v.signedAt) : '—'}</dd>
        {v.tonnes > 0 && (
          <>
            <dt>{t('exports.verify.tonnes')}</dt>
            <dd>{t('exports.verify.tonnesValue', { tonnes: formatTonnes(v.tonnes, locale) })}</dd>
          </>
        )}
        {prices && (
          <>
            <dt>{t('exports.verify.value')}</dt>
            <dd data-testid="verify-value">{formatVnd(v.vnd ?? 0, locale)}</dd>
          </>
        )}
        <dt>{t('exports.verify.id')}</dt>
        <dd>
          <code>{v.dealId}</code>
        </dd>
      </dl>
      <h2>{t('exports.verify.products')}</h2>
      <ul className="deal-verify__lines" data-testid="verify-lines">
        {v.lines.map((line, i) => (
          <li key={i}>
            <strong>{line.productName}</strong> — {formatQuantity(line.quantity, locale)} {t(`units.${line.unit}`, { defaultValue: line.unit })}
            {line.months ? ` × ${t('exports.report.months', { count: line.months })}` : ''}
            {prices && line.unitPriceVnd != null && <span className="muted"> · {formatVnd(line.unitPriceVnd, locale)}</span>}
          </li>
        ))}
      </ul>
      {others && <p className="muted">{t('exports.doc.others', { list: others })}</p>}
      {!prices && (
        <p className="muted" data-testid="verify-prices-hidden">
          {t('exports.verify.pricesHidden')}
        </p>
      )}
    </main>
  );
}
