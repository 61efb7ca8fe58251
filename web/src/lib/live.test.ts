import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeFairEvents, startLive } from './live';
import { FakeHub } from '../test/fakeHub';
import type { LiveState } from './types';

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('startLive', () => {
  it('retries a failed start with backoff, then reports live and connected', async () => {
    vi.useFakeTimers();
    const hub = new FakeHub();
    hub.failStarts = 2;
    const states: LiveState[] = [];
    const onConnected = vi.fn();
    const live = startLive({ onState: (s) => states.push(s), onConnected }, async () => hub);

    await vi.advanceTimersByTimeAsync(0);
    expect(live.state).toBe('offline');
    await vi.advanceTimersByTimeAsync(1600); // first delay: 1 s + jitter
    expect(hub.startCalls).toBe(2);
    expect(live.state).toBe('offline');
    await vi.advanceTimersByTimeAsync(2600); // second delay: 2 s + jitter
    expect(hub.startCalls).toBe(3);
    expect(live.state).toBe('live');
    expect(onConnected).toHaveBeenCalledTimes(1);
    expect(states).toEqual(['reconnecting', 'offline', 'live']);
    await live.stop();
  });

  it('re-joins after an automatic reconnect and restarts after a final close', async () => {
    vi.useFakeTimers();
    const hub = new FakeHub();
    const onConnected = vi.fn();
    const live = startLive({ onConnected }, async () => hub);
    await vi.advanceTimersByTimeAsync(0);
    expect(onConnected).toHaveBeenCalledTimes(1);

    hub.dropConnection();
    expect(live.state).toBe('reconnecting');
    await expect(live.invoke('JoinFair', 'x', 1)).rejects.toThrow();
    hub.restoreConnection();
    await vi.advanceTimersByTimeAsync(0);
    expect(live.state).toBe('live');
    expect(onConnected).toHaveBeenCalledTimes(2);

    hub.closeForGood();
    expect(live.state).toBe('offline');
    await vi.advanceTimersByTimeAsync(1600);
    expect(hub.startCalls).toBe(2);
    expect(live.state).toBe('live');
    expect(onConnected).toHaveBeenCalledTimes(3);

    await live.stop();
    hub.closeForGood();
    await vi.advanceTimersByTimeAsync(60000);
    expect(hub.startCalls).toBe(2);
  });

  it('passes events and batches of events to the handlers', async () => {
    const hub = new FakeHub();
    const onFairEvent = vi.fn();
    const onPrivateEvent = vi.fn();
    const live = startLive({ onFairEvent, onPrivateEvent }, async () => hub);
    await vi.waitFor(() => expect(live.state).toBe('live'));
    hub.emit('FairEvent', { fairId: 'f', version: 1, type: 'BoothChanged', data: {} });
    hub.emit('FairEvent', [
      { fairId: 'f', version: 2, type: 'BoothChanged', data: {} },
      { fairId: 'f', version: 3, type: 'BoothChanged', data: {} },
    ]);
    hub.emit('FairEvents', {
      fairId: 'f',
      fromVersion: 3,
      toVersion: 5,
      events: [
        { version: 4, type: 'BoothChanged', data: {} },
        { version: 5, type: 'BoothChanged', data: {} },
      ],
    });
    hub.emit('PrivateEvent', { type: 'Notification', data: { id: 'n1' } });
    expect(onFairEvent.mock.calls.map((c) => c[0].version)).toEqual([1, 2, 3, 4, 5]);
    // Batched events take their fair from the message.
    expect(onFairEvent.mock.calls.map((c) => c[0].fairId)).toEqual(['f', 'f', 'f', 'f', 'f']);
    expect(onPrivateEvent).toHaveBeenCalledWith({ type: 'Notification', data: { id: 'n1' } });
    await live.stop();
  });
});

describe('decodeFairEvents', () => {
  it('turns booth arrays into BoothChanged occupancy and numbers events from the message', () => {
    const expires = Date.UTC(2026, 10, 23, 3, 15);
    const at = Date.UTC(2026, 10, 23, 3, 0, 0, 250);
    const events = decodeFairEvents({
      fairId: 'f',
      fromVersion: 7,
      toVersion: 11,
      events: [
        ['A01', 'Held', 'p1', 'Hợp tác xã Cam Cao Phong', expires, at],
        ['A02', 'Free', null, null, null, at],
        ['A03', 'Confirmed', 'p3', 'HTX Mường Pa', null, at, 'Khách mời của tỉnh'],
        { version: 11, type: 'FairChanged', at: '2026-11-23T03:00:00Z', data: { status: 'Published' } },
      ],
    });
    expect(events).toEqual([
      {
        fairId: 'f',
        version: 8,
        type: 'BoothChanged',
        at: '2026-11-23T03:00:00.250Z',
        data: {
          code: 'A01',
          status: 'Held',
          producerId: 'p1',
          producerName: 'Hợp tác xã Cam Cao Phong',
          holdExpiresAt: '2026-11-23T03:15:00.000Z',
          overrideReason: null,
        },
      },
      {
        fairId: 'f',
        version: 9,
        type: 'BoothChanged',
        at: '2026-11-23T03:00:00.250Z',
        data: { code: 'A02', status: 'Free', producerId: null, producerName: null, holdExpiresAt: null, overrideReason: null },
      },
      {
        fairId: 'f',
        version: 10,
        type: 'BoothChanged',
        at: '2026-11-23T03:00:00.250Z',
        // A booth the organiser placed by an override carries the reason as a seventh item.
        data: { code: 'A03', status: 'Confirmed', producerId: 'p3', producerName: 'HTX Mường Pa', holdExpiresAt: null, overrideReason: 'Khách mời của tỉnh' },
      },
      { fairId: 'f', version: 11, type: 'FairChanged', at: '2026-11-23T03:00:00Z', data: { status: 'Published' } },
    ]);
  });

  it('drops what it cannot read instead of throwing', () => {
    expect(decodeFairEvents(null)).toEqual([]);
    expect(decodeFairEvents({ fairId: 'f', events: [] })).toEqual([]);
    expect(decodeFairEvents({ fairId: 'f', fromVersion: 1, events: [[1, 2], 'x', null] })).toEqual([]);
  });
});
