import { describe, expect, it } from 'vitest';
import { gridFormFor, gridFormToRequest } from './grid';
import { isCode } from './draft';
import { fromFloor } from './serialization';
import { draft } from '../../test/plans';

describe('the grid form', () => {
  it('starts from the plan or from the fair groups', () => {
    expect(gridFormFor(fromFloor({ zones: [], booths: [] }).plan, ['Food', 'Herbal']).zones).toEqual([
      { code: 'A', name: '', groups: ['Food'], booths: '10' },
    ]);
    const form = gridFormFor(draft());
    expect(form.zones.map((z) => [z.code, z.booths])).toEqual([
      ['A', '3'],
      ['B', '2'],
    ]);
    expect(form.priceVnd).toBe('1250000');
  });

  it('checks the limits the server checks and builds the request', () => {
    const ok = gridFormToRequest({
      zones: [{ code: 'A', name: ' Thực phẩm ', groups: ['Food'], booths: '12' }],
      perRow: '6',
      boothWidth: '3,5',
      boothDepth: '3',
      priceVnd: '2.000.000',
    });
    expect(ok.errors).toEqual({});
    expect(ok.request).toEqual({
      zones: [{ code: 'A', name: 'Thực phẩm', groups: ['Food'], booths: 12 }],
      perRow: 6,
      boothWidth: 3.5,
      boothDepth: 3,
      priceVnd: 2000000,
    });
    const bad = gridFormToRequest({
      zones: [
        { code: 'A', name: '', groups: [], booths: '0' },
        { code: 'A', name: '', groups: ['Food'], booths: '2.5' },
      ],
      perRow: '101',
      boothWidth: '0',
      boothDepth: '51',
      priceVnd: '-1',
    });
    expect(bad.request).toBeNull();
    expect(bad.errors).toEqual({
      'zones[0].groups': ['required'],
      'zones[0].booths': ['outOfRange'],
      'zones[1].code': ['duplicate'],
      'zones[1].booths': ['outOfRange'],
      perRow: ['outOfRange'],
      boothWidth: ['outOfRange'],
      boothDepth: ['outOfRange'],
      priceVnd: ['negative'],
    });
    expect(isCode('A-1_b')).toBe(true);
  });
});
