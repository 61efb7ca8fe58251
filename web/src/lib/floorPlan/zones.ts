// Zones of the floor-plan editor: adding, renaming and removing them, and moving booths between them.

import type { ProductGroup } from '../types';
import { type DraftZone, type PlanDraft, replaceBooths } from './draft';

export function assignZone(plan: PlanDraft, ids: Iterable<string>, zoneId: string): PlanDraft {
  const wanted = new Set(ids);
  return replaceBooths(plan, (b) => (wanted.has(b.id) && b.zoneId !== zoneId ? { ...b, zoneId } : null));
}

/** A new zone with the first unused single-letter code (A, B, … then Z1, Z2 …). */
export function addZone(plan: PlanDraft, groups: readonly ProductGroup[] = []): { plan: PlanDraft; id: string } {
  const used = new Set(plan.zones.map((z) => z.code));
  let code = '';
  for (let c = 65; c <= 90 && !code; c++) if (!used.has(String.fromCharCode(c))) code = String.fromCharCode(c);
  for (let n = 1; !code; n++) if (!used.has(`Z${n}`)) code = `Z${n}`;
  const id = `z${plan.seq}`;
  return { plan: { ...plan, zones: [...plan.zones, { id, code, name: '', groups: [...groups] }], seq: plan.seq + 1 }, id };
}

export function updateZone(plan: PlanDraft, id: string, patch: Partial<Omit<DraftZone, 'id'>>): PlanDraft {
  let changed = false;
  const zones = plan.zones.map((z) => {
    if (z.id !== id) return z;
    changed = true;
    return { ...z, ...patch };
  });
  return changed ? { ...plan, zones } : plan;
}

export function boothsInZone(plan: PlanDraft, zoneId: string): number {
  return plan.booths.reduce((n, b) => (b.zoneId === zoneId ? n + 1 : n), 0);
}

/** Removes an empty zone; a zone that still has booths stays (move its booths first). */
export function removeZone(plan: PlanDraft, id: string): PlanDraft {
  if (boothsInZone(plan, id) > 0) return plan;
  const zones = plan.zones.filter((z) => z.id !== id);
  return zones.length === plan.zones.length ? plan : { ...plan, zones };
}
