import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { MyApplicationsPage } from './MyApplicationsPage';
import { renderPage } from '../test/render';
import { FakeHub } from '../test/fakeHub';
import { mockFetch } from '../test/http';
import { FAIR_ID } from '../test/fixtures';
import { application } from '../test/applications';

const me = { userId: 'u2', email: 'htx3t@demo.ocop', roles: ['Producer'], displayName: 'HTX 3T', locale: 'vi' };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('MyApplicationsPage', () => {
  it('offers to apply again only after a rejection or withdrawal, never beside an approval', async () => {
    mockFetch(({ url }) => {
      if (url === '/api/me') return { body: me };
      if (url === '/api/fairs')
        return { body: [{ fairId: FAIR_ID, name: 'Hội chợ A', status: 'Published' }, { fairId: 'other', name: 'Hội chợ B', status: 'Published' }] };
      if (url === '/api/me/applications')
        return {
          body: [
            application('a1', { status: 'Approved' }),
            application('a2', { status: 'Rejected', rejectionReason: 'Thiếu giấy' }),
            application('a3', { fairId: 'other', status: 'Withdrawn' }),
          ],
        };
      return undefined;
    });
    renderPage(<MyApplicationsPage hubFactory={async () => new FakeHub()} />);
    await screen.findByTestId('application-status-a1');
    expect(screen.queryByTestId('apply-again-a2')).toBeNull();
    expect((await screen.findByTestId('apply-again-a3')).getAttribute('href')).toBe('/fairs/other/apply');
  });

  it('shows statuses, withdraws, and follows ApplicationChanged live', async () => {
    let list = [application('a1'), application('a2', { fairId: 'other', submittedAt: '2025-01-01T00:00:00Z', status: 'Rejected', rejectionReason: 'Trùng sản phẩm' })];
    const calls = mockFetch(({ url, method }) => {
      if (url === '/api/me') return { body: me };
      if (url === '/api/fairs') return { body: [{ fairId: FAIR_ID, name: 'Hội chợ OCOP Hòa Bình 2025' }] };
      if (url === '/api/me/applications') return { body: list };
      if (method === 'POST' && url === `/api/fairs/${FAIR_ID}/applications/a1/withdraw`)
        return { body: application('a1', { status: 'Withdrawn' }) };
      return undefined;
    });
    const hub = new FakeHub();
    renderPage(
<MyApplicationsPage hubFactory={async () => hub} />,
);
    const status = (id: string) => screen.getByTestId(`application-status-${id}`).getAttribute('data-status');
    await screen.findByTestId('application-status-a1');
    expect(status('a1')).toBe('Submitted');
    expect(screen.getByTestId('application-status-a1').textContent).toBe('Đã gửi');
    expect(screen.getByText('Hội chợ OCOP Hòa Bình 2025')).toBeTruthy();
    expect(screen.getByTestId('rejection-reason-a2').textContent).toContain('Trùng sản phẩm');
    expect(screen.queryByTestId('withdraw-a2')).toBeNull();

    await waitFor(() => expect(hub.startCalls).toBe(1));
    act(() => hub.emit('PrivateEvent', { type: 'ApplicationChanged', data: application('a1', { status: 'Waitlisted', waitlistPosition: 3 }) }));
    expect(status('a1')).toBe('Waitlisted');
    expect(screen.getByTestId('waitlist-position-a1').textContent).toContain('3');

    // other private events change nothing
    act(() => hub.emit('PrivateEvent', { type: 'Notification', data: { id: 'n1' } }));
    expect(status('a1')).toBe('Waitlisted');

    fireEvent.click(screen.getByTestId('withdraw-a1'));
    await waitFor(() => expect(status('a1')).toBe('Withdrawn'));
    expect(screen.queryByTestId('withdraw-a1')).toBeNull();
    expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/a1/withdraw'))).toBe(true);

    // after a reconnect the list is read again
    list = [application('a1', { status: 'Approved' })];
    act(() => hub.dropConnection());
    act(() => hub.restoreConnection());
    await waitFor(() => expect(status('a1')).toBe('Approved'));
  });
});
