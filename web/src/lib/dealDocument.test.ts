import { describe, expect, it } from 'vitest';
import {
  bucket,
  documentDateLine,
  formatDateOnly,
  formatQuantity,
  formatTonnes,
  fulfilmentPercent,
  lineValue,
  marketOf,
  otherUnits,
  reportAt,
  showsPrices,
  signatureOf,
} from './dealDocument';

describe('tonnes and quantities', () => {
  it('show up to three decimals with the locale separators', () => {
    expect(formatTonnes(2.05, 'vi')).toBe('2,05');
    expect(formatTonnes(2.05, 'en')).toBe('2.05');
    expect(formatTonnes(1234.5, 'vi')).toBe('1.234,5');
    expect(formatTonnes(0.0004, 'vi')).toBe('0');
    expect(formatTonnes(Number.NaN, 'vi')).toBe('0');
    expect(formatQuantity(10000, 'vi')).toBe('10.000');
    expect(formatQuantity(10000, 'en')).toBe('10,000');
  });
});

describe('dates', () => {
  it('reads a calendar date without shifting it by a time zone', () => {
    expect(formatDateOnly('2027-03-10')).toBe('10/03/2027');
    expect(formatDateOnly('2027-12-31')).toBe('31/12/2027');
    expect(formatDateOnly(null)).toBe('');
    expect(formatDateOnly('10/03/2027')).toBe('');
  });

  it('writes the document date line in the fair zone, the Vietnamese way or the English way', () => {
    // 20:30 UTC on 2 March is 03:30 on 3 March in Vietnam.
    expect(documentDateLine('Hòa Bình', '2027-03-02T20:30:00Z', 'vi')).toBe('Hòa Bình, ngày 03 tháng 03 năm 2027');
    expect(documentDateLine('Hòa Bình', '2027-03-02T20:30:00Z', 'en')).toBe('Hòa Bình, 3 March 2027');
    expect(documentDateLine('Hòa Bình', null, 'vi')).toBe('Hòa Bình, ngày …… tháng …… năm ……');
    expect(documentDateLine('', null, 'en')).toBe('…… / …… / ……');
  });
});

describe('lines and totals', () => {
  it('values a line as quantity × price × months, once when one-off', () => {
    expect(lineValue({ quantity: 2.5, unitPriceVnd: 18_000_000, months: 6 })).toBe(270_000_000);
    expect(lineValue({ quantity: 1200, unitPriceVnd: 35_000, months: null })).toBe(42_000_000);
    expect(lineValue({ quantity: 0.5, unitPriceVnd: 3, months: undefined })).toBe(2);
  });

  it('lists other units in a stable order and leaves zeros out', () => {
    expect(otherUnits({ piece: 10000, l: 3000, box: 0 })).toEqual([
      ['l', 3000],
      ['piece', 10000],
    ]);
    expect(otherUnits(undefined)).toEqual([]);
  });

  it('finds a bucket or an empty one', () => {
    const b = { key: 'Memorandum', deals: 2, vnd: 5, tonnes: 1, otherUnits: {} };
    expect(bucket([b], 'Memorandum')).toBe(b);
    expect(bucket([b], 'ConsumptionContract')).toEqual({ key: 'ConsumptionContract', deals: 0, vnd: 0, tonnes: 0, otherUnits: {} });
  });
});

describe('signatures, fulfilment and public prices', () => {
  const at = '2027-03-03T01:00:00Z';

  it('takes only a signature on the current version', () => {
    const deal = {
      version: 2,
      signatures: [
        { side: 'Buyer' as const, userId: 'u1', version: 1, at },
        { side: 'Producer' as const, userId: 'u2', version: 2, at },
      ],
    };
    expect(signatureOf(deal, 'Buyer')).toBeNull();
    expect(signatureOf(deal, 'Producer')?.userId).toBe('u2');
  });

  it('sets delivered beside signed as a percentage', () => {
    expect(fulfilmentPercent(800, 2000)).toBe(40);
    expect(fulfilmentPercent(2, 2)).toBe(100);
    expect(fulfilmentPercent(null, 2)).toBeNull();
    expect(fulfilmentPercent(5, 0)).toBeNull();
    expect(fulfilmentPercent(5, undefined)).toBeNull();
  });

  it('finds a side report at a mark', () => {
    const r = { atMonths: 3, side: 'Producer' as const, status: 'Delivering' as const, at };
    expect(reportAt([r], 3, 'Producer')).toBe(r);
    expect(reportAt([r], 6, 'Producer')).toBeNull();
    expect(reportAt([r], 3, 'Buyer')).toBeNull();
  });

  it('shows prices only when both parties allowed them', () => {
    expect(showsPrices({ pricesShown: true, vnd: 10 })).toBe(true);
    expect(showsPrices({ pricesShown: false, vnd: null })).toBe(false);
    expect(showsPrices({ pricesShown: true, vnd: null })).toBe(false);
  });
});

describe('markets', () => {
  it('reads the report market keys', () => {
    expect(marketOf('vn:Hà Nội')).toEqual({ export: false, name: 'Hà Nội' });
    expect(marketOf('export:JP')).toEqual({ export: true, name: 'JP' });
    expect(marketOf('')).toBeNull();
  });
});
