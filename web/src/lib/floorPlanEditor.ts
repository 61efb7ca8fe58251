// Pure logic of the floor-plan editor: the draft plan and its edits (move, resize, snap, clamp, add, delete,
// zones), overlap and validity checks that mirror the server's FloorPlans.Validate, undo, and dirty tracking.
// The page only draws the state and turns pointer and key events into the actions below.

import type { FieldErrors } from './catalogue';
import type { BoothSpec, BoothType, Floor, FloorPlanRequest, GridRequest, ProductGroup, Zone } from './types';

export const BOOTH_TYPES: readonly BoothType[] = ['Standard', 'Corner', 'Premium', 'Outdoor'];
/** Amenities offered as check boxes (the same words as an application's needs); others are free text. */
export const KNOWN_AMENITIES = ['power', 'water', 'coldStorage'] as const;
/** The smallest booth side, in metres. */
export const MIN_SIZE = 0.5;
/** No booth edge lies beyond this many metres from the hall's corner. */
export const MAX_COORD = 1000;
/** The server's limit on booths in one plan. */
export const MAX_BOOTHS = 5000;
export const HISTORY_LIMIT = 50;
/** Snap steps the editor offers, in metres (0: no snapping, positions kept to the centimetre). */
export const SNAP_STEPS: readonly number[] = [0, 0.5, 1];
export const DEFAULT_SNAP = 0.5;

// The draft

/** A zone while it is edited: `id` is the editor's own and survives a change of code. */
export interface DraftZone {
  id: string;
  code: string;
  name: string;
  groups: ProductGroup[];
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

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const EMPTY_PLAN: PlanDraft = { zones: [], booths: [], seq: 0 };

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

/** Codes are letters, digits, '-' or '_', 1 to 16 of them (the server's rule). */
export function isCode(code: string): boolean {
  return /^[A-Za-z0-9_-]{1,16}$/.test(code);
}

const isNumber = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** The editor's draft of a floor, and the booths in use (by editor id). */
export function fromFloor(floor: Pick<Floor, 'zones' | 'booths'>): { plan: PlanDraft; occupants: Record<string, Occupant> } {
  const zones: DraftZone[] = (floor.zones ?? []).map((z, i) => ({
    id: `z${i}`,
    code: z.code,
    name: z.name ?? '',
    groups: [...(z.groups ?? [])],
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
    zones: plan.zones.map((z): Zone => ({ code: z.code.trim(), name: z.name.trim() || z.code.trim(), groups: [...z.groups] })),
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

// Geometry

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

// Moving and resizing

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

function replaceBooths(plan: PlanDraft, change: (b: DraftBooth) => DraftBooth | null): PlanDraft {
  let changed = false;
  const booths = plan.booths.map((b) => {
    const next = change(b);
    if (!next || next === b) return b;
    changed = true;
    return next;
  });
  return changed ? { ...plan, booths } : plan;
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
function areaFollowsSize(o: Origin): boolean {
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

// Booth and zone edits

export type BoothPatch = Partial<Omit<DraftBooth, 'id'>>;

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

// Checks

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

/** Fields of a booth that an edit of `patch` answers; position errors go with x, y, w and h. */
function touchedFields(patch: BoothPatch): string[] {
  const fields = Object.keys(patch).map((k) => (k === 'zoneId' ? 'zone' : k));
  if (fields.some((f) => f === 'x' || f === 'y' || f === 'w' || f === 'h')) fields.push('position');
  return fields;
}

function dropFields(record: Record<string, FieldErrors>, id: string, fields: readonly string[]): Record<string, FieldErrors> {
  const current = record[id];
  if (!current || !fields.some((f) => f in current)) return record;
  const left: FieldErrors = { ...current };
  for (const f of fields) delete left[f];
  const next = { ...record };
  if (Object.keys(left).length === 0) delete next[id];
  else next[id] = left;
  return next;
}

/** Occupied booths whose code the draft no longer has: saving would be refused with 409. */
export function lostInUse(plan: PlanDraft, occupants: Readonly<Record<string, Occupant>>): Occupant[] {
  const codes = new Set(plan.booths.map((b) => b.code.trim()));
  return Object.values(occupants)
    .filter((o) => !codes.has(o.code))
    .sort((a, b) => a.code.localeCompare(b.code));
}

// The grid form

export interface GridZoneForm {
  code: string;
  name: string;
  groups: ProductGroup[];
  booths: string;
}

export interface GridForm {
  zones: GridZoneForm[];
  perRow: string;
  boothWidth: string;
  boothDepth: string;
  priceVnd: string;
}

/** The grid form for a plan: its zones (with their booth counts) or one zone taking the fair's groups. */
export function gridFormFor(plan: PlanDraft, acceptedGroups: readonly ProductGroup[] = []): GridForm {
  const zones: GridZoneForm[] = plan.zones.length
    ? plan.zones.map((z) => ({ code: z.code, name: z.name, groups: [...z.groups], booths: String(boothsInZone(plan, z.id) || 10) }))
    : [{ code: 'A', name: '', groups: acceptedGroups.slice(0, 1), booths: '10' }];
  const first = plan.booths[0];
  return {
    zones,
    perRow: '10',
    boothWidth: String(first?.w ?? 3),
    boothDepth: String(first?.h ?? 3),
    priceVnd: String(plan.booths.find((b) => b.type === 'Standard')?.priceVnd ?? 2_000_000),
  };
}

function parseNumber(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Checks the grid form as the server would and builds its request; errors are keyed like the server's. */
export function gridFormToRequest(form: GridForm): { request: GridRequest | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const add = (key: string, code: string) => (errors[key] ??= []).push(code);
  if (form.zones.length === 0) add('zones', 'required');
  const seen = new Set<string>();
  const zones = form.zones.map((z, i) => {
    const code = z.code.trim();
    if (!isCode(code) || code.length > 13) add(`zones[${i}].code`, 'invalidCode');
    else if (seen.has(code)) add(`zones[${i}].code`, 'duplicate');
    seen.add(code);
    if (z.groups.length === 0) add(`zones[${i}].groups`, 'required');
    const booths = parseNumber(z.booths);
    if (booths === null || !Number.isInteger(booths) || booths < 1 || booths > 1000) add(`zones[${i}].booths`, 'outOfRange');
    return { code, name: z.name.trim() || code, groups: [...z.groups], booths: booths ?? 0 };
  });
  const perRow = parseNumber(form.perRow);
  if (perRow === null || !Number.isInteger(perRow) || perRow < 1 || perRow > 100) add('perRow', 'outOfRange');
  const boothWidth = parseNumber(form.boothWidth);
  if (boothWidth === null || boothWidth <= 0 || boothWidth > 50) add('boothWidth', 'outOfRange');
  const boothDepth = parseNumber(form.boothDepth);
  if (boothDepth === null || boothDepth <= 0 || boothDepth > 50) add('boothDepth', 'outOfRange');
  const priceVnd = parseNumber(form.priceVnd.replace(/[.\s₫]/g, ''));
  if (priceVnd === null || priceVnd < 0) add('priceVnd', 'negative');
  if (zones.reduce((n, z) => n + z.booths, 0) > MAX_BOOTHS) add('zones', 'tooMany');
  if (Object.keys(errors).length > 0) return { request: null, errors };
  return {
    request: { zones, perRow: perRow!, boothWidth: boothWidth!, boothDepth: boothDepth!, priceVnd: Math.round(priceVnd!) },
    errors,
  };
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

// The editor's state

export interface EditorState {
  /** What the server has (the last load or save). */
  saved: PlanDraft;
  plan: PlanDraft;
  occupants: Record<string, Occupant>;
  /** Selected booth ids; the first is the lead of a keyboard move. */
  selected: string[];
  past: PlanDraft[];
  future: PlanDraft[];
  errors: PlanErrors;
  /** The floor version the draft started from. */
  version: number | null;
  /** The field last typed into: typing on in it adds no further undo steps. */
  lastEdit: string | null;
}

export const INITIAL_EDITOR: EditorState = {
  saved: EMPTY_PLAN,
  plan: EMPTY_PLAN,
  occupants: {},
  selected: [],
  past: [],
  future: [],
  errors: NO_ERRORS,
  version: null,
  lastEdit: null,
};

export type SelectMode = 'replace' | 'toggle' | 'add';

export type EditorAction =
  | { type: 'load'; floor: Pick<Floor, 'zones' | 'booths'> & { version?: number } }
  | { type: 'select'; ids: readonly string[]; mode?: SelectMode }
  | { type: 'selectZone'; zoneId: string }
  /** Before a drag changes anything: one undo step for the whole gesture. */
  | { type: 'checkpoint' }
  | { type: 'move'; origins: ReadonlyMap<string, Origin>; dx: number; dy: number; step: number; lead?: string }
  | { type: 'resize'; id: string; origin: Origin; dw: number; dh: number; step: number }
  | { type: 'nudge'; dirX: -1 | 0 | 1; dirY: -1 | 0 | 1; step: number }
  | { type: 'resizeStep'; dirW: -1 | 0 | 1; dirH: -1 | 0 | 1; step: number }
  | { type: 'updateBooth'; id: string; patch: BoothPatch }
  | { type: 'addBooth'; zoneId: string; width: number }
  | { type: 'deleteSelected' }
  | { type: 'assignZone'; zoneId: string }
  | { type: 'addZone'; groups?: readonly ProductGroup[] }
  | { type: 'updateZone'; id: string; patch: Partial<Omit<DraftZone, 'id'>> }
  | { type: 'removeZone'; id: string }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'errors'; errors: PlanErrors };

/** A new plan from an edit: the old one goes on the undo stack (unless a gesture's checkpoint is already there). */
function commit(state: EditorState, plan: PlanDraft, record = true, patch: Partial<EditorState> = {}): EditorState {
  if (plan === state.plan) return Object.keys(patch).length ? { ...state, ...patch } : state;
  const lastEdit = patch.lastEdit ?? null;
  const recorded = record && !(lastEdit !== null && lastEdit === state.lastEdit);
  const past = recorded ? [...state.past, state.plan].slice(-HISTORY_LIMIT) : state.past;
  return { ...state, ...patch, plan, past, future: recorded ? [] : state.future, lastEdit };
}

const editKey = (kind: string, id: string, patch: object) => `${kind}:${id}:${Object.keys(patch).sort().join(',')}`;

function keepSelected(selected: readonly string[], plan: PlanDraft): string[] {
  const ids = new Set(plan.booths.map((b) => b.id));
  const kept = selected.filter((id) => ids.has(id));
  return kept.length === selected.length ? (selected as string[]) : kept;
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'load': {
      const { plan, occupants } = fromFloor(action.floor);
      // Keep the same booths selected across a save, by code.
      const codes = new Set(state.plan.booths.filter((b) => state.selected.includes(b.id)).map((b) => b.code));
      const selected = plan.booths.filter((b) => codes.has(b.code)).map((b) => b.id);
      return {
        ...INITIAL_EDITOR,
        saved: plan,
        plan,
        occupants,
        selected,
        version: action.floor.version ?? null,
      };
    }
    case 'select': {
      if (action.ids.length === 0 && state.selected.length === 0) return state;
      const mode = action.mode ?? 'replace';
      let selected: string[];
      if (mode === 'replace') selected = [...action.ids];
      else if (mode === 'add') selected = [...state.selected, ...action.ids.filter((id) => !state.selected.includes(id))];
      else {
        selected = state.selected.filter((id) => !action.ids.includes(id));
        for (const id of action.ids) if (!state.selected.includes(id)) selected.push(id);
      }
      return { ...state, selected };
    }
    case 'selectZone':
      return { ...state, selected: state.plan.booths.filter((b) => b.zoneId === action.zoneId).map((b) => b.id) };
    case 'checkpoint':
      return { ...state, past: [...state.past, state.plan].slice(-HISTORY_LIMIT), future: [], lastEdit: null };
    case 'move': {
      const plan = moveFrom(state.plan, action.origins, action.dx, action.dy, action.step, action.lead);
      let booths = state.errors.booths;
      for (const id of action.origins.keys()) booths = dropFields(booths, id, ['position']);
      return commit(state, plan, false, booths === state.errors.booths ? {} : { errors: { ...state.errors, booths } });
    }
    case 'resize': {
      const plan = resizeFrom(state.plan, action.id, action.origin, action.dw, action.dh, action.step);
      const booths = dropFields(state.errors.booths, action.id, ['position', 'areaM2']);
      return commit(state, plan, false, booths === state.errors.booths ? {} : { errors: { ...state.errors, booths } });
    }
    case 'nudge':
      return commit(state, nudge(state.plan, state.selected, action.dirX, action.dirY, action.step));
    case 'resizeStep':
      return state.selected.length === 1
        ? commit(state, resizeStep(state.plan, state.selected[0], action.dirW, action.dirH, action.step))
        : state;
    case 'updateBooth': {
      const plan = updateBooth(state.plan, action.id, action.patch);
      const booths = dropFields(state.errors.booths, action.id, touchedFields(action.patch));
      const lastEdit = editKey('b', action.id, action.patch);
      return commit(state, plan, true, booths === state.errors.booths ? { lastEdit } : { lastEdit, errors: { ...state.errors, booths } });
    }
    case 'addBooth': {
      const { plan, id } = addBooth(state.plan, action.zoneId, action.width);
      return commit(state, plan, true, { selected: [id] });
    }
    case 'deleteSelected': {
      const plan = deleteBooths(state.plan, state.selected);
      return commit(state, plan, true, { selected: [] });
    }
    case 'assignZone': {
      const plan = assignZone(state.plan, state.selected, action.zoneId);
      let booths = state.errors.booths;
      for (const id of state.selected) booths = dropFields(booths, id, ['zone']);
      return commit(state, plan, true, { errors: { ...state.errors, booths } });
    }
    case 'addZone':
      return commit(state, addZone(state.plan, action.groups).plan);
    case 'updateZone': {
      const plan = updateZone(state.plan, action.id, action.patch);
      const zones = dropFields(state.errors.zones, action.id, Object.keys(action.patch));
      const lastEdit = editKey('z', action.id, action.patch);
      return commit(state, plan, true, zones === state.errors.zones ? { lastEdit } : { lastEdit, errors: { ...state.errors, zones } });
    }
    case 'removeZone':
      return commit(state, removeZone(state.plan, action.id));
    case 'undo': {
      if (state.past.length === 0) return state;
      const plan = state.past[state.past.length - 1];
      return {
        ...state,
        plan,
        past: state.past.slice(0, -1),
        future: [state.plan, ...state.future].slice(0, HISTORY_LIMIT),
        selected: keepSelected(state.selected, plan),
        lastEdit: null,
      };
    }
    case 'redo': {
      if (state.future.length === 0) return state;
      const plan = state.future[0];
      return {
        ...state,
        plan,
        past: [...state.past, state.plan].slice(-HISTORY_LIMIT),
        future: state.future.slice(1),
        selected: keepSelected(state.selected, plan),
        lastEdit: null,
      };
    }
    case 'errors':
      return { ...state, errors: action.errors };
  }
}
