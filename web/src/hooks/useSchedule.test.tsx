import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, waitFor } from '@testing-library/react';
import { useSchedule } from './useSchedule';
import { renderHookInApp } from '../test/render';
import { mockFetch } from '../test/http';
import { FAIR_ID, fairDetails } from '../test/fixtures';

const organiser = { userId: 'org', email: 'btc@demo.ocop', roles: ['Organiser'], displayName: 'BTC', locale: 'vi' };
const planned = { buyerId: 'b-1', organisation: 'Gạo Sạch', producerId: 'p-1', producerName: 'HTX', startsAt: '2026-12-15T01:20:00Z', place: { table: 'T-p-1', capacity: 1 }, score: 80 };
const plan = (dryRun: boolean, replayed = false) => ({
  dryRun,
  method: 'CP-SAT',
  objective: 80,
  bound: 100,
  greedyObjective: 70,
  greedyPlaced: 1,
  solveSeconds: 0.4,
  meetings: [dryRun ? planned : { ...planned, meetingId: 'm-9' }],
  unplaced: [{ buyerId: 'b-2', producerId: 'p-1', score: 60, reasons: ['schedule.noCommonSlot'], messages: ['Không còn khung giờ nào cả hai bên cùng rảnh.'] }],
  replayed,
});

function setup() {
  window.history.replaceState(null, '', `/fairs/${FAIR_ID}/schedule`);
  const keys = new Set<string>();
  let release: () => void = () => undefined;
  const calls = mockFetch(({ url, method, body, headers }) => {
    if (url === '/api/me') return { body: organiser };
    if (url === `/api/fairs/${FAIR_ID}`) return { body: fairDetails({ organiserId: 'org' }) };
    if (method === 'POST' && url === `/api/fairs/${FAIR_ID}/meetings/schedule`) {
      const dryRun = JSON.parse(body!).dryRun as boolean;
      if (dryRun) return { body: plan(true) };
      const key = headers['Idempotency-Key'];
      const replayed = keys.has(key);
      keys.add(key);
      return { body: plan(false, replayed) };
    }
    return undefined;
  });
  return { calls, slow: () => new Promise<void>((r) => (release = r)), release: () => release() };
}

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('useSchedule', () => {
  it('runs a dry run, shows the plan by slot and its unplaced reasons, and publishes it once with one key', async () => {
    const { calls } = setup();
    const { result } = renderHookInApp(() => useSchedule(FAIR_ID));
    await waitFor(() => expect(result.current.allowed).toBe(true));
    act(() => result.current.setPerBuyer(3));
    act(() => result.current.run());
    expect(result.current.running).toBe(true);
    await waitFor(() => expect(result.current.plan).not.toBeNull());
    expect(result.current.running).toBe(false);
    expect(result.current.optimality).toBe(80);
    expect(result.current.slots?.map((s) => [s.time, s.items.length])).toEqual([['08:20', 1]]);
    expect(result.current.plan?.unplaced[0].messages[0]).toMatch(/khung giờ/);
    const dry = calls.find((c) => c.url.endsWith('/meetings/schedule'))!;
    expect(JSON.parse(dry.body!)).toEqual({ dryRun: true, perBuyer: 3 });
    expect(dry.headers['Idempotency-Key']).toBeUndefined();

    // A double click sends one request; the answer lists what was created.
    act(() => {
      result.current.publish();
      result.current.publish();
    });
    await waitFor(() => expect(result.current.published).not.toBeNull());
    expect(result.current.published?.meetings[0].meetingId).toBe('m-9');
    act(() => result.current.publish());
    const publishes = calls.filter((c) => c.url.endsWith('/meetings/schedule') && JSON.parse(c.body!).dryRun === false);
    expect(publishes).toHaveLength(1);
    expect(publishes[0].headers['Idempotency-Key']).toBeTruthy();
  });

  it('keeps the plan’s key for a retry after a failure, and a new plan gets a new key', async () => {
    const { calls } = setup();
    const { result } = renderHookInApp(() => useSchedule(FAIR_ID));
    await waitFor(() => expect(result.current.allowed).toBe(true));
    act(() => result.current.run());
    await waitFor(() => expect(result.current.plan).not.toBeNull());

    // The first publish fails on the network; the retry carries the same key.
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('offline'))));
    act(() => result.current.publish());
    await waitFor(() => expect(result.current.publishError).toBeTruthy());
    vi.stubGlobal('fetch', realFetch);
    act(() => result.current.publish());
    await waitFor(() => expect(result.current.published).not.toBeNull());

    act(() => result.current.run());
    await waitFor(() => expect(result.current.published).toBeNull());
    await waitFor(() => expect(result.current.running).toBe(false));
    act(() => result.current.publish());
    await waitFor(() => expect(result.current.published).not.toBeNull());
    const sent = calls.filter((c) => c.url.endsWith('/meetings/schedule') && JSON.parse(c.body!).dryRun === false).map((c) => c.headers['Idempotency-Key']);
    expect(sent).toHaveLength(2);
    expect(sent[0]).not.toBe(sent[1]);
  });
});
