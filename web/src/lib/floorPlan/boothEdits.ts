// Booth edits of the floor-plan editor: typed changes (kept on the floor), new booths named after their zone and
// put where they overlap nothing, and deletions.

import { type BoothPatch, type DraftBooth, isCode, type PlanDraft, replaceBooths } from './draft';
import { clampRect, freeSpot, round2 } from './geometry';
import { areaFollowsSize } from './moves';

/** Changes fields of one booth; a new position or size is clamped to the floor, and a drawn area follows the size. */
export function updateBooth(plan: PlanDraft, id: string, patch: BoothPatch): PlanDraft {
  return replaceBooths(plan, (b) => {
    if (b.id !== id) return null;
    let next: DraftBooth = { ...b, ...patch };
    if ('x' in patch || 'y' in patch || 'w' in patch || 'h' in patch) {
      next = { ...next, ...clampRect(next) };
      if (!('areaM2' in patch) && (next.w !== b.w || next.h !== b.h) && areaFollowsSize({ ...b })) {
        next.areaM2 = round2(next.w * next.h);
      }
    }
    return next;
  });
}

/** The zone's code followed by the next free two-digit number (A01, A02 …), as the grid names booths. */
export function nextBoothCode(plan: PlanDraft, zoneCode: string): string {
  const prefix = isCode(zoneCode) && zoneCode.length <= 13 ? zoneCode : 'N';
  const taken = new Set(plan.booths.map((b) => b.code));
  let n = 0;
  for (const code of taken) {
    if (!code.startsWith(prefix)) continue;
    const rest = code.slice(prefix.length);
    if (/^\d+$/.test(rest)) n = Math.max(n, Number(rest));
  }
  let code: string;
  do {
    n++;
    code = `${prefix}${String(n).padStart(2, '0')}`;
  } while (taken.has(code));
  return code;
}

/** Adds a booth to a zone: the next code, the size and price of the zone's last booth, the first free spot. */
export function addBooth(plan: PlanDraft, zoneId: string, width: number): { plan: PlanDraft; id: string } {
  const zone = plan.zones.find((z) => z.id === zoneId);
  const like = [...plan.booths].reverse().find((b) => b.zoneId === zoneId) ?? plan.booths[plan.booths.length - 1];
  const w = like?.w ?? 3;
  const h = like?.h ?? 3;
  const spot = freeSpot(plan.booths, w, h, Math.max(width, w + 1));
  const id = `b${plan.seq}`;
  const booth: DraftBooth = {
    id,
    code: nextBoothCode(plan, zone?.code ?? ''),
    zoneId: zone?.id ?? '',
    type: 'Standard',
    areaM2: round2(w * h),
    priceVnd: like && like.type === 'Standard' ? like.priceVnd : (plan.booths.find((b) => b.type === 'Standard')?.priceVnd ?? 2_000_000),
    ...clampRect({ x: spot.x, y: spot.y, w, h }),
    amenities: [...(like?.amenities ?? [])],
  };
  return { plan: { ...plan, booths: [...plan.booths, booth], seq: plan.seq + 1 }, id };
}

export function deleteBooths(plan: PlanDraft, ids: Iterable<string>): PlanDraft {
  const gone = new Set(ids);
  if (gone.size === 0) return plan;
  const booths = plan.booths.filter((b) => !gone.has(b.id));
  return booths.length === plan.booths.length ? plan : { ...plan, booths };
}
