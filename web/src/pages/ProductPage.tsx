import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../lib/api';
import {
  formatCapacity,
  formatIsoDate,
  formatPriceRange,
  isWebUrl,
  starsText,
  testIdPart,
} from '../lib/catalogue';
import { Link } from 'react-router';
import { useProductCard } from '../hooks/useProductCard';

/**
 * The public, printable OCOP product card that the QR code points to. No sign-in; the producer's contact shows to a
 * signed-in reader only, and with ?fair= the producer's booth at that fair.
 */
export function ProductPage({ productId }: { productId: string }) {
  const { t, i18n } = useTranslation();
  const card = useProductCard(productId);
  const { product, error, notFound, contact, booths, fairId } = card;
  const locale = i18n.language === 'en' ? 'en' : 'vi';

  useEffect(() => {
    if (product) document.title = `${product.name} · ${t('app.name')}`;
  }, [product, t]);

  if (error) {
    return (
      <main className="page">
        <p className="error" role="alert" data-testid="product-not-found">
          {notFound ? t('product.notFound') : errorMessage(error)}
        </p>
        {!notFound && (
          <button type="button" className="btn" onClick={card.retry}>
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
        {product.photoUrl && (
          <img
            className="product-card__photo"
            src={product.photoUrl}
            alt={t('card.photoAlt', { name: product.name })}
            data-testid="product-card-photo"
          />
        )}
        {product.description && (
          <p className="product-card__description" data-testid="product-card-description">
            {product.description}
          </p>
        )}
        {fairId && (
          <section className="product-card__booth" data-testid="product-card-booth">
            <h2>{t('card.boothAtFair')}</h2>
            {booths.length > 0 ? (
              <ul>
                {booths.map((b) => (
                  <li key={b.boothCode}>
                    <Link to={`/fairs/${encodeURIComponent(b.fairId)}?booth=${encodeURIComponent(b.boothCode)}`}>
                      {t('card.boothValue', { code: b.boothCode, zone: b.zoneName })}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('card.noBoothAtFair')}</p>
            )}
          </section>
        )}
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
            <dd data-testid="product-card-group">
              {card.groupName}
              {card.subGroupName ? ` · ${card.subGroupName}` : ''}
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
                <dt>{t('card.price')}</dt>
                <dd data-testid="product-card-price">{formatPriceRange(product.priceRange, locale, t)}</dd>
              </>
            )}
            <dt>{t('card.contact')}</dt>
            <dd data-testid="product-card-contact">
              {contact ? (
                <>
                  {contact.phone && (
                    <a href={`tel:${contact.phone.replace(/\s+/g, '')}`} className="nowrap">
                      {contact.phone}
                    </a>
                  )}
                  {contact.phone && contact.email && ' · '}
                  {contact.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>}
                </>
              ) : card.signedIn ? (
                <span className="muted">—</span>
              ) : (
                <span className="muted">
                  {t('card.signInForContact')}{' '}
                  <Link
                    to={`/login?next=${encodeURIComponent(`/products/${productId}${fairId ? `?fair=${fairId}` : ''}`)}`}
                    data-testid="product-card-sign-in"
                  >
                    {t('card.signIn')}
                  </Link>
                </span>
              )}
            </dd>
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
