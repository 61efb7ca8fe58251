// The floor-plan editor's draft to and from the API: a floor becomes a draft, a draft becomes the PUT body (what
// decides whether there is anything to save), and a CSV import's errors become lines to show.

import type { BoothSpec, Floor, FloorPlanRequest, Zone } from '../types';
import type { DraftBooth, DraftZone, Occupant, PlanDraft } from './draft';
import { isNumber, round2 } from './geometry';

/** The editor's draft of a floor, and the booths in use (by editor id). */
export function fromFloor(floor: Pick<Floor, 'zones' | 'booths'>): { plan: PlanDraft; occupants: Record<string, Occupant> } {
  const zones: DraftZone[] = (floor.zones ?? []).map((z, i) => ({
    id: `z${i}`,
    code: z.code,
    name: z.name ?? '',
    groups: [...(z.groups ?? [])],
    nameEn: z.nameEn ?? '',
  }));
  const zoneId = new Map(zones.map((z) => [z.code, z.id]));
  const occupants: Record<string, Occupant> = {};
  const booths: DraftBooth[] = (floor.booths ?? []).map((b, i) => {
    const id = `b${i}`;
    if (b.status === 'Held' || b.status === 'Confirmed') {
      occupants[id] = { code: b.code, status: b.status, producerName: b.producerName ?? null };
    }
    return {
      id,
      code: b.code,
      zoneId: zoneId.get(b.zone) ?? '',
      type: b.type,
      areaM2: isNumber(b.areaM2) ? b.areaM2 : 0,
      priceVnd: isNumber(b.priceVnd) ? b.priceVnd : 0,
      x: isNumber(b.x) ? b.x : 0,
      y: isNumber(b.y) ? b.y : 0,
      w: isNumber(b.w) ? b.w : 3,
      h: isNumber(b.h) ? b.h : 3,
      amenities: [...(b.amenities ?? [])],
    };
  });
  return { plan: { zones, booths, seq: zones.length + booths.length }, occupants };
}

/** Trimmed, without blanks or repeats, in first-seen order. */
export function cleanAmenities(list: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of list) {
    const v = a.trim();
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}

/** The body of `PUT /floor-plan`. */
export function toRequest(plan: PlanDraft): FloorPlanRequest {
  const code = new Map(plan.zones.map((z) => [z.id, z.code.trim()]));
  return {
    zones: plan.zones.map(
      (z): Zone => ({
        code: z.code.trim(),
        name: z.name.trim() || z.code.trim(),
        groups: [...z.groups],
        ...(z.nameEn?.trim() ? { nameEn: z.nameEn.trim() } : {}),
      }),
    ),
    booths: plan.booths.map(
      (b): BoothSpec => ({
        code: b.code.trim(),
        zone: code.get(b.zoneId) ?? '',
        type: b.type,
        areaM2: round2(b.areaM2),
        priceVnd: Math.round(b.priceVnd),
        x: round2(b.x),
        y: round2(b.y),
        w: round2(b.w),
        h: round2(b.h),
        amenities: cleanAmenities(b.amenities),
      }),
    ),
  };
}

/** What the server would store: two drafts with the same key need no save. */
export function planKey(plan: PlanDraft): string {
  return JSON.stringify(toRequest(plan));
}

export function isDirty(saved: PlanDraft, plan: PlanDraft): boolean {
  return saved !== plan && planKey(saved) !== planKey(plan);
}

/** CSV import errors as lines: `rows[N].field` names the file's data row N, `booths[i].field` row i + 1. */
export function csvErrorLines(errors: Record<string, string[]> | undefined): { row: number | null; field: string; messages: string[] }[] {
  return Object.entries(errors ?? {}).map(([key, messages]) => {
    const m = /^(rows|booths)\[(\d+)\]\.(\w+)$/i.exec(key);
    if (!m) return { row: null, field: key, messages };
    const n = Number(m[2]);
    return { row: m[1].toLowerCase() === 'rows' ? n : n + 1, field: m[3], messages };
  });
}
