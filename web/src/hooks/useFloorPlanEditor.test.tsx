import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, waitFor } from '@testing-library/react';
import { useFloorPlanEditor } from './useFloorPlanEditor';
import type { QueryClient } from '@tanstack/react-query';
import { keys } from '../lib/queries';
import { createQueryClient } from '../lib/queryClient';
import { renderHookInApp } from '../test/render';
import { mockFetch } from '../test/http';
import { FAIR_ID, fairDetails, floorFixture } from '../test/fixtures';
import type { Floor, FloorPlanRequest } from '../lib/types';

function setup(save: (plan: FloorPlanRequest) => { status?: number; body?: unknown }, cache?: QueryClient) {
  window.history.replaceState(null, '', `/fairs/${FAIR_ID}/floor-plan`);
  let floorLoads = 0;
  const calls = mockFetch(({ url, method, body }) => {
    if (url === `/api/fairs/${FAIR_ID}`) return { body: fairDetails({ status: 'Draft' }) };
    if (url === `/api/fairs/${FAIR_ID}/floor` && method === 'GET') {
      floorLoads++;
      return { body: floorFixture(5) };
    }
    if (url === `/api/fairs/${FAIR_ID}/floor-plan` && method === 'PUT') return save(JSON.parse(body!) as FloorPlanRequest);
    return undefined;
  });
  const rendered = renderHookInApp(() => useFloorPlanEditor(FAIR_ID), cache);
  return { ...rendered, calls, floorLoads: () => floorLoads };
}

const saved = (plan: FloorPlanRequest): Floor => ({
  ...floorFixture(6),
  zones: plan.zones,
  booths: plan.booths.map((b) => ({ ...b, status: 'Free' as const })),
});

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('useFloorPlanEditor', () => {
  it('starts the draft from the floor fetched now, not one cached before', async () => {
    // what the map page may have left in the cache is not what the editor edits
    const cache = createQueryClient();
    cache.setQueryData(keys.floor(FAIR_ID), { ...floorFixture(1), booths: [] });
    const { result, floorLoads } = setup(() => ({}), cache);
    await waitFor(() => expect(result.current.loaded).toBe(true));
    expect(floorLoads()).toBe(1);
    expect(result.current.state.plan.booths).toHaveLength(5);
    expect(result.current.state.version).toBe(5);
    expect(result.current.dirty).toBe(false);
  });

  it('saves the draft, loads the answer into the draft and the floor cache, and refreshes the fair', async () => {
    const { result, queryClient, calls } = setup((plan) => ({ body: saved(plan) }));
    await waitFor(() => expect(result.current.loaded).toBe(true));
    act(() => result.current.dispatch({ type: 'select', ids: [result.current.state.plan.booths[0].id] }));
    act(() => result.current.onNudge(1, 0));
    expect(result.current.dirty).toBe(true);
    expect(result.current.announcement).toBe('Gian A01: x 2.5 m, y 3 m, 3 × 3 m');
    const fairLoads = () => calls.filter((c) => c.url === `/api/fairs/${FAIR_ID}`).length;
    const before = fairLoads();

    act(() => result.current.save());
    await waitFor(() => expect(result.current.message?.kind).toBe('ok'));
    expect(result.current.dirty).toBe(false);
    expect(result.current.state.version).toBe(6);
    expect(queryClient.getQueryData<Floor>(keys.floor(FAIR_ID))?.booths.find((b) => b.code === 'A01')?.x).toBe(2.5);
    await waitFor(() => expect(fairLoads()).toBe(before + 1));
  });

  it('puts the server’s field errors on the booths that were sent and keeps the draft', async () => {
    const { result } = setup(() => ({
      status: 400,
      body: { title: 'Dữ liệu không hợp lệ.', status: 400, errors: { 'booths[4].areaM2': ['Giá trị nằm ngoài khoảng cho phép.'] } },
    }));
    await waitFor(() => expect(result.current.loaded).toBe(true));
    const b02 = result.current.state.plan.booths[4];
    act(() => result.current.dispatch({ type: 'updateBooth', id: b02.id, patch: { priceVnd: 1 } }));
    act(() => result.current.save());
    await waitFor(() => expect(result.current.message).toEqual({ kind: 'error', text: 'Dữ liệu không hợp lệ.' }));
    expect(result.current.state.errors.booths[b02.id]).toEqual({ areaM2: ['Giá trị nằm ngoài khoảng cho phép.'] });
    expect(result.current.dirty).toBe(true);
  });
});
