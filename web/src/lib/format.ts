// Money and time shown the Vietnamese way: VND as an integer with the locale's
// grouping ("1.250.000 ₫" / "VND 1,250,000"), dates as dd/MM/yyyy in the
// fair's own time zone (Asia/Ho_Chi_Minh unless the fair says otherwise).

import type { Locale } from './types';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

function group(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** 1250000 → "1.250.000 ₫" (vi) or "VND 1,250,000" (en). */
export function formatVnd(amount: number, locale: Locale | string): string {
  const rounded = Math.round(Number.isFinite(amount) ? amount : 0);
  const sign = rounded < 0 ? '-' : '';
  const digits = String(Math.abs(rounded));
  return locale === 'en'
    ? `${sign}VND ${group(digits, ',')}`
    : `${sign}${group(digits, '.')} ₫`;
}

/** Plain number with the locale's grouping and up to `fraction` decimals. */
export function formatNumber(value: number, locale: Locale | string, fraction = 1): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN', {
    maximumFractionDigits: fraction,
  }).format(value);
}

interface DateParts {
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function parts(instant: string | Date, timeZone: string): DateParts | null {
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) return null;
  const zone = timeZone || DEFAULT_TIME_ZONE;
  let formatter = partFormatters.get(zone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      // Unknown zone name: fall back to Vietnam's.
      return zone === DEFAULT_TIME_ZONE ? null : parts(date, DEFAULT_TIME_ZONE);
    }
    partFormatters.set(zone, formatter);
  }
  const out: Record<string, string> = {};
  for (const p of formatter.formatToParts(date)) out[p.type] = p.value;
  return {
    day: out.day,
    month: out.month,
    year: out.year,
    hour: out.hour === '24' ? '00' : out.hour,
    minute: out.minute,
  };
}

/** "2025-03-14T18:30:00Z" in Asia/Ho_Chi_Minh → "15/03/2025". */
export function formatDate(instant: string | Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = parts(instant, timeZone);
  return p ? `${p.day}/${p.month}/${p.year}` : '';
}

/** "HH:mm dd/MM/yyyy" in the given zone (24-hour clock). */
export function formatDateTime(instant: string | Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = parts(instant, timeZone);
  return p ? `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}` : '';
}

/** "15/03/2025 – 18/03/2025", or one date when both fall on the same day. */
export function formatDateRange(
  from: string | Date,
  to: string | Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  const a = formatDate(from, timeZone);
  const b = formatDate(to, timeZone);
  return a === b || !b ? a : `${a} – ${b}`;
}
