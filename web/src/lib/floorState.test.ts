import { describe, expect, it } from 'vitest';
import {
  applyFairEvent,
  applyFairEvents,
  applyFloorResponse,
  applyJoinResult,
  floorExtent,
  zoneBoxes,
} from './floorState';
import { FAIR_ID, booth, boothChanged, floorFixture } from '../test/fixtures';
import type { FloorDelta } from './types';

const statusOf = (floor: ReturnType<typeof floorFixture> | null, code: string) =>
  floor?.booths.find((b) => b.code === code)?.status;

describe('applyFairEvent', () => {
  it('applies the next version and replaces the booth by code', () => {
    const floor = floorFixture(5);
    const result = applyFairEvent(floor, boothChanged(6, booth('A01', { status: 'Held', producerName: 'HTX 3T' })));
    expect(result.status).toBe('applied');
    expect(result.floor?.version).toBe(6);
    expect(statusOf(result.floor, 'A01')).toBe('Held');
    expect(result.floor?.booths.find((b) => b.code === 'A01')?.producerName).toBe('HTX 3T');
    expect(result.floor?.booths).toHaveLength(5);
    // Untouched booths keep their identity (cheap re-render) and the input is not mutated.
    expect(result.floor?.booths[1]).toBe(floor.booths[1]);
    expect(statusOf(floor, 'A01')).toBe('Free');
    expect(floor.version).toBe(5);
  });

  it('merges an occupancy-only booth event into the booth and clears the occupant on release', () => {
    const floor = floorFixture(5);
    const before = floor.booths.find((b) => b.code === 'A01')!;
    const held = applyFairEvent(floor, {
      fairId: FAIR_ID,
      version: 6,
      type: 'BoothChanged',
      data: { code: 'A01', status: 'Held', producerId: 'p1', producerName: 'HTX 3T', holdExpiresAt: '2026-11-23T10:00:00+07:00' },
    });
    const heldBooth = held.floor?.booths.find((b) => b.code === 'A01');
    expect(heldBooth).toMatchObject({ status: 'Held', producerId: 'p1', producerName: 'HTX 3T', x: before.x, zone: before.zone });
    const released = applyFairEvent(held.floor, {
      fairId: FAIR_ID,
      version: 7,
      type: 'BoothChanged',
      data: { code: 'A01', status: 'Free', producerId: null, producerName: null, holdExpiresAt: null },
    });
    const freeBooth = released.floor?.booths.find((b) => b.code === 'A01');
    expect(freeBooth?.status).toBe('Free');
    expect(freeBooth?.producerId ?? null).toBeNull();
    expect(freeBooth?.producerName ?? null).toBeNull();
    expect(freeBooth?.w).toBe(before.w);
  });

  it('applies several events in order', () => {
    let floor = floorFixture(5);
    for (const [v, status] of [[6, 'Held'], [7, 'Confirmed'], [8, 'Free']] as const) {
      const r = applyFairEvent(floor, boothChanged(v, booth('A01', { status })));
      expect(r.status).toBe('applied');
      floor = r.floor!;
    }
    expect(floor.version).toBe(8);
    expect(statusOf(floor, 'A01')).toBe('Free');
  });

  it('ignores duplicates and old versions', () => {
    const floor = floorFixture(5);
    const first = applyFairEvent(floor, boothChanged(6, booth('A01', { status: 'Held' })));
    const dup = applyFairEvent(first.floor, boothChanged(6, booth('A01', { status: 'Blocked' })));
    expect(dup.status).toBe('ignored');
    expect(dup.floor).toBe(first.floor);
    expect(statusOf(dup.floor, 'A01')).toBe('Held');
    expect(applyFairEvent(first.floor, boothChanged(3, booth('A01'))).status).toBe('ignored');
  });

  it('signals a resync on a gap and leaves the floor unchanged', () => {
    const floor = floorFixture(5);
    const result = applyFairEvent(floor, boothChanged(8, booth('A01', { status: 'Held' })));
    expect(result.status).toBe('resync');
    expect(result.floor).toBe(floor);
  });

  it('ignores events of another fair or before a floor is loaded', () => {
    const floor = floorFixture(5);
    expect(applyFairEvent(floor, boothChanged(6, booth('A01'), 'other')).status).toBe('ignored');
    expect(applyFairEvent(null, boothChanged(6, booth('A01'))).status).toBe('ignored');
  });

  it('advances the version for events that do not touch the map', () => {
    const floor = floorFixture(5);
    const result = applyFairEvent(floor, { fairId: FAIR_ID, version: 6, type: 'BoardChanged', data: { free: 1 } });
    expect(result.status).toBe('applied');
    expect(result.floor?.version).toBe(6);
    expect(result.floor?.booths).toBe(floor.booths);
  });

  it('adds a booth it did not know', () => {
    const result = applyFairEvent(floorFixture(5), boothChanged(6, booth('C09')));
    expect(result.floor?.booths.map((b) => b.code)).toContain('C09');
  });

  it('takes a new layout from FairChanged', () => {
    const result = applyFairEvent(floorFixture(5), {
      fairId: FAIR_ID,
      version: 6,
      type: 'FairChanged',
      data: { booths: [booth('Z1')], width: 50 },
    });
    expect(result.floor?.booths.map((b) => b.code)).toEqual(['Z1']);
    expect(result.floor?.width).toBe(50);
    expect(result.floor?.height).toBe(20);
  });
});

describe('applyFairEvents', () => {
  it('sorts by version and stops at a gap', () => {
    const floor = floorFixture(5);
    const r = applyFairEvents(floor, [
      boothChanged(7, booth('A02', { status: 'Free' })),
      boothChanged(6, booth('A01', { status: 'Held' })),
      boothChanged(9, booth('B02', { status: 'Held' })),
    ]);
    expect(r.status).toBe('resync');
    expect(r.floor?.version).toBe(7);
    expect(statusOf(r.floor, 'B02')).toBe('Free');
  });
});

describe('applyJoinResult', () => {
  it('replaces the state with a snapshot', () => {
    const floor = floorFixture(5);
    const snapshot = { ...floorFixture(40), booths: [booth('A01', { status: 'Confirmed' })] };
    const r = applyJoinResult(floor, { fairId: FAIR_ID, version: 40, events: null, snapshot });
    expect(r.status).toBe('applied');
    expect(r.floor).toBe(snapshot);
  });

  it('takes a snapshot when there is no floor yet', () => {
    const snapshot = floorFixture(3);
    expect(applyJoinResult(null, { fairId: FAIR_ID, version: 3, events: null, snapshot }).floor).toBe(snapshot);
  });

  it('keeps a newer floor than an older snapshot', () => {
    const floor = floorFixture(9);
    const r = applyJoinResult(floor, { fairId: FAIR_ID, version: 8, events: null, snapshot: floorFixture(8) });
    expect(r.status).toBe('ignored');
    expect(r.floor).toBe(floor);
  });

  it('applies missed events, skipping those already seen', () => {
    const floor = floorFixture(5);
    const r = applyJoinResult(floor, {
      fairId: FAIR_ID,
      version: 7,
      events: [
        boothChanged(5, booth('A01', { status: 'Blocked' })),
        boothChanged(6, booth('A01', { status: 'Held' })),
        boothChanged(7, booth('B02', { status: 'Confirmed' })),
      ],
      snapshot: null,
    });
    expect(r.status).toBe('applied');
    expect(r.floor?.version).toBe(7);
    expect(statusOf(r.floor, 'A01')).toBe('Held');
    expect(statusOf(r.floor, 'B02')).toBe('Confirmed');
  });

  it('asks for a resync when events do not reach the reported version', () => {
    const r = applyJoinResult(floorFixture(5), {
      fairId: FAIR_ID,
      version: 9,
      events: [boothChanged(6, booth('A01', { status: 'Held' }))],
      snapshot: null,
    });
    expect(r.status).toBe('resync');
    expect(r.floor?.version).toBe(6);
  });

  it('is a no-op when already up to date', () => {
    const floor = floorFixture(5);
    const r = applyJoinResult(floor, { fairId: FAIR_ID, version: 5, events: [], snapshot: null });
    expect(r.status).toBe('ignored');
    expect(r.floor).toBe(floor);
  });
});

describe('applyFloorResponse', () => {
  it('applies a delta and replaces with a snapshot', () => {
    const delta: FloorDelta = {
      fairId: FAIR_ID,
      fromVersion: 5,
      toVersion: 6,
      events: [boothChanged(6, booth('A01', { status: 'Held' }))],
    };
    const r1 = applyFloorResponse(floorFixture(5), delta);
    expect(r1.status).toBe('applied');
    expect(statusOf(r1.floor, 'A01')).toBe('Held');

    const snapshot = floorFixture(60);
    expect(applyFloorResponse(floorFixture(5), snapshot).floor).toBe(snapshot);
  });

  it('needs a floor to apply a delta to', () => {
    const delta: FloorDelta = { fairId: FAIR_ID, fromVersion: 0, toVersion: 1, events: [] };
    expect(applyFloorResponse(null, delta).status).toBe('resync');
  });
});

describe('geometry', () => {
  it('boxes zones around their booths', () => {
    const boxes = zoneBoxes(floorFixture());
    expect(boxes).toEqual([
      { code: 'A', name: 'Thực phẩm', x: 2, y: 3, w: 11, h: 3 },
      { code: 'B', name: 'Đồ uống', x: 2, y: 12, w: 7, h: 3 },
    ]);
  });

  it('falls back to the booths extent when the hall has no size', () => {
    expect(floorExtent({ ...floorFixture(), width: 0, height: 0 })).toEqual({ width: 13, height: 15 });
  });
});
