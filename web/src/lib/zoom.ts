// The map's zoom and pan as pure arithmetic: a view is the visible part of the floor (a viewBox) within its extent.

export interface View {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const MAX_ZOOM = 6;

/** The whole floor. */
export function fullView(width: number, height: number): View {
  return { x: 0, y: 0, w: width, h: height };
}

/** How far `view` is zoomed into a floor `width` wide (1: the whole floor). */
export function zoomOf(view: View, width: number): number {
  return view.w > 0 ? width / view.w : 1;
}

/** The view kept inside the floor: never wider than the floor, never past its edges. */
export function clampView(view: View, width: number, height: number): View {
  const w = Math.min(Math.max(view.w, width / MAX_ZOOM), width);
  const h = (w / width) * height;
  const x = Math.min(Math.max(view.x, 0), width - w);
  const y = Math.min(Math.max(view.y, 0), height - h);
  return { x, y, w, h };
}

/**
 * The view zoomed by `factor` (2: twice as close) around the floor point (`fx`, `fy`), which stays where it is on
 * the screen; clamped to the floor.
 */
export function zoomAt(view: View, factor: number, fx: number, fy: number, width: number, height: number): View {
  const w = view.w / factor;
  const h = view.h / factor;
  const x = fx - ((fx - view.x) / view.w) * w;
  const y = fy - ((fy - view.y) / view.h) * h;
  return clampView({ x, y, w, h }, width, height);
}

/** The view moved by (`dx`, `dy`) in floor units; clamped to the floor. */
export function panBy(view: View, dx: number, dy: number, width: number, height: number): View {
  return clampView({ ...view, x: view.x + dx, y: view.y + dy }, width, height);
}

/** A view centred on a box (a booth), at least `zoom` close; clamped. */
export function centreOn(view: View, box: View, width: number, height: number): View {
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  return clampView({ ...view, x: cx - view.w / 2, y: cy - view.h / 2 }, width, height);
}
