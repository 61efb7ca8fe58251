// The fair's results board as the pages show it: the board from GET /api/fairs/{fairId}/board and the fair stream's
// BoardChanged events (each carries the whole board, at the fair version it was pushed at: a newer version replaces
// the one held, an older or equal one is dropped), the DealSigned announcements, and the figures as a province
// reports them (tỷ đồng, tấn). Pure functions, so the hook and the pages stay thin.

export type DealKind = 'Memorandum' | 'CooperationAgreement' | 'ConsumptionContract';
export const DEAL_KINDS: readonly DealKind[] = ['Memorandum', 'CooperationAgreement', 'ConsumptionContract'];

export interface BoardAmount {
  deals: number;
  vnd: number;
  tonnes: number;
}

export interface BoardDeals {
  byKind: Partial<Record<DealKind, number>>;
  vnd: number;
  tonnes: number;
  otherUnits: Record<string, number>;
  byGroup: Record<string, BoardAmount>;
  byDistrict: Record<string, BoardAmount>;
  byBuyerKind: Record<string, BoardAmount>;
  byMarket: Record<string, BoardAmount>;
}

export interface FairBoard {
  fairId: string;
  version: number;
  booths: { free: number; held: number; confirmed: number };
  meetings: { requested: number; accepted: number; held: number; noShow: number };
  deals: BoardDeals;
}

export interface DealAnnouncement {
  dealId: string;
  kind: DealKind;
  producerName: string;
  district?: string | null;
  buyerOrganisation: string;
  vnd: number;
  tonnes: number;
  signedAt: string;
}

/** The board to show after `incoming` (a GET answer or a BoardChanged's data): the newer by fair version. */
export function newerBoard(held: FairBoard | null, incoming: unknown): FairBoard | null {
  if (!isBoard(incoming)) return held;
  if (held && incoming.fairId === held.fairId && incoming.version <= held.version) return held;
  return incoming;
}

export function isBoard(value: unknown): value is FairBoard {
  const b = value as FairBoard | null;
  return !!b && typeof b === 'object' && typeof b.fairId === 'string' && typeof b.version === 'number' && !!b.deals && typeof b.deals === 'object';
}

export function isAnnouncement(value: unknown): value is DealAnnouncement {
  const a = value as DealAnnouncement | null;
  return !!a && typeof a === 'object' && typeof a.dealId === 'string' && typeof a.producerName === 'string' && typeof a.vnd === 'number';
}

/** Signings newest first, each deal once, at most `max`. */
export function addSigning(list: readonly DealAnnouncement[], signed: DealAnnouncement, max = 8): DealAnnouncement[] {
  return [signed, ...list.filter((s) => s.dealId !== signed.dealId)].slice(0, max);
}

/** How many documents are signed, of every kind. */
export function signedCount(deals: BoardDeals): number {
  return DEAL_KINDS.reduce((sum, k) => sum + (deals.byKind[k] ?? 0), 0);
}

export interface Bar {
  key: string;
  deals: number;
  vnd: number;
  tonnes: number;
}

/**
 * A bucket as chart bars, biggest value first; past `max` bars the rest are summed into one bar keyed `other`
 * (a province has dozens of districts; the screen has room for a few).
 */
export function bars(buckets: Record<string, BoardAmount> | undefined, max = 8): Bar[] {
  const all = Object.entries(buckets ?? {})
    .map(([key, a]) => ({ key, deals: a.deals, vnd: a.vnd, tonnes: a.tonnes }))
    .sort((a, b) => b.vnd - a.vnd || b.deals - a.deals || a.key.localeCompare(b.key, 'vi'));
  if (all.length <= max) return all;
  const rest = all.slice(max - 1).reduce((s, b) => ({ key: 'other', deals: s.deals + b.deals, vnd: s.vnd + b.vnd, tonnes: s.tonnes + b.tonnes }), {
    key: 'other',
    deals: 0,
    vnd: 0,
    tonnes: 0,
  });
  return [...all.slice(0, max - 1), rest];
}

/** A market key as a name: `vn:Hà Nội` → Hà Nội, `export:JP` → JP (the page adds "export"). */
export function marketName(key: string): { name: string; export: boolean } {
  if (key.startsWith('export:')) return { name: key.slice(7), export: true };
  if (key.startsWith('vn:')) return { name: key.slice(3), export: false };
  return { name: key, export: false };
}

/** VND in the unit provinces report: tỷ (10⁹) above a billion, else triệu (10⁶), else đồng. */
export function vndParts(vnd: number, locale: string): { value: string; unit: 'billion' | 'million' | 'dong' } {
  const format = (n: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
  if (Math.abs(vnd) >= 1e9) return { value: format(vnd / 1e9, 2), unit: 'billion' };
  if (Math.abs(vnd) >= 1e6) return { value: format(vnd / 1e6, 1), unit: 'million' };
  return { value: format(vnd, 0), unit: 'dong' };
}

/** Tonnes with at most two decimals, in the locale's digits. */
export function tonnes(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}
