import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { InboxPage } from './InboxPage';
import { renderPage } from '../test/render';
import { FakeHub } from '../test/fakeHub';
import { mockFetch } from '../test/http';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('InboxPage', () => {
  it('lists notifications newest first, marks read, and reads the list again when one is pushed', async () => {
    const pushed: unknown[] = [];
    const calls = mockFetch(({ url, method }) => {
      if (url === '/api/me')
        return { body: { userId: 'u', email: 'p@demo.ocop', roles: ['Producer'], displayName: 'HTX', locale: 'vi' } };
      if (url === '/api/me/notifications')
        return {
          body: [
            ...pushed,
            { id: 'n1', kind: 'RegistrationClosing', title: 'Sắp hết hạn đăng ký', body: 'Còn 1 ngày', createdAt: '2025-03-01T01:00:00Z' },
            { id: 'n2', kind: 'FairStart', title: 'Hội chợ sắp bắt đầu', body: '7 ngày nữa', createdAt: '2025-03-05T01:00:00Z', readAt: '2025-03-05T02:00:00Z' },
          ],
        };
      if (method === 'POST' && url === '/api/me/notifications/n1/read') return { status: 200 };
      return undefined;
    });
    const hub = new FakeHub();
    renderPage(
<InboxPage hubFactory={async () => hub} />,
);
    await screen.findByText('Sắp hết hạn đăng ký');
    const items = () => screen.getAllByRole('listitem').map((li) => li.getAttribute('data-testid'));
    expect(items()).toEqual(['notification-n2', 'notification-n1']);
    expect(screen.getByTestId('notification-n1').getAttribute('data-read')).toBe('false');
    expect(screen.getByText('08:00 01/03/2025')).toBeTruthy();

    fireEvent.click(screen.getByTestId('mark-read-n1'));
    await waitFor(() => expect(screen.getByTestId('notification-n1').getAttribute('data-read')).toBe('true'));
    expect(calls.some((c) => c.method === 'POST' && c.url === '/api/me/notifications/n1/read')).toBe(true);

    await waitFor(() => expect(hub.startCalls).toBe(1));
    // The push carries kind and facts only; the words come from the server in the UI language.
    pushed.push({ id: 'n3', kind: 'booth.held', title: 'Bạn đang giữ gian hàng A01', body: 'Gian A01', createdAt: '2025-03-06T01:00:00Z', facts: {} });
    act(() =>
      hub.emit('PrivateEvent', {
        type: 'Notification',
        data: { id: 'n3', kind: 'booth.held', title: '', body: '', createdAt: '2025-03-06T01:00:00Z' },
      }),
    );
    await screen.findByText('Bạn đang giữ gian hàng A01');
    expect(items()).toEqual(['notification-n3', 'notification-n2', 'notification-n1']);
  });
});
