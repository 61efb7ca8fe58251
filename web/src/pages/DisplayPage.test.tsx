import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import { renderPage } from '../test/render';
import { DisplayPage } from './DisplayPage';
import { FakeHub } from '../test/fakeHub';
import { mockFetch } from '../test/http';
import { FAIR_ID, booth, boothChanged, floorFixture } from '../test/fixtures';

const fair = {
  fairId: FAIR_ID,
  name: 'Hội chợ OCOP Hòa Bình 2025',
  timeZone: 'Asia/Ho_Chi_Minh',
  status: 'Live',
  allocationMode: 'FirstCome',
  acceptedGroups: ['Food', 'Beverages'],
};

function setup() {
  const calls = mockFetch(({ url }) => {
    if (url === `/api/fairs/${FAIR_ID}`) return { body: fair };
    if (url === `/api/fairs/${FAIR_ID}/floor`) return { body: floorFixture(5) };
    return undefined;
  });
  const hub = new FakeHub();
  hub.responders.set('JoinFairBatched', (_fairId, since) => ({ fairId: FAIR_ID, version: since as number, events: [], snapshot: null }));
  renderPage(<DisplayPage fairId={FAIR_ID} hubFactory={async () => hub} />);
  return { calls, hub };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('DisplayPage', () => {
  it('shows the fair, the live floor, counts and occupancy without a panel or sign-in', async () => {
    const { calls, hub } = setup();
    expect(await screen.findByText(fair.name)).toBeTruthy();
    // floor fixture: 1 Held + 1 Confirmed of 4 bookable (1 Blocked) booths
    const occupancy = await screen.findByTestId('display-occupancy');
    expect(occupancy.textContent).toBe('50%');
    expect(occupancy.getAttribute('data-percent')).toBe('50');
    expect(screen.getByText('đã có chủ (2/4 gian)')).toBeTruthy();
    expect(screen.getByTestId('legend-Free').textContent).toBe('Còn trống2');
    expect(screen.getByTestId('floor-map').getAttribute('class')).toContain('floor-map--display');
    expect(screen.getByTestId('booth-A01').getAttribute('data-status')).toBe('Free');
    expect(screen.getByTestId('booth-A01').getAttribute('tabindex')).toBeNull();
    expect(screen.queryByTestId('booth-panel')).toBeNull();
    expect(calls.some((c) => c.url === '/api/me')).toBe(false);
    await waitFor(() => expect(screen.getByTestId('live-status').getAttribute('data-state')).toBe('live'));
    expect(hub.calls('JoinFairBatched')[0].args).toEqual([FAIR_ID, 5]);

    // live: a new hold raises occupancy and the legend
    act(() => hub.emit('FairEvent', boothChanged(6, booth('A01', { status: 'Held', producerName: 'HTX 3T' }))));
    expect(occupancy.textContent).toBe('75%');
    expect(screen.getByTestId('legend-Held').textContent).toBe('Đang giữ chỗ2');

    // reconnect like the fair page
    act(() => hub.dropConnection());
    expect(screen.getByTestId('live-status').getAttribute('data-state')).toBe('reconnecting');
    act(() => hub.restoreConnection());
    await waitFor(() => expect(hub.calls('JoinFairBatched').length).toBe(2));
    expect(hub.calls('JoinFairBatched')[1].args).toEqual([FAIR_ID, 6]);
    expect(screen.getByTestId('live-status').getAttribute('data-state')).toBe('live');
  });
});

describe('hall display route', () => {
  it('opens at /fairs/:fairId/display without the header', async () => {
    const { App } = await import('../App');
    mockFetch(({ url }) => {
      if (url === '/api/me') return { status: 401, body: { title: 'Unauthorized', status: 401 } };
      if (url === `/api/fairs/${FAIR_ID}`) return { body: fair };
      if (url === `/api/fairs/${FAIR_ID}/floor`) return { body: floorFixture(5) };
      return undefined;
    });
    window.history.replaceState(null, '', `/fairs/${FAIR_ID}/display`);
    try {
      const { container } = render(<App />);
      expect((await screen.findByTestId('display-occupancy')).textContent).toBe('50%');
      expect(container.querySelector('.topbar')).toBeNull();
      expect(screen.queryByTestId('sign-in')).toBeNull();
    } finally {
      window.history.replaceState(null, '', '/');
    }
  });
});
