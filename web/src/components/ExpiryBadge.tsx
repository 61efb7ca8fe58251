import { useTranslation } from 'react-i18next';
import { expiryState, formatIsoDate } from '../lib/catalogue';
import type { Product } from '../lib/types';

/** Warns when a product's OCOP certificate has lapsed or ends within 90 days. */
export function ExpiryBadge({ product }: { product: Pick<Product, 'productId' | 'expired' | 'expiringSoon' | 'certificateExpiresOn'> }) {
  const { t } = useTranslation();
  const state = expiryState(product);
  if (!state) return null;
  return (
    <span
      className={`badge badge--${state}`}
      data-testid={`expiry-warning-${product.productId}`}
      data-state={state}
      title={formatIsoDate(product.certificateExpiresOn)}
    >
      ⚠ {t(`catalogue.${state}`, { date: formatIsoDate(product.certificateExpiresOn) })}
    </span>
  );
}
