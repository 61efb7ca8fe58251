import { describe, expect, it } from 'vitest';
import { csvErrorLines, fromFloor, isDirty, toRequest } from './serialization';
import { updateBooth } from './boothEdits';
import { updateZone } from './zones';
import { floorFixture } from '../../test/fixtures';
import { draft, boothOf } from '../../test/plans';

describe('loading and saving', () => {
  it('keeps booth and zone data, links booths to zones by editor id, and records booths in use', () => {
    const { plan, occupants } = fromFloor(floorFixture());
    expect(plan.zones.map((z) => z.code)).toEqual(['A', 'B']);
    const a02 = boothOf(plan, 'A02');
    expect(a02.zoneId).toBe(plan.zones[0].id);
    expect(Object.values(occupants).map((o) => o.code).sort()).toEqual(['A02', 'A03']);
    expect(occupants[a02.id]).toEqual({ code: 'A02', status: 'Held', producerName: 'HTX Cam Cao Phong' });
  });

  it('builds the PUT body with zone codes, trimmed codes, rounded numbers and clean amenities', () => {
    let plan = draft();
    const id = boothOf(plan, 'A01').id;
    plan = updateBooth(plan, id, { code: ' A01 ', x: 2.0000001, amenities: ['power', ' power', '', 'water'] });
    const body = toRequest(plan);
    expect(body.zones[0]).toEqual({ code: 'A', name: 'Thực phẩm', groups: ['Food'] });
    expect(body.booths[0]).toEqual({
      code: 'A01',
      zone: 'A',
      type: 'Standard',
      areaM2: 9,
      priceVnd: 1250000,
      x: 2,
      y: 3,
      w: 3,
      h: 3,
      amenities: ['power', 'water'],
    });
    // a zone without a name is sent with its code as name
    const unnamed = updateZone(plan, plan.zones[1].id, { name: '  ' });
    expect(toRequest(unnamed).zones[1].name).toBe('B');
  });

  it('is dirty only when what would be saved differs', () => {
    const saved = draft();
    expect(isDirty(saved, saved)).toBe(false);
    const id = boothOf(saved, 'A01').id;
    const moved = updateBooth(saved, id, { x: 5 });
    expect(isDirty(saved, moved)).toBe(true);
    expect(isDirty(saved, updateBooth(moved, id, { x: 2 }))).toBe(false);
    expect(isDirty(saved, updateBooth(saved, id, { code: 'A01 ' }))).toBe(false);
  });
});

describe('CSV import errors', () => {
  it('numbers CSV errors by data row', () => {
    expect(csvErrorLines({ 'rows[3].type': ['x'], 'booths[0].code': ['y'], csv: ['z'] })).toEqual([
      { row: 3, field: 'type', messages: ['x'] },
      { row: 1, field: 'code', messages: ['y'] },
      { row: null, field: 'csv', messages: ['z'] },
    ]);
  });
});
