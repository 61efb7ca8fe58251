// Matches as the pages show them, as pure functions: a buyer's ranked suppliers by need (the need's keywords as its
// title, needs in the profile's order, items best first), and a change of mark written into the list.

import type { BuyerNeed, MatchItem, MatchMark } from './meetingsApi';

export interface NeedSection {
  needId: string;
  /** The need's keywords, or its groups when it names none. */
  title: string[];
  items: MatchItem[];
}

/** The items by need, in the profile's order (a need the profile no longer has comes last, by its id). */
export function sectionsByNeed(needs: readonly BuyerNeed[], items: readonly MatchItem[]): NeedSection[] {
  const sections = needs.map((n) => ({
    needId: n.needId,
    title: n.keywords.length ? n.keywords : n.groups,
    items: [] as MatchItem[],
  }));
  for (const item of items) {
    let section = sections.find((s) => s.needId === item.needId);
    if (!section) {
      section = { needId: item.needId, title: [], items: [] };
      sections.push(section);
    }
    section.items.push(item);
  }
  for (const s of sections) s.items.sort((a, b) => b.score - a.score || a.producerName.localeCompare(b.producerName, 'vi'));
  return sections;
}

/** The list with the exhibitor's mark changed (a dismissed one leaves the list, as the server leaves it out). */
export function withMark(items: readonly MatchItem[], producerId: string, mark: MatchMark): MatchItem[] {
  if (mark === 'Dismissed') return items.filter((i) => i.producerId !== producerId);
  return items.map((i) => (i.producerId === producerId ? { ...i, mark } : i));
}

/** A score (0–100) clamped for a bar's width. */
export const scorePercent = (score: number) => Math.max(0, Math.min(100, Math.round(score)));

/** True for a `MatchesChanged` event's data for this fair and side. */
export function isMatchesChanged(value: unknown, fairId: string, side: 'buyer' | 'producer'): boolean {
  const d = value as { fairId?: unknown; side?: unknown } | null;
  return !!d && typeof d === 'object' && d.fairId === fairId && (d.side === undefined || String(d.side).toLowerCase() === side);
}
