import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, waitFor } from '@testing-library/react';
import { useBoard } from './useBoard';
import { renderHookInApp } from '../test/render';
import { FakeHub } from '../test/fakeHub';
import { mockFetch } from '../test/http';
import { FAIR_ID } from '../test/fixtures';
import type { DealAnnouncement, FairBoard } from '../lib/board';

const board = (version: number, vnd: number, memoranda = 0): FairBoard => ({
  fairId: FAIR_ID,
  version,
  booths: { free: 2, held: 1, confirmed: 3 },
  meetings: { requested: 0, accepted: 1, held: 2, noShow: 0 },
  deals: { byKind: { Memorandum: memoranda }, vnd, tonnes: 0, otherUnits: {}, byGroup: {}, byDistrict: {}, byBuyerKind: {}, byMarket: {} },
});

const signed: DealAnnouncement = {
  dealId: 'd-1',
  kind: 'Memorandum',
  producerName: 'HTX Cam Cao Phong',
  buyerOrganisation: 'Siêu thị Xanh',
  vnd: 500,
  tonnes: 1,
  signedAt: '2026-12-05T01:00:00Z',
};

function setup() {
  let served = board(5, 100);
  const calls = mockFetch(({ url }) => {
    if (url === '/api/me') return { status: 401, body: {} };
    if (url === `/api/fairs/${FAIR_ID}/board`) return { body: served };
    return undefined;
  });
  const hub = new FakeHub();
  const onSigned = vi.fn();
  const rendered = renderHookInApp(() => useBoard(FAIR_ID, { hubFactory: async () => hub, onSigned }));
  return { ...rendered, hub, calls, onSigned, serve: (b: FairBoard) => (served = b) };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useBoard', () => {
  it('shows the board, then each newer BoardChanged and every DealSigned from the batched stream', async () => {
    const { result, hub, onSigned } = setup();
    await waitFor(() => expect(result.current.board?.deals.vnd).toBe(100));
    await waitFor(() => expect(hub.calls('JoinFairBatched')).toHaveLength(1));

    act(() =>
      hub.emit('FairEvents', {
        fairId: FAIR_ID,
        fromVersion: 5,
        toVersion: 7,
        events: [
          { version: 6, type: 'DealSigned', at: signed.signedAt, data: signed },
          { version: 7, type: 'BoardChanged', at: signed.signedAt, data: board(7, 600, 1) },
        ],
      }),
    );
    expect(result.current.board?.deals.vnd).toBe(600);
    expect(onSigned).toHaveBeenCalledWith(signed);

    // An older board (a late push) is dropped; another fair's is ignored.
    act(() => hub.emit('FairEvents', { fairId: FAIR_ID, fromVersion: 5, toVersion: 6, events: [{ version: 6, type: 'BoardChanged', data: board(6, 1) }] }));
    act(() => hub.emit('FairEvents', { fairId: 'other', fromVersion: 8, toVersion: 9, events: [{ version: 9, type: 'BoardChanged', data: { ...board(9, 2), fairId: 'other' } }] }));
    expect(result.current.board?.deals.vnd).toBe(600);
  });

  it('fetches the board again after a reconnect, so what was missed shows', async () => {
    const { result, hub, serve } = setup();
    await waitFor(() => expect(result.current.board?.version).toBe(5));
    await waitFor(() => expect(hub.startCalls).toBe(1));
    serve(board(12, 9000, 3));
    act(() => hub.dropConnection());
    expect(result.current.liveState).toBe('reconnecting');
    act(() => hub.restoreConnection());
    await waitFor(() => expect(result.current.board?.deals.vnd).toBe(9000));
    expect(result.current.liveState).toBe('live');
    expect(hub.calls('JoinFairBatched').at(-1)?.args).toEqual([FAIR_ID, 5]);
  });
});
