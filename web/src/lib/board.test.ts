import { describe, expect, it } from 'vitest';
import { addSigning, bars, marketName, newerBoard, signedCount, vndParts, type DealAnnouncement, type FairBoard } from './board';

const board = (version: number, vnd = 0): FairBoard => ({
  fairId: 'f',
  version,
  booths: { free: 1, held: 0, confirmed: 2 },
  meetings: { requested: 0, accepted: 0, held: 3, noShow: 0 },
  deals: { byKind: { Memorandum: 1, ConsumptionContract: 2 }, vnd, tonnes: 0, otherUnits: {}, byGroup: {}, byDistrict: {}, byBuyerKind: {}, byMarket: {} },
});

const signing = (dealId: string): DealAnnouncement => ({
  dealId,
  kind: 'ConsumptionContract',
  producerName: 'HTX Cam Cao Phong',
  buyerOrganisation: 'Siêu thị Xanh',
  vnd: 1,
  tonnes: 1,
  signedAt: '2026-12-05T01:00:00Z',
});

describe('newerBoard', () => {
  it('takes a newer version and drops an older or equal one', () => {
    expect(newerBoard(null, board(3, 5))?.deals.vnd).toBe(5);
    expect(newerBoard(board(3, 5), board(4, 9))?.deals.vnd).toBe(9);
    expect(newerBoard(board(4, 9), board(3, 5))?.deals.vnd).toBe(9);
    expect(newerBoard(board(4, 9), board(4, 1))?.deals.vnd).toBe(9);
  });

  it('keeps what it has when the data is not a board', () => {
    const held = board(2);
    expect(newerBoard(held, { type: 'x' })).toBe(held);
    expect(newerBoard(held, null)).toBe(held);
  });
});

describe('figures', () => {
  it('counts every kind of document', () => expect(signedCount(board(1).deals)).toBe(3));

  it('keeps each signing once, newest first, within the limit', () => {
    let list = addSigning([], signing('a'));
    list = addSigning(list, signing('b'));
    list = addSigning(list, signing('a'));
    expect(list.map((s) => s.dealId)).toEqual(['a', 'b']);
    expect(addSigning(list, signing('c'), 2).map((s) => s.dealId)).toEqual(['c', 'a']);
  });

  it('sorts bars by value and folds the tail into one bar', () => {
    const buckets = Object.fromEntries(['a', 'b', 'c', 'd'].map((k, i) => [k, { deals: 1, vnd: (i + 1) * 10, tonnes: i }]));
    expect(bars(buckets).map((b) => b.key)).toEqual(['d', 'c', 'b', 'a']);
    const folded = bars(buckets, 3);
    expect(folded.map((b) => b.key)).toEqual(['d', 'c', 'other']);
    expect(folded[2]).toEqual({ key: 'other', deals: 2, vnd: 30, tonnes: 1 });
    expect(bars(undefined)).toEqual([]);
  });

  it('names markets and reports VND in tỷ or triệu', () => {
    expect(marketName('vn:Hà Nội')).toEqual({ name: 'Hà Nội', export: false });
    expect(marketName('export:JP')).toEqual({ name: 'JP', export: true });
    expect(vndParts(1_500_000_000, 'vi')).toEqual({ value: '1,5', unit: 'billion' });
    expect(vndParts(45_500_000, 'en')).toEqual({ value: '45.5', unit: 'million' });
    expect(vndParts(900, 'vi')).toEqual({ value: '900', unit: 'dong' });
  });
});
