import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { MAX_PHOTO_BYTES, SUB_GROUPS, cardPath, isKnownSubGroup, photoProblem, subGroupName } from './productCard';

describe('productCard', () => {
  it('lets through photos the server may take and stops the rest before sending', () => {
    expect(photoProblem({ size: 1000, type: 'image/jpeg' })).toBeNull();
    expect(photoProblem({ size: 1000, type: 'image/webp' })).toBeNull();
    expect(photoProblem({ size: 1000, type: '' })).toBeNull(); // unknown type: the server reads the bytes
    expect(photoProblem({ size: MAX_PHOTO_BYTES + 1, type: 'image/png' })).toBe('tooLarge');
    expect(photoProblem({ size: 1000, type: 'image/gif' })).toBe('wrongType');
    expect(photoProblem({ size: 1000, type: 'image/svg+xml' })).toBe('wrongType');
  });

  it('names known sub-groups in the chosen language and keeps typed ones as typed', async () => {
    await i18n.changeLanguage('vi');
    expect(subGroupName('FreshProduce', i18n.t)).toBe('Nông sản tươi sống');
    await i18n.changeLanguage('en');
    expect(subGroupName('FreshProduce', i18n.t)).toBe('Fresh produce');
    expect(subGroupName('Cam quà biếu', i18n.t)).toBe('Cam quà biếu');
    expect(subGroupName(null, i18n.t)).toBe('');
    await i18n.changeLanguage('vi');
  });

  it('offers named sub-groups per group, every one of them named in both languages', async () => {
    expect(isKnownSubGroup('Food', 'FreshProduce')).toBe(true);
    expect(isKnownSubGroup('Beverages', 'FreshProduce')).toBe(false);
    expect(isKnownSubGroup('Food', 'Cam quà biếu')).toBe(false);
    for (const language of ['vi', 'en']) {
      await i18n.changeLanguage(language);
      for (const code of Object.values(SUB_GROUPS).flat()) expect(subGroupName(code, i18n.t)).not.toBe(code);
    }
    await i18n.changeLanguage('vi');
  });

  it('points at the card at a fair', () => {
    expect(cardPath('pr-1')).toBe('/products/pr-1');
    expect(cardPath('pr-1', 'f 1')).toBe('/products/pr-1?fair=f%201');
  });
});
