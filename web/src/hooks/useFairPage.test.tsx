import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, waitFor } from '@testing-library/react';
import { useFairPage } from './useFairPage';
import { keys } from '../lib/queries';
import { renderHookInApp } from '../test/render';
import { FakeHub } from '../test/fakeHub';
import { mockFetch } from '../test/http';
import { FAIR_ID, booth, boothChanged, fairDetails, floorFixture } from '../test/fixtures';
import type { Floor } from '../lib/types';

const producer = { userId: 'u2', email: 'htx@demo.ocop', roles: ['Producer'], displayName: 'HTX 3T', locale: 'vi', producerId: 'me' };

function setup(path = `/fairs/${FAIR_ID}`) {
  window.history.replaceState(null, '', path);
  let fairName = 'Hội chợ OCOP Hòa Bình 2025';
  const mine: string[] = [];
  const calls = mockFetch(({ url, method }) => {
    if (url === '/api/me') return { body: producer };
    if (url === `/api/fairs/${FAIR_ID}`) return { body: fairDetails({ name: fairName }) };
    if (url === `/api/fairs/${FAIR_ID}/floor`) return { body: floorFixture(5) };
    if (url.startsWith(`/api/fairs/${FAIR_ID}/floor?sinceVersion=`)) return { body: { fairId: FAIR_ID, fromVersion: 6, toVersion: 6, events: [] } };
    if (url === `/api/fairs/${FAIR_ID}/booths/mine`) return { body: mine };
    if (method === 'POST' && url.endsWith('/booths/A01/hold')) {
      mine.push('A01');
      return { body: booth('A01', { status: 'Held', producerId: 'me', producerName: 'HTX 3T' }) };
    }
    if (method === 'POST' && url.endsWith('/booths/B02/hold')) return { status: 409, body: { status: 409, code: 'booth.taken' } };
    return undefined;
  });
  const hub = new FakeHub();
  hub.responders.set('JoinFairBatched', (_fairId, since) => ({ fairId: FAIR_ID, version: since as number, events: [], snapshot: null }));
  const rendered = renderHookInApp(() => useFairPage(FAIR_ID, { hubFactory: async () => hub }));
  return { ...rendered, calls, hub, rename: (name: string) => (fairName = name) };
}

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('useFairPage', () => {
  it('keeps the booth selected and the map filters in the address', async () => {
    const { result } = setup(`/fairs/${FAIR_ID}?booth=B02&zone=B`);
    await waitFor(() => expect(result.current.floor).not.toBeNull());
    expect(result.current.booth?.code).toBe('B02');
    expect(result.current.filter).toEqual({ zone: 'B', group: '' });
    expect([...result.current.dimmed].sort()).toEqual(['A01', 'A02', 'A03']);

    act(() => result.current.select('A01'));
    await waitFor(() => expect(window.location.search).toBe('?booth=A01&zone=B'));
    act(() => result.current.setFilter('zone', ''));
    await waitFor(() => expect(window.location.search).toBe('?booth=A01'));
    expect(result.current.dimmed.size).toBe(0);
  });

  it('shows a hold at once, catches up the live floor and reloads the producer’s booths', async () => {
    const { result, calls } = setup(`/fairs/${FAIR_ID}?booth=A01`);
    await waitFor(() => expect(result.current.booth?.status).toBe('Free'));
    expect(result.current.canHold).toBe(true);

    act(() => result.current.act('hold'));
    expect(result.current.pending).toBe('hold');
    await waitFor(() => expect(result.current.pending).toBeNull());
    // the answer shows until the live floor has news of the booth
    expect(result.current.booth?.status).toBe('Held');
    await waitFor(() => expect(result.current.mine.has('A01')).toBe(true));
    expect(calls.filter((c) => c.url === `/api/fairs/${FAIR_ID}/booths/mine`)).toHaveLength(2);
  });

  it('explains a refused action with its code', async () => {
    const { result } = setup(`/fairs/${FAIR_ID}?booth=B02`);
    await waitFor(() => expect(result.current.booth?.code).toBe('B02'));
    act(() => result.current.act('hold'));
    await waitFor(() => expect(result.current.actionError?.code).toBe('booth.taken'));
    expect(result.current.actionError?.message).toBeTruthy();
  });

  it('writes live events into the floor cache and reloads the fair on FairChanged', async () => {
    const { result, hub, queryClient, rename } = setup();
    await waitFor(() => expect(hub.calls('JoinFairBatched')).toHaveLength(1));
    act(() => hub.emit('FairEvent', boothChanged(6, booth('A01', { status: 'Blocked' }))));
    expect(queryClient.getQueryData<Floor>(keys.floor(FAIR_ID))?.booths.find((b) => b.code === 'A01')?.status).toBe('Blocked');
    expect(result.current.floor?.version).toBe(6);

    rename('Hội chợ đổi tên');
    act(() => hub.emit('FairEvent', { fairId: FAIR_ID, version: 7, type: 'FairChanged', data: {} }));
    await waitFor(() => expect(result.current.fair?.name).toBe('Hội chợ đổi tên'));
  });
});
