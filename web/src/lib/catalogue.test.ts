import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import {
  addMonths,
  defaultExpiry,
  emptyProductForm,
  expiryState,
  formToProductInput,
  formToProfile,
  formatCapacity,
  formatIsoDate,
  formatPriceRange,
  isWebUrl,
  parseQuantityInput,
  parseVndInput,
  productToForm,
  profileToForm,
  shopLinkRowIndex,
  starsText,
  testIdPart,
} from './catalogue';
import { product } from '../test/applications';

const t = (key: string, options?: Record<string, unknown>) => String(i18n.t(key, options as never));

describe('certificate dates', () => {
  it('shows calendar dates as dd/MM/yyyy without shifting zones', () => {
    expect(formatIsoDate('2027-05-10')).toBe('10/05/2027');
    expect(formatIsoDate('2025-01-01T00:00:00Z')).toBe('01/01/2025');
    expect(formatIsoDate('')).toBe('');
    expect(formatIsoDate(null)).toBe('');
    expect(formatIsoDate('soon')).toBe('soon');
  });

  it('adds 36 months, clamping to the month end', () => {
    expect(defaultExpiry('2024-05-10')).toBe('2027-05-10');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
    expect(addMonths('nope', 3)).toBeNull();
  });

  it('warns from the server flags', () => {
    expect(expiryState({ expired: true, expiringSoon: true })).toBe('expired');
    expect(expiryState({ expired: false, expiringSoon: true })).toBe('expiringSoon');
    expect(expiryState({ expired: false, expiringSoon: false })).toBeNull();
  });
});

describe('numbers typed by people', () => {
  it('reads VND with any grouping', () => {
    expect(parseVndInput('1.250.000')).toBe(1250000);
    expect(parseVndInput('1,250,000')).toBe(1250000);
    expect(parseVndInput(' 35 000 ₫')).toBe(35000);
    expect(parseVndInput('')).toBeNull();
    expect(parseVndInput('abc')).toBeNaN();
  });

  it('reads quantities with a decimal comma or point', () => {
    expect(parseQuantityInput('1,5')).toBe(1.5);
    expect(parseQuantityInput('2.25')).toBe(2.25);
    expect(parseQuantityInput('40')).toBe(40);
    expect(parseQuantityInput(' ')).toBeNull();
    expect(parseQuantityInput('1.2.3')).toBeNaN();
  });

  it('links only web addresses', () => {
    expect(isWebUrl('https://shopee.vn/x')).toBe(true);
    expect(isWebUrl('http://example.vn')).toBe(true);
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    expect(isWebUrl('shopee.vn')).toBe(false);
  });
});

describe('product form', () => {
  it('round-trips a product into the API body', () => {
    const p = product('p1', { subGroup: 'fresh', certifications: ['HACCP', 'VietGAP'], description: 'Cam ngọt.\nMọng nước.' });
    const { input, errors } = formToProductInput(productToForm(p));
    expect(errors).toEqual({});
    expect(input).toEqual({
      name: 'Cam Cao Phong',
      group: 'Food',
      subGroup: 'fresh',
      description: 'Cam ngọt.\nMọng nước.',
      stars: 4,
      certificateNo: '123/QĐ-UBND',
      certificateLevel: 'Province',
      certifiedOn: '2024-05-10',
      certificateExpiresOn: '2027-05-10',
      certifications: ['VietGAP', 'HACCP'],
      capacityPerMonth: { quantity: 2, unit: 'tan' },
      priceRange: { min: 35000, max: 50000, unit: 'kg' },
      shopLinks: [{ platform: 'Postmart', url: 'https://postmart.vn/cam-cao-phong' }],
    });
  });

  it('leaves optional parts out and lets the server default the expiry', () => {
    const form = { ...emptyProductForm(), name: ' Mật ong ', certificateNo: 'A1', certifiedOn: '2025-01-02', shopLinks: [{ platform: 'Shopee', url: ' ' }] };
    const { input, errors } = formToProductInput(form);
    expect(errors).toEqual({});
    expect(input.name).toBe('Mật ong');
    expect(input.certificateExpiresOn).toBeNull();
    expect(input.capacityPerMonth).toBeNull();
    expect(input.priceRange).toBeNull();
    expect(input.shopLinks).toEqual([]);
    expect(input.subGroup).toBeNull();
  });

  it('uses one price for both ends when only one is given', () => {
    const form = { ...emptyProductForm(), name: 'x', certificateNo: 'y', certifiedOn: '2025-01-02', priceMax: '80.000', priceUnit: 'bottle' };
    expect(formToProductInput(form).input.priceRange).toEqual({ min: 80000, max: 80000, unit: 'bottle' });
  });

  it('names the fields in error with the API paths', () => {
    const form = {
      ...emptyProductForm(),
      certifiedOn: '2025-03-01',
      certificateExpiresOn: '2025-01-01',
      capacityQuantity: 'nhiều',
      priceMin: '90000',
      priceMax: '50000',
      shopLinks: [
        { platform: 'Shopee', url: '' },
        { platform: 'Website', url: 'javascript:alert(1)' },
      ],
    };
    const { errors } = formToProductInput(form);
    expect(errors).toEqual({
      name: ['required'],
      certificateNo: ['required'],
      certificateExpiresOn: ['expiresBeforeCertified'],
      'capacityPerMonth.quantity': ['invalidNumber'],
      priceRange: ['invalidPriceRange'],
      'shopLinks[1].url': ['invalidUrl'],
    });
    // the server counts only the links sent: its [0] is the form's row 1
    expect(shopLinkRowIndex(form.shopLinks, 0)).toBe(1);
  });

  it('trims the profile and sends blanks as null', () => {
    const profile = formToProfile({ ...profileToForm(null), name: ' HTX Hà Phong ', phone: ' ', email: 'a@b.vn' });
    expect(profile).toMatchObject({ name: 'HTX Hà Phong', kind: 'Cooperative', phone: null, email: 'a@b.vn', puc: null });
  });
});

describe('display', () => {
  it('draws stars and safe test ids', () => {
    expect(starsText(3)).toBe('★★★');
    expect(starsText(5)).toBe('★★★★★');
    expect(starsText(9)).toBe('★★★★★');
    expect(testIdPart('ISO 22000')).toBe('ISO-22000');
  });

  it('formats capacity and prices in both languages', async () => {
    expect(formatCapacity({ quantity: 2, unit: 'tan' }, 'vi', t)).toBe('2 tấn/tháng');
    expect(formatPriceRange({ min: 35000, max: 50000, unit: 'kg' }, 'vi', t)).toBe('35.000 ₫ – 50.000 ₫/kg');
    expect(formatPriceRange({ min: 120000, max: 120000, unit: 'bottle' }, 'vi', t)).toBe('120.000 ₫/chai');
    await i18n.changeLanguage('en');
    expect(formatCapacity({ quantity: 1.5, unit: 'l' }, 'en', t)).toBe('1.5 litre per month');
    expect(formatPriceRange({ min: 35000, max: 50000, unit: 'kg' }, 'en', t)).toBe('VND 35,000 – VND 50,000 per kg');
    expect(formatCapacity(null, 'en', t)).toBe('');
  });
});
