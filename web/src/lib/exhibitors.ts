// Pure logic of "who exhibits where": Vietnamese-folded search ("mat ong" finds "Mật ong"), filters by OCOP group and
// district, the list grouped by zone, zone names in the reader's language, and exhibitor names short enough for a
// booth on the map.

import type { Locale, ProductGroup, Zone } from './types';

/** An exhibitor as `GET /api/fairs/{fairId}/exhibitors` answers it (the fields this logic reads). */
export interface ExhibitorLike {
  producerId: string;
  name: string;
  district: string;
  groups: readonly ProductGroup[];
  maxStars: number;
  products: readonly string[];
  boothCodes: readonly string[];
  zones: readonly string[];
}

/**
 * Text folded for search: lower case, without diacritics ("Đ" → "d"), single spaces. The server's
 * VietnameseText.Fold does the same.
 */
export function fold(text: string | null | undefined): string {
  return (text ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The zone's name in the reader's language: the English name when there is one, else the Vietnamese, else the code. */
export function zoneName(zone: Pick<Zone, 'code' | 'name'> & { nameEn?: string | null }, lang: Locale): string {
  if (lang === 'en' && zone.nameEn?.trim()) return zone.nameEn;
  return zone.name?.trim() ? zone.name : zone.code;
}

export interface ExhibitorFilter {
  /** Free text: name, products, district, booth code, group names. */
  q: string;
  /** Product group, or "" for all. */
  group: string;
  /** District as the exhibitors spell it, or "" for all. */
  district: string;
}

export const NO_EXHIBITOR_FILTER: ExhibitorFilter = { q: '', group: '', district: '' };

export function isFilteringExhibitors(filter: ExhibitorFilter): boolean {
  return !!filter.q.trim() || !!filter.group || !!filter.district;
}

/**
 * Whether an exhibitor matches: every word of the query is found (folded) in its name, products, district, booth
 * codes or the names of its groups (`groupNames` gives them in both languages, so "honey" and "thực phẩm" both work).
 */
export function exhibitorMatches(
  e: ExhibitorLike,
  filter: ExhibitorFilter,
  groupNames: (group: ProductGroup) => readonly string[] = () => [],
): boolean {
  if (filter.group && !(e.groups as readonly string[]).includes(filter.group)) return false;
  if (filter.district && fold(e.district) !== fold(filter.district)) return false;
  const words = fold(filter.q).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(
    [e.name, e.district, ...e.products, ...e.boothCodes, ...e.groups.flatMap((g) => groupNames(g))].join(' '),
  );
  return words.every((w) => haystack.includes(w));
}

export function filterExhibitors<T extends ExhibitorLike>(
  list: readonly T[],
  filter: ExhibitorFilter,
  groupNames?: (group: ProductGroup) => readonly string[],
): T[] {
  return list.filter((e) => exhibitorMatches(e, filter, groupNames));
}

/** The districts to filter by, each once (as first spelt), in Vietnamese order. */
export function exhibitorDistricts(list: readonly ExhibitorLike[]): string[] {
  const seen = new Map<string, string>();
  for (const e of list) if (e.district && !seen.has(fold(e.district))) seen.set(fold(e.district), e.district);
  return [...seen.values()].sort((a, b) => a.localeCompare(b, 'vi'));
}

/** The groups any exhibitor exhibits, in the given order. */
export function exhibitorGroups(list: readonly ExhibitorLike[], order: readonly ProductGroup[]): ProductGroup[] {
  const all = new Set<string>(list.flatMap((e) => e.groups));
  return order.filter((g) => all.has(g));
}

export interface ZoneSection<T> {
  /** Zone code, or "" for exhibitors without a booth yet. */
  code: string;
  /** The zone's name in the reader's language ("" for those without a booth). */
  name: string;
  exhibitors: T[];
}

/**
 * The exhibitors by zone, in the plan's zone order (an exhibitor with booths in two zones is under both); those
 * without a booth come last, under code "".
 */
export function byZone<T extends ExhibitorLike>(
  list: readonly T[],
  zones: readonly (Pick<Zone, 'code' | 'name'> & { nameEn?: string | null })[],
  lang: Locale,
): ZoneSection<T>[] {
  const sections: ZoneSection<T>[] = zones.map((z) => ({ code: z.code, name: zoneName(z, lang), exhibitors: [] }));
  const unplaced: T[] = [];
  for (const e of list) {
    let placed = false;
    for (const code of e.zones) {
      const section = sections.find((s) => s.code === code);
      if (section) {
        section.exhibitors.push(e);
        placed = true;
      }
    }
    if (!placed) unplaced.push(e);
  }
  const out = sections.filter((s) => s.exhibitors.length > 0);
  if (unplaced.length > 0) out.push({ code: '', name: '', exhibitors: unplaced });
  return out;
}

/** Common legal forms, shortened the way Vietnamese signs shorten them. */
const SHORT_FORMS: readonly [RegExp, string][] = [
  [/^hợp tác xã\s+/iu, 'HTX '],
  [/^công ty cổ phần\s+/iu, 'CTCP '],
  [/^công ty cp\s+/iu, 'CTCP '],
  [/^công ty tnhh\s+/iu, 'Cty TNHH '],
  [/^công ty\s+/iu, 'Cty '],
  [/^cơ sở\s+/iu, 'CS '],
  [/^hộ kinh doanh\s+/iu, 'HKD '],
];

/** The name with its legal form shortened ("Hợp tác xã Hà Phong" → "HTX Hà Phong"). */
export function shortName(name: string): string {
  let out = name.normalize('NFC').trim();
  for (const [pattern, short] of SHORT_FORMS) {
    if (pattern.test(out)) {
      out = out.replace(pattern, short);
      break;
    }
  }
  return out;
}

/**
 * The name cut to at most `maxChars` characters: shortened legal form, cut at a word where one is near, with "…"
 * when anything is left out; "" when not even a few characters fit (the booth shows its code alone).
 */
export function truncateName(name: string, maxChars: number): string {
  const short = shortName(name);
  const max = Math.floor(maxChars);
  if (max < 4) return '';
  const chars = [...short];
  if (chars.length <= max) return short;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  const word = space >= Math.floor(max / 2) ? cut.slice(0, space) : cut;
  return `${word.replace(/[\s,.;:–-]+$/u, '')}…`;
}

/** Booth codes as a short line ("A05, A06"). */
export function boothList(codes: readonly string[]): string {
  return codes.join(', ');
}
