import { useTranslation } from 'react-i18next';
import { useProductPhoto } from '../hooks/useProductPhoto';
import { PHOTO_TYPES } from '../lib/productCard';

/** The product's photo in its form: shown, replaced or removed at once (not with the form's Save). */
export function ProductPhotoField({ productId, productName }: { productId: string | null; productName: string }) {
  const { t } = useTranslation();
  const photo = useProductPhoto(productId);
  const inputId = `product-photo-${productId ?? 'new'}`;

  return (
    <fieldset className="fieldset" data-testid="product-photo">
      <legend>{t('card.photo')}</legend>
      {!productId ? (
        <p className="muted small">{t('card.photoAfterSave')}</p>
      ) : (
        <div className="photo-field">
          {photo.photoUrl ? (
            <img src={photo.photoUrl} alt={t('card.photoAlt', { name: productName })} data-testid="product-photo-preview" />
          ) : (
            <span className="muted small">{t('card.noPhoto')}</span>
          )}
          <label htmlFor={inputId} className="sr-only">
            {t('card.choosePhoto')}
          </label>
          <input
            id={inputId}
            type="file"
            accept={PHOTO_TYPES.join(',')}
            disabled={photo.busy}
            aria-describedby={`${inputId}-hint`}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void photo.upload(file);
              e.target.value = '';
            }}
            data-testid="product-photo-input"
          />
          {photo.photoUrl && (
            <button type="button" className="btn btn--small" onClick={() => void photo.remove()} disabled={photo.busy} data-testid="product-photo-remove">
              {t('card.removePhoto')}
            </button>
          )}
          <p id={`${inputId}-hint`} className="muted small">
            {t('card.photoHint')}
          </p>
          {photo.error && (
            <p className="error" role="alert" data-testid="product-photo-error">
              {photo.error}
            </p>
          )}
          {photo.message && (
            <p className="ok" role="status" data-testid="product-photo-status">
              {photo.message}
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}
