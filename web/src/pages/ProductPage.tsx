import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api, errorMessage } from '../lib/api';
import {
  formatCapacity,
  formatIsoDate,
  formatPriceRange,
  isWebUrl,
  starsText,
  testIdPart,
} from '../lib/catalogue';
import { Link } from 'react-router';
import { productQuery } from '../lib/queries';

/** The public, printable OCOP product card that the QR code points to. No sign-in. */
export function ProductPage({ productId }: { productId: string }) {
  const { t, i18n } = useTranslation();
  const { data: product, error, refetch } = useQuery(productQuery(productId));
  const locale = i18n.language === 'en' ? 'en' : 'vi';

  useEffect(() => {
    if (product) document.title = `${product.name} · ${t('app.name')}`;
  }, [product, t]);

  if (error) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <main className="page">
        <p className="error" role="alert" data-testid="product-not-found">
          {notFound ? t('product.notFound') : errorMessage(error)}
        </p>
        {!notFound && (
          <button type="button" className="btn" onClick={() => void refetch()}>
            {t('common.retry')}
          </button>
        )}
      </main>
    );
  }
  if (!product) {
    return (
      <main className="page">
        <p className="muted">{t('common.loading')}</p>
      </main>
    );
  }

  const producerName = product.producer?.name ?? product.producerName ?? '';
  const district = product.producer?.district ?? product.district ?? '';
  const province = product.producer?.province ?? '';
  const links = (product.shopLinks ?? []).filter((l) => isWebUrl(l.url));

  return (
    <main className="page page--card">
      <article className="product-card" data-testid="product-card">
        <header className="product-card__head">
          <p className="product-card__brand">OCOP</p>
          <h1 data-testid="product-card-name">{product.name}</h1>
          <p className="product-card__stars" data-testid="product-card-stars" data-stars={product.stars}>
            <span aria-hidden="true">{starsText(product.stars)}</span>
            <span className="product-card__stars-text">{t('product.starsValue', { count: product.stars })}</span>
          </p>
        </header>
        <div className="product-card__body">
          <dl className="facts">
            <dt>{t('product.producer')}</dt>
            <dd data-testid="product-card-producer">
              {producerName}
              {product.producer?.kind && (
                <span className="muted"> ({t(`producerKind.${product.producer.kind}`, { defaultValue: product.producer.kind })})</span>
              )}
            </dd>
            <dt>{t('product.district')}</dt>
            <dd data-testid="product-card-district">{[district, province].filter(Boolean).join(', ')}</dd>
            <dt>{t('product.group')}</dt>
            <dd>
              {t(`groups.${product.group}`, { defaultValue: product.group })}
              {product.subGroup ? ` · ${product.subGroup}` : ''}
            </dd>
            <dt>{t('product.certificateNo')}</dt>
            <dd data-testid="product-card-certificate">
              {product.certificateNo}
              {product.certificateLevel && (
                <span className="muted"> · {t(`certificateLevel.${product.certificateLevel}`, { defaultValue: product.certificateLevel })}</span>
              )}
            </dd>
            <dt>{t('product.certifiedOn')}</dt>
            <dd>{formatIsoDate(product.certifiedOn)}</dd>
            <dt>{t('product.certificateExpiresOn')}</dt>
            <dd data-testid="product-card-expiry">
              {formatIsoDate(product.certificateExpiresOn)}
              {product.expired ? (
                <>
                  {' '}
                  <span className="badge badge--expired">{t('product.expired')}</span>
                </>
              ) : product.expiringSoon ? (
                <>
                  {' '}
                  <span className="badge badge--expiringSoon">{t('product.expiringSoon')}</span>
                </>
              ) : null}
            </dd>
            {product.certifications?.length > 0 && (
              <>
                <dt>{t('product.certifications')}</dt>
                <dd data-testid="product-card-certifications">
                  {product.certifications.map((c) => (
                    <span key={c} className="tag">
                      {t(`certifications.${testIdPart(c)}`, { defaultValue: c })}
                    </span>
                  ))}
                </dd>
              </>
            )}
            {product.capacityPerMonth && (
              <>
                <dt>{t('product.capacity')}</dt>
                <dd>{formatCapacity(product.capacityPerMonth, locale, t)}</dd>
              </>
            )}
            {product.priceRange && (
              <>
                <dt>{t('product.priceRange')}</dt>
                <dd>{formatPriceRange(product.priceRange, locale, t)}</dd>
              </>
            )}
          </dl>
          <figure className="product-card__qr">
            <img
              src={api.productQrUrl(product.productId)}
              alt={t('product.qrAlt', { name: product.name })}
              width={160}
              height={160}
              loading="lazy"
              data-testid="product-qr"
            />
            <figcaption className="muted small">{t('product.qrCaption')}</figcaption>
          </figure>
        </div>
        {links.length > 0 && (
          <section className="product-card__shops">
            <h2>{t('product.buyOnline')}</h2>
            <ul className="shop-links">
              {links.map((l, i) => (
                <li key={`${l.platform}-${i}`}>
                  <a href={l.url} target="_blank" rel="noopener noreferrer" data-testid={`shop-link-${i}`}>
                    {l.platform === 'Website' ? t('product.website') : l.platform}
                  </a>
                  <span className="muted small shop-links__url"> {l.url}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </article>
      <p className="no-print card-actions">
        <button type="button" className="btn" onClick={() => window.print()} data-testid="print-card">
          {t('product.print')}
        </button>{' '}
        <Link to="/">{t('nav.fairs')}</Link>
      </p>
    </main>
  );
}

export default ProductPage;
