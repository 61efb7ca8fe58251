import { describe, expect, it } from 'vitest';
import {
  BUYER_KINDS,
  addChip,
  addChips,
  buyerToForm,
  emptyNeed,
  fairDates,
  formToRequest,
  hoursToForm,
  hoursToRequest,
  isPhone,
  localDate,
  pushScan,
  validateBuyer,
  validateHours,
  withoutErrorsAt,
  type BuyerForm,
  type Scan,
} from './buyers';

function form(patch: Partial<BuyerForm> = {}): BuyerForm {
  return {
    organisation: 'Siêu thị Xanh',
    kind: 'Supermarket',
    province: 'Hà Nội',
    contact: '',
    representatives: [{ name: 'Nguyễn Văn An', phone: '0912 345 678' }],
    needs: [{ ...emptyNeed(), keywords: ['bưởi'] }],
    ...patch,
  };
}

describe('validateBuyer', () => {
  it('accepts a complete profile', () => {
    expect(validateBuyer(form())).toEqual({});
  });

  it('asks for the organisation, the kind and a representative’s name, at the server’s paths', () => {
    const errors = validateBuyer(form({ organisation: '  ', kind: '', representatives: [{ name: '', phone: '' }] }));
    expect(errors).toEqual({ organisation: ['required'], kind: ['required'], 'representatives[0].name': ['required'] });
  });

  it('wants 1 to 3 representatives and phone numbers as the server counts them', () => {
    expect(validateBuyer(form({ representatives: [] })).representatives).toEqual(['buyerRepresentatives']);
    const four = Array.from({ length: 4 }, () => ({ name: 'A', phone: '' }));
    expect(validateBuyer(form({ representatives: four })).representatives).toEqual(['buyerRepresentatives']);
    expect(validateBuyer(form({ representatives: [{ name: 'A', phone: '12345' }] }))['representatives[0].phone']).toEqual(['invalidPhone']);
  });

  it('wants keywords or groups in each need', () => {
    const errors = validateBuyer(form({ needs: [{ ...emptyNeed(), keywords: ['mật ong'] }, emptyNeed()] }));
    expect(errors).toEqual({ 'needs[1].keywords': ['buyerKeywordsOrGroups'] });
    expect(validateBuyer(form({ needs: [{ ...emptyNeed(), groups: ['Food'] }] }))).toEqual({});
  });

  it('checks quantity and price band', () => {
    const need = { ...emptyNeed(), keywords: ['cam'], quantity: '0', priceMin: '50.000', priceMax: '20000' };
    expect(validateBuyer(form({ needs: [need] }))).toEqual({
      'needs[0].quantityPerMonth.quantity': ['outOfRange'],
      'needs[0].priceBandVnd': ['invalidPriceRange'],
    });
    const words = { ...emptyNeed(), keywords: ['cam'], quantity: 'nhiều', priceMax: 'rẻ' };
    expect(validateBuyer(form({ needs: [words] }))).toEqual({
      'needs[0].quantityPerMonth.quantity': ['invalidNumber'],
      'needs[0].priceBandVnd.max': ['invalidNumber'],
    });
  });
});

describe('formToRequest', () => {
  it('sends numbers, canonical units, and keeps a need’s id', () => {
    const need = { ...emptyNeed(), needId: 'n-1', keywords: ['bưởi'], quantity: '2,5', unit: 'tan', priceMin: '20.000', priceMax: '', priceUnit: 'kg' };
    const body = formToRequest(form({ contact: ' ', needs: [need] }));
    expect(body.contact).toBeNull();
    expect(body.representatives).toEqual([{ name: 'Nguyễn Văn An', phone: '0912 345 678' }]);
    expect(body.needs![0]).toMatchObject({
      needId: 'n-1',
      keywords: ['bưởi'],
      quantityPerMonth: { quantity: 2.5, unit: 'tan' },
      priceBandVnd: { min: 20000, max: null, per: 'kg' },
    });
    expect(formToRequest(form()).needs![0].priceBandVnd).toBeNull();
  });

  it('round-trips a saved profile through the form', () => {
    const saved = {
      buyerId: 'b-1',
      organisation: 'Xuất khẩu Á Châu',
      kind: 'Exporter' as const,
      representatives: [{ name: 'Lê Thị Bình', phone: null }],
      needs: [{ needId: 'n-9', keywords: [], groups: ['Food' as const], minStars: 4, certifications: ['GlobalGAP'], quantityPerMonth: { quantity: 20, unit: 'tan' }, priceBandVnd: { min: null, max: 30000, per: 'kg' }, markets: ['Nhật Bản'] }],
    };
    const f = buyerToForm(saved);
    expect(f.needs[0]).toMatchObject({ needId: 'n-9', quantity: '20', unit: 'tan', priceMin: '', priceMax: '30000' });
    expect(formToRequest(f).needs![0]).toMatchObject({ needId: 'n-9', groups: ['Food'], minStars: 4, priceBandVnd: { min: null, max: 30000, per: 'kg' } });
  });

  it('starts a new profile with the signed-in person and one need', () => {
    const f = buyerToForm(null, 'Trần Cường');
    expect(f.representatives).toEqual([{ name: 'Trần Cường', phone: '' }]);
    expect(f.needs).toHaveLength(1);
  });
});

describe('chips', () => {
  it('adds trimmed chips once, case-insensitively, up to the limit', () => {
    expect(addChip(['Bưởi'], '  bưởi ', 10)).toEqual(['Bưởi']);
    expect(addChip([], '  mật   ong ', 10)).toEqual(['mật ong']);
    expect(addChip(['a', 'b'], 'c', 2)).toEqual(['a', 'b']);
    expect(addChip([], 'x'.repeat(61), 10, 60)).toEqual([]);
    expect(addChips([], 'VietGAP, HACCP;; vietgap', 10)).toEqual(['VietGAP', 'HACCP']);
  });

  it('knows a phone number', () => {
    expect(isPhone('0912 345 678')).toBe(true);
    expect(isPhone('+84 (24) 3826.1234')).toBe(true);
    expect(isPhone('0912')).toBe(false);
    expect(isPhone('0912-abc-678')).toBe(false);
  });

  it('drops the errors at a path and under it only', () => {
    const errors = { 'needs[1].keywords': ['a'], 'needs[1]': ['b'], 'needs[10].keywords': ['c'], organisation: ['d'] };
    expect(withoutErrorsAt(errors, 'needs[1]')).toEqual({ 'needs[10].keywords': ['c'], organisation: ['d'] });
  });
});

describe('gate scans', () => {
  it('keeps the newest ten, newest first', () => {
    let scans: Scan[] = [];
    for (let i = 0; i < 12; i++) scans = pushScan(scans, { code: `C${i}`, at: '' });
    expect(scans).toHaveLength(10);
    expect(scans[0].code).toBe('C11');
  });
});

describe('matching hours', () => {
  const start = '2026-12-10T01:00:00Z'; // 08:00 in Vietnam
  const end = '2026-12-12T16:30:00Z'; // 23:30 on the 12th in Vietnam, already the 13th
  it('lists the fair’s days in its own time zone', () => {
    expect(localDate(end, 'Asia/Ho_Chi_Minh')).toBe('2026-12-12');
    expect(localDate(end, 'UTC')).toBe('2026-12-12');
    expect(fairDates(start, '2026-12-12T17:30:00Z', 'Asia/Ho_Chi_Minh')).toEqual(['2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13']);
    expect(fairDates(start, end, 'Asia/Ho_Chi_Minh')).toEqual(['2026-12-10', '2026-12-11', '2026-12-12']);
  });

  it('proposes every fair day and sends times with seconds and only the quotas given', () => {
    const dates = fairDates(start, end);
    const f = hoursToForm(null, dates);
    expect(validateHours(f, dates)).toEqual({});
    f.quotas.Exporter = '3';
    const body = hoursToRequest(f);
    expect(body.days![0]).toEqual({ date: '2026-12-10', from: '08:30:00', to: '11:30:00' });
    expect(body.quotas).toEqual({ Exporter: 3 });
    expect(body.slotMinutes).toBe(20);
  });

  it('reads saved hours back', () => {
    const f = hoursToForm({ days: [{ date: '2026-12-11', from: '14:00:00', to: '17:00:00' }], slotMinutes: 30, requestExpiryMinutes: 60, quotas: { Supermarket: 5 } }, []);
    expect(f.days).toEqual([{ date: '2026-12-11', from: '14:00', to: '17:00' }]);
    expect(f.quotas.Supermarket).toBe('5');
    expect(BUYER_KINDS.filter((k) => f.quotas[k] !== '')).toEqual(['Supermarket']);
  });

  it('refuses what the server refuses, at its paths', () => {
    const dates = ['2026-12-10', '2026-12-11'];
    const f = hoursToForm(null, dates);
    f.days = [
      { date: '2026-12-10', from: '10:00', to: '09:00' },
      { date: '2026-12-10', from: '10:00', to: '10:10' },
      { date: '2026-12-20', from: '08:00', to: '09:00' },
    ];
    f.slotMinutes = '200';
    f.requestExpiryMinutes = '';
    f.quotas.Restaurant = 'nhiều';
    expect(validateHours(f, dates)).toEqual({
      slotMinutes: ['outOfRange'],
      requestExpiryMinutes: ['required'],
      'days[0].to': ['hoursEndBeforeStart'],
      'days[1].date': ['hoursDuplicateDay'],
      'days[2].date': ['hoursOutsideFair'],
      'quotas.restaurant': ['invalidNumber'],
    });
    f.slotMinutes = '20';
    expect(validateHours(f, dates)['days[1].to']).toEqual(['hoursShorterThanSlot']);
  });
});
