// Pure functions that keep a client's copy of a fair floor in step with the
// server's versioned event stream. Every event carries (fairId, version) and
// versions per fair have no gaps, so the client applies version current+1
// only, ignores what it already has, and asks for a resync on a gap.

import type { Booth, FairEvent, Floor, FloorSinceResponse, JoinResult } from './types';

/**
 * - `applied`: the event (or result) moved the floor forward;
 * - `ignored`: nothing to do (old/duplicate version, other fair, no floor yet);
 * - `resync`: a gap was seen; the floor is unchanged up to the last good
 *   version and the caller must fetch what it missed.
 */
export type ApplyStatus = 'applied' | 'ignored' | 'resync';

export interface ApplyResult {
  floor: Floor | null;
  status: ApplyStatus;
}

function isBooth(value: unknown): value is Booth {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { status?: unknown }).status === 'string'
  );
}

/** Replaces the booth with the same code, or appends it if it is new. */
export function upsertBooth(booths: Booth[], booth: Booth): Booth[] {
  const index = booths.findIndex((b) => b.code === booth.code);
  if (index < 0) return [...booths, booth];
  const next = booths.slice();
  // Keep the layout when the event omits it: batched events carry only the occupancy
  // (code, status, producer, hold expiry), with explicit nulls that clear a released booth.
  next[index] = { ...booths[index], ...booth };
  return next;
}

/** Applies the payload of one event, without any version check. */
function applyPayload(floor: Floor, event: FairEvent): Floor {
  const next: Floor = { ...floor, version: event.version };
  switch (event.type) {
    case 'BoothChanged': {
      if (isBooth(event.data)) next.booths = upsertBooth(floor.booths, event.data);
      return next;
    }
    case 'FairChanged': {
      // A changed floor plan may ride along; take whatever layout it carries.
      const data = event.data as Partial<Floor> | null;
      if (data && typeof data === 'object') {
        if (Array.isArray(data.booths)) next.booths = data.booths;
        if (Array.isArray(data.zones)) next.zones = data.zones;
        if (typeof data.width === 'number') next.width = data.width;
        if (typeof data.height === 'number') next.height = data.height;
      }
      return next;
    }
    default:
      // BoardChanged, DealSigned, ...: no change to the map, but the
      // version still advances so the sequence stays gap-free.
      return next;
  }
}

/** Applies one live event to the floor if it is the next version. */
export function applyFairEvent(floor: Floor | null, event: FairEvent): ApplyResult {
  if (!floor || event.fairId !== floor.fairId) return { floor, status: 'ignored' };
  if (event.version <= floor.version) return { floor, status: 'ignored' };
  if (event.version > floor.version + 1) return { floor, status: 'resync' };
  return { floor: applyPayload(floor, event), status: 'applied' };
}

/** Applies a list of events in version order; stops at the first gap. */
export function applyFairEvents(floor: Floor | null, events: readonly FairEvent[]): ApplyResult {
  let current = floor;
  let changed = false;
  const ordered = [...events].sort((a, b) => a.version - b.version);
  for (const event of ordered) {
    const result = applyFairEvent(current, event);
    if (result.status === 'resync') return { floor: current, status: 'resync' };
    if (result.status === 'applied') {
      current = result.floor;
      changed = true;
    }
  }
  return { floor: current, status: changed ? 'applied' : 'ignored' };
}

/**
 * Applies the result of `JoinFair`: a snapshot replaces the floor, events are
 * applied in order. If the floor still lags the version the server reported
 * (or there is no floor to apply events to), the caller must resync.
 */
export function applyJoinResult(floor: Floor | null, result: JoinResult): ApplyResult {
  if (result.snapshot) {
    if (floor && floor.fairId === result.snapshot.fairId && floor.version > result.snapshot.version) {
      // A live event already took us past this snapshot.
      return { floor, status: 'ignored' };
    }
    return { floor: result.snapshot, status: 'applied' };
  }
  if (!floor) return { floor, status: 'resync' };
  if (floor.fairId !== result.fairId) return { floor, status: 'ignored' };
  const applied = applyFairEvents(floor, result.events ?? []);
  if (applied.status === 'resync') return applied;
  if (applied.floor && applied.floor.version < result.version) {
    return { floor: applied.floor, status: 'resync' };
  }
  return applied;
}

export function isFullFloor(response: FloorSinceResponse): response is Floor {
  return Array.isArray((response as Floor).booths);
}

/** Applies the answer of `GET /api/fairs/{id}/floor?sinceVersion=N`. */
export function applyFloorResponse(floor: Floor | null, response: FloorSinceResponse): ApplyResult {
  if (isFullFloor(response)) {
    if (floor && floor.fairId === response.fairId && floor.version > response.version) {
      return { floor, status: 'ignored' };
    }
    return { floor: response, status: 'applied' };
  }
  if (!floor) return { floor, status: 'resync' };
  const applied = applyFairEvents(floor, response.events);
  if (applied.status === 'resync') return applied;
  if (applied.floor && applied.floor.version < response.toVersion) {
    return { floor: applied.floor, status: 'resync' };
  }
  return applied;
}

export interface ZoneBox {
  code: string;
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The bounding box of each zone's booths, for drawing zone labels. */
export function zoneBoxes(floor: Floor): ZoneBox[] {
  const boxes: ZoneBox[] = [];
  for (const zone of floor.zones) {
    const booths = floor.booths.filter((b) => b.zone === zone.code);
    if (booths.length === 0) continue;
    const minX = Math.min(...booths.map((b) => b.x));
    const minY = Math.min(...booths.map((b) => b.y));
    const maxX = Math.max(...booths.map((b) => b.x + b.w));
    const maxY = Math.max(...booths.map((b) => b.y + b.h));
    boxes.push({ code: zone.code, name: zone.name, x: minX, y: minY, w: maxX - minX, h: maxY - minY });
  }
  return boxes;
}

/** The drawing extent: the hall's size, or the booths' extent if missing. */
export function floorExtent(floor: Floor): { width: number; height: number } {
  let width = floor.width > 0 ? floor.width : 0;
  let height = floor.height > 0 ? floor.height : 0;
  if (width === 0 || height === 0) {
    for (const b of floor.booths) {
      width = Math.max(width, b.x + b.w);
      height = Math.max(height, b.y + b.h);
    }
  }
  return { width: Math.max(width, 1), height: Math.max(height, 1) };
}
