import { describe, expect, it } from 'vitest';
import { canvasSize, clampRect, collisions, extent, freeSpot, MAX_COORD, MIN_SIZE, overlaps, pointerToFloor, snap, stepTo } from './geometry';

describe('snapping', () => {
  it('snaps to the step and rounds to the centimetre', () => {
    expect(snap(1.26, 0.5)).toBe(1.5);
    expect(snap(1.24, 0.5)).toBe(1);
    expect(snap(0.1 + 0.2, 0)).toBe(0.3);
    expect(snap(7.4, 1)).toBe(7);
  });

  it('steps to the next grid line in either direction', () => {
    expect(stepTo(1.3, 1, 0.5)).toBe(1.5);
    expect(stepTo(1.3, -1, 0.5)).toBe(1);
    expect(stepTo(1.5, 1, 0.5)).toBe(2);
    expect(stepTo(1.5, -1, 0.5)).toBe(1);
    expect(stepTo(2, 1, 0)).toBe(2.01);
  });
});

describe('geometry', () => {
  it('treats shared edges as touching, not overlapping', () => {
    expect(overlaps({ x: 0, y: 0, w: 3, h: 3 }, { x: 3, y: 0, w: 3, h: 3 })).toBe(false);
    expect(overlaps({ x: 0, y: 0, w: 3, h: 3 }, { x: 2.5, y: 2.5, w: 3, h: 3 })).toBe(true);
  });

  it('finds every booth that overlaps another', () => {
    const found = collisions([
      { id: 'a', x: 0, y: 0, w: 3, h: 3 },
      { id: 'b', x: 3, y: 0, w: 3, h: 3 },
      { id: 'c', x: 5, y: 2, w: 3, h: 3 },
      { id: 'd', x: 20, y: 0, w: 1, h: 1 },
      { id: 'e', x: 0, y: 10, w: 10, h: 1 },
      { id: 'f', x: 9, y: 10.5, w: 1, h: 1 },
    ]);
    expect([...found].sort()).toEqual(['b', 'c', 'e', 'f']);
  });

  it('measures the hall as the server does and leaves spare floor to drag into', () => {
    expect(extent([{ x: 1, y: 2, w: 3, h: 3 }])).toEqual({ width: 5, height: 6 });
    const canvas = canvasSize([{ x: 1, y: 2, w: 30, h: 10 }]);
    expect(canvas.width).toBeGreaterThan(32);
    expect(canvas.height).toBeGreaterThan(13);
  });

  it('clamps rectangles onto the floor', () => {
    expect(clampRect({ x: -2, y: -1, w: 0.1, h: 3 })).toEqual({ x: 0, y: 0, w: MIN_SIZE, h: 3 });
    expect(clampRect({ x: MAX_COORD, y: 0, w: 4, h: 4 })).toEqual({ x: MAX_COORD - 4, y: 0, w: 4, h: 4 });
    expect(clampRect({ x: Number.NaN, y: 1, w: 2, h: 2 }).x).toBe(0);
  });

  it('maps pointer positions to metres on a letterboxed SVG', () => {
    // 30 × 20 m drawn in a 600 × 300 px box: 15 px per metre, 75 px of margin on each side
    const rect = { left: 10, top: 20, width: 600, height: 300 };
    expect(pointerToFloor(rect, { width: 30, height: 20 }, 10 + 75 + 150, 20 + 30)).toEqual({ x: 10, y: 2 });
  });
});

describe('adding, deleting and zones', () => {
  it('finds a free spot below everything when no row has room', () => {
    expect(freeSpot([{ x: 0, y: 0, w: 10, h: 5 }], 3, 3, 10)).toEqual({ x: 1, y: 7 });
  });
});
