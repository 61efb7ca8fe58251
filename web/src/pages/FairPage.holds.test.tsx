import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { FairPage } from './FairPage';
import { renderPage } from '../test/render';
import { FakeHub } from '../test/fakeHub';
import { mockFetch, type Call } from '../test/http';
import { FAIR_ID, booth, boothChanged, floorFixture, fairDetails } from '../test/fixtures';
import type { Booth, FairDetails } from '../lib/types';

const details = fairDetails({ boothsPerProducer: 1 });

const ME = 'prod-me';
const producerUser = {
  userId: 'u2',
  email: 'htx@demo.ocop',
  roles: ['Producer'],
  displayName: 'HTX 3T',
  locale: 'vi',
  producerId: ME,
};
const organiserUser = { userId: 'u1', email: 'organiser@demo.ocop', roles: ['Organiser'], displayName: 'BTC', locale: 'vi' };

function setup(user: object, fair: FairDetails = details) {
  const mine: string[] = [];
  const expires = new Date(Date.now() + 15 * 60 * 1000).toISOString();
  const held: Booth = booth('A01', { status: 'Held', producerId: ME, producerName: 'HTX 3T', holdExpiresAt: expires });
  const calls = mockFetch(({ url, method, body }) => {
    if (url === '/api/me') return { body: user };
    if (url === `/api/fairs/${FAIR_ID}`) return { body: fair };
    if (url === `/api/fairs/${FAIR_ID}/floor`) return { body: floorFixture(5) };
    if (url === `/api/fairs/${FAIR_ID}/booths/mine`) return { body: mine };
    if (url === `/api/fairs/${FAIR_ID}/exhibitors`) return { body: [] };
    if (url === '/api/me/applications')
      return {
        body: [{ fairId: FAIR_ID, status: 'Approved', submittedAt: '2025-01-01T00:00:00Z', products: [{ group: 'Food' }, { group: 'Beverages' }] }],
      };
    if (method !== 'POST') return undefined;
    if (url.endsWith('/booths/A01/hold')) {
      mine.push('A01');
      return { body: held };
    }
    if (url.endsWith('/booths/A01/confirm')) return { body: { ...held, status: 'Confirmed', holdExpiresAt: null } };
    if (url.endsWith('/booths/A01/release')) {
      mine.length = 0;
      return { body: booth('A01') };
    }
    if (url.endsWith('/booths/B02/hold'))
      return {
        status: 409,
        body: { title: 'Bạn đã giữ đủ số gian cho phép.', status: 409, code: 'booth.limit' },
      };
    if (url.endsWith('/booths/A01/assign')) {
      const { producerId } = JSON.parse(body ?? '{}') as { producerId: string };
      return { body: { ...held, producerId, producerName: 'HTX Khác', status: 'Confirmed', holdExpiresAt: null } };
    }
    if (url.endsWith('/booths/A03/unassign')) return { body: booth('A03', { type: 'Corner' }) };
    return undefined;
  });
  const hub = new FakeHub();
  hub.responders.set('JoinFairBatched', (_fairId, since) => ({ fairId: FAIR_ID, version: since as number, events: [], snapshot: null }));
  renderPage(
<FairPage fairId={FAIR_ID} hubFactory={async () => hub} />,
);
  return { calls, hub, held };
}

const el = (id: string) => screen.getByTestId(id);
const posts = (calls: Call[], suffix: string) => calls.filter((c) => c.method === 'POST' && c.url.endsWith(suffix));

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('FairPage booth holds', () => {
  it('lets a producer hold, confirm and release a booth', async () => {
    const { calls, hub, held } = setup(producerUser);
    await screen.findByText(details.name);
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/booths/mine'))).toBe(true));
    await waitFor(() => expect(el('live-status').getAttribute('data-state')).toBe('live'));

    fireEvent.click(el('booth-A01'));
    await waitFor(() => expect(screen.getByTestId('booth-hold').textContent).toBe('Giữ gian hàng'));
    expect(el('booth-A01').getAttribute('data-mine')).toBe('false');
    fireEvent.click(el('booth-hold'));

    // the answer shows at once: Held by me, with the countdown, Confirm and Release
    await screen.findByTestId('hold-countdown');
    expect(el('hold-countdown').textContent).toMatch(/^1[45]:\d\d$/);
    expect(el('booth-A01').getAttribute('data-status')).toBe('Held');
    expect(el('booth-A01').getAttribute('data-mine')).toBe('true');
    expect(el('booth-A02').getAttribute('data-mine')).toBe('false');
    expect(screen.queryByTestId('booth-hold')).toBeNull();
    const hold = posts(calls, '/booths/A01/hold');
    expect(hold).toHaveLength(1);
    expect(hold[0].body).toBeUndefined();
    expect(hold[0].headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{32,}$/);

    // the live event for the same hold changes nothing visible
    act(() => hub.emit('FairEvent', boothChanged(6, held)));
    expect(el('booth-A01').getAttribute('data-mine')).toBe('true');
    expect(el('hold-countdown')).toBeTruthy();

    fireEvent.click(el('booth-confirm'));
    await waitFor(() => expect(el('booth-panel-status').textContent).toBe('Đã xác nhận'));
    expect(screen.queryByTestId('hold-countdown')).toBeNull();
    expect(screen.queryByTestId('booth-confirm')).toBeNull();
    const confirm = posts(calls, '/booths/A01/confirm')[0];
    expect(confirm.headers['Idempotency-Key']).toBeTruthy();
    expect(confirm.headers['Idempotency-Key']).not.toBe(hold[0].headers['Idempotency-Key']);
    expect(el('booth-A01').getAttribute('data-status')).toBe('Confirmed');
    expect(el('booth-A01').getAttribute('data-mine')).toBe('true');

    // a confirmed booth is released only after the producer says so
    fireEvent.click(el('booth-release'));
    expect(posts(calls, '/booths/A01/release')).toHaveLength(0);
    fireEvent.click(el('booth-release-confirm-yes'));
    await waitFor(() => expect(el('booth-A01').getAttribute('data-status')).toBe('Free'));
    expect(el('booth-A01').getAttribute('data-mine')).toBe('false');
    expect(await screen.findByTestId('booth-hold')).toBeTruthy();
  });

  it('shows the problem title and code when a hold is refused', async () => {
    const { calls } = setup(producerUser);
    await screen.findByText(details.name);
    await waitFor(() => expect(el('booth-B02')).toBeTruthy());
    fireEvent.click(el('booth-B02'));
    fireEvent.click(await screen.findByTestId('booth-hold'));
    const error = await screen.findByTestId('booth-error');
    expect(error.textContent).toBe('Bạn đã giữ đủ số gian cho phép.');
    expect(error.getAttribute('data-code')).toBe('booth.limit');
    expect(posts(calls, '/booths/B02/hold')).toHaveLength(1);
    // another booth clears the message
    fireEvent.click(el('booth-A01'));
    expect(screen.queryByTestId('booth-error')).toBeNull();
  });

  it('turns a booth Held live when someone else holds it', async () => {
    const { hub } = setup(producerUser);
    await screen.findByText(details.name);
    await waitFor(() => expect(el('live-status').getAttribute('data-state')).toBe('live'));
    fireEvent.click(el('booth-B02'));
    expect(await screen.findByTestId('booth-hold')).toBeTruthy();
    act(() =>
      hub.emit('FairEvent', boothChanged(6, booth('B02', { type: 'Premium', areaM2: 12, priceVnd: 2500000, status: 'Held', producerId: 'other', producerName: 'HTX Khác', holdExpiresAt: '2099-01-01T00:00:00Z' }))),
    );
    expect(el('booth-B02').getAttribute('data-status')).toBe('Held');
    expect(el('booth-B02').getAttribute('data-mine')).toBe('false');
    expect(screen.queryByTestId('booth-hold')).toBeNull();
    expect(screen.queryByTestId('hold-countdown')).toBeNull();
  });

  it('offers no holds when the organiser allocates', async () => {
    setup(producerUser, { ...details, allocationMode: 'Organiser' });
    await screen.findByText(details.name);
    await waitFor(() => expect(el('booth-A01')).toBeTruthy());
    fireEvent.click(el('booth-A01'));
    expect(await screen.findByTestId('booth-organiser-allocates')).toBeTruthy();
    expect(screen.queryByTestId('booth-hold')).toBeNull();
  });

  it('lets an organiser assign and unassign', async () => {
    const { calls } = setup(organiserUser);
    await screen.findByText(details.name);
    await waitFor(() => expect(el('booth-A01')).toBeTruthy());
    expect(calls.some((c) => c.url.endsWith('/booths/mine'))).toBe(false);
    fireEvent.click(el('booth-A01'));
    fireEvent.change(await screen.findByTestId('booth-assign-producer'), { target: { value: 'prod-khac' } });
    fireEvent.click(el('booth-assign'));
    await waitFor(() => expect(el('booth-A01').getAttribute('data-status')).toBe('Confirmed'));
    const assign = posts(calls, '/booths/A01/assign')[0];
    expect(JSON.parse(assign.body!)).toEqual({ producerId: 'prod-khac' });
    expect(assign.headers['Idempotency-Key']).toBeTruthy();
    expect(el('booth-A01').getAttribute('data-mine')).toBe('false');

    fireEvent.click(el('booth-A03'));
    fireEvent.click(await screen.findByTestId('booth-unassign'));
    await waitFor(() => expect(el('booth-A03').getAttribute('data-status')).toBe('Free'));
  });
});

describe('FairPage filters', () => {
  it('dims booths outside the chosen zone or group and keeps them in the URL', async () => {
    setup(producerUser);
    await screen.findByText(details.name);
    await waitFor(() => expect(el('booth-A01')).toBeTruthy());
    const dimmed = () =>
      ['A01', 'A02', 'A03', 'B01', 'B02'].filter((c) => el(`booth-${c}`).getAttribute('data-dimmed') === 'true');
    expect(dimmed()).toEqual([]);
    const groups = [...(el('filter-group') as HTMLSelectElement).options].map((o) => o.value);
    expect(groups).toEqual(['', 'Food', 'Beverages']);

    fireEvent.change(el('filter-group'), { target: { value: 'Beverages' } });
    expect(dimmed()).toEqual(['A01', 'A02', 'A03']);
    expect(el('booth-A02').getAttribute('data-status')).toBe('Held'); // still coloured by status
    expect(el('filter-count').getAttribute('data-count')).toBe('2');
    expect(window.location.search).toContain('group=Beverages');

    fireEvent.change(el('filter-group'), { target: { value: '' } });
    fireEvent.change(el('filter-zone'), { target: { value: 'A' } });
    expect(dimmed()).toEqual(['B01', 'B02']);
    expect(window.location.search).toBe('?zone=A');
    // a dimmed booth can still be opened
    fireEvent.click(el('booth-B02'));
    expect(el('booth-panel')).toBeTruthy();
  });

  it('links to the hall display', async () => {
    setup(producerUser);
    await screen.findByText(details.name);
    expect(el('display-link').getAttribute('href')).toBe(`/fairs/${FAIR_ID}/display`);
  });
});
