import { describe, expect, it } from 'vitest';
import {
  districtNames,
  foldText,
  nextTransitions,
  organiserAllocates,
  shareRows,
  sortedAssignments,
  transitionTarget,
} from './allocation';
import type { FairStatus } from './types';

describe('allocation helpers', () => {
  it('folds Vietnamese text as the server keys districts', () => {
    expect(foldText('  Kim  Bôi ')).toBe('kim boi');
    expect(foldText('Đà Bắc')).toBe('da bac');
    expect(foldText('TP. Hòa Bình')).toBe('tp. hoa binh');
    expect(foldText(null)).toBe('');
  });

  it('shows district shares by their written names, most booths first', () => {
    const names = districtNames([{ district: 'Kim Bôi' }, { district: 'kim boi' }, { district: 'Đà Bắc' }]);
    expect(names.get('kim boi')).toBe('Kim Bôi');
    expect(shareRows({ 'da bac': 1, 'kim boi': 2, 'lac son': 1 }, names)).toEqual([
      { key: 'kim boi', name: 'Kim Bôi', booths: 2 },
      { key: 'da bac', name: 'Đà Bắc', booths: 1 },
      { key: 'lac son', name: 'lac son', booths: 1 },
    ]);
    expect(shareRows(undefined, names)).toEqual([]);
  });

  it('orders assignments by booth code with numbers in order', () => {
    const rows = sortedAssignments({
      dryRun: true,
      assignments: ['A10', 'B01', 'A02'].map((boothCode) => ({ boothCode, producerId: 'p', reasons: [] })),
      unplaced: [],
      districtShares: {},
    });
    expect(rows.map((r) => r.boothCode)).toEqual(['A02', 'A10', 'B01']);
  });

  it('knows which fairs the organiser allocates and the lifecycle moves', () => {
    expect(organiserAllocates({ allocationMode: 'Organiser' })).toBe(true);
    expect(organiserAllocates({ allocationMode: 'FirstCome' })).toBe(false);
    expect(organiserAllocates(null)).toBe(false);
    const all: FairStatus[] = ['Draft', 'Published', 'RegistrationClosed', 'Live', 'Closed'];
    expect(all.map((s) => nextTransitions(s))).toEqual([['publish'], ['close-registration', 'start'], ['start'], ['close'], []]);
    expect(transitionTarget('close-registration')).toBe('RegistrationClosed');
  });
});
