// Pure helpers of the deal's printed document, its public verification page and the fair's results report: tonnes
// and quantities the Vietnamese way, a DateOnly ("2027-03-10") as dd/MM/yyyy without any time-zone shift, the
// document's date line ("Hòa Bình, ngày 10 tháng 03 năm 2027"), a line's value, the signature a side put on the
// current version, and fulfilment beside what was signed.

import type { components } from '../api/schema';
import { formatDate, formatNumber } from './format';
import type { Locale } from './types';

type Schemas = components['schemas'];
export type Deal = Schemas['Deal'];
export type DealLine = Schemas['DealLine'];
export type DealKind = Schemas['DealKind'];
export type DealStatus = Schemas['DealStatus'];
export type DealVerification = Schemas['DealVerification'];
export type DealReport = Schemas['DealReport'];
export type ReportBucket = Schemas['ReportBucket'];
export type ReportDeal = Schemas['ReportDeal'];
export type FulfilmentCheckpoint = Schemas['FulfilmentCheckpoint'];
export type FulfilmentReport = Schemas['FulfilmentReport'];
export type MeetingSide = Schemas['MeetingSide'];

export const DEAL_KINDS: readonly DealKind[] = ['Memorandum', 'CooperationAgreement', 'ConsumptionContract'];

/** Tonnes with up to three decimals: 2.05 → "2,05" (vi) or "2.05" (en). */
export function formatTonnes(tonnes: number, locale: Locale): string {
  return formatNumber(Number.isFinite(tonnes) ? tonnes : 0, locale, 3);
}

/** A quantity with up to three decimals and the locale's grouping: 10000 → "10.000" (vi). */
export function formatQuantity(quantity: number, locale: Locale): string {
  return formatNumber(Number.isFinite(quantity) ? quantity : 0, locale, 3);
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as the API writes it ("2027-03-10") → "10/03/2027", never moved by a time zone. */
export function formatDateOnly(date: string | null | undefined): string {
  const m = date ? DATE_ONLY.exec(date) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The document's place and date line: "Hòa Bình, ngày 03 tháng 03 năm 2027" (vi) or "Hòa Bình, 3 March 2027" (en),
 * for an instant in the fair's time zone. Without an instant, the blanks a signatory fills in by hand.
 */
export function documentDateLine(place: string, instant: string | null | undefined, locale: Locale, timeZone?: string): string {
  const date = instant ? formatDate(instant, timeZone) : '';
  const [d, m, y] = date ? date.split('/') : ['', '', ''];
  const at = place ? `${place}, ` : '';
  if (locale === 'en') return date ? `${at}${Number(d)} ${EN_MONTHS[Number(m) - 1]} ${y}` : `${at}…… / …… / ……`;
  return date ? `${at}ngày ${d} tháng ${m} năm ${y}` : `${at}ngày …… tháng …… năm ……`;
}

/** A line's value: quantity × unit price × months (one-off: once), in whole đồng. */
export function lineValue(line: Pick<DealLine, 'quantity' | 'unitPriceVnd' | 'months'>): number {
  return Math.round(line.quantity * line.unitPriceVnd * (line.months ?? 1));
}

/** The other units of a total, in a stable order, leaving out zeros: [["l", 3000], ["piece", 10000]]. */
export function otherUnits(units: Record<string, number> | null | undefined): [string, number][] {
  return Object.entries(units ?? {})
    .filter(([, amount]) => amount !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The signature a side put on the deal's current version, if any (an older version's does not count). */
export function signatureOf(deal: Pick<Deal, 'signatures' | 'version'>, side: MeetingSide) {
  return deal.signatures.find((s) => s.side === side && s.version === deal.version) ?? null;
}

/** Delivered as a share of signed, in whole percent; null when either is missing or nothing was signed in that unit. */
export function fulfilmentPercent(delivered: number | null | undefined, signed: number | null | undefined): number | null {
  if (delivered == null || signed == null || !(signed > 0)) return null;
  return Math.round((delivered / signed) * 100);
}

/** A side's latest report at a follow-up mark (the report already keeps only the latest). */
export function reportAt(reports: readonly FulfilmentReport[], atMonths: number, side: MeetingSide): FulfilmentReport | null {
  return reports.find((r) => r.atMonths === atMonths && r.side === side) ?? null;
}

/** The bucket of the report with this key; an empty one when the report has none. */
export function bucket(buckets: readonly ReportBucket[], key: string): ReportBucket {
  return buckets.find((b) => b.key === key) ?? { key, deals: 0, vnd: 0, tonnes: 0, otherUnits: {} };
}

/** The verification page shows prices only when the server sent them (both parties allowed it). */
export function showsPrices(v: Pick<DealVerification, 'pricesShown' | 'vnd'>): boolean {
  return v.pricesShown && v.vnd != null;
}

/** A market key of the report ("vn:Hà Nội", "export:JP", "" when not stated) as what to show. */
export function marketOf(key: string): { export: boolean; name: string } | null {
  if (key.startsWith('export:')) return { export: true, name: key.slice(7) };
  if (key.startsWith('vn:')) return { export: false, name: key.slice(3) };
  return key ? { export: false, name: key } : null;
}
