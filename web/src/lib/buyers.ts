// Buyers in the web app: the sourcing profile as a form (text as typed, numbers parsed only when sent), the rules the
// server applies checked before sending, with the same field paths (`needs[0].keywords`) so the server's refusals land
// beside the same fields; the gate's list of recent scans; and the organiser's matching hours as a form.

import type { components } from '../api/schema';
import { PRODUCT_GROUPS, UNITS, parseQuantityInput, parseVndInput, type FieldErrors } from './catalogue';
import { DEFAULT_TIME_ZONE } from './format';

export type BuyerKind = components['schemas']['BuyerKind'];
export type BuyerRequest = components['schemas']['BuyerRequest'];
export type BuyerResponse = components['schemas']['BuyerResponse'];
export type FairBuyer = components['schemas']['FairBuyerResponse'];
export type FairBuyers = components['schemas']['FairBuyersResponse'];
export type CheckInResponse = components['schemas']['CheckInResponse'];
export type MatchingHours = components['schemas']['MatchingHours'];
export type MatchingHoursRequest = components['schemas']['MatchingHoursRequest'];
type ProductGroup = (typeof PRODUCT_GROUPS)[number];

export const BUYER_KINDS: readonly BuyerKind[] = ['Supermarket', 'CleanFoodStore', 'Exporter', 'ECommerce', 'Distributor', 'Restaurant', 'Other'];

/** Certifications buyers ask for most (the server takes any short text); PUC is the exporters' growing-area code. */
export const BUYER_CERTIFICATIONS: readonly string[] = ['VietGAP', 'GlobalGAP', 'Organic', 'HACCP', 'ISO 22000', 'PUC'];

/** Markets offered as suggestions: big provinces and the export markets OCOP producers report. */
export const MARKET_SUGGESTIONS: readonly string[] = ['Hà Nội', 'TP. Hồ Chí Minh', 'Đà Nẵng', 'Nhật Bản', 'Hàn Quốc', 'Hoa Kỳ', 'EU', 'Trung Quốc'];

// The server's limits (OcopFairs.Domain.BuyerRules, CatalogRules).
export const BUYER_LIMITS = {
  organisation: 200,
  place: 100,
  contact: 300,
  name: 200,
  minRepresentatives: 1,
  maxRepresentatives: 3,
  maxNeeds: 20,
  maxKeywords: 10,
  keyword: 60,
  maxMarkets: 20,
  market: 60,
  maxCertifications: 10,
  certification: 40,
  maxQuantity: 1_000_000_000,
  maxPriceVnd: 100_000_000_000,
} as const;

export interface RepresentativeForm {
  name: string;
  phone: string;
}

export interface NeedForm {
  /** Kept from the server so the need keeps its id (and its matches). */
  needId?: string;
  keywords: string[];
  groups: ProductGroup[];
  minStars: number;
  certifications: string[];
  quantity: string;
  unit: string;
  priceMin: string;
  priceMax: string;
  priceUnit: string;
  markets: string[];
}

export interface BuyerForm {
  organisation: string;
  kind: BuyerKind | '';
  province: string;
  contact: string;
  representatives: RepresentativeForm[];
  needs: NeedForm[];
}

export function emptyNeed(): NeedForm {
  return {
    keywords: [],
    groups: [],
    minStars: 3,
    certifications: [],
    quantity: '',
    unit: 'kg',
    priceMin: '',
    priceMax: '',
    priceUnit: 'kg',
    markets: [],
  };
}

/** The form for a saved profile; a new one starts with one representative (the signed-in person) and one need. */
export function buyerToForm(b: BuyerResponse | null, displayName = ''): BuyerForm {
  if (!b) {
    return {
      organisation: '',
      kind: '',
      province: '',
      contact: '',
      representatives: [{ name: displayName, phone: '' }],
      needs: [emptyNeed()],
    };
  }
  return {
    organisation: b.organisation,
    kind: b.kind,
    province: b.province ?? '',
    contact: b.contact ?? '',
    representatives: b.representatives.length
      ? b.representatives.map((r) => ({ name: r.name ?? '', phone: r.phone ?? '' }))
      : [{ name: displayName, phone: '' }],
    needs: b.needs.map((n) => ({
      needId: n.needId,
      keywords: [...n.keywords],
      groups: [...n.groups],
      minStars: n.minStars,
      certifications: [...n.certifications],
      quantity: n.quantityPerMonth?.quantity != null ? String(n.quantityPerMonth.quantity) : '',
      unit: n.quantityPerMonth?.unit ?? 'kg',
      priceMin: n.priceBandVnd?.min != null ? String(n.priceBandVnd.min) : '',
      priceMax: n.priceBandVnd?.max != null ? String(n.priceBandVnd.max) : '',
      priceUnit: n.priceBandVnd?.per ?? n.quantityPerMonth?.unit ?? 'kg',
      markets: [...n.markets],
    })),
  };
}

/**
 * `list` with `text` added as a chip: trimmed, inner spaces collapsed, not repeated (case-insensitively), at most
 * `max` chips; the same list when there is nothing to add.
 */
export function addChip(list: readonly string[], text: string, max: number, maxLength = 60): string[] {
  const chip = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!chip || chip.length > maxLength || list.length >= max) return [...list];
  const lower = chip.toLocaleLowerCase('vi');
  if (list.some((c) => c.toLocaleLowerCase('vi') === lower)) return [...list];
  return [...list, chip];
}

/** Several chips typed at once, separated by commas or semicolons. */
export function addChips(list: readonly string[], text: string, max: number, maxLength = 60): string[] {
  return text.split(/[,;]/).reduce<string[]>((all, part) => addChip(all, part, max, maxLength), [...list]);
}

export function removeChip(list: readonly string[], chip: string): string[] {
  return list.filter((c) => c !== chip);
}

/** As the server counts a phone number: 9–15 digits, with only + space . - ( ) besides. */
export function isPhone(phone: string): boolean {
  const digits = [...phone].filter((c) => c >= '0' && c <= '9').length;
  return digits >= 9 && digits <= 15 && /^[0-9+ .\-()]+$/.test(phone);
}

function add(errors: FieldErrors, field: string, code: string) {
  (errors[field] ??= []).push(code);
}

/** The server's rules for a profile, keyed by the server's field paths; empty when it may be sent. */
export function validateBuyer(f: BuyerForm): FieldErrors {
  const errors: FieldErrors = {};
  if (!f.organisation.trim()) add(errors, 'organisation', 'required');
  else if (f.organisation.trim().length > BUYER_LIMITS.organisation) add(errors, 'organisation', 'tooLong');
  if (!f.kind) add(errors, 'kind', 'required');
  if (f.province.trim().length > BUYER_LIMITS.place) add(errors, 'province', 'tooLong');
  if (f.contact.trim().length > BUYER_LIMITS.contact) add(errors, 'contact', 'tooLong');

  const reps = f.representatives;
  if (reps.length < BUYER_LIMITS.minRepresentatives || reps.length > BUYER_LIMITS.maxRepresentatives)
    add(errors, 'representatives', 'buyerRepresentatives');
  reps.forEach((r, i) => {
    if (!r.name.trim()) add(errors, `representatives[${i}].name`, 'required');
    else if (r.name.trim().length > BUYER_LIMITS.name) add(errors, `representatives[${i}].name`, 'tooLong');
    if (r.phone.trim() && !isPhone(r.phone.trim())) add(errors, `representatives[${i}].phone`, 'invalidPhone');
  });

  if (f.needs.length > BUYER_LIMITS.maxNeeds) add(errors, 'needs', 'tooMany');
  f.needs.forEach((n, i) => {
    const at = `needs[${i}]`;
    if (n.keywords.length === 0 && n.groups.length === 0) add(errors, `${at}.keywords`, 'buyerKeywordsOrGroups');
    if (n.keywords.length > BUYER_LIMITS.maxKeywords) add(errors, `${at}.keywords`, 'tooMany');
    if (n.minStars < 3 || n.minStars > 5) add(errors, `${at}.minStars`, 'starsOutOfRange');
    if (n.certifications.length > BUYER_LIMITS.maxCertifications) add(errors, `${at}.certifications`, 'tooMany');
    if (n.markets.length > BUYER_LIMITS.maxMarkets) add(errors, `${at}.markets`, 'tooMany');

    if (n.quantity.trim()) {
      const q = parseQuantityInput(n.quantity);
      if (q === null || Number.isNaN(q)) add(errors, `${at}.quantityPerMonth.quantity`, 'invalidNumber');
      else if (q <= 0 || q > BUYER_LIMITS.maxQuantity) add(errors, `${at}.quantityPerMonth.quantity`, 'outOfRange');
    }
    if (!UNITS.includes(n.unit)) add(errors, `${at}.quantityPerMonth.unit`, 'unknownUnit');

    const hasMin = !!n.priceMin.trim();
    const hasMax = !!n.priceMax.trim();
    const parsedMin = hasMin ? parseVndInput(n.priceMin) : null;
    const parsedMax = hasMax ? parseVndInput(n.priceMax) : null;
    const min = parsedMin === null || Number.isNaN(parsedMin) ? null : parsedMin;
    const max = parsedMax === null || Number.isNaN(parsedMax) ? null : parsedMax;
    if (hasMin && min === null) add(errors, `${at}.priceBandVnd.min`, 'invalidNumber');
    if (hasMax && max === null) add(errors, `${at}.priceBandVnd.max`, 'invalidNumber');
    if (min !== null && max !== null && min > max) add(errors, `${at}.priceBandVnd`, 'invalidPriceRange');
    if ((max ?? 0) > BUYER_LIMITS.maxPriceVnd || (min ?? 0) > BUYER_LIMITS.maxPriceVnd)
      add(errors, `${at}.priceBandVnd.max`, 'outOfRange');
  });
  return errors;
}

/** The body for PUT /api/buyers/me (call once `validateBuyer` is empty). */
export function formToRequest(f: BuyerForm): BuyerRequest {
  return {
    organisation: f.organisation.trim(),
    kind: f.kind || null,
    province: f.province.trim() || null,
    contact: f.contact.trim() || null,
    representatives: f.representatives.map((r) => ({ name: r.name.trim(), phone: r.phone.trim() || null })),
    needs: f.needs.map((n) => {
      const quantity = n.quantity.trim() ? parseQuantityInput(n.quantity) : null;
      const min = n.priceMin.trim() ? parseVndInput(n.priceMin) : null;
      const max = n.priceMax.trim() ? parseVndInput(n.priceMax) : null;
      return {
        ...(n.needId ? { needId: n.needId } : {}),
        keywords: n.keywords,
        groups: n.groups,
        minStars: n.minStars,
        certifications: n.certifications,
        quantityPerMonth: quantity !== null ? { quantity, unit: n.unit } : null,
        priceBandVnd: min !== null || max !== null ? { min, max, per: n.priceUnit } : null,
        markets: n.markets,
      };
    }),
  };
}

/** `errors` without the ones at `path` or under it (`needs[1]` drops `needs[1].keywords`). */
export function withoutErrorsAt(errors: FieldErrors, path: string): FieldErrors {
  const keys = Object.keys(errors).filter((k) => k === path || k.startsWith(`${path}.`) || k.startsWith(`${path}[`));
  if (keys.length === 0) return errors;
  const rest = { ...errors };
  for (const k of keys) delete rest[k];
  return rest;
}

// The gate

export interface Scan {
  /** What was typed or read. */
  code: string;
  at: string;
  result?: CheckInResponse;
  error?: string;
}

export const MAX_SCANS = 10;

/** The newest scan first, at most `MAX_SCANS`. */
export function pushScan(scans: readonly Scan[], scan: Scan): Scan[] {
  return [scan, ...scans].slice(0, MAX_SCANS);
}

/** A badge code read from a QR or typed: the QR holds the code alone; spaces around it are dropped. */
export function badgeCodeOf(text: string): string {
  return text.trim();
}

// Matching hours

export interface MatchingDayForm {
  date: string;
  from: string;
  to: string;
}

export interface MatchingHoursForm {
  days: MatchingDayForm[];
  slotMinutes: string;
  requestExpiryMinutes: string;
  /** Per buyer kind; empty means no quota. */
  quotas: Record<BuyerKind, string>;
}

export const MATCHING_LIMITS = { minSlot: 10, maxSlot: 120, minExpiry: 5, maxExpiry: 10080, maxQuota: 1000 } as const;

/** "yyyy-MM-dd" of an instant in `timeZone`. */
export function localDate(instant: string | Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = instant instanceof Date ? instant : new Date(instant);
  let zone = timeZone || DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: zone });
  } catch {
    zone = DEFAULT_TIME_ZONE;
  }
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Each local date of the fair, first to last, in its own time zone. */
export function fairDates(startsAt: string, endsAt: string, timeZone: string = DEFAULT_TIME_ZONE): string[] {
  const first = localDate(startsAt, timeZone);
  const last = localDate(endsAt, timeZone);
  const out: string[] = [];
  const day = new Date(`${first}T00:00:00Z`);
  const end = new Date(`${last}T00:00:00Z`);
  while (day <= end && out.length < 60) {
    out.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return out;
}

function noQuotas(): Record<BuyerKind, string> {
  return Object.fromEntries(BUYER_KINDS.map((k) => [k, ''])) as Record<BuyerKind, string>;
}

/** The saved hours, or a proposal: every fair day 08:30–11:30, 20-minute slots, requests lapse after 2 hours. */
export function hoursToForm(h: MatchingHours | null, dates: readonly string[]): MatchingHoursForm {
  if (!h) {
    return {
      days: dates.map((date) => ({ date, from: '08:30', to: '11:30' })),
      slotMinutes: '20',
      requestExpiryMinutes: '120',
      quotas: noQuotas(),
    };
  }
  const quotas = noQuotas();
  for (const [kind, n] of Object.entries(h.quotas ?? {})) if (kind in quotas) quotas[kind as BuyerKind] = String(n);
  return {
    days: h.days.map((d) => ({ date: d.date ?? '', from: (d.from ?? '').slice(0, 5), to: (d.to ?? '').slice(0, 5) })),
    slotMinutes: String(h.slotMinutes),
    requestExpiryMinutes: String(h.requestExpiryMinutes),
    quotas,
  };
}

function wholeNumber(text: string): number | null {
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : null;
}

const minutesOf = (time: string) => {
  const m = /^(\d{2}):(\d{2})/.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

/** The server's rules for matching hours, with its field paths (`days[0].to`, `quotas.exporter`). */
export function validateHours(f: MatchingHoursForm, dates: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  const slot = wholeNumber(f.slotMinutes);
  if (slot === null) add(errors, 'slotMinutes', f.slotMinutes.trim() ? 'invalidNumber' : 'required');
  else if (slot < MATCHING_LIMITS.minSlot || slot > MATCHING_LIMITS.maxSlot) add(errors, 'slotMinutes', 'outOfRange');
  const expiry = wholeNumber(f.requestExpiryMinutes);
  if (expiry === null) add(errors, 'requestExpiryMinutes', f.requestExpiryMinutes.trim() ? 'invalidNumber' : 'required');
  else if (expiry < MATCHING_LIMITS.minExpiry || expiry > MATCHING_LIMITS.maxExpiry) add(errors, 'requestExpiryMinutes', 'outOfRange');

  // A slot length that is itself refused would only repeat its error on every day.
  const slotOk = slot !== null && slot >= MATCHING_LIMITS.minSlot && slot <= MATCHING_LIMITS.maxSlot;
  if (f.days.length === 0) add(errors, 'days', 'required');
  f.days.forEach((d, i) => {
    if (!d.date) add(errors, `days[${i}].date`, 'required');
    else if (dates.length && !dates.includes(d.date)) add(errors, `days[${i}].date`, 'hoursOutsideFair');
    else if (f.days.slice(0, i).some((o) => o.date === d.date)) add(errors, `days[${i}].date`, 'hoursDuplicateDay');
    const from = minutesOf(d.from);
    const to = minutesOf(d.to);
    if (from === null) add(errors, `days[${i}].from`, 'required');
    if (to === null) add(errors, `days[${i}].to`, 'required');
    if (from !== null && to !== null) {
      if (to <= from) add(errors, `days[${i}].to`, 'hoursEndBeforeStart');
      else if (slotOk && slot !== null && to - from < slot) add(errors, `days[${i}].to`, 'hoursShorterThanSlot');
    }
  });

  for (const kind of BUYER_KINDS) {
    const text = f.quotas[kind];
    if (!text.trim()) continue;
    const n = wholeNumber(text);
    if (n === null) add(errors, `quotas.${quotaKey(kind)}`, 'invalidNumber');
    else if (n > MATCHING_LIMITS.maxQuota) add(errors, `quotas.${quotaKey(kind)}`, 'outOfRange');
  }
  return errors;
}

/** How a kind's quota is named in field paths once camelCased (`quotas.Exporter` → `quotas.exporter`). */
export function quotaKey(kind: BuyerKind): string {
  return kind[0].toLowerCase() + kind.slice(1);
}

/** The body for PUT …/matching-hours (call once `validateHours` is empty). */
export function hoursToRequest(f: MatchingHoursForm): MatchingHoursRequest {
  const quotas: Record<string, number> = {};
  for (const kind of BUYER_KINDS) if (f.quotas[kind].trim()) quotas[kind] = Number(f.quotas[kind].trim());
  return {
    days: f.days.map((d) => ({ date: d.date, from: `${d.from}:00`, to: `${d.to}:00` })),
    slotMinutes: Number(f.slotMinutes.trim()),
    requestExpiryMinutes: Number(f.requestExpiryMinutes.trim()),
    quotas: Object.keys(quotas).length ? quotas : null,
  };
}
