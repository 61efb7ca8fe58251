import { describe, expect, it } from 'vitest';
import { centreOn, clampView, fullView, MAX_ZOOM, panBy, zoomAt, zoomOf } from './zoom';

describe('map zoom', () => {
  const full = fullView(40, 20);

  it('zooms around a point that stays put', () => {
    const v = zoomAt(full, 2, 10, 5, 40, 20);
    expect(v).toEqual({ x: 5, y: 2.5, w: 20, h: 10 });
    expect(zoomOf(v, 40)).toBe(2);
    // The point keeps its place on screen: (10 - 5) / 20 = 10 / 40.
    expect((10 - v.x) / v.w).toBeCloseTo(10 / 40);
  });

  it('never zooms out past the floor, nor in past the most', () => {
    expect(zoomAt(full, 0.5, 20, 10, 40, 20)).toEqual(full);
    expect(zoomOf(zoomAt(full, 100, 20, 10, 40, 20), 40)).toBeCloseTo(MAX_ZOOM);
  });

  it('pans within the floor', () => {
    const v = zoomAt(full, 2, 20, 10, 40, 20);
    expect(panBy(v, -100, 0, 40, 20).x).toBe(0);
    expect(panBy(v, 100, 100, 40, 20)).toEqual({ x: 20, y: 10, w: 20, h: 10 });
    expect(clampView(full, 40, 20)).toEqual(full);
  });

  it('centres on a booth', () => {
    const v = centreOn({ x: 0, y: 0, w: 10, h: 5 }, { x: 20, y: 10, w: 2, h: 2 }, 40, 20);
    expect(v).toEqual({ x: 16, y: 8.5, w: 10, h: 5 });
  });
});
