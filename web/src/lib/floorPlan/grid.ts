// The grid generator's form: started from the plan or the fair, checked with the server's limits, turned into the
// request.

import type { FieldErrors } from '../catalogue';
import type { GridRequest, ProductGroup } from '../types';
import { isCode, MAX_BOOTHS, type PlanDraft } from './draft';
import { boothsInZone } from './zones';

export interface GridZoneForm {
  code: string;
  name: string;
  groups: ProductGroup[];
  booths: string;
  /** English name; kept when the grid is made again from a plan that has one. */
  nameEn?: string;
}

export interface GridForm {
  zones: GridZoneForm[];
  perRow: string;
  boothWidth: string;
  boothDepth: string;
  priceVnd: string;
}

/** The grid form for a plan: its zones (with their booth counts) or one zone taking the fair's groups. */
export function gridFormFor(plan: PlanDraft, acceptedGroups: readonly ProductGroup[] = []): GridForm {
  const zones: GridZoneForm[] = plan.zones.length
    ? plan.zones.map((z) => ({ code: z.code, name: z.name, nameEn: z.nameEn ?? '', groups: [...z.groups], booths: String(boothsInZone(plan, z.id) || 10) }))
    : [{ code: 'A', name: '', groups: acceptedGroups.slice(0, 1), booths: '10' }];
  const first = plan.booths[0];
  return {
    zones,
    perRow: '10',
    boothWidth: String(first?.w ?? 3),
    boothDepth: String(first?.h ?? 3),
    priceVnd: String(plan.booths.find((b) => b.type === 'Standard')?.priceVnd ?? 2_000_000),
  };
}

function parseNumber(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Checks the grid form as the server would and builds its request; errors are keyed like the server's. */
export function gridFormToRequest(form: GridForm): { request: GridRequest | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const add = (key: string, code: string) => (errors[key] ??= []).push(code);
  if (form.zones.length === 0) add('zones', 'required');
  const seen = new Set<string>();
  const zones = form.zones.map((z, i) => {
    const code = z.code.trim();
    if (!isCode(code) || code.length > 13) add(`zones[${i}].code`, 'invalidCode');
    else if (seen.has(code)) add(`zones[${i}].code`, 'duplicate');
    seen.add(code);
    if (z.groups.length === 0) add(`zones[${i}].groups`, 'required');
    const booths = parseNumber(z.booths);
    if (booths === null || !Number.isInteger(booths) || booths < 1 || booths > 1000) add(`zones[${i}].booths`, 'outOfRange');
    return { code, name: z.name.trim() || code, groups: [...z.groups], booths: booths ?? 0, ...(z.nameEn?.trim() ? { nameEn: z.nameEn.trim() } : {}) };
  });
  const perRow = parseNumber(form.perRow);
  if (perRow === null || !Number.isInteger(perRow) || perRow < 1 || perRow > 100) add('perRow', 'outOfRange');
  const boothWidth = parseNumber(form.boothWidth);
  if (boothWidth === null || boothWidth <= 0 || boothWidth > 50) add('boothWidth', 'outOfRange');
  const boothDepth = parseNumber(form.boothDepth);
  if (boothDepth === null || boothDepth <= 0 || boothDepth > 50) add('boothDepth', 'outOfRange');
  const priceVnd = parseNumber(form.priceVnd.replace(/[.\s₫]/g, ''));
  if (priceVnd === null || priceVnd < 0) add('priceVnd', 'negative');
  if (zones.reduce((n, z) => n + z.booths, 0) > MAX_BOOTHS) add('zones', 'tooMany');
  if (Object.keys(errors).length > 0) return { request: null, errors };
  return {
    request: { zones, perRow: perRow!, boothWidth: boothWidth!, boothDepth: boothDepth!, priceVnd: Math.round(priceVnd!) },
    errors,
  };
}
