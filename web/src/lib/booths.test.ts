import { describe, expect, it } from 'vitest';
import {
  holdVerdict,
  type HoldFacts,
  boothMatches,
  boothProblemKey,
  dimmedSet,
  filterFromSearch,
  filterGroups,
  formatCountdown,
  holdsOpen,
  isMine,
  mineSet,
  occupancy,
  overlayBooths,
  pruneOverrides,
  remainingMs,
  type BoothOverride,
} from './booths';
import { booth, floorFixture } from '../test/fixtures';
import type { ProductGroup } from './types';

describe('countdown', () => {
  it('formats mm:ss, rounding up to the next second', () => {
    expect(formatCountdown(15 * 60 * 1000)).toBe('15:00');
    expect(formatCountdown(14 * 60 * 1000 + 59 * 1000)).toBe('14:59');
    expect(formatCountdown(61_000)).toBe('01:01');
    expect(formatCountdown(9_000)).toBe('00:09');
    expect(formatCountdown(400)).toBe('00:01');
    expect(formatCountdown(75 * 60 * 1000)).toBe('75:00');
  });

  it('is never negative: "00:00" once expired or unreadable', () => {
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(-5_000)).toBe('00:00');
    expect(formatCountdown(Number.NaN)).toBe('00:00');
    expect(formatCountdown(Number.POSITIVE_INFINITY)).toBe('00:00');
  });

  it('counts down from holdExpiresAt', () => {
    const now = Date.parse('2025-03-01T03:00:00Z');
    expect(remainingMs('2025-03-01T03:15:00Z', now)).toBe(15 * 60 * 1000);
    expect(remainingMs('2025-03-01T10:14:30+07:00', now)).toBe(14 * 60 * 1000 + 30 * 1000);
    expect(remainingMs('2025-03-01T02:59:00Z', now)).toBe(0);
    expect(remainingMs(null, now)).toBe(0);
    expect(remainingMs('not a date', now)).toBe(0);
    expect(formatCountdown(remainingMs('2025-03-01T03:04:05.500Z', now))).toBe('04:06');
  });
});

describe('mine', () => {
  const held = booth('A01', { status: 'Held', producerId: 'me', holdExpiresAt: '2025-03-01T03:15:00Z' });
  it('is a booth held or confirmed by this producer', () => {
    expect(isMine(held, 'me')).toBe(true);
    expect(isMine({ ...held, status: 'Confirmed' }, 'me')).toBe(true);
    expect(isMine(held, 'other')).toBe(false);
    expect(isMine(held, null)).toBe(false);
    expect(isMine(held, undefined, ['A01'])).toBe(false);
  });

  it('never counts a Free or Blocked booth, even if the list still has it', () => {
    expect(isMine({ ...held, status: 'Free', producerId: null }, 'me', ['A01'])).toBe(false);
    expect(isMine({ ...held, status: 'Blocked' }, 'me')).toBe(false);
  });

  it('falls back on GET /booths/mine when the booth carries no producerId', () => {
    const anonymous = { ...held, producerId: null };
    expect(isMine(anonymous, 'me', ['A01'])).toBe(true);
    expect(isMine(anonymous, 'me', new Set(['A01']))).toBe(true);
    expect(isMine(anonymous, 'me', ['A02'])).toBe(false);
    expect(isMine(anonymous, 'me')).toBe(false);
    // the booth's own producerId wins over a stale list
    expect(isMine({ ...held, producerId: 'other' }, 'me', ['A01'])).toBe(false);
  });

  it('collects the codes for the map', () => {
    const floor = floorFixture();
    expect([...mineSet(floor.booths, 'p1')]).toEqual(['A02']);
    expect([...mineSet(floor.booths, 'p2')]).toEqual(['A03']);
    expect(mineSet(floor.booths, null).size).toBe(0);
  });

  it('opens holds on FirstCome fairs that are published, closed for registration or live', () => {
    expect(holdsOpen({ allocationMode: 'FirstCome', status: 'Published' })).toBe(true);
    expect(holdsOpen({ allocationMode: 'FirstCome', status: 'RegistrationClosed' })).toBe(true);
    expect(holdsOpen({ allocationMode: 'FirstCome', status: 'Live' })).toBe(true);
    expect(holdsOpen({ allocationMode: 'FirstCome', status: 'Draft' })).toBe(false);
    expect(holdsOpen({ allocationMode: 'FirstCome', status: 'Closed' })).toBe(false);
    expect(holdsOpen({ allocationMode: 'Organiser', status: 'Published' })).toBe(false);
    expect(holdsOpen(null)).toBe(false);
  });
});

describe('filters', () => {
  const floor = floorFixture();
  const zones = floor.zones;

  it('matches by zone and by a group the zone accepts', () => {
    const a = booth('A01');
    const b = booth('B01');
    expect(boothMatches(a, zones, { zone: '', group: '' })).toBe(true);
    expect(boothMatches(a, zones, { zone: 'A', group: '' })).toBe(true);
    expect(boothMatches(b, zones, { zone: 'A', group: '' })).toBe(false);
    expect(boothMatches(a, zones, { zone: '', group: 'Food' })).toBe(true);
    expect(boothMatches(b, zones, { zone: '', group: 'Food' })).toBe(false);
    expect(boothMatches(b, zones, { zone: '', group: 'Beverages' })).toBe(true);
    expect(boothMatches(a, zones, { zone: 'A', group: 'Beverages' })).toBe(false);
    expect(boothMatches(booth('C01', { zone: 'C' }), zones, { zone: '', group: 'Food' })).toBe(false);
  });

  it('dims what does not match, nothing when not filtering', () => {
    expect(dimmedSet(floor.booths, zones, { zone: '', group: '' }).size).toBe(0);
    expect([...dimmedSet(floor.booths, zones, { zone: '', group: 'Beverages' })]).toEqual(['A01', 'A02', 'A03']);
    expect([...dimmedSet(floor.booths, zones, { zone: 'B', group: 'Food' })].length).toBe(5);
  });

  it('offers the groups of the zones and the fair, in the usual order', () => {
    expect(filterGroups(zones)).toEqual(['Food', 'Beverages']);
    expect(filterGroups(zones, ['Herbal', 'Food'])).toEqual(['Food', 'Beverages', 'Herbal']);
    expect(filterGroups([{ code: 'X', name: 'X', groups: ['Tourism', 'Other' as ProductGroup] }])).toEqual(['Tourism', 'Other']);
  });

  it('reads the query string', () => {
    expect(filterFromSearch('?booth=A01&zone=B&group=Food')).toEqual({ zone: 'B', group: 'Food' });
    expect(filterFromSearch('')).toEqual({ zone: '', group: '' });
  });
});

describe('occupancy', () => {
  it('is held + confirmed over all but blocked booths', () => {
    expect(occupancy(floorFixture().booths)).toEqual({ taken: 2, available: 4, percent: 50 });
    expect(occupancy([booth('A01', { status: 'Held' }), booth('A02'), booth('A03')]).percent).toBe(33);
    expect(occupancy([booth('A01', { status: 'Blocked' })])).toEqual({ taken: 0, available: 0, percent: 0 });
    expect(occupancy([]).percent).toBe(0);
  });
});

describe('overrides', () => {
  it('shows an action answer until the floor has news of that booth', () => {
    const floor = floorFixture();
    const base = floor.booths[0];
    const answer = booth('A01', { status: 'Held', producerId: 'me', holdExpiresAt: '2025-03-01T03:15:00Z' });
    const overrides = new Map<string, BoothOverride>([['A01', { booth: answer, base }]]);
    const shown = overlayBooths(floor.booths, overrides);
    expect(shown[0].status).toBe('Held');
    expect(shown[0].producerId).toBe('me');
    expect(shown[1]).toBe(floor.booths[1]);
    expect(pruneOverrides(floor.booths, overrides)).toBeNull();

    // a live event replaced the booth: the floor wins, the override goes
    const moved = floor.booths.map((b) => (b.code === 'A01' ? { ...b, status: 'Confirmed' as const } : b));
    expect(overlayBooths(moved, overrides)[0].status).toBe('Confirmed');
    expect(pruneOverrides(moved, overrides)?.size).toBe(0);
    expect(overlayBooths(floor.booths, new Map())).toBe(floor.booths);
  });
});

describe('problem codes', () => {
  it('maps booth codes to our own text keys', () => {
    expect(boothProblemKey('booth.taken')).toBe('boothErrors.taken');
    expect(boothProblemKey('booth.zoneMismatch')).toBe('boothErrors.zoneMismatch');
    expect(boothProblemKey('fair.notFound')).toBeNull();
    expect(boothProblemKey(undefined)).toBeNull();
  });
});

describe('problem texts', () => {
  it('has our own text for every booth problem code in both languages', async () => {
    const { BOOTH_PROBLEM_CODES } = await import('./booths');
    const viText = (await import('../i18n/messages')).vi as Record<string, Record<string, string>>;
    const enText = (await import('../i18n/messages')).en as Record<string, Record<string, string>>;
    for (const code of BOOTH_PROBLEM_CODES) {
      const [, name] = boothProblemKey(code)!.split('.');
      expect(viText.boothErrors[name], code).toBeTruthy();
      expect(enText.boothErrors[name], code).toBeTruthy();
    }
  });
});


describe('holdVerdict', () => {
  const base: HoldFacts = {
    fair: { allocationMode: 'FirstCome', status: 'Published', boothsPerProducer: 2 },
    booth: { status: 'Free', zone: 'A' },
    zones: [
      { code: 'A', groups: ['Food'] },
      { code: 'B', groups: ['Beverages'] },
    ],
    producerId: 'p1',
    application: { status: 'Approved', groups: ['Food'] },
    myBooths: 0,
  };

  it('offers the hold to an approved exhibitor on a free booth of its zone, within the limit', () => {
    expect(holdVerdict(base)).toEqual({ kind: 'hold' });
    expect(holdVerdict({ ...base, myBooths: 1 })).toEqual({ kind: 'hold' });
  });

  it('refuses in the order of BoothRules.Hold', () => {
    const no = (facts: Partial<HoldFacts>) => holdVerdict({ ...base, ...facts });
    expect(no({ fair: { ...base.fair!, status: 'Draft' }, application: null })).toEqual({ kind: 'no', reason: 'holdsClosed' });
    expect(no({ fair: { ...base.fair!, status: 'Closed' } })).toEqual({ kind: 'no', reason: 'holdsClosed' });
    expect(no({ fair: { ...base.fair!, allocationMode: 'Organiser' } })).toEqual({ kind: 'no', reason: 'organiserAllocates' });
    expect(no({ application: null })).toEqual({ kind: 'no', reason: 'notApplied' });
    expect(no({ application: { status: 'Waitlisted', groups: ['Food'] } })).toEqual({ kind: 'no', reason: 'notApproved' });
    expect(no({ booth: { status: 'Free', zone: 'B' } })).toEqual({ kind: 'no', reason: 'zoneMismatch' });
    expect(no({ booth: { status: 'Free', zone: 'Z' } })).toEqual({ kind: 'no', reason: 'zoneMismatch' });
    expect(no({ myBooths: 2 })).toEqual({ kind: 'no', reason: 'limit' });
  });

  it('says nothing to others, on taken booths, or while the application loads', () => {
    expect(holdVerdict({ ...base, producerId: null })).toEqual({ kind: 'none' });
    expect(holdVerdict({ ...base, booth: { status: 'Held', zone: 'A' } })).toEqual({ kind: 'none' });
    expect(holdVerdict({ ...base, application: undefined })).toEqual({ kind: 'none' });
  });
});
