import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../lib/api';
import {
  CERTIFICATE_LEVELS,
  CERTIFICATIONS,
  MAX_SHOP_LINKS,
  PRODUCT_GROUPS,
  SHOP_PLATFORMS,
  STARS,
  UNITS,
  defaultExpiry,
  emptyProductForm,
  formToProductInput,
  formatIsoDate,
  productToForm,
  shopLinkRowIndex,
  testIdPart,
  unitName,
  type FieldErrors,
  type ProductForm as Form,
} from '../lib/catalogue';
import { fieldErrorsOf, unplacedErrors } from '../lib/forms';
import type { Product } from '../lib/types';
import { FieldError } from './FieldError';
import { ProductPhotoField } from './ProductPhotoField';
import { SUB_GROUPS, isKnownSubGroup, subGroupName } from '../lib/productCard';

const OTHER = '__other';

interface Props {
  product: Product | null;
  onSaved: (product: Product) => void;
  onCancel: () => void;
}

const SHOWN_FIELDS = [
  'name',
  'group',
  'subGroup',
  'stars',
  'certificateNo',
  'certificateLevel',
  'certifiedOn',
  'certificateExpiresOn',
  'certifications',
  'capacityPerMonth',
  'capacityPerMonth.quantity',
  'capacityPerMonth.unit',
  'priceRange',
  'priceRange.min',
  'priceRange.max',
  'priceRange.unit',
  'shopLinks',
  'description',
];

/** Server keys for shop links count only the rows sent; point them at the form's rows. */
function placeShopLinkErrors(errors: FieldErrors, rows: Form['shopLinks']): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, messages] of Object.entries(errors)) {
    const m = /^shopLinks\[(\d+)\](.*)$/.exec(key);
    const placed = m ? `shopLinks[${shopLinkRowIndex(rows, Number(m[1]))}]${m[2]}` : key;
    (out[placed] ??= []).push(...messages);
  }
  return out;
}

/** A unit of measure, named in the reader's language (capacity and price share the list). */
function UnitSelect({ value, onChange, testId }: { value: string; onChange: (unit: string) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
      {UNITS.map((u) => (
        <option key={u} value={u}>
          {unitName(u, t)}
        </option>
      ))}
    </select>
  );
}

export function ProductForm({ product, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Form>(() => (product ? productToForm(product) : emptyProductForm()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A sub-group not among those offered for the group was typed in: keep it editable as typed.
  const [otherSubGroup, setOtherSubGroup] = useState(() => form.subGroup !== '' && !isKnownSubGroup(form.group, form.subGroup));

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setLink = (index: number, patch: Partial<Form['shopLinks'][number]>) =>
    setForm((f) => ({ ...f, shopLinks: f.shopLinks.map((l, i) => (i === index ? { ...l, ...patch } : l)) }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { input, errors: local } = formToProductInput(form);
    setError(null);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      const saved = product ? await api.updateProduct(product.productId, input) : await api.addProduct(input);
      setErrors({});
      onSaved(saved);
    } catch (e) {
      const fields = placeShopLinkErrors(fieldErrorsOf(e), form.shopLinks);
      setErrors(fields);
      const linkKeys = form.shopLinks.flatMap((_, i) => [`shopLinks[${i}].url`, `shopLinks[${i}].platform`]);
      const rest = unplacedErrors(fields, [...SHOWN_FIELDS, ...linkKeys]);
      setError(rest.length ? rest.join(' ') : Object.keys(fields).length ? t('form.fixErrors') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const described = (field: string) => (errors[field] ? `err-product-${field}` : undefined);
  const expiryHint = form.certifiedOn ? defaultExpiry(form.certifiedOn) : null;

  return (
    <form className="form card" onSubmit={submit} noValidate data-testid="product-form">
      <h3>{product ? t('catalogue.editTitle', { name: product.name }) : t('catalogue.addTitle')}</h3>
      <label className="field">
        <span>{t('product.name')} *</span>
        <input
          value={form.name}
          onChange={(e) => set('name', e.target.value)}
          maxLength={200}
          aria-invalid={!!errors.name}
          aria-describedby={described('name')}
          data-testid="product-name"
        />
        <FieldError errors={errors} field="name" id="err-product-name" />
      </label>
      <div className="form__row">
        <label className="field">
          <span>{t('product.group')}</span>
          <select
            value={form.group}
            onChange={(e) => {
              const group = e.target.value as Form['group'];
              // A sub-group offered for the old group means nothing in the new one; a typed one stays.
              setForm((f) => ({ ...f, group, subGroup: otherSubGroup || isKnownSubGroup(group, f.subGroup) ? f.subGroup : '' }));
            }}
            data-testid="product-group"
          >
            {PRODUCT_GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`groups.${g}`)}
              </option>
            ))}
          </select>
          <FieldError errors={errors} field="group" />
        </label>
        <div className="field">
          <label htmlFor="product-subgroup-select">{t('product.subGroup')}</label>
          <select
            id="product-subgroup-select"
            value={otherSubGroup ? OTHER : form.subGroup}
            onChange={(e) => {
              const value = e.target.value;
              setOtherSubGroup(value === OTHER);
              set('subGroup', value === OTHER ? '' : value);
            }}
            data-testid="product-subgroup"
          >
            <option value="">{t('card.subGroupNone')}</option>
            {(SUB_GROUPS[form.group] ?? []).map((code) => (
              <option key={code} value={code}>
                {subGroupName(code, t)}
              </option>
            ))}
            <option value={OTHER}>{t('card.subGroupOther')}</option>
          </select>
          {otherSubGroup && (
            <input
              value={form.subGroup}
              onChange={(e) => set('subGroup', e.target.value)}
              maxLength={60}
              aria-label={t('card.subGroupOther')}
              data-testid="product-subgroup-other"
            />
          )}
          <FieldError errors={errors} field="subGroup" />
        </div>
      </div>
      <div className="form__row">
        <label className="field">
          <span>{t('product.stars')}</span>
          <select value={form.stars} onChange={(e) => set('stars', e.target.value)} data-testid="product-stars">
            {STARS.map((s) => (
              <option key={s} value={String(s)}>
                {t('product.starsValue', { count: s })}
              </option>
            ))}
          </select>
          <FieldError errors={errors} field="stars" />
        </label>
        <label className="field">
          <span>{t('product.certificateLevel')}</span>
          <select
            value={form.certificateLevel}
            onChange={(e) => set('certificateLevel', e.target.value as Form['certificateLevel'])}
            data-testid="product-certificate-level"
          >
            {CERTIFICATE_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`certificateLevel.${l}`)}
              </option>
            ))}
          </select>
          <FieldError errors={errors} field="certificateLevel" />
        </label>
      </div>
      <label className="field">
        <span>{t('product.certificateNo')} *</span>
        <input
          value={form.certificateNo}
          onChange={(e) => set('certificateNo', e.target.value)}
          maxLength={60}
          aria-invalid={!!errors.certificateNo}
          aria-describedby={described('certificateNo')}
          data-testid="product-certificate-no"
        />
        <FieldError errors={errors} field="certificateNo" id="err-product-certificateNo" />
      </label>
      <div className="form__row">
        <label className="field">
          <span>{t('product.certifiedOn')} *</span>
          <input
            type="date"
            value={form.certifiedOn}
            onChange={(e) => set('certifiedOn', e.target.value)}
            aria-invalid={!!errors.certifiedOn}
            aria-describedby={described('certifiedOn')}
            data-testid="product-certified-on"
          />
          <FieldError errors={errors} field="certifiedOn" id="err-product-certifiedOn" />
        </label>
        <label className="field">
          <span>{t('product.certificateExpiresOn')}</span>
          <input
            type="date"
            value={form.certificateExpiresOn}
            min={form.certifiedOn || undefined}
            onChange={(e) => set('certificateExpiresOn', e.target.value)}
            aria-invalid={!!errors.certificateExpiresOn}
            aria-describedby={described('certificateExpiresOn')}
            data-testid="product-expires-on"
          />
          {!form.certificateExpiresOn && expiryHint && (
            <span className="field__hint">{t('catalogue.defaultExpiry', { date: formatIsoDate(expiryHint) })}</span>
          )}
          <FieldError errors={errors} field="certificateExpiresOn" id="err-product-certificateExpiresOn" />
        </label>
      </div>
      <fieldset className="field fieldset">
        <legend>{t('product.certifications')}</legend>
        <div className="checks">
          {CERTIFICATIONS.map((c) => (
            <label key={c} className="check">
              <input
                type="checkbox"
                checked={form.certifications.includes(c)}
                onChange={() =>
                  set(
                    'certifications',
                    form.certifications.includes(c) ? form.certifications.filter((x) => x !== c) : [...form.certifications, c],
                  )
                }
                data-testid={`product-cert-${testIdPart(c)}`}
              />
              {t(`certifications.${testIdPart(c)}`, { defaultValue: c })}
            </label>
          ))}
        </div>
        <FieldError errors={errors} field="certifications" />
      </fieldset>
      <fieldset className="field fieldset">
        <legend>{t('product.capacity')}</legend>
        <div className="form__row">
          <label className="field">
            <span>{t('product.quantity')}</span>
            <input
              inputMode="decimal"
              value={form.capacityQuantity}
              onChange={(e) => set('capacityQuantity', e.target.value)}
              data-testid="product-capacity-quantity"
            />
          </label>
          <label className="field">
            <span>{t('product.unit')}</span>
            <UnitSelect value={form.capacityUnit} onChange={(unit) => set('capacityUnit', unit)} testId="product-capacity-unit" />
          </label>
        </div>
        <FieldError errors={errors} field="capacityPerMonth" />
        <FieldError errors={errors} field="capacityPerMonth.quantity" />
        <FieldError errors={errors} field="capacityPerMonth.unit" />
      </fieldset>
      <fieldset className="field fieldset">
        <legend>{t('product.priceRange')}</legend>
        <div className="form__row form__row--3">
          <label className="field">
            <span>{t('product.priceMin')}</span>
            <input inputMode="numeric" value={form.priceMin} onChange={(e) => set('priceMin', e.target.value)} data-testid="product-price-min" />
          </label>
          <label className="field">
            <span>{t('product.priceMax')}</span>
            <input inputMode="numeric" value={form.priceMax} onChange={(e) => set('priceMax', e.target.value)} data-testid="product-price-max" />
          </label>
          <label className="field">
            <span>{t('product.perUnitLabel')}</span>
            <UnitSelect value={form.priceUnit} onChange={(unit) => set('priceUnit', unit)} testId="product-price-unit" />
          </label>
        </div>
        <FieldError errors={errors} field="priceRange" />
        <FieldError errors={errors} field="priceRange.min" />
        <FieldError errors={errors} field="priceRange.max" />
        <FieldError errors={errors} field="priceRange.unit" />
      </fieldset>
      <fieldset className="field fieldset">
        <legend>{t('product.shopLinks')}</legend>
        {form.shopLinks.map((link, i) => (
          <div key={i} className="shop-link-row">
            <select
              value={link.platform}
              onChange={(e) => setLink(i, { platform: e.target.value })}
              aria-label={t('product.platform')}
              data-testid={`shop-link-platform-${i}`}
            >
              {SHOP_PLATFORMS.map((p) => (
                <option key={p} value={p}>
                  {p === 'Website' ? t('product.website') : p}
                </option>
              ))}
            </select>
            <input
              type="url"
              inputMode="url"
              placeholder="https://"
              value={link.url}
              onChange={(e) => setLink(i, { url: e.target.value })}
              aria-label={t('product.url')}
              aria-invalid={!!errors[`shopLinks[${i}].url`]}
              data-testid={`shop-link-url-${i}`}
            />
            <button
              type="button"
              className="btn btn--small"
              onClick={() => set('shopLinks', form.shopLinks.filter((_, j) => j !== i))}
              aria-label={t('product.removeLink')}
              data-testid={`remove-shop-link-${i}`}
            >
              ✕
            </button>
            <FieldError errors={errors} field={`shopLinks[${i}].url`} />
            <FieldError errors={errors} field={`shopLinks[${i}].platform`} />
          </div>
        ))}
        {form.shopLinks.length < MAX_SHOP_LINKS && (
          <button
            type="button"
            className="btn btn--small"
            onClick={() => set('shopLinks', [...form.shopLinks, { platform: 'Postmart', url: '' }])}
            data-testid="add-shop-link"
          >
            + {t('product.addLink')}
          </button>
        )}
        <FieldError errors={errors} field="shopLinks" />
      </fieldset>
      <label className="field">
        <span>{t('card.description')}</span>
        <textarea
          rows={4}
          maxLength={4000}
          value={form.description}
          onChange={(e) => set('description', e.target.value)}
          aria-invalid={!!errors.description}
          data-testid="product-description"
        />
        <FieldError errors={errors} field="description" />
      </label>
      <ProductPhotoField productId={product?.productId ?? null} productName={product?.name ?? form.name} />
      {error && (
        <p className="error" role="alert" data-testid="product-error">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid="product-save">
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={busy} data-testid="product-cancel">
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
