// Checks of the floor-plan editor that mirror the server's FloorPlans.Validate (with its codes), the server's own
// field errors placed on what was sent, and booths in use that a draft would drop.

import type { FieldErrors } from '../catalogue';
import { isCode, MAX_BOOTHS, type Occupant, type PlanDraft } from './draft';

/** Errors per booth and per zone (by editor id) and for the plan as a whole; messages are codes or server text. */
export interface PlanErrors {
  booths: Record<string, FieldErrors>;
  zones: Record<string, FieldErrors>;
  general: string[];
}

export const NO_ERRORS: PlanErrors = { booths: {}, zones: {}, general: [] };

export function errorCount(errors: PlanErrors): number {
  const count = (r: Record<string, FieldErrors>) =>
    Object.values(r).reduce((n, f) => n + Object.values(f).reduce((m, list) => m + list.length, 0), 0);
  return count(errors.booths) + count(errors.zones) + errors.general.length;
}

function push(target: Record<string, FieldErrors>, id: string, field: string, message: string) {
  ((target[id] ??= {})[field] ??= []).push(message);
}

/** The server's rules (FloorPlans.Validate), checked before sending; messages are the server's codes. */
export function validatePlan(plan: PlanDraft): PlanErrors {
  const errors: PlanErrors = { booths: {}, zones: {}, general: [] };
  if (plan.booths.length > MAX_BOOTHS) errors.general.push('tooMany');
  const zoneCodes = new Set<string>();
  const codeOf = new Map<string, string>();
  for (const z of plan.zones) {
    const code = z.code.trim();
    codeOf.set(z.id, code);
    if (!isCode(code)) push(errors.zones, z.id, 'code', 'invalidCode');
    else if (zoneCodes.has(code)) push(errors.zones, z.id, 'code', 'duplicate');
    else zoneCodes.add(code);
    if (z.groups.length === 0) push(errors.zones, z.id, 'groups', 'required');
  }
  const boothCodes = new Set<string>();
  for (const b of plan.booths) {
    const code = b.code.trim();
    if (!isCode(code)) push(errors.booths, b.id, 'code', 'invalidCode');
    else if (boothCodes.has(code)) push(errors.booths, b.id, 'code', 'duplicate');
    else boothCodes.add(code);
    if (!zoneCodes.has(codeOf.get(b.zoneId) ?? '')) push(errors.booths, b.id, 'zone', 'unknownZone');
    if (!(b.areaM2 > 0 && b.areaM2 <= 1000)) push(errors.booths, b.id, 'areaM2', 'outOfRange');
    if (!(b.priceVnd >= 0)) push(errors.booths, b.id, 'priceVnd', 'negative');
    if (!(b.w > 0 && b.h > 0 && b.x >= 0 && b.y >= 0)) push(errors.booths, b.id, 'position', 'invalidGeometry');
  }
  return errors;
}

/**
 * Places the server's field errors (`booths[3].code`, `zones[0].groups` …) on the booths and zones that were sent
 * at those indexes; anything else goes to `general` as "key: message".
 */
export function mapServerErrors(
  errors: Record<string, string[]> | undefined,
  sentZoneIds: readonly string[],
  sentBoothIds: readonly string[],
): PlanErrors {
  const out: PlanErrors = { booths: {}, zones: {}, general: [] };
  for (const [key, messages] of Object.entries(errors ?? {})) {
    if (!Array.isArray(messages)) continue;
    const m = /^\$?\.?(zones|booths)\[(\d+)\]\.(\w+)$/i.exec(key);
    const list = m ? (m[1].toLowerCase() === 'zones' ? sentZoneIds : sentBoothIds) : null;
    const id = m && list ? list[Number(m[2])] : undefined;
    if (m && id) {
      const field = m[3][0].toLowerCase() + m[3].slice(1);
      const target = m[1].toLowerCase() === 'zones' ? out.zones : out.booths;
      for (const message of messages) push(target, id, field, String(message));
    } else {
      for (const message of messages) out.general.push(key ? `${key}: ${message}` : String(message));
    }
  }
  return out;
}

/** Occupied booths whose code the draft no longer has: saving would be refused with 409. */
export function lostInUse(plan: PlanDraft, occupants: Readonly<Record<string, Occupant>>): Occupant[] {
  const codes = new Set(plan.booths.map((b) => b.code.trim()));
  return Object.values(occupants)
    .filter((o) => !codes.has(o.code))
    .sort((a, b) => a.code.localeCompare(b.code));
}
