// The producer's catalogue: codes the API accepts, the product form's text
// fields turned into the API body (and back), certificate dates shown as
// dd/MM/yyyy, and the small formatters the product card uses. All pure.

import { formatNumber, formatVnd } from './format';
import type {
  CertificateLevel,
  Locale,
  Product,
  ProductGroup,
  ProductInput,
  ProducerKind,
  ProducerProfileInput,
  ShopPlatform,
} from './types';

export const PRODUCT_GROUPS: readonly ProductGroup[] = ['Food', 'Beverages', 'Herbal', 'Handicrafts', 'Ornamental', 'Tourism'];
export const PRODUCER_KINDS: readonly ProducerKind[] = ['Cooperative', 'Enterprise', 'Household'];
export const CERTIFICATE_LEVELS: readonly CertificateLevel[] = ['District', 'Province', 'Central'];
export const CERTIFICATIONS: readonly string[] = ['VietGAP', 'HACCP', 'Organic', 'ISO 22000'];
export const SHOP_PLATFORMS: readonly ShopPlatform[] = ['Postmart', 'Voso', 'Shopee', 'Sendo', 'Website'];
export const UNITS: readonly string[] = ['g', 'kg', 'yen', 'ta', 'tan', 'ml', 'l', 'box', 'bottle', 'pack', 'piece', 'head'];
export const STARS: readonly number[] = [3, 4, 5];
/** Decision 148/QĐ-TTg (2023): the group list new products are filed under. */
export const CURRENT_GROUP_RULE = 'QD148-2023';
/** An OCOP certificate lasts 36 months from the recognition decision. */
export const CERTIFICATE_MONTHS = 36;
export const MAX_SHOP_LINKS = 10;

/** A form field id safe for data-testid ("ISO 22000" → "ISO-22000"). */
export function testIdPart(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]+/g, '-');
}

// Dates: certificates carry calendar dates (yyyy-MM-dd) with no time zone.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2025-03-14" → "14/03/2025"; anything else is returned as it came. */
export function formatIsoDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = ISO_DATE.exec(value.slice(0, 10));
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/** The date `months` later, clamped to the month's last day (2024-02-29 + 12 → 2025-02-28). */
export function addMonths(isoDate: string, months: number): string | null {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]) - 1 + months;
  const day = Number(m[3]);
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const d = new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)));
  return d.toISOString().slice(0, 10);
}

/** The expiry the server assumes when none is given: 36 months after recognition. */
export function defaultExpiry(certifiedOn: string): string | null {
  return addMonths(certifiedOn, CERTIFICATE_MONTHS);
}

export type ExpiryState = 'expired' | 'expiringSoon' | null;

/** What the catalogue warns about: the server's flags decide. */
export function expiryState(product: Pick<Product, 'expired' | 'expiringSoon'>): ExpiryState {
  if (product.expired) return 'expired';
  if (product.expiringSoon) return 'expiringSoon';
  return null;
}

// Numbers typed by people: "1.250.000", "1 250 000", "1,5".

/** A whole VND amount typed with any grouping; null when blank, NaN when not a number. */
export function parseVndInput(text: string): number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const digits = trimmed.replace(/[\s.,₫]/g, '').replace(/^VND/i, '');
  return /^\d{1,15}$/.test(digits) ? Number(digits) : NaN;
}

/** A quantity with an optional decimal comma or point; null when blank, NaN when not a number. */
export function parseQuantityInput(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '');
  if (!trimmed) return null;
  return /^\d+([.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : NaN;
}

/** Only web addresses may become links on the public card. */
export function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

// The profile form.

export interface ProfileForm {
  name: string;
  kind: ProducerKind;
  province: string;
  district: string;
  commune: string;
  puc: string;
  phone: string;
  email: string;
  description: string;
}

export function profileToForm(p: Partial<ProducerProfileInput> | null | undefined): ProfileForm {
  return {
    name: p?.name ?? '',
    kind: p?.kind ?? 'Cooperative',
    province: p?.province ?? '',
    district: p?.district ?? '',
    commune: p?.commune ?? '',
    puc: p?.puc ?? '',
    phone: p?.phone ?? '',
    email: p?.email ?? '',
    description: p?.description ?? '',
  };
}

const blankToNull = (s: string) => (s.trim() ? s.trim() : null);

export function formToProfile(f: ProfileForm): ProducerProfileInput {
  return {
    name: f.name.trim(),
    kind: f.kind,
    province: f.province.trim(),
    district: f.district.trim(),
    commune: f.commune.trim(),
    puc: blankToNull(f.puc),
    phone: blankToNull(f.phone),
    email: blankToNull(f.email),
    description: blankToNull(f.description),
  };
}

// The product form: every field is text until it is sent.

export interface ShopLinkForm {
  platform: string;
  url: string;
}

export interface ProductForm {
  name: string;
  group: ProductGroup;
  subGroup: string;
  stars: string;
  certificateNo: string;
  certificateLevel: CertificateLevel;
  certifiedOn: string;
  certificateExpiresOn: string;
  certifications: string[];
  capacityQuantity: string;
  capacityUnit: string;
  priceMin: string;
  priceMax: string;
  priceUnit: string;
  shopLinks: ShopLinkForm[];
  description: string;
}

export function emptyProductForm(): ProductForm {
  return {
    name: '',
    group: 'Food',
    subGroup: '',
    stars: '3',
    certificateNo: '',
    certificateLevel: 'Province',
    certifiedOn: '',
    certificateExpiresOn: '',
    certifications: [],
    capacityQuantity: '',
    capacityUnit: 'kg',
    priceMin: '',
    priceMax: '',
    priceUnit: 'kg',
    shopLinks: [],
    description: '',
  };
}

export function productToForm(p: Product): ProductForm {
  return {
    name: p.name,
    group: p.group,
    subGroup: p.subGroup ?? '',
    stars: String(p.stars),
    certificateNo: p.certificateNo,
    certificateLevel: p.certificateLevel,
    certifiedOn: p.certifiedOn?.slice(0, 10) ?? '',
    certificateExpiresOn: p.certificateExpiresOn?.slice(0, 10) ?? '',
    certifications: [...(p.certifications ?? [])],
    capacityQuantity: p.capacityPerMonth ? String(p.capacityPerMonth.quantity) : '',
    capacityUnit: p.capacityPerMonth?.unit ?? 'kg',
    priceMin: p.priceRange ? String(p.priceRange.min) : '',
    priceMax: p.priceRange ? String(p.priceRange.max) : '',
    priceUnit: p.priceRange?.unit ?? p.capacityPerMonth?.unit ?? 'kg',
    shopLinks: (p.shopLinks ?? []).map((l) => ({ platform: l.platform, url: l.url })),
    description: p.description ?? '',
  };
}

/** Field errors as i18n codes, keyed by the API's camelCase field paths. */
export type FieldErrors = Record<string, string[]>;

export interface ProductFormResult {
  input: ProductInput;
  errors: FieldErrors;
}

/**
 * Turns the form into the API body and checks what the browser can check
 * (the server checks again and has the last word). Error values are codes
 * under `fieldErrors.` in the translations.
 */
export function formToProductInput(f: ProductForm): ProductFormResult {
  const errors: FieldErrors = {};
  const add = (field: string, code: string) => (errors[field] ??= []).push(code);

  const name = f.name.trim();
  if (!name) add('name', 'required');
  const certificateNo = f.certificateNo.trim();
  if (!certificateNo) add('certificateNo', 'required');
  const stars = Number(f.stars);
  if (!STARS.includes(stars)) add('stars', 'starsOutOfRange');
  if (!ISO_DATE.test(f.certifiedOn)) add('certifiedOn', 'required');
  const expires = f.certificateExpiresOn.trim();
  if (expires && !ISO_DATE.test(expires)) add('certificateExpiresOn', 'invalidDate');
  else if (expires && ISO_DATE.test(f.certifiedOn) && expires < f.certifiedOn)
    add('certificateExpiresOn', 'expiresBeforeCertified');

  const quantity = parseQuantityInput(f.capacityQuantity);
  if (quantity !== null && (!Number.isFinite(quantity) || quantity <= 0)) add('capacityPerMonth.quantity', 'invalidNumber');

  const min = parseVndInput(f.priceMin);
  const max = parseVndInput(f.priceMax);
  if (min !== null && Number.isNaN(min)) add('priceRange.min', 'invalidNumber');
  if (max !== null && Number.isNaN(max)) add('priceRange.max', 'invalidNumber');
  const priceGiven = min !== null || max !== null;
  const lo = min ?? max;
  const hi = max ?? min;
  if (priceGiven && lo !== null && hi !== null && !Number.isNaN(lo) && !Number.isNaN(hi) && hi < lo)
    add('priceRange', 'invalidPriceRange');

  // Client errors name the form's row; blank rows are not sent.
  f.shopLinks.forEach((l, i) => {
    if (l.url.trim() !== '' && !isWebUrl(l.url.trim())) add(`shopLinks[${i}].url`, 'invalidUrl');
  });
  const links = f.shopLinks.filter((l) => l.url.trim() !== '');
  if (links.length > MAX_SHOP_LINKS) add('shopLinks', 'tooMany');

  const input: ProductInput = {
    name,
    group: f.group,
    subGroup: blankToNull(f.subGroup),
    description: blankToNull(f.description),
    stars,
    certificateNo,
    certificateLevel: f.certificateLevel,
    certifiedOn: f.certifiedOn,
    certificateExpiresOn: expires || null,
    certifications: CERTIFICATIONS.filter((c) => f.certifications.includes(c)).concat(
      f.certifications.filter((c) => !CERTIFICATIONS.includes(c)),
    ),
    capacityPerMonth:
      quantity !== null && Number.isFinite(quantity) ? { quantity, unit: f.capacityUnit } : null,
    priceRange:
      priceGiven && lo !== null && hi !== null && !Number.isNaN(lo) && !Number.isNaN(hi)
        ? { min: lo, max: hi, unit: f.priceUnit }
        : null,
    shopLinks: links.map((l) => ({ platform: l.platform, url: l.url.trim() })),
  };
  return { input, errors };
}

/** Where a shop-link error in the form's rows belongs once blank rows are skipped. */
export function shopLinkRowIndex(rows: ShopLinkForm[], sentIndex: number): number {
  let seen = -1;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].url.trim() === '') continue;
    seen++;
    if (seen === sentIndex) return i;
  }
  return sentIndex;
}

// Display.

/** 4 → "★★★★". */
export function starsText(stars: number): string {
  const n = Math.max(0, Math.min(5, Math.round(stars)));
  return '★'.repeat(n);
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function unitName(unit: string, t: Translate): string {
  return t(`units.${unit}`, { defaultValue: unit });
}

/** "2 tấn/tháng" / "2 tan per month". */
export function formatCapacity(
  capacity: { quantity: number; unit: string } | null | undefined,
  locale: Locale | string,
  t: Translate,
): string {
  if (!capacity) return '';
  return t('product.perMonth', { amount: formatNumber(capacity.quantity, locale, 3), unit: unitName(capacity.unit, t) });
}

/** "50.000 ₫ – 80.000 ₫ / kg", or one price when min = max. */
export function formatPriceRange(
  range: { min: number; max: number; unit: string } | null | undefined,
  locale: Locale | string,
  t: Translate,
): string {
  if (!range) return '';
  const amount =
    range.min === range.max
      ? formatVnd(range.min, locale)
      : `${formatVnd(range.min, locale)} – ${formatVnd(range.max, locale)}`;
  return t('product.perUnit', { amount, unit: unitName(range.unit, t) });
}
