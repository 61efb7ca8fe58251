// Deals as the buyers' and exhibitors' pages show them (issue 18), as pure functions: the deal form and its checks
// (the server's DealRules.Validate mirrored, under the server's field paths, so the page says what is wrong before it
// sends), the totals a form adds up to (DealRules.Totals: VND over every line, tonnes only over mass units, every
// other unit kept apart by its code), two versions side by side with what changed, what each side may do now, and a
// list kept current from `DealChanged` events.

import { UNITS, parseQuantityInput, parseVndInput, type FieldErrors } from './catalogue';
import type { Deal, DealKind, DealLine, DealStatus, DealTerms, DealTotals, DealVersion, DeliveryStatus, MeetingSide, NewDealBody, TermsBody } from './dealsApi';

export const DEAL_KINDS: readonly DealKind[] = ['Memorandum', 'CooperationAgreement', 'ConsumptionContract'];
export const DEAL_STATUSES: readonly DealStatus[] = ['Draft', 'Proposed', 'Signed', 'Active', 'Cancelled'];
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['Delivering', 'Fulfilled', 'Lapsed'];
/** The follow-ups after the fair (DealRules.FollowUpMonths). */
export const FOLLOW_UP_MONTHS: readonly number[] = [3, 6];

/** DealRules' limits. */
export const DEAL_LIMITS = {
  lines: 50,
  months: 60,
  deliveryTerms: 2000,
  market: 100,
  reason: 500,
  note: 1000,
  quantity: 1_000_000_000,
  unitPriceVnd: 100_000_000_000,
} as const;

// Units: mass converts to kg (then tonnes), volume to litres; everything else is counted by its own code.
const MASS_KG: Record<string, number> = { g: 0.001, kg: 1, yen: 10, ta: 100, tan: 1000 };
const VOLUME_L: Record<string, number> = { ml: 0.001, l: 1 };

export const isMassUnit = (unit: string) => unit in MASS_KG;

// The form.

export interface DealLineForm {
  productId: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  /** '' for one-off, else the number of months the quantity is delivered each month. */
  months: string;
}

export type MarketChoice = 'none' | 'vn' | 'export';

export interface DealForm {
  kind: DealKind;
  lines: DealLineForm[];
  deliveryTerms: string;
  market: MarketChoice;
  /** A province for 'vn', an ISO 3166 two-letter code for 'export'. */
  marketName: string;
  validFrom: string;
  validTo: string;
}

export function emptyLine(productId = '', unit = 'kg'): DealLineForm {
  return { productId, quantity: '', unit, unitPrice: '', months: '' };
}

export function emptyDealForm(): DealForm {
  return { kind: 'Memorandum', lines: [emptyLine()], deliveryTerms: '', market: 'none', marketName: '', validFrom: '', validTo: '' };
}

/** Plain digits for a form field ("1250000", "2.5"). */
const numberText = (n: number) => (Number.isFinite(n) ? String(n) : '');

/** The terms of a deal (or a version) as the form edits them. */
export function termsToForm(terms: DealTerms): DealForm {
  return {
    kind: terms.kind,
    lines: terms.lines.map((l) => ({
      productId: l.productId,
      quantity: numberText(l.quantity),
      unit: l.unit,
      unitPrice: numberText(l.unitPriceVnd),
      months: l.months ? String(l.months) : '',
    })),
    deliveryTerms: terms.deliveryTerms ?? '',
    market: terms.market ? (terms.market.export ? 'export' : 'vn') : 'none',
    marketName: terms.market?.name ?? '',
    validFrom: terms.validFrom ?? '',
    validTo: terms.validTo ?? '',
  };
}

function add(errors: FieldErrors, field: string, code: string) {
  (errors[field] ??= []).push(code);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// A control character other than a line break (FieldRules.HasControl, multiline).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F]/;

/** A whole number of months 1…60, or null for one-off; NaN when not a whole number. */
function parseMonths(text: string): number | null {
  const t = text.trim();
  if (!t) return null;
  return /^\d+$/.test(t) ? Number(t) : NaN;
}

/**
 * The server's rules for the terms (DealRules.Validate), keyed by the server's field paths (`lines[0].quantity`,
 * `market.name`, `validTo`); empty when they may be sent. `productIds`, when given, are the exhibitor's products:
 * a line naming another is refused as the server would.
 */
export function validateDealForm(f: DealForm, productIds?: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  if (!DEAL_KINDS.includes(f.kind)) add(errors, 'kind', 'invalidValue');
  if (f.lines.length === 0) add(errors, 'lines', 'required');
  if (f.lines.length > DEAL_LIMITS.lines) add(errors, 'lines', 'tooMany');
  f.lines.slice(0, DEAL_LIMITS.lines).forEach((l, i) => {
    const at = `lines[${i}]`;
    if (!l.productId) add(errors, `${at}.productId`, 'required');
    else if (productIds && !productIds.includes(l.productId)) add(errors, `${at}.productId`, 'dealNotYourProduct');
    const q = parseQuantityInput(l.quantity);
    if (q === null) add(errors, `${at}.quantity`, 'required');
    else if (Number.isNaN(q)) add(errors, `${at}.quantity`, 'invalidNumber');
    else if (!(q > 0 && q <= DEAL_LIMITS.quantity)) add(errors, `${at}.quantity`, 'outOfRange');
    if (!UNITS.includes(l.unit)) add(errors, `${at}.unit`, 'unknownUnit');
    const price = l.unitPrice.trim();
    if (!price) add(errors, `${at}.unitPriceVnd`, 'required');
    else if (/[.,]\d{1,2}$/.test(price)) add(errors, `${at}.unitPriceVnd`, 'wholeVnd');
    else {
      const p = parseVndInput(price);
      if (p === null || Number.isNaN(p)) add(errors, `${at}.unitPriceVnd`, 'invalidNumber');
      else if (p > DEAL_LIMITS.unitPriceVnd) add(errors, `${at}.unitPriceVnd`, 'outOfRange');
    }
    const months = parseMonths(l.months);
    if (months !== null && (Number.isNaN(months) || months < 1 || months > DEAL_LIMITS.months)) add(errors, `${at}.months`, 'outOfRange');
  });

  if (f.deliveryTerms.trim().length > DEAL_LIMITS.deliveryTerms) add(errors, 'deliveryTerms', 'tooLong');
  else if (CONTROL.test(f.deliveryTerms)) add(errors, 'deliveryTerms', 'controlCharacter');
  if (f.market === 'export') {
    if (!/^[A-Za-z]{2}$/.test(f.marketName.trim())) add(errors, 'market.name', 'invalidCountry');
  } else if (f.market === 'vn') {
    const name = f.marketName.trim();
    if (!name) add(errors, 'market.name', 'required');
    else if (name.length > DEAL_LIMITS.market) add(errors, 'market.name', 'tooLong');
  }
  if (f.validFrom && !ISO_DATE.test(f.validFrom)) add(errors, 'validFrom', 'invalidDate');
  if (f.validTo && !ISO_DATE.test(f.validTo)) add(errors, 'validTo', 'invalidDate');
  else if (f.validFrom && f.validTo && f.validTo < f.validFrom) add(errors, 'validTo', 'endsBeforeStart');
  return errors;
}

/** The terms as the API takes them (call once `validateDealForm` is empty). */
export function formToTerms(f: DealForm): TermsBody {
  return {
    kind: f.kind,
    lines: f.lines.map((l) => {
      const months = parseMonths(l.months);
      return {
        productId: l.productId,
        quantity: parseQuantityInput(l.quantity) ?? 0,
        unit: l.unit,
        unitPriceVnd: parseVndInput(l.unitPrice) ?? 0,
        months: months && !Number.isNaN(months) ? months : null,
      };
    }),
    deliveryTerms: f.deliveryTerms.trim() || null,
    market:
      f.market === 'none' || !f.marketName.trim()
        ? null
        : { export: f.market === 'export', name: f.market === 'export' ? f.marketName.trim().toUpperCase() : f.marketName.trim() },
    validFrom: f.validFrom || null,
    validTo: f.validTo || null,
  };
}

/** The body of `POST /api/fairs/{fairId}/deals`. */
export function formToNewDeal(f: DealForm, parties: { producerId: string; buyerId: string; meetingId?: string | null }): NewDealBody {
  return { ...formToTerms(f), producerId: parties.producerId, buyerId: parties.buyerId, meetingId: parties.meetingId || null };
}

// Totals.

type LineAmounts = Pick<DealLine, 'quantity' | 'unit' | 'unitPriceVnd' | 'months'>;

/** A line's value in VND: quantity × price × months (one-off: 1). */
export function lineVnd(l: LineAmounts): number {
  return l.quantity * l.unitPriceVnd * (l.months ?? 1);
}

/**
 * DealRules.Totals: VND rounded to whole đồng; tonnes only over mass units (g, kg, yến, tạ, tấn); volumes in litres;
 * every other unit by its code, times months — never added into tonnes.
 */
export function dealTotals(lines: readonly LineAmounts[]): DealTotals {
  let vnd = 0;
  let kg = 0;
  const others: Record<string, number> = {};
  for (const l of lines) {
    const periods = l.months ?? 1;
    vnd += lineVnd(l);
    if (l.unit in MASS_KG) kg += l.quantity * MASS_KG[l.unit] * periods;
    else if (l.unit in VOLUME_L) others.l = (others.l ?? 0) + l.quantity * VOLUME_L[l.unit] * periods;
    else others[l.unit] = (others[l.unit] ?? 0) + l.quantity * periods;
  }
  // Sums of decimal fractions in binary floating point: keep what the server's decimals would say.
  const tidy = (n: number) => Math.round(n * 1e9) / 1e9;
  const sorted = Object.fromEntries(Object.keys(others).sort().map((k) => [k, tidy(others[k])]));
  return { vnd: Math.round(vnd), tonnes: tidy(kg / 1000), otherUnits: sorted };
}

/** The totals of the form as it stands (lines that do not read yet count as nothing). */
export function formTotals(f: DealForm): DealTotals {
  const lines = f.lines
    .map((l) => ({ q: parseQuantityInput(l.quantity), p: parseVndInput(l.unitPrice), m: parseMonths(l.months), unit: l.unit }))
    .filter((l) => l.q !== null && !Number.isNaN(l.q) && l.p !== null && !Number.isNaN(l.p) && !Number.isNaN(l.m ?? 0))
    .map((l) => ({ quantity: l.q!, unitPriceVnd: l.p!, months: l.m, unit: l.unit }));
  return dealTotals(lines);
}

// Versions side by side.

export type TermField = 'kind' | 'deliveryTerms' | 'market' | 'validFrom' | 'validTo';
export const TERM_FIELDS: readonly TermField[] = ['kind', 'deliveryTerms', 'market', 'validFrom', 'validTo'];
export type LineField = 'productId' | 'quantity' | 'unit' | 'unitPriceVnd' | 'months';
export const LINE_FIELDS: readonly LineField[] = ['productId', 'quantity', 'unit', 'unitPriceVnd', 'months'];

export interface LinePair {
  /** The line in the older version; null when the newer one added it. */
  before: DealLine | null;
  /** The line in the newer version; null when it was removed. */
  after: DealLine | null;
  changed: LineField[];
}

export interface VersionDiff {
  before: number;
  after: number;
  /** Term fields that differ. */
  fields: TermField[];
  lines: LinePair[];
  /** True when anything at all differs. */
  changed: boolean;
}

const termValue = (t: DealTerms, f: TermField): string => {
  if (f === 'market') return t.market ? `${t.market.export ? 'export' : 'vn'}:${t.market.name}` : '';
  return (t[f] as string | null | undefined) ?? '';
};

/**
 * Two versions side by side: which terms differ, and the lines paired by product (the n-th line of a product with
 * its n-th line in the other version), each with the fields that differ; lines only one side has are added or removed.
 */
export function diffVersions(a: Pick<DealVersion, 'version' | 'terms'>, b: Pick<DealVersion, 'version' | 'terms'>): VersionDiff {
  const [older, newer] = a.version <= b.version ? [a, b] : [b, a];
  const fields = TERM_FIELDS.filter((f) => termValue(older.terms, f) !== termValue(newer.terms, f));
  const pool = older.terms.lines.map((line, i) => ({ line, i, used: false }));
  const lines: LinePair[] = [];
  for (const after of newer.terms.lines) {
    const match = pool.find((p) => !p.used && p.line.productId === after.productId);
    if (match) {
      match.used = true;
      const changed = LINE_FIELDS.filter((f) => (match.line[f] ?? null) !== (after[f] ?? null));
      lines.push({ before: match.line, after, changed });
    } else lines.push({ before: null, after, changed: [...LINE_FIELDS] });
  }
  for (const p of pool) if (!p.used) lines.push({ before: p.line, after: null, changed: [...LINE_FIELDS] });
  return {
    before: older.version,
    after: newer.version,
    fields,
    lines,
    changed: fields.length > 0 || lines.some((l) => l.changed.length > 0),
  };
}

// Status, signatures and what a side may do.

export const otherSide = (side: MeetingSide): MeetingSide => (side === 'Buyer' ? 'Producer' : 'Buyer');

/** Whether each side's signature is on the deal's current version. */
export function signaturesOn(deal: Pick<Deal, 'version' | 'signatures'>, version = deal.version) {
  const on = deal.signatures.filter((s) => s.version === version);
  return { Buyer: on.find((s) => s.side === 'Buyer') ?? null, Producer: on.find((s) => s.side === 'Producer') ?? null };
}

/** Signed by both on its current version (Signed, or Active once its validity began) and not cancelled. */
export const isSigned = (status: DealStatus) => status === 'Signed' || status === 'Active';

export type DealActionKind = 'sign' | 'propose' | 'change' | 'cancel' | 'followUp' | 'showPrices';

/**
 * What `side` may do with the deal now, in the order offered (DealRules): sign the current version unless it already
 * did; send a draft for signatures; change the terms (a new version) until cancelled; cancel until both signed;
 * follow-ups and the public page's prices once both signed.
 */
export function dealActions(deal: Pick<Deal, 'status' | 'version' | 'signatures'>, side: MeetingSide): DealActionKind[] {
  if (deal.status === 'Cancelled') return [];
  const actions: DealActionKind[] = [];
  if (!signaturesOn(deal)[side]) actions.push('sign');
  if (deal.status === 'Draft') actions.push('propose');
  actions.push('change');
  if (!isSigned(deal.status)) actions.push('cancel');
  if (isSigned(deal.status)) actions.push('followUp', 'showPrices');
  return actions;
}

/** Whose signature the deal waits for: 'you', 'them', 'both', or null (signed, cancelled). */
export function waitingFor(deal: Pick<Deal, 'status' | 'version' | 'signatures'>, side: MeetingSide): 'you' | 'them' | 'both' | null {
  if (deal.status === 'Cancelled' || isSigned(deal.status)) return null;
  const on = signaturesOn(deal);
  if (!on[side] && !on[otherSide(side)]) return 'both';
  return on[side] ? 'them' : 'you';
}

/** DealRules.AsOf: a signed deal is Active once its validity has begun (or when it names no start). */
export function asOf<D extends Pick<Deal, 'status' | 'terms'>>(deal: D, today: string): D {
  if (deal.status !== 'Signed') return deal;
  const from = deal.terms.validFrom;
  return !from || from <= today ? { ...deal, status: 'Active' } : deal;
}

/** The groups the deals list shows, in order: waiting for signatures, signed, drafts, cancelled. */
export type DealGroup = 'open' | 'signed' | 'draft' | 'cancelled';
export const DEAL_GROUPS: readonly DealGroup[] = ['open', 'signed', 'draft', 'cancelled'];

export function dealGroup(status: DealStatus): DealGroup {
  switch (status) {
    case 'Draft':
      return 'draft';
    case 'Proposed':
      return 'open';
    case 'Signed':
    case 'Active':
      return 'signed';
    case 'Cancelled':
      return 'cancelled';
  }
}

/** The deals by group, latest change first within each. */
export function groupDeals<D extends Pick<Deal, 'status' | 'updatedAt' | 'dealId'>>(deals: readonly D[]): Record<DealGroup, D[]> {
  const groups: Record<DealGroup, D[]> = { open: [], signed: [], draft: [], cancelled: [] };
  for (const d of deals) groups[dealGroup(d.status)].push(d);
  for (const g of DEAL_GROUPS)
    groups[g].sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || a.dealId.localeCompare(b.dealId));
  return groups;
}

/** The list with `deal` in it, unless the list holds a newer revision of it. */
export function upsertDeal<D extends Pick<Deal, 'dealId' | 'revision'>>(list: readonly D[], deal: D): D[] {
  const old = list.find((d) => d.dealId === deal.dealId);
  if (old && old.revision > deal.revision) return [...list];
  return [...list.filter((d) => d.dealId !== deal.dealId), deal];
}

/** True for a value that looks like a deal (a `DealChanged` event's data). */
export function isDeal(value: unknown): value is Deal {
  const d = value as Deal | null;
  return !!d && typeof d === 'object' && typeof d.dealId === 'string' && typeof d.fairId === 'string' && typeof d.status === 'string' && typeof d.version === 'number';
}

/** The side a signed-in user acts on in this deal, or null (not a party). */
export function sideIn(deal: Pick<Deal, 'parties'>, me: { buyerId?: string | null; producerId?: string | null } | null): MeetingSide | null {
  if (!me) return null;
  if (me.buyerId && me.buyerId === deal.parties.buyerId) return 'Buyer';
  if (me.producerId && me.producerId === deal.parties.producerId) return 'Producer';
  return null;
}

/** Today's date (yyyy-MM-dd) in the fair's zone. */
export function todayIn(timeZone: string, now: number = Date.now()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return new Date(now).toISOString().slice(0, 10);
  }
}

/** The unit price a line starts from for a product: the low end of its card's price range, or nothing. */
export function suggestedUnitPrice(product: { priceRange?: { min: number } | null } | null | undefined): string {
  const min = product?.priceRange?.min;
  return min && min > 0 ? String(Math.round(min)) : '';
}
