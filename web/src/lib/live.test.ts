import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startLive } from './live';
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
