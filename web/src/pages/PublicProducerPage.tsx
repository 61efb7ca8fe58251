import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePublicProducer } from '../hooks/usePublicProducer';
import { errorMessage } from '../lib/api';
import { formatIsoDate, isWebUrl, starsText, testIdPart } from '../lib/catalogue';
import { formatDateRange } from '../lib/format';

/** A producer's public page: profile, OCOP products with their certificates, booths at upcoming fairs, shops online. */
export function PublicProducerPage({ producerId }: { producerId: string }) {
  const { t } = useTranslation();
  const { producer, error, notFound, retry, fairs, fairsError } = usePublicProducer(producerId);

  useEffect(() => {
    if (producer) document.title = `${producer.name} · ${t('app.name')}`;
  }, [producer, t]);

  if (error) {
    return (
      <main className="page">
        <p className="error" role="alert" data-testid="producer-not-found">
          {notFound ? t('publicProducer.notFound') : errorMessage(error)}
        </p>
        {!notFound && (
          <button type="button" className="btn" onClick={retry}>
            {t('common.retry')}
          </button>
        )}
      </main>
    );
  }
  if (!producer) {
    return (
      <main className="page">
        <p className="muted">{t('common.loading')}</p>
      </main>
    );
  }

  const place = [producer.commune, producer.district, producer.province].filter(Boolean).join(', ');
  const shops = producer.shopLinks.filter((l) => isWebUrl(l.url));

  return (
    <main className="page public-producer" data-testid="public-producer">
      <header className="public-producer__head">
        <h1 data-testid="public-producer-name">{producer.name}</h1>
        <p className="muted">
          {t(`producerKind.${producer.kind}`, { defaultValue: producer.kind })} · {place}
        </p>
        {producer.description && <p className="public-producer__about">{producer.description}</p>}
        {(producer.phone || producer.email) && (
          <p className="public-producer__contact">
            <span className="muted">{t('publicProducer.contact')}: </span>
            {producer.phone && <a href={`tel:${producer.phone.replace(/[^\d+]/g, '')}`}>{producer.phone}</a>}
            {producer.phone && producer.email && ' · '}
            {producer.email && <a href={`mailto:${producer.email}`}>{producer.email}</a>}
          </p>
        )}
      </header>

      {shops.length > 0 && (
        <section className="section" aria-labelledby="shops-title" data-testid="public-producer-shops">
          <h2 id="shops-title">{t('publicProducer.shops')}</h2>
          <ul className="shop-links">
            {shops.map((link, i) => (
              <li key={`${link.platform}-${i}`}>
                <a
                  className={`btn shop-link shop-link--${testIdPart(link.platform)}`}
                  href={link.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  data-testid={`shop-link-${testIdPart(link.platform)}`}
                >
                  {t(`shopLinks.platform.${link.platform}`, { defaultValue: link.platform })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="section" aria-labelledby="fairs-title" data-testid="public-producer-fairs">
        <h2 id="fairs-title">{t('publicProducer.fairs')}</h2>
        {fairsError ? (
          <p className="error" role="alert">
            {errorMessage(fairsError)}
          </p>
        ) : !fairs ? (
          <p className="muted">{t('common.loading')}</p>
        ) : fairs.length === 0 ? (
          <p className="muted">{t('publicProducer.noFairs')}</p>
        ) : (
          <ul className="cards">
            {fairs.map((f) => (
              <li key={f.fairId} className="card public-producer__fair" data-testid={`producer-fair-${f.fairId}`}>
                <h3>
                  <Link to={`/fairs/${encodeURIComponent(f.fairId)}`}>{f.name}</Link>
                </h3>
                <p className="muted">
                  {f.venue} · <span className="nowrap">{formatDateRange(f.startsAt, f.endsAt, f.timeZone)}</span>
                </p>
                <p>
                  <strong>
                    {f.boothCodes.length > 0 ? t('publicProducer.booths', { codes: f.boothCodes.join(', ') }) : t('publicProducer.noBooth')}
                  </strong>
                </p>
                {f.boothCodes.length > 0 && (
                  <Link
                    className="btn"
                    to={`/fairs/${encodeURIComponent(f.fairId)}?exhibitor=${encodeURIComponent(producer.producerId)}&booth=${encodeURIComponent(f.boothCodes[0])}`}
                    data-testid={`producer-fair-map-${f.fairId}`}
                  >
                    {t('publicProducer.onMap')}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section" id="products" aria-labelledby="products-title" data-testid="public-producer-products">
        <h2 id="products-title">{t('publicProducer.products')}</h2>
        {producer.products.length === 0 ? (
          <p className="muted">{t('publicProducer.noProducts')}</p>
        ) : (
          <ul className="cards">
            {producer.products.map((p) => (
              <li key={p.productId} className="card public-producer__product" data-testid={`public-product-${p.productId}`}>
                <h3>
                  <Link to={`/products/${encodeURIComponent(p.productId)}`}>{p.name}</Link>
                </h3>
                <p>
                  <span className="stars" aria-label={t('publicProducer.stars', { count: p.stars })}>
                    {starsText(p.stars)}
                  </span>{' '}
                  <span className="muted">{t(`groups.${p.group}`, { defaultValue: p.group })}</span>
                </p>
                <p className="muted">{t('publicProducer.certificate', { no: p.certificateNo })}</p>
                <p className={p.expired ? 'error' : p.expiringSoon ? 'warn' : ''} data-testid="certificate-valid-until">
                  {p.expired
                    ? t('publicProducer.expired', { date: formatIsoDate(p.certificateExpiresOn) })
                    : t('publicProducer.validUntil', { date: formatIsoDate(p.certificateExpiresOn) })}
                </p>
                {p.certifications.length > 0 && <p className="tags">{p.certifications.join(' · ')}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

export default PublicProducerPage;
