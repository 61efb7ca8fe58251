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

/**
 * The exhibitor's name on a booth in at most `maxLines` lines of `maxChars` characters, cut at words, the last line
 * ending in "…" when the name does not fit; [] when not even a short word fits.
 */
export function nameLines(name: string, maxChars: number, maxLines = 2): string[] {
  const max = Math.floor(maxChars);
  if (max < 4 || maxLines < 1) return [];
  const words = shortName(name).split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let i = 0;
  while (i < words.length && lines.length < maxLines) {
    const last = lines.length === maxLines - 1;
    if (last) {
      lines.push(truncateName(words.slice(i).join(' '), max));
      i = words.length;
      break;
    }
    let line = '';
    while (i < words.length && [...(line ? `${line} ${words[i]}` : words[i])].length <= max) {
      line = line ? `${line} ${words[i]}` : words[i];
      i++;
    }
    if (!line) {
      // One word longer than a line: cut it.
      lines.push(truncateName(words.slice(i).join(' '), max));
      i = words.length;
      break;
    }
    lines.push(line);
  }
  return lines.filter(Boolean);
}

/**
 * The exhibitors with their booths and zones as the live floor has them now (the list loads once; booths change
 * live), keeping the server's order.
 */
export function withLiveBooths<T extends ExhibitorLike>(
  list: readonly T[],
  booths: readonly { code: string; zone: string; status: string; producerId?: string | null }[],
): T[] {
  if (booths.length === 0) return [...list];
  const byProducer = new Map<string, { codes: string[]; zones: string[] }>();
  for (const b of booths) {
    if (!b.producerId || (b.status !== 'Held' && b.status !== 'Confirmed')) continue;
    const entry = byProducer.get(b.producerId) ?? { codes: [], zones: [] };
    entry.codes.push(b.code);
    if (!entry.zones.includes(b.zone)) entry.zones.push(b.zone);
    byProducer.set(b.producerId, entry);
  }
  return list.map((e) => {
    const live = byProducer.get(e.producerId);
    const codes = live ? [...live.codes].sort() : [];
    const same = codes.length === e.boothCodes.length && codes.every((c, i) => c === e.boothCodes[i]);
    return same ? e : { ...e, boothCodes: codes, zones: live?.zones ?? [] };
  });
}

/** The producer's application to the fair that decides its holds (the latest not withdrawn), with its groups. */
export function applicationFor(
  applications: readonly { fairId: string; status: string; submittedAt: string; products: readonly { group: string }[] }[] | null | undefined,
  fairId: string,
): { status: string; groups: string[] } | null | undefined {
  if (applications === undefined) return undefined;
  const mine = (applications ?? [])
    .filter((a) => a.fairId === fairId)
    .sort((a, b) => (a.status === 'Withdrawn' ? 1 : 0) - (b.status === 'Withdrawn' ? 1 : 0) || b.submittedAt.localeCompare(a.submittedAt));
  const a = mine[0];
  return a ? { status: a.status, groups: [...new Set(a.products.map((p) => p.group))] } : null;
}

/** A line of the hall display's ticker: what happened to which booth, for whom. */
export interface TickerLine {
  key: string;
  kind: 'held' | 'confirmed' | 'freed' | 'blocked';
  code: string;
  producer: string | null;
  status: string;
  at: string | null;
}

const TICKER_KIND: Record<string, TickerLine['kind']> = {
  Held: 'held',
  Confirmed: 'confirmed',
  Free: 'freed',
  Blocked: 'blocked',
};

/** The ticker's line for a live event (a booth that changed), or null for anything else. */
export function tickerLine(event: { type: string; version: number; at?: string; data?: unknown }): TickerLine | null {
  if (event.type !== 'BoothChanged' || !event.data || typeof event.data !== 'object') return null;
  const booth = event.data as { code?: unknown; status?: unknown; producerName?: unknown };
  if (typeof booth.code !== 'string' || typeof booth.status !== 'string') return null;
  const kind = TICKER_KIND[booth.status];
  if (!kind) return null;
  return {
    key: `${event.version}-${booth.code}`,
    kind,
    code: booth.code,
    producer: typeof booth.producerName === 'string' ? booth.producerName : null,
    status: booth.status,
    at: event.at ?? null,
  };
}
