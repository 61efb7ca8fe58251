import { describe, expect, it } from 'vitest';
import { isMatchesChanged, scorePercent, sectionsByNeed, withMark } from './matches';
import type { BuyerNeed, MatchItem } from './meetingsApi';

const need = (needId: string, keywords: string[]): BuyerNeed => ({ needId, keywords, groups: ['Food'], minStars: 3, certifications: [], markets: [] });
const item = (needId: string, producerId: string, score: number): MatchItem => ({
  needId,
  producerId,
  producerName: `HTX ${producerId}`,
  productId: `pr-${producerId}`,
  productName: 'Gạo nếp',
  boothCodes: [],
  score,
  reasons: [],
  mark: 'None',
});

describe('matches by need', () => {
  it('keeps the profile’s order of needs, keywords as titles, best first', () => {
    const sections = sectionsByNeed(
      [need('n-1', ['gạo nếp']), need('n-2', [])],
      [item('n-1', 'p-a', 60), item('n-1', 'p-b', 85), item('n-9', 'p-c', 50)],
    );
    expect(sections.map((s) => [s.needId, s.title, s.items.map((i) => i.producerId)])).toEqual([
      ['n-1', ['gạo nếp'], ['p-b', 'p-a']],
      ['n-2', ['Food'], []],
      ['n-9', [], ['p-c']],
    ]);
  });

  it('writes a mark in, a dismissed exhibitor leaving the list', () => {
    const list = [item('n-1', 'p-a', 60), item('n-2', 'p-a', 40), item('n-1', 'p-b', 50)];
    expect(withMark(list, 'p-a', 'Saved').filter((i) => i.mark === 'Saved')).toHaveLength(2);
    expect(withMark(list, 'p-a', 'Dismissed').map((i) => i.producerId)).toEqual(['p-b']);
  });

  it('recognises a MatchesChanged for this fair and side', () => {
    expect(isMatchesChanged({ fairId: 'f', side: 'buyer', cause: 'profile' }, 'f', 'buyer')).toBe(true);
    expect(isMatchesChanged({ fairId: 'f', side: 'producer' }, 'f', 'buyer')).toBe(false);
    expect(isMatchesChanged({ fairId: 'g', side: 'buyer' }, 'f', 'buyer')).toBe(false);
    expect(isMatchesChanged(null, 'f', 'buyer')).toBe(false);
    expect(scorePercent(130)).toBe(100);
  });
});
