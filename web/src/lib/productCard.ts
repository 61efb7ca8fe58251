// The product card's small decisions, kept apart from its markup: names for sub-group codes, and which photo files
// are worth sending (the server decides for good: it reads the bytes, not the name or the declared type).

import type { TFunction } from 'i18next';

/** The largest photo the server takes, in bytes. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** Why a chosen file is not sent, or null when it may be. */
export function photoProblem(file: Pick<File, 'size' | 'type'>): 'tooLarge' | 'wrongType' | null {
  if (file.size > MAX_PHOTO_BYTES) return 'tooLarge';
  if (file.type && !(PHOTO_TYPES as readonly string[]).includes(file.type)) return 'wrongType';
  return null;
}

/** Sub-groups offered by name for each OCOP group; a producer may still type another. */
export const SUB_GROUPS: Readonly<Record<string, readonly string[]>> = {
  Food: ['FreshProduce', 'Processed'],
  Beverages: ['Tea', 'Alcohol', 'NonAlcoholic'],
  Herbal: ['Medicinal', 'Cosmetics'],
  Handicrafts: ['Textiles', 'Woodwork', 'Ceramics'],
  Ornamental: ['Flowers', 'Animals'],
  Tourism: ['CommunityTourism'],
};

/** Whether a sub-group is one of those offered for the group (else it was typed in). */
export function isKnownSubGroup(group: string, subGroup: string): boolean {
  return (SUB_GROUPS[group] ?? []).includes(subGroup);
}

/** A sub-group by its name in the reader's language; a sub-group the producer typed in is shown as typed. */
export function subGroupName(code: string | null | undefined, t: TFunction): string {
  if (!code) return '';
  return t(`subGroups.${code}`, { defaultValue: code });
}

/** The card's address at a fair: the same card, with that fair's booth. */
export function cardPath(productId: string, fairId?: string | null): string {
  const path = `/products/${encodeURIComponent(productId)}`;
  return fairId ? `${path}?fair=${encodeURIComponent(fairId)}` : path;
}
