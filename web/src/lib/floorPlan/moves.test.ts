import { describe, expect, it } from 'vitest';
import { moveFrom, nudge, originsOf, resizeFrom, resizeStep } from './moves';
import { updateBooth } from './boothEdits';
import { MIN_SIZE } from './geometry';
import { draft, boothOf } from '../../test/plans';

describe('moving and resizing', () => {
  it('moves the lead booth onto the snap grid and keeps the others in step', () => {
    const plan = draft();
    const ids = [boothOf(plan, 'A01').id, boothOf(plan, 'A02').id];
    const moved = moveFrom(plan, originsOf(plan, ids), 1.2, 0.7, 0.5, ids[0]);
    expect(boothOf(moved, 'A01')).toMatchObject({ x: 3, y: 3.5 });
    expect(boothOf(moved, 'A02')).toMatchObject({ x: 7, y: 3.5 });
    expect(boothOf(moved, 'A03')).toBe(boothOf(plan, 'A03'));
  });

  it('stops a group at the hall corner without squeezing it', () => {
    const plan = draft();
    const ids = [boothOf(plan, 'A01').id, boothOf(plan, 'A02').id];
    const moved = moveFrom(plan, originsOf(plan, ids), -10, -10, 0.5, ids[1]);
    expect(boothOf(moved, 'A01')).toMatchObject({ x: 0, y: 0 });
    expect(boothOf(moved, 'A02')).toMatchObject({ x: 4, y: 0 });
  });

  it('nudges to the next grid line with the arrow keys', () => {
    let plan = draft();
    const id = boothOf(plan, 'A01').id;
    plan = updateBooth(plan, id, { x: 2.3 });
    expect(boothOf(nudge(plan, [id], 1, 0, 0.5), 'A01').x).toBe(2.5);
    expect(boothOf(nudge(plan, [id], -1, 0, 0.5), 'A01').x).toBe(2);
    expect(boothOf(nudge(plan, [id], 0, 1, 1), 'A01').y).toBe(4);
    expect(boothOf(nudge(plan, [id], 1, 0, 0), 'A01').x).toBe(2.31);
  });

  it('resizes from the corner on the grid, never below the smallest booth, and keeps a drawn area in step', () => {
    const plan = draft();
    const b = boothOf(plan, 'A01');
    const origin = originsOf(plan, [b.id]).get(b.id)!;
    const bigger = resizeFrom(plan, b.id, origin, 1.1, 0.4, 0.5);
    expect(boothOf(bigger, 'A01')).toMatchObject({ x: 2, y: 3, w: 4, h: 3.5, areaM2: 14 });
    const tiny = resizeFrom(plan, b.id, origin, -10, -10, 0.5);
    expect(boothOf(tiny, 'A01')).toMatchObject({ w: MIN_SIZE, h: MIN_SIZE });
    // an area the organiser set apart from the drawing stays as it is
    const b02 = boothOf(plan, 'B02'); // 3 × 3 drawn, 12 m² declared
    const resized = resizeStep(plan, b02.id, 1, 0, 1);
    expect(boothOf(resized, 'B02')).toMatchObject({ w: 4, areaM2: 12 });
  });
});
