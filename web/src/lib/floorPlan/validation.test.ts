import { describe, expect, it } from 'vitest';
import { errorCount, lostInUse, mapServerErrors, validatePlan } from './validation';
import { updateBooth } from './boothEdits';
import { fromFloor } from './serialization';
import { updateZone } from './zones';
import { floorFixture } from '../../test/fixtures';
import { draft, boothOf } from '../../test/plans';

describe('checks', () => {
  it('mirrors the server rules with the server codes', () => {
    let plan = draft();
    const [a01, a02, a03] = plan.booths;
    plan = updateBooth(plan, a01.id, { code: 'A 1' });
    plan = updateBooth(plan, a02.id, { code: 'A03' });
    plan = updateBooth(plan, a03.id, { areaM2: 0, priceVnd: -1, zoneId: 'nowhere' });
    plan = updateZone(plan, plan.zones[1].id, { code: 'A', groups: [] });
    const errors = validatePlan(plan);
    expect(errors.booths[a01.id]).toEqual({ code: ['invalidCode'] });
    // A02 renamed A03 comes first, so the real A03 is the duplicate
    expect(errors.booths[a03.id]).toEqual({
      code: ['duplicate'],
      zone: ['unknownZone'],
      areaM2: ['outOfRange'],
      priceVnd: ['negative'],
    });
    expect(errors.zones[plan.zones[1].id]).toEqual({ code: ['duplicate'], groups: ['required'] });
    // booths of the duplicate zone name a code the plan has: only the zone is wrong, as the server says
    expect(errors.booths[plan.booths[3].id]).toBeUndefined();
    expect(errorCount(errors)).toBe(7);
    expect(errorCount(validatePlan(draft()))).toBe(0);
  });

  it('places server errors on what was sent at each index', () => {
    const errors = mapServerErrors(
      { 'booths[1].code': ['Mã bị trùng.'], 'zones[0].Groups': ['Bắt buộc nhập.'], booths: ['Quá nhiều mục.'], 'booths[9].x': ['?'] },
      ['z0'],
      ['b7', 'b3'],
    );
    expect(errors.booths).toEqual({ b3: { code: ['Mã bị trùng.'] } });
    expect(errors.zones).toEqual({ z0: { groups: ['Bắt buộc nhập.'] } });
    expect(errors.general).toEqual(['booths: Quá nhiều mục.', 'booths[9].x: ?']);
  });

  it('lists booths in use whose code the draft dropped', () => {
    const { plan, occupants } = fromFloor(floorFixture());
    expect(lostInUse(plan, occupants)).toEqual([]);
    const without = { ...plan, booths: plan.booths.filter((b) => b.code !== 'A03') };
    const renamed = updateBooth(without, boothOf(plan, 'A02').id, { code: 'A02X' });
    expect(lostInUse(renamed, occupants).map((o) => o.code)).toEqual(['A02', 'A03']);
  });
});
