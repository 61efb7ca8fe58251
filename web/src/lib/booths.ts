// Pure booth logic for the fair page and the hall display: hold countdowns,
// the producer's own booths, map filters and occupancy.

import { PRODUCT_GROUPS } from './catalogue';
import type { Booth, BoothStatus, BoothType, FairDetails, FairStatus, Zone } from './types';

export { PRODUCT_GROUPS };

// Countdown

/** Milliseconds left until `expiresAt` (ISO), never negative; 0 when missing or unreadable. */
export function remainingMs(expiresAt: string | null | undefined, now: number): number {
  if (!expiresAt) return 0;
  const end = Date.parse(expiresAt);
  if (Number.isNaN(end)) return 0;
  return Math.max(end - now, 0);
}

/**
 * "mm:ss" for a countdown, rounded up to the next whole second so "00:00"
 * shows only once the time is really up. Never negative; minutes keep
 * counting past 59 ("75:00").
 */
export function formatCountdown(ms: number): string {
  const seconds = Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 0;
  const mm = Math.floor(seconds / 60);
  const ss = seconds % 60;
  return `${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
}

// The producer's own booths

const OCCUPIED: readonly BoothStatus[] = ['Held', 'Confirmed'];

/**
 * Whether `booth` is held or confirmed by this producer. The booth's own
 * `producerId` decides when it carries one; otherwise the codes from
 * `GET /booths/mine` do. A Free or Blocked booth is never "mine".
 */
export function isMine(
  booth: Booth,
  producerId: string | null | undefined,
  mineCodes?: ReadonlySet<string> | readonly string[] | null,
): boolean {
  if (!producerId || !OCCUPIED.includes(booth.status)) return false;
  if (booth.producerId) return booth.producerId === producerId;
  if (!mineCodes) return false;
  return Array.isArray(mineCodes)
    ? mineCodes.includes(booth.code)
    : (mineCodes as ReadonlySet<string>).has(booth.code);
}

/** The codes of all booths that are mine, for the map outline. */
export function mineSet(
  booths: readonly Booth[],
  producerId: string | null | undefined,
  mineCodes?: ReadonlySet<string> | readonly string[] | null,
): Set<string> {
  const out = new Set<string>();
  if (!producerId) return out;
  for (const b of booths) if (isMine(b, producerId, mineCodes)) out.add(b.code);
  return out;
}

/** Fair states in which producers may hold, confirm and release booths. */
export const HOLD_STATUSES: readonly FairStatus[] = ['Published', 'RegistrationClosed', 'Live'];

/** Booth holds are for FirstCome fairs that are open. */
export function holdsOpen(fair: Pick<FairDetails, 'allocationMode' | 'status'> | null | undefined): boolean {
  return !!fair && fair.allocationMode === 'FirstCome' && HOLD_STATUSES.includes(fair.status);
}

// Optimistic overlay of action answers

/**
 * A booth as an action answered it, shown until the live floor has news of
 * that booth: `base` is the floor's booth object when the answer came.
 */
export interface BoothOverride {
  booth: Booth;
  base: Booth | undefined;
}

/** The floor's booths with each override applied while its booth is unchanged. */
export function overlayBooths(booths: Booth[], overrides: ReadonlyMap<string, BoothOverride>): Booth[] {
  if (overrides.size === 0) return booths;
  let changed = false;
  const out = booths.map((b) => {
    const o = overrides.get(b.code);
    if (!o || o.base !== b) return b;
    changed = true;
    return { ...b, ...o.booth };
  });
  return changed ? out : booths;
}

/** Drops overrides whose booth moved on in the floor (or left it). */
export function pruneOverrides(
  booths: readonly Booth[],
  overrides: ReadonlyMap<string, BoothOverride>,
): Map<string, BoothOverride> | null {
  let next: Map<string, BoothOverride> | null = null;
  for (const [code, o] of overrides) {
    const current = booths.find((b) => b.code === code);
    if (current !== o.base) {
      next ??= new Map(overrides);
      next.delete(code);
    }
  }
  return next;
}

// Filters

export interface BoothFilter {
  /** Zone code, or "" for all. */
  zone: string;
  /** Product group, or "" for all: a booth matches when its zone accepts it. */
  group: string;
}

export const NO_FILTER: BoothFilter = { zone: '', group: '' };

export function isFiltering(filter: BoothFilter): boolean {
  return !!filter.zone || !!filter.group;
}

export function boothMatches(booth: Booth, zones: readonly Zone[], filter: BoothFilter): boolean {
  if (filter.zone && booth.zone !== filter.zone) return false;
  if (filter.group) {
    const zone = zones.find((z) => z.code === booth.zone);
    if (!zone || !(zone.groups as readonly string[]).includes(filter.group)) return false;
  }
  return true;
}

/** Codes of the booths that do not match (to dim), or an empty set when not filtering. */
export function dimmedSet(booths: readonly Booth[], zones: readonly Zone[], filter: BoothFilter): Set<string> {
  const out = new Set<string>();
  if (!isFiltering(filter)) return out;
  for (const b of booths) if (!boothMatches(b, zones, filter)) out.add(b.code);
  return out;
}

export const BOOTH_TYPES: readonly BoothType[] = ['Standard', 'Corner', 'Premium', 'Outdoor'];


/** Groups to filter by: those any zone accepts plus the fair's, in the usual order. */
export function filterGroups(zones: readonly Zone[], accepted: readonly string[] = []): string[] {
  const all = new Set<string>(accepted);
  for (const z of zones) for (const g of z.groups ?? []) all.add(g);
  const known = PRODUCT_GROUPS.filter((g) => all.has(g));
  const other = [...all].filter((g) => !(PRODUCT_GROUPS as readonly string[]).includes(g)).sort();
  return [...known, ...other];
}

/** Reads `?zone=&group=` from a query string. */
export function filterFromSearch(search: string): BoothFilter {
  const params = new URLSearchParams(search);
  return { zone: params.get('zone') ?? '', group: params.get('group') ?? '' };
}

// Occupancy

export interface Occupancy {
  /** Held + Confirmed. */
  taken: number;
  /** All booths except Blocked ones. */
  available: number;
  /** Whole percent of `available` that is taken, 0 when there is nothing available. */
  percent: number;
}

export function occupancy(booths: readonly Booth[]): Occupancy {
  let taken = 0;
  let available = 0;
  for (const b of booths) {
    if (b.status === 'Blocked') continue;
    available++;
    if (OCCUPIED.includes(b.status)) taken++;
  }
  return { taken, available, percent: available === 0 ? 0 : Math.round((taken / available) * 100) };
}

/** Problem codes the booth endpoints answer, with text of our own when a problem has no title. */
export const BOOTH_PROBLEM_CODES = [
  'booth.taken',
  'booth.limit',
  'booth.holdsClosed',
  'booth.organiserAllocates',
  'booth.notApproved',
  'booth.zoneMismatch',
  'booth.notHeld',
] as const;

/** The i18n key for a booth problem code ("booth.taken" → "boothErrors.taken"), or null. */
export function boothProblemKey(code: string | null | undefined): string | null {
  if (!code || !(BOOTH_PROBLEM_CODES as readonly string[]).includes(code)) return null;
  return `boothErrors.${code.slice('booth.'.length)}`;
}

// May this producer hold this booth? (mirrors the Domain's BoothRules.Hold)

/** Why the hold button is not offered; each has a text under `mapx.holdNo.<reason>`. */
export type HoldRefusal = 'holdsClosed' | 'organiserAllocates' | 'notApplied' | 'notApproved' | 'zoneMismatch' | 'limit';

/**
 * `hold`: offer the button; `no`: say why not (the same refusal the server would answer); `none`: nothing to offer
 * or say (not a producer, the booth is not free, or what decides is still loading).
 */
export type HoldVerdict = { kind: 'hold' } | { kind: 'no'; reason: HoldRefusal } | { kind: 'none' };

export interface HoldFacts {
  fair: Pick<FairDetails, 'allocationMode' | 'status' | 'boothsPerProducer'> | null | undefined;
  booth: Pick<Booth, 'status' | 'zone'>;
  zones: readonly Pick<Zone, 'code' | 'groups'>[];
  /** The signed-in producer's id; null for anyone else. */
  producerId: string | null | undefined;
  /**
   * The producer's application to this fair with the groups of the products it applied with: null when it has none,
   * undefined while loading.
   */
  application: { status: string; groups: readonly string[] } | null | undefined;
  /** Booths the producer holds or has confirmed at this fair. */
  myBooths: number;
}

/**
 * The verdict in BoothRules.Hold's order: the fair open for holds (FirstCome, Published … Live), the booth free, an
 * approved exhibitor, a zone that takes one of its groups, within the fair's booths per producer.
 */
export function holdVerdict(f: HoldFacts): HoldVerdict {
  if (!f.producerId || !f.fair) return { kind: 'none' };
  if (!HOLD_STATUSES.includes(f.fair.status)) return { kind: 'no', reason: 'holdsClosed' };
  if (f.fair.allocationMode !== 'FirstCome') return { kind: 'no', reason: 'organiserAllocates' };
  if (f.booth.status !== 'Free') return { kind: 'none' };
  if (f.application === undefined) return { kind: 'none' };
  if (f.application === null) return { kind: 'no', reason: 'notApplied' };
  if (f.application.status !== 'Approved') return { kind: 'no', reason: 'notApproved' };
  const zone = f.zones.find((z) => z.code === f.booth.zone);
  const groups = (zone?.groups ?? []) as readonly string[];
  if (!groups.some((g) => f.application!.groups.includes(g))) return { kind: 'no', reason: 'zoneMismatch' };
  if (f.myBooths >= f.fair.boothsPerProducer) return { kind: 'no', reason: 'limit' };
  return { kind: 'hold' };
}
