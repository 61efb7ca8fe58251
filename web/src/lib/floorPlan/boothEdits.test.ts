import { describe, expect, it } from 'vitest';
import { addBooth, nextBoothCode, updateBooth } from './boothEdits';
import { MIN_SIZE, overlaps } from './geometry';
import { draft, boothOf } from '../../test/plans';

describe('booth edits', () => {
  it('clamps typed positions and sizes', () => {
    const plan = draft();
    const id = boothOf(plan, 'A01').id;
    expect(boothOf(updateBooth(plan, id, { x: -4, w: 0 }), 'A01')).toMatchObject({ x: 0, w: MIN_SIZE });
  });

  it('names a new booth after its zone and puts it where it overlaps nothing', () => {
    const plan = draft();
    expect(nextBoothCode(plan, 'A')).toBe('A04');
    expect(nextBoothCode(plan, 'C')).toBe('C01');
    expect(nextBoothCode(plan, 'bad code!')).toBe('N01');
    const { plan: next, id } = addBooth(plan, plan.zones[0].id, 30);
    const added = next.booths.find((b) => b.id === id)!;
    expect(added).toMatchObject({ code: 'A04', zoneId: plan.zones[0].id, type: 'Standard', w: 3, h: 3, areaM2: 9 });
    expect(next.booths.filter((b) => b.id !== id).some((b) => overlaps(b, added))).toBe(false);
    expect(added.x + added.w).toBeLessThanOrEqual(30);
    expect(next.seq).toBe(plan.seq + 1);
  });
});
