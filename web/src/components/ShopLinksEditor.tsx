import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../lib/catalogue';
import { MAX_PROFILE_SHOP_LINKS, platformOf } from '../lib/shopLinks';
import { FieldError } from './FieldError';

/** The producer's shop addresses, one per row, each with the platform it is recognised as. */
export function ShopLinksEditor({
  rows,
  onChange,
  errors,
}: {
  rows: readonly string[];
  onChange: (rows: string[]) => void;
  /** Keyed `shopLinks[i].url` by row (rows are sent as they stand, blank ones dropped first). */
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const set = (i: number, value: string) => onChange(rows.map((r, j) => (j === i ? value : r)));
  return (
    <fieldset className="fieldset shop-links-editor" data-testid="profile-shop-links">
      <legend>{t('shopLinks.title')}</legend>
      <p className="muted hint">{t('shopLinks.hint')}</p>
      {rows.map((row, i) => {
        const platform = platformOf(row);
        const field = `shopLinks[${i}].url`;
        return (
          <div key={i} className="shop-links-editor__row">
            <label className="field">
              <span>
                {t('shopLinks.url', { n: i + 1 })}
                {platform && (
                  <span className="badge shop-links-editor__platform" data-testid={`profile-shop-platform-${i}`}>
                    {t(`shopLinks.platform.${platform}`)}
                  </span>
                )}
              </span>
              <input
                type="url"
                inputMode="url"
                value={row}
                maxLength={500}
                placeholder="https://"
                onChange={(e) => set(i, e.target.value)}
                aria-invalid={errors[field] ? true : undefined}
                data-testid={`profile-shop-url-${i}`}
              />
              <FieldError errors={errors} field={field} />
              <FieldError errors={errors} field={`shopLinks[${i}].platform`} />
            </label>
            <button
              type="button"
              className="btn btn--ghost shop-links-editor__remove"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
              aria-label={t('shopLinks.remove', { n: i + 1 })}
            >
              ×
            </button>
          </div>
        );
      })}
      <FieldError errors={errors} field="shopLinks" />
      {rows.length < MAX_PROFILE_SHOP_LINKS && (
        <button type="button" className="btn" onClick={() => onChange([...rows, ''])} data-testid="profile-shop-add">
          {t('shopLinks.add')}
        </button>
      )}
    </fieldset>
  );
}
