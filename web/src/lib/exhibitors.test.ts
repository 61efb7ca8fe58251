import { describe, expect, it } from 'vitest';
import {
  byZone,
  exhibitorDistricts,
  exhibitorGroups,
  filterExhibitors,
  applicationFor,
  withLiveBooths,
  fold,
  tickerLine,
  nameLines,
  NO_EXHIBITOR_FILTER,
  shortName,
  truncateName,
  zoneName,
  type ExhibitorLike,
} from './exhibitors';

const honey: ExhibitorLike = {
  producerId: 'p-honey',
  name: 'Hợp tác xã Mật ong rừng Đà Bắc',
  district: 'Đà Bắc',
  groups: ['Food'],
  maxStars: 4,
  products: ['Mật ong rừng Đà Bắc'],
  boothCodes: ['A05'],
  zones: ['A'],
};
const juice: ExhibitorLike = {
  producerId: 'p-juice',
  name: 'Hợp tác xã Hà Phong',
  district: 'Cao Phong',
  groups: ['Beverages', 'Food'],
  maxStars: 4,
  products: ['Nước cam lên men Hà Phong'],
  boothCodes: ['B01'],
  zones: ['B'],
};
const waiting: ExhibitorLike = { ...juice, producerId: 'p-wait', name: 'Cơ sở Yên Trị', district: 'Yên Thủy', products: ['Cao dược liệu'], boothCodes: [], zones: [] };
const all = [honey, juice, waiting];
const names = (g: string) => (g === 'Food' ? ['Thực phẩm', 'Food'] : g === 'Beverages' ? ['Đồ uống', 'Beverages'] : []);

describe('fold', () => {
  it('drops diacritics, đ and case', () => {
    expect(fold('  Mật  ONG Đà Bắc ')).toBe('mat ong da bac');
  });
});

describe('filterExhibitors', () => {
  it('finds "Mật ong" by "mat ong" and by "mật ong"', () => {
    expect(filterExhibitors(all, { ...NO_EXHIBITOR_FILTER, q: 'mat ong' })).toEqual([honey]);
    expect(filterExhibitors(all, { ...NO_EXHIBITOR_FILTER, q: 'mật ong' })).toEqual([honey]);
  });

  it('needs every word, anywhere: name, product, district, booth code, group name', () => {
    expect(filterExhibitors(all, { ...NO_EXHIBITOR_FILTER, q: 'cam phong' })).toEqual([juice]);
    expect(filterExhibitors(all, { ...NO_EXHIBITOR_FILTER, q: 'a05' })).toEqual([honey]);
    expect(filterExhibitors(all, { ...NO_EXHIBITOR_FILTER, q: 'do uong' }, names)).toEqual([juice, waiting]);
    expect(filterExhibitors(all, { ...NO_EXHIBITOR_FILTER, q: 'mat cam' })).toEqual([]);
  });

  it('filters by group and by district (folded)', () => {
    expect(filterExhibitors(all, { ...NO_EXHIBITOR_FILTER, group: 'Beverages' })).toEqual([juice, waiting]);
    expect(filterExhibitors(all, { ...NO_EXHIBITOR_FILTER, district: 'da bac' })).toEqual([honey]);
    expect(filterExhibitors(all, NO_EXHIBITOR_FILTER)).toEqual(all);
  });
});

describe('lists to filter by', () => {
  it('gives each district once, in Vietnamese order, and the groups present in the given order', () => {
    expect(exhibitorDistricts([...all, { ...honey, district: 'Đà  Bắc' }])).toEqual(['Cao Phong', 'Đà Bắc', 'Yên Thủy']);
    expect(exhibitorGroups(all, ['Food', 'Beverages', 'Herbal'])).toEqual(['Food', 'Beverages']);
  });
});

describe('byZone', () => {
  const zones = [
    { code: 'A', name: 'Thực phẩm', nameEn: 'Food', groups: [] },
    { code: 'B', name: 'Đồ uống', nameEn: null, groups: [] },
    { code: 'C', name: 'Thảo dược', groups: [] },
  ];
  it('groups in plan order, zone names in the language, unplaced last', () => {
    const sections = byZone(all, zones, 'en');
    expect(sections.map((s) => [s.code, s.name, s.exhibitors.map((e) => e.producerId)])).toEqual([
      ['A', 'Food', ['p-honey']],
      ['B', 'Đồ uống', ['p-juice']],
      ['', '', ['p-wait']],
    ]);
    expect(byZone(all, zones, 'vi')[0].name).toBe('Thực phẩm');
  });
});

describe('zoneName', () => {
  it('falls back to the Vietnamese name, then the code', () => {
    expect(zoneName({ code: 'A', name: 'Thực phẩm', nameEn: 'Food' }, 'en')).toBe('Food');
    expect(zoneName({ code: 'A', name: 'Thực phẩm', nameEn: ' ' }, 'en')).toBe('Thực phẩm');
    expect(zoneName({ code: 'A', name: '' }, 'vi')).toBe('A');
  });
});

describe('names on booths', () => {
  it('shortens legal forms', () => {
    expect(shortName('Hợp tác xã Hà Phong')).toBe('HTX Hà Phong');
    expect(shortName('Công ty CP Tập đoàn Minh Trung')).toBe('CTCP Tập đoàn Minh Trung');
  });

  it('cuts at a word with an ellipsis, or shows nothing when too little fits', () => {
    expect(truncateName('Hợp tác xã Hà Phong', 20)).toBe('HTX Hà Phong');
    expect(truncateName('Hợp tác xã Mật ong rừng Đà Bắc', 14)).toBe('HTX Mật ong…');
    expect([...truncateName('Hợp tác xã Mật ong rừng Đà Bắc', 10)].length).toBeLessThanOrEqual(10);
    expect(truncateName('Hợp tác xã Hà Phong', 3)).toBe('');
  });
});


describe('nameLines', () => {
  it('fills lines by words and ends with an ellipsis when the name goes on', () => {
    expect(nameLines('Hợp tác xã Hà Phong', 12)).toEqual(['HTX Hà Phong']);
    expect(nameLines('Hợp tác xã Mật ong rừng Đà Bắc', 12)).toEqual(['HTX Mật ong', 'rừng Đà Bắc']);
    expect(nameLines('Công ty CP Tập đoàn Minh Trung Việt Nam – Chi nhánh Hòa Bình', 12)).toEqual(['CTCP Tập', 'đoàn Minh…']);
    expect(nameLines('Hợp tác xã Hà Phong', 3)).toEqual([]);
    for (const line of nameLines('Hợp tác xã Nông nghiệp Xanh Kim Bôi', 9, 2)) expect([...line].length).toBeLessThanOrEqual(9);
  });
});

describe('withLiveBooths', () => {
  it('takes booths and zones from the live floor', () => {
    const booths = [
      { code: 'A07', zone: 'A', status: 'Held', producerId: 'p-honey' },
      { code: 'A05', zone: 'A', status: 'Free', producerId: null },
      { code: 'B01', zone: 'B', status: 'Confirmed', producerId: 'p-juice' },
    ];
    const [h, j, w] = withLiveBooths(all, booths);
    expect(h.boothCodes).toEqual(['A07']);
    expect(j).toBe(juice);
    expect(w.boothCodes).toEqual([]);
  });
});

describe('applicationFor', () => {
  const app = (fairId: string, status: string, submittedAt: string, groups: string[]) => ({
    fairId,
    status,
    submittedAt,
    products: groups.map((group) => ({ group })),
  });
  it('picks the latest application to the fair that is not withdrawn', () => {
    expect(applicationFor(undefined, 'f')).toBeUndefined();
    expect(applicationFor([], 'f')).toBeNull();
    expect(
      applicationFor(
        [app('f', 'Withdrawn', '2026-03-01', ['Herbal']), app('f', 'Approved', '2026-01-01', ['Food', 'Food']), app('g', 'Approved', '2026-04-01', [])],
        'f',
      ),
    ).toEqual({ status: 'Approved', groups: ['Food'] });
  });
});

describe('tickerLine', () => {
  it('words booth changes and ignores the rest', () => {
    expect(
      tickerLine({ type: 'BoothChanged', version: 7, at: '2026-01-01T01:00:00Z', data: { code: 'A05', status: 'Confirmed', producerName: 'HTX' } }),
    ).toEqual({ key: '7-A05', kind: 'confirmed', code: 'A05', producer: 'HTX', status: 'Confirmed', at: '2026-01-01T01:00:00Z' });
    expect(tickerLine({ type: 'BoothChanged', version: 8, data: { code: 'A05', status: 'Free' } })?.kind).toBe('freed');
    expect(tickerLine({ type: 'FairChanged', version: 9, data: {} })).toBeNull();
    expect(tickerLine({ type: 'BoothChanged', version: 9, data: null })).toBeNull();
  });
});
