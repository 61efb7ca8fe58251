// Pure helpers of the allocation screen and the fair's lifecycle buttons.

import type { AllocationResult, Application, FairDetails, FairStatus, FairTransition } from './types';

/**
 * Folds text the way the server's VietnameseText.Fold does for keys: lower case, no marks, "đ" → "d", runs of
 * white space as one space. The allocation's district shares are keyed so.
 */
export function foldText(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The district names as people write them, by folded key, from the fair's applications (the first spelling wins). */
export function districtNames(applications: readonly Pick<Application, 'district'>[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of applications) {
    const key = foldText(a.district);
    if (key && !out.has(key)) out.set(key, a.district.trim());
  }
  return out;
}

export interface DistrictShare {
  key: string;
  name: string;
  booths: number;
}

/** District shares for a table: the readable name where known, most booths first, then by name. */
export function shareRows(shares: AllocationResult['districtShares'] | null | undefined, names: ReadonlyMap<string, string>): DistrictShare[] {
  return Object.entries(shares ?? {})
    .map(([key, booths]) => ({ key, name: names.get(key) ?? key, booths: Number(booths) || 0 }))
    .sort((a, b) => b.booths - a.booths || a.name.localeCompare(b.name, 'vi'));
}

/** Assignments in booth order (A02 before A10), for reading against the map. */
export function sortedAssignments(result: AllocationResult): AllocationResult['assignments'] {
  return [...result.assignments].sort((a, b) => a.boothCode.localeCompare(b.boothCode, 'en', { numeric: true }));
}

/** Allocation runs only where the organiser places exhibitors. */
export function organiserAllocates(fair: Pick<FairDetails, 'allocationMode'> | null | undefined): boolean {
  return !!fair && fair.allocationMode === 'Organiser';
}

/** The moves the organiser may make next (the server's FairRules.CanMove), in the order the buttons show. */
export function nextTransitions(status: FairStatus): FairTransition[] {
  switch (status) {
    case 'Draft':
      return ['publish'];
    case 'Published':
      return ['close-registration', 'start'];
    case 'RegistrationClosed':
      return ['start'];
    case 'Live':
      return ['close'];
    default:
      return [];
  }
}

/** The status a transition leads to. */
export function transitionTarget(transition: FairTransition): FairStatus {
  switch (transition) {
    case 'publish':
      return 'Published';
    case 'close-registration':
      return 'RegistrationClosed';
    case 'start':
      return 'Live';
    case 'close':
      return 'Closed';
  }
}
