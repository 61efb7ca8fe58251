// Geometry and snapping of the floor-plan editor, in metres: the snap grid, overlaps, the hall's extent, keeping
// rectangles on the floor and mapping pointer positions onto the drawing.


/** The smallest booth side, in metres. */
export const MIN_SIZE = 0.5;

/** No booth edge lies beyond this many metres from the hall's corner. */
export const MAX_COORD = 1000;

/** Snap steps the editor offers, in metres (0: no snapping, positions kept to the centimetre). */
export const SNAP_STEPS: readonly number[] = [0, 0.5, 1];

export const DEFAULT_SNAP = 0.5;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Rounds to the centimetre, so 0.1 + 0.2 is 0.3 on the wire and on screen. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** `value` on the nearest multiple of `step`; with no step, only rounded to the centimetre. */
export function snap(value: number, step: number): number {
  if (!(step > 0)) return round2(value);
  return round2(Math.round(value / step) * step);
}

/** The next grid line from `value` in `direction` (1.3 → 1.5 or 1.0 with a step of 0.5); with no step, one centimetre. */
export function stepTo(value: number, direction: 1 | -1, step: number): number {
  if (!(step > 0)) return round2(value + direction * 0.01);
  const n = value / step;
  const next = direction > 0 ? Math.floor(n + 1e-9) + 1 : Math.ceil(n - 1e-9) - 1;
  return round2(next * step);
}

export const isNumber = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

const EPS = 1e-6;

/** True when two booths share some floor (touching edges do not count). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w - EPS && b.x < a.x + a.w - EPS && a.y < b.y + b.h - EPS && b.y < a.y + a.h - EPS;
}

/** Ids of the booths that overlap another booth (a sweep along x, fine for thousands). */
export function collisions(booths: readonly (Rect & { id: string })[]): Set<string> {
  const out = new Set<string>();
  const sorted = [...booths].sort((a, b) => a.x - b.x);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].x < a.x + a.w - EPS; j++) {
      if (overlaps(a, sorted[j])) {
        out.add(a.id);
        out.add(sorted[j].id);
      }
    }
  }
  return out;
}

/** The hall as the server computes it: the booths' extent plus one metre. */
export function extent(booths: readonly Rect[]): { width: number; height: number } {
  let width = 0;
  let height = 0;
  for (const b of booths) {
    width = Math.max(width, b.x + b.w);
    height = Math.max(height, b.y + b.h);
  }
  return { width: round2(width + 1), height: round2(height + 1) };
}

/** The drawing area of the editor: the hall and some spare floor to the right and below to drag booths into. */
export function canvasSize(booths: readonly Rect[], minimum?: { width: number; height: number }): { width: number; height: number } {
  const e = extent(booths);
  const width = Math.max(e.width, minimum?.width ?? 0, 12);
  const height = Math.max(e.height, minimum?.height ?? 0, 8);
  const spare = Math.max(4, Math.round(Math.max(width, height) * 0.15));
  return { width: Math.min(Math.ceil(width + spare), MAX_COORD), height: Math.min(Math.ceil(height + spare), MAX_COORD) };
}

/** A rectangle kept on the floor: sides at least MIN_SIZE, nothing left of or above the corner or beyond MAX_COORD. */
export function clampRect(r: Rect): Rect {
  const w = round2(Math.min(Math.max(isNumber(r.w) ? r.w : MIN_SIZE, MIN_SIZE), MAX_COORD));
  const h = round2(Math.min(Math.max(isNumber(r.h) ? r.h : MIN_SIZE, MIN_SIZE), MAX_COORD));
  const x = round2(Math.min(Math.max(isNumber(r.x) ? r.x : 0, 0), MAX_COORD - w));
  const y = round2(Math.min(Math.max(isNumber(r.y) ? r.y : 0, 0), MAX_COORD - h));
  return { x, y, w, h };
}

/** Maps a pointer position to floor metres on an SVG drawn with `preserveAspectRatio="xMidYMid meet"`. */
export function pointerToFloor(
  rect: { left: number; top: number; width: number; height: number },
  view: { width: number; height: number },
  clientX: number,
  clientY: number,
): { x: number; y: number } {
  const scale = Math.min(rect.width / view.width, rect.height / view.height) || 1;
  const offsetX = (rect.width - view.width * scale) / 2;
  const offsetY = (rect.height - view.height * scale) / 2;
  return { x: (clientX - rect.left - offsetX) / scale, y: (clientY - rect.top - offsetY) / scale };
}

/** The first spot, reading the floor row by row, where a w × h booth fits without overlapping and within `width`. */
export function freeSpot(booths: readonly Rect[], w: number, h: number, width: number): { x: number; y: number } {
  const candidates: { x: number; y: number }[] = [{ x: 1, y: 2 }];
  for (const b of booths) candidates.push({ x: round2(b.x + b.w), y: b.y });
  candidates.sort((a, b) => a.y - b.y || a.x - b.x);
  for (const c of candidates) {
    if (c.x + w > width) continue;
    const r = { x: c.x, y: c.y, w, h };
    if (!booths.some((b) => overlaps(r, b))) return c;
  }
  const bottom = booths.reduce((m, b) => Math.max(m, b.y + b.h), 0);
  return { x: 1, y: round2(bottom + 2) };
}
