// The organiser's fair form (/fairs/new, /fairs/{fairId}/edit): what the inputs hold, the checks the server's
// FairRules makes (src/OcopFairs.Domain/FairRules.cs) so save is refused with reasons before a round trip, and the
// conversion between the wall-clock times typed in the fair's time zone and the instants the API takes.

import type { components } from '../api/schema';
import type { AllocationMode, FairDetails, ProductGroup } from './types';
import type { FieldErrors } from './catalogue';
import { PRODUCT_GROUPS } from './catalogue';
import { DEFAULT_TIME_ZONE } from './format';

export type FairRequest = components['schemas']['CreateFairRequest'];

/** FairRules' limits, mirrored. */
export const FAIR_LIMITS = {
  maxName: 200,
  maxVenue: 300,
  maxProvince: 100,
  maxTimeZone: 64,
  minStars: 3,
  maxStars: 5,
  maxBoothsPerProducer: 20,
  maxHoldMinutes: 7 * 24 * 60,
  earliest: Date.UTC(2000, 0, 1),
  latest: Date.UTC(2100, 0, 1),
} as const;

export const ALLOCATION_MODES: readonly AllocationMode[] = ['FirstCome', 'Organiser'];

/** What the inputs hold: text as typed; times as `YYYY-MM-DDTHH:mm` on the fair's clock. */
export interface FairFormValues {
  name: string;
  venue: string;
  province: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  minStars: number;
  acceptedGroups: ProductGroup[];
  boothsPerProducer: string;
  holdMinutes: string;
  allocationMode: AllocationMode;
}

export const DATE_FIELDS = ['startsAt', 'endsAt', 'registrationOpensAt', 'registrationClosesAt'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

/** Client-side error codes (texts under fieldErrors.* in i18n/<lang>/accounts.json and core.json). */
export type FairErrorCode =
  | 'required'
  | 'tooLong'
  | 'invalidDate'
  | 'fairUnknownTimeZone'
  | 'fairEndsBeforeStart'
  | 'fairClosesBeforeOpens'
  | 'fairClosesAfterStart'
  | 'starsOutOfRange'
  | 'outOfRange'
  | 'invalidNumber';

// Time zones

function parts(instant: number, timeZone: string): Record<string, number> {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const out: Record<string, number> = {};
  for (const p of format.formatToParts(new Date(instant))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** The zone's offset from UTC at `instant`, in minutes. */
function offsetMinutes(instant: number, timeZone: string): number {
  const p = parts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60000);
}

export function isKnownTimeZone(timeZone: string): boolean {
  if (!timeZone.trim() || timeZone.length > FAIR_LIMITS.maxTimeZone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** `YYYY-MM-DDTHH:mm` on the clock of `timeZone` → the instant (ms since the epoch), or null when not a time. */
export function zonedToInstant(local: string, timeZone: string): number | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  // Two passes settle the offset across a daylight-saving change.
  let instant = wall - offsetMinutes(wall, timeZone) * 60000;
  instant = wall - offsetMinutes(instant, timeZone) * 60000;
  return instant;
}

/** An instant → `YYYY-MM-DDTHH:mm` on the clock of `timeZone`. */
export function instantToZoned(instant: string | number | Date, timeZone: string): string {
  const ms = new Date(instant).getTime();
  const p = parts(ms, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour % 24)}:${pad(p.minute)}`;
}

/** "UTC+07:00" for the zone at that instant. */
export function zoneOffsetLabel(timeZone: string, instant: number = Date.now()): string {
  if (!isKnownTimeZone(timeZone)) return '';
  const total = offsetMinutes(instant, timeZone);
  const sign = total < 0 ? '-' : '+';
  const abs = Math.abs(total);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

// The form

/** A new fair: a month out for three days, registration open from now until a week before, the server's defaults. */
export function newFairValues(now: number = Date.now(), timeZone: string = DEFAULT_TIME_ZONE): FairFormValues {
  const day = 24 * 60 * 60 * 1000;
  const at = (ms: number, hour: number) => `${instantToZoned(ms, timeZone).slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
  return {
    name: '',
    venue: '',
    province: '',
    timeZone,
    startsAt: at(now + 30 * day, 8),
    endsAt: at(now + 32 * day, 17),
    registrationOpensAt: at(now, 8),
    registrationClosesAt: at(now + 23 * day, 17),
    minStars: 3,
    acceptedGroups: [...PRODUCT_GROUPS],
    boothsPerProducer: '2',
    holdMinutes: '15',
    allocationMode: 'FirstCome',
  };
}

export function fairToValues(fair: FairDetails): FairFormValues {
  const timeZone = fair.timeZone || DEFAULT_TIME_ZONE;
  return {
    name: fair.name,
    venue: fair.venue,
    province: fair.province,
    timeZone,
    startsAt: instantToZoned(fair.startsAt, timeZone),
    endsAt: instantToZoned(fair.endsAt, timeZone),
    registrationOpensAt: instantToZoned(fair.registrationOpensAt, timeZone),
    registrationClosesAt: instantToZoned(fair.registrationClosesAt, timeZone),
    minStars: fair.minStars,
    acceptedGroups: [...fair.acceptedGroups],
    boothsPerProducer: String(fair.boothsPerProducer),
    holdMinutes: String(fair.holdMinutes),
    allocationMode: fair.allocationMode,
  };
}

function whole(text: string): number | null {
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : null;
}

function add(errors: FieldErrors, field: string, code: FairErrorCode) {
  (errors[field] ??= []).push(code);
}

/** The checks FairRules.Validate makes, as client-side codes keyed by field; empty when the fair may be saved. */
export function validateFair(v: FairFormValues): FieldErrors {
  const errors: FieldErrors = {};
  const text = (field: 'name' | 'venue' | 'province', max: number) => {
    if (!v[field].trim()) add(errors, field, 'required');
    else if (v[field].trim().length > max) add(errors, field, 'tooLong');
  };
  text('name', FAIR_LIMITS.maxName);
  text('venue', FAIR_LIMITS.maxVenue);
  text('province', FAIR_LIMITS.maxProvince);

  const zoneKnown = isKnownTimeZone(v.timeZone);
  if (!zoneKnown) add(errors, 'timeZone', 'fairUnknownTimeZone');

  const at: Partial<Record<DateField, number>> = {};
  for (const field of DATE_FIELDS) {
    if (!v[field]) {
      add(errors, field, 'required');
      continue;
    }
    const instant = zonedToInstant(v[field], zoneKnown ? v.timeZone : 'UTC');
    if (instant === null) add(errors, field, 'invalidDate');
    else if (instant < FAIR_LIMITS.earliest || instant > FAIR_LIMITS.latest) add(errors, field, 'outOfRange');
    else at[field] = instant;
  }
  if (at.startsAt !== undefined && at.endsAt !== undefined && at.endsAt <= at.startsAt) add(errors, 'endsAt', 'fairEndsBeforeStart');
  if (at.registrationOpensAt !== undefined && at.registrationClosesAt !== undefined && at.registrationClosesAt <= at.registrationOpensAt)
    add(errors, 'registrationClosesAt', 'fairClosesBeforeOpens');
  if (at.registrationClosesAt !== undefined && at.startsAt !== undefined && at.registrationClosesAt > at.startsAt)
    add(errors, 'registrationClosesAt', 'fairClosesAfterStart');

  if (!Number.isInteger(v.minStars) || v.minStars < FAIR_LIMITS.minStars || v.minStars > FAIR_LIMITS.maxStars)
    add(errors, 'minStars', 'starsOutOfRange');
  if (v.acceptedGroups.length === 0) add(errors, 'acceptedGroups', 'required');

  const booths = whole(v.boothsPerProducer);
  if (booths === null) add(errors, 'boothsPerProducer', v.boothsPerProducer.trim() ? 'invalidNumber' : 'required');
  else if (booths < 1 || booths > FAIR_LIMITS.maxBoothsPerProducer) add(errors, 'boothsPerProducer', 'outOfRange');
  const hold = whole(v.holdMinutes);
  if (hold === null) add(errors, 'holdMinutes', v.holdMinutes.trim() ? 'invalidNumber' : 'required');
  else if (hold < 1 || hold > FAIR_LIMITS.maxHoldMinutes) add(errors, 'holdMinutes', 'outOfRange');
  return errors;
}

/** The body of a create or an edit, from values that passed validateFair. */
export function valuesToRequest(v: FairFormValues): FairRequest {
  const iso = (local: string) => new Date(zonedToInstant(local, v.timeZone) ?? NaN).toISOString();
  return {
    name: v.name.trim(),
    venue: v.venue.trim(),
    province: v.province.trim(),
    timeZone: v.timeZone.trim(),
    startsAt: iso(v.startsAt),
    endsAt: iso(v.endsAt),
    registrationOpensAt: iso(v.registrationOpensAt),
    registrationClosesAt: iso(v.registrationClosesAt),
    minStars: v.minStars,
    // In the order the server lists them, each once.
    acceptedGroups: PRODUCT_GROUPS.filter((g) => v.acceptedGroups.includes(g)),
    boothsPerProducer: Number(v.boothsPerProducer.trim()),
    holdMinutes: Number(v.holdMinutes.trim()),
    allocationMode: v.allocationMode,
  };
}
