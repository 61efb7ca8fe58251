import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { FairPage } from './FairPage';
import { renderPage } from '../test/render';
import { FakeHub } from '../test/fakeHub';
import { mockFetch } from '../test/http';
import { FAIR_ID, booth, boothChanged, floorFixture, fairDetails } from '../test/fixtures';
import type { JoinResult } from '../lib/types';

const details = fairDetails();

const organiser = {
  userId: 'u1',
  email: 'organiser@demo.ocop',
  roles: ['Organiser'],
  displayName: 'Ban tổ chức',
  locale: 'vi',
};

function setup(roles = organiser.roles, myApplications: unknown[] = []) {
  const calls = mockFetch(({ url, method }) => {
    if (url === '/api/me') return { body: { ...organiser, roles } };
    if (url === '/api/me/applications') return { body: myApplications };
    if (url === `/api/fairs/${FAIR_ID}`) return { body: details };
    if (url === `/api/fairs/${FAIR_ID}/floor`) return { body: floorFixture(5) };
    if (url === `/api/fairs/${FAIR_ID}/exhibitors`) return { body: [] };
    if (method === 'POST' && url.endsWith('/booths/B01/unblock')) return { body: booth('B01') };
    if (method === 'POST' && url.endsWith('/booths/A01/block'))
      return { status: 409, body: { title: 'Gian đã có người giữ', status: 409, detail: 'A01 đang được giữ.' } };
    return undefined;
  });
  const hub = new FakeHub();
  const joins: JoinResult[] = [];
  hub.responders.set('JoinFairBatched', (_fairId, since) => {
    const next = joins.shift();
    return next ?? { fairId: FAIR_ID, version: since as number, events: [], snapshot: null };
  });
  renderPage(
<FairPage fairId={FAIR_ID} hubFactory={async () => hub} />,
);
  return { calls, hub, joins };
}

const statusOf = (code: string) => screen.getByTestId(`booth-${code}`).getAttribute('data-status');
const version = () => screen.getByTestId('floor-version').textContent;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('FairPage live floor', () => {
  it('loads, joins with its version, and applies live events in order', async () => {
    const { calls, hub, joins } = setup();
    await screen.findByText(details.name);
    await waitFor(() => expect(screen.getByTestId('live-status').getAttribute('data-state')).toBe('live'));
    await waitFor(() => expect(hub.calls('JoinFairBatched').length).toBe(1));
    expect(hub.calls('JoinFairBatched')[0].args).toEqual([FAIR_ID, 5]);
    expect(version()).toBe('5');
    expect(statusOf('A01')).toBe('Free');
    expect(screen.getByText('15/03/2025 – 18/03/2025')).toBeTruthy();

    // every request is same-origin with the UI language
    for (const c of calls) {
      expect(c.credentials).toBe('same-origin');
      expect(c.headers['Accept-Language']).toBe('vi');
    }

    act(() => hub.emit('FairEvent', boothChanged(6, booth('A01', { status: 'Held', producerName: 'HTX 3T' }))));
    expect(statusOf('A01')).toBe('Held');
    expect(version()).toBe('6');

    // duplicate is ignored
    act(() => hub.emit('FairEvent', boothChanged(6, booth('A01', { status: 'Blocked' }))));
    expect(statusOf('A01')).toBe('Held');

    // a gap makes it re-join from version 6 and apply what it missed
    joins.push({
      fairId: FAIR_ID,
      version: 9,
      events: [
        boothChanged(7, booth('A02', { status: 'Free' })),
        boothChanged(8, booth('B02', { status: 'Held' })),
        boothChanged(9, booth('B02', { status: 'Confirmed' })),
      ],
      snapshot: null,
    });
    act(() => hub.emit('FairEvent', boothChanged(9, booth('B02', { status: 'Confirmed' }))));
    await waitFor(() => expect(version()).toBe('9'));
    expect(hub.calls('JoinFairBatched')[1].args).toEqual([FAIR_ID, 6]);
    expect(statusOf('A02')).toBe('Free');
    expect(statusOf('B02')).toBe('Confirmed');

    // reconnect: shows reconnecting, then re-joins with the last version
    act(() => hub.dropConnection());
    expect(screen.getByTestId('live-status').getAttribute('data-state')).toBe('reconnecting');
    joins.push({ fairId: FAIR_ID, version: 20, events: null, snapshot: { ...floorFixture(20), booths: [booth('A01', { status: 'Blocked' })] } });
    act(() => hub.restoreConnection());
    await waitFor(() => expect(version()).toBe('20'));
    expect(hub.calls('JoinFairBatched')[2].args).toEqual([FAIR_ID, 9]);
    expect(screen.getByTestId('live-status').getAttribute('data-state')).toBe('live');
    expect(statusOf('A01')).toBe('Blocked');
    expect(screen.queryByTestId('booth-B02')).toBeNull();
  });

  it('shows booth details and lets an organiser unblock', async () => {
    const { calls } = setup();
    await waitFor(() => expect(screen.getByTestId('booth-B02')).toBeTruthy());
    fireEvent.click(screen.getByTestId('booth-B02'));
    const panel = screen.getByTestId('booth-panel');
    expect(panel.textContent).toContain('Gian B02');
    expect(panel.textContent).toContain('2.500.000 ₫');
    expect(panel.textContent).toContain('Cao cấp');
    expect(panel.textContent).toContain('12 m²');
    expect(panel.textContent).toContain('Đồ uống (B)');

    fireEvent.keyDown(screen.getByTestId('booth-B01'), { key: 'Enter' });
    expect(screen.getByTestId('booth-panel-status').textContent).toBe('Đã khóa');
    fireEvent.click(await screen.findByTestId('booth-unblock'));
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/booths/B01/unblock'))).toBe(true));
    const post = calls.find((c) => c.url.endsWith('/booths/B01/unblock'))!;
    expect(post.method).toBe('POST');
    expect(post.headers['Idempotency-Key']).toMatch(/[0-9a-f-]{32,}/);

    // a refused action shows the problem title and detail
    fireEvent.click(screen.getByTestId('booth-A01'));
    fireEvent.click(screen.getByTestId('booth-block'));
    expect((await screen.findByRole('alert')).textContent).toBe('Gian đã có người giữ — A01 đang được giữ.');
  });

  it('hides block buttons from other users', async () => {
    setup(['Producer']);
    await screen.findByText(details.name);
    await waitFor(() => expect(screen.getByTestId('booth-B01')).toBeTruthy());
    fireEvent.click(screen.getByTestId('booth-B01'));
    expect(screen.getByTestId('booth-panel')).toBeTruthy();
    expect(screen.queryByTestId('booth-unblock')).toBeNull();
    expect(screen.queryByTestId('booth-block')).toBeNull();
  });

  it('links organisers to the review queue and producers to the apply form', async () => {
    setup();
    await screen.findByText(details.name);
    expect(screen.getByTestId('review-link').getAttribute('href')).toBe(`/fairs/${FAIR_ID}/applications`);
    expect(screen.queryByTestId('apply-button')).toBeNull();
  });

  it('offers producers the apply button while the fair is published', async () => {
    setup(['Producer']);
    await screen.findByText(details.name);
    const apply = await screen.findByTestId('apply-button');
    expect(apply.getAttribute('href')).toBe(`/fairs/${FAIR_ID}/apply`);
    expect(apply.textContent).toBe('Đăng ký tham gia');
    expect(screen.queryByTestId('review-link')).toBeNull();
  });

  it('never offers an approved producer to apply again', async () => {
    setup(['Producer'], [{ applicationId: 'a1', fairId: FAIR_ID, status: 'Approved' }]);
    await screen.findByText(details.name);
    await waitFor(() => expect(screen.getByTestId('booth-A01')).toBeTruthy());
    expect(screen.queryByTestId('apply-button')).toBeNull();
  });
});
