// Moving and resizing booths: a drag from where a gesture began, and the arrow keys' steps to the next grid line.

import { type PlanDraft, replaceBooths } from './draft';
import { clampRect, MAX_COORD, type Rect, round2, snap, stepTo } from './geometry';

export interface Origin extends Rect {
  areaM2: number;
}

/** Where the given booths were when a gesture began. */
export function originsOf(plan: PlanDraft, ids: Iterable<string>): Map<string, Origin> {
  const wanted = new Set(ids);
  const out = new Map<string, Origin>();
  for (const b of plan.booths) if (wanted.has(b.id)) out.set(b.id, { x: b.x, y: b.y, w: b.w, h: b.h, areaM2: b.areaM2 });
  return out;
}

/**
 * Moves the booths of a gesture by (dx, dy) metres from where they started. The lead booth (the one under the
 * pointer) lands on the snap grid and the others keep their places relative to it; the group stops at the hall's
 * edges rather than squeezing.
 */
export function moveFrom(
  plan: PlanDraft,
  origins: ReadonlyMap<string, Origin>,
  dx: number,
  dy: number,
  step: number,
  leadId?: string,
): PlanDraft {
  if (origins.size === 0) return plan;
  const lead = (leadId && origins.get(leadId)) || origins.values().next().value!;
  let tx = snap(lead.x + dx, step) - lead.x;
  let ty = snap(lead.y + dy, step) - lead.y;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const o of origins.values()) {
    minX = Math.min(minX, o.x);
    minY = Math.min(minY, o.y);
    maxX = Math.max(maxX, o.x + o.w);
    maxY = Math.max(maxY, o.y + o.h);
  }
  tx = Math.min(Math.max(tx, -minX), MAX_COORD - maxX);
  ty = Math.min(Math.max(ty, -minY), MAX_COORD - maxY);
  return replaceBooths(plan, (b) => {
    const o = origins.get(b.id);
    if (!o) return null;
    const x = round2(o.x + tx);
    const y = round2(o.y + ty);
    return x === b.x && y === b.y ? b : { ...b, x, y };
  });
}

/** Arrow-key nudge: the selection moves to the next snap line (one centimetre without snapping). */
export function nudge(plan: PlanDraft, ids: readonly string[], dirX: -1 | 0 | 1, dirY: -1 | 0 | 1, step: number): PlanDraft {
  const origins = originsOf(plan, ids);
  if (origins.size === 0) return plan;
  const lead = origins.get(ids[0]) ?? origins.values().next().value!;
  const dx = dirX === 0 ? 0 : stepTo(lead.x, dirX, step) - lead.x;
  const dy = dirY === 0 ? 0 : stepTo(lead.y, dirY, step) - lead.y;
  // The lead is already on the grid line it goes to: move without snapping again.
  return moveFrom(plan, origins, dx, dy, 0, ids[0]);
}

/** Whether a booth's area was its drawn size (then a resize keeps them equal). */
export function areaFollowsSize(o: Origin): boolean {
  return Math.abs(o.areaM2 - o.w * o.h) < 0.01;
}

/** Resizes one booth by dragging its bottom-right corner (dw, dh) metres; the far edges land on the snap grid. */
export function resizeFrom(plan: PlanDraft, id: string, origin: Origin, dw: number, dh: number, step: number): PlanDraft {
  const right = snap(origin.x + origin.w + dw, step);
  const bottom = snap(origin.y + origin.h + dh, step);
  const r = clampRect({ x: origin.x, y: origin.y, w: right - origin.x, h: bottom - origin.y });
  return replaceBooths(plan, (b) => {
    if (b.id !== id) return null;
    if (b.w === r.w && b.h === r.h) return b;
    const areaM2 = areaFollowsSize(origin) ? round2(r.w * r.h) : b.areaM2;
    return { ...b, w: r.w, h: r.h, areaM2 };
  });
}

/** Shift+arrow: the booth's right or bottom edge moves to the next snap line. */
export function resizeStep(plan: PlanDraft, id: string, dirW: -1 | 0 | 1, dirH: -1 | 0 | 1, step: number): PlanDraft {
  const b = plan.booths.find((x) => x.id === id);
  if (!b) return plan;
  const origin: Origin = { x: b.x, y: b.y, w: b.w, h: b.h, areaM2: b.areaM2 };
  const dw = dirW === 0 ? 0 : stepTo(b.x + b.w, dirW, step) - (b.x + b.w);
  const dh = dirH === 0 ? 0 : stepTo(b.y + b.h, dirH, step) - (b.y + b.h);
  return resizeFrom(plan, id, origin, dw, dh, 0);
}
