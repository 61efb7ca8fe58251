import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { FairPage } from './FairPage';
import { renderPage } from '../test/render';
import { FakeHub } from '../test/fakeHub';
import { mockFetch } from '../test/http';
import { FAIR_ID, booth, fairDetails, floorFixture } from '../test/fixtures';
import type { FairDetails, Floor } from '../lib/types';

const organiser = { userId: 'u1', email: 'organiser@demo.ocop', roles: ['Organiser'], displayName: 'Ban tổ chức', locale: 'vi' };

function setup(options: { fair: Partial<FairDetails>; floor?: Floor; roles?: string[]; publish?: { status?: number; body?: unknown } }) {
  let fair = fairDetails(options.fair);
  let floor = options.floor ?? floorFixture(5);
  const calls = mockFetch(({ url, method }) => {
    if (url === '/api/me') return { body: { ...organiser, roles: options.roles ?? organiser.roles } };
    if (url === `/api/fairs/${FAIR_ID}`) return { body: fair };
    if (url === `/api/fairs/${FAIR_ID}/floor`) return { body: floor };
    if (method === 'POST' && url === `/api/fairs/${FAIR_ID}/publish`) {
      const answer = options.publish ?? { body: { ...fair, status: 'Published' } };
      if (!answer.status || answer.status < 400) fair = { ...fair, status: 'Published' };
      return answer;
    }
    return undefined;
  });
  const hub = new FakeHub();
  hub.responders.set('JoinFairBatched', (_f, since) => ({ fairId: FAIR_ID, version: since as number, events: [], snapshot: null }));
  renderPage(
<FairPage fairId={FAIR_ID} hubFactory={async () => hub} />,
);
  return { calls, hub, setFloor: (f: Floor) => (floor = f) };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('FairPage for organisers', () => {
  it('links to the floor-plan editor and, for organiser-allocated fairs, to the allocation', async () => {
    setup({ fair: { allocationMode: 'Organiser' } });
    expect((await screen.findByTestId('floor-plan-link')).getAttribute('href')).toBe(`/fairs/${FAIR_ID}/floor-plan`);
    expect(screen.getByTestId('allocation-link').getAttribute('href')).toBe(`/fairs/${FAIR_ID}/allocation`);
  });

  it('has no allocation link for a first-come fair', async () => {
    setup({ fair: { allocationMode: 'FirstCome' } });
    await screen.findByTestId('floor-plan-link');
    expect(screen.queryByTestId('allocation-link')).toBeNull();
  });

  it('hides the organiser tools from producers', async () => {
    setup({ fair: { status: 'Draft' }, roles: ['Producer'] });
    await screen.findByText(fairDetails().name);
    expect(screen.queryByTestId('floor-plan-link')).toBeNull();
    expect(screen.queryByTestId('lifecycle')).toBeNull();
  });

  it('publishes a draft fair after asking', async () => {
    const { calls } = setup({ fair: { status: 'Draft' } });
    fireEvent.click(await screen.findByTestId('lifecycle-publish'));
    expect(screen.getByTestId('lifecycle-confirm').textContent).toContain('Công bố “Hội chợ OCOP Hòa Bình 2025”?');
    fireEvent.click(screen.getByTestId('lifecycle-confirm-yes'));
    await waitFor(() => expect(document.querySelector('[data-status=Published]')).toBeTruthy());
    const post = calls.find((c) => c.url.endsWith('/publish'))!;
    expect(post.method).toBe('POST');
    expect(screen.queryByTestId('lifecycle-publish')).toBeNull();
    expect(screen.getByTestId('lifecycle-close-registration')).toBeTruthy();
    expect(screen.getByTestId('lifecycle-start')).toBeTruthy();
  });

  it('says why a fair without a floor plan cannot be published', async () => {
    setup({
      fair: { status: 'Draft' },
      floor: { ...floorFixture(1), zones: [], booths: [] },
      publish: { status: 409, body: { title: 'Cần có sơ đồ gian hàng trước khi công bố.', status: 409, code: 'fair.noFloorPlan' } },
    });
    expect(await screen.findByTestId('lifecycle-needs-floor')).toBeTruthy();
    expect(screen.getByTestId('no-floor').querySelector('a')!.getAttribute('href')).toBe(`/fairs/${FAIR_ID}/floor-plan`);
    fireEvent.click(screen.getByTestId('lifecycle-publish'));
    fireEvent.click(screen.getByTestId('lifecycle-confirm-yes'));
    expect((await screen.findByTestId('lifecycle-error')).textContent).toBe('Cần có sơ đồ gian hàng trước khi công bố.');
  });

  it('redraws the map when a FairChanged event says the plan changed', async () => {
    const { hub, setFloor } = setup({ fair: { status: 'Published' } });
    await screen.findByTestId('booth-A01');
    await waitFor(() => expect(hub.calls('JoinFairBatched').length).toBe(1));
    setFloor({ ...floorFixture(6), booths: [...floorFixture().booths, booth('B03')] });
    act(() =>
      hub.emit('FairEvent', { fairId: FAIR_ID, version: 6, type: 'FairChanged', data: { fairId: FAIR_ID, boothCount: 6 } }),
    );
    expect(await screen.findByTestId('booth-B03')).toBeTruthy();
  });
});
