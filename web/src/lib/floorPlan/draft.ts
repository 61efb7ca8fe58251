// The floor-plan editor's draft: the plan being edited, whose zones and booths carry editor ids that survive a
// change of code, and the server's limits on a plan.

import type { BoothType, ProductGroup } from '../types';

/** Amenities offered as check boxes (the same words as an application's needs); others are free text. */
export const KNOWN_AMENITIES = ['power', 'water', 'coldStorage'] as const;

/** The server's limit on booths in one plan. */
export const MAX_BOOTHS = 5000;

/** A zone while it is edited: `id` is the editor's own and survives a change of code. */
export interface DraftZone {
  id: string;
  code: string;
  name: string;
  groups: ProductGroup[];
  /** The zone's English name ("" or absent: none, readers fall back to `name`). */
  nameEn?: string;
}

/** A booth while it is edited: it names its zone by the zone's editor id, so renaming a zone keeps its booths. */
export interface DraftBooth {
  id: string;
  code: string;
  zoneId: string;
  type: BoothType;
  areaM2: number;
  priceVnd: number;
  x: number;
  y: number;
  w: number;
  h: number;
  amenities: string[];
}

export interface PlanDraft {
  zones: DraftZone[];
  booths: DraftBooth[];
  /** The next number for a new editor id. */
  seq: number;
}

/** A booth someone holds or was given when the plan was loaded: removing its code is refused (409). */
export interface Occupant {
  code: string;
  status: 'Held' | 'Confirmed';
  producerName?: string | null;
}

export const EMPTY_PLAN: PlanDraft = { zones: [], booths: [], seq: 0 };

/** Codes are letters, digits, '-' or '_', 1 to 16 of them (the server's rule). */
export function isCode(code: string): boolean {
  return /^[A-Za-z0-9_-]{1,16}$/.test(code);
}

export type BoothPatch = Partial<Omit<DraftBooth, 'id'>>;

export function replaceBooths(plan: PlanDraft, change: (b: DraftBooth) => DraftBooth | null): PlanDraft {
  let changed = false;
  const booths = plan.booths.map((b) => {
    const next = change(b);
    if (!next || next === b) return b;
    changed = true;
    return next;
  });
  return changed ? { ...plan, booths } : plan;
}
