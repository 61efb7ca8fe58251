import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AgendaPage } from './AgendaPage';
import { renderPage } from '../test/render';
import { FakeHub } from '../test/fakeHub';
import { mockFetch } from '../test/http';
import { FAIR_ID, fairDetails, floorFixture } from '../test/fixtures';
import { meeting } from '../test/meetings';

const producer = { userId: 'u2', email: 'htx@demo.ocop', roles: ['Producer'], displayName: 'HTX', locale: 'vi', producerId: 'p-1' };

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('AgendaPage', () => {
  it('shows statuses by name, who must answer, and asks for a reason before declining', async () => {
    window.history.replaceState(null, '', `/fairs/${FAIR_ID}/meetings`);
    const calls = mockFetch(({ url, method }) => {
      if (url === '/api/me') return { body: producer };
      if (url === `/api/fairs/${FAIR_ID}`) return { body: fairDetails() };
      if (url === `/api/fairs/${FAIR_ID}/floor`) return { body: floorFixture(1) };
      if (url === `/api/fairs/${FAIR_ID}/interested-buyers`) return { body: { items: [] } };
      if (url === `/api/fairs/${FAIR_ID}/meetings`)
        return { body: { items: [meeting({ fairId: FAIR_ID, expiresAt: '2026-12-15T00:50:00Z' }), meeting({ fairId: FAIR_ID, meetingId: 'm-2', status: 'NoShow', startsAt: '2026-12-14T01:00:00Z', endsAt: '2026-12-14T01:20:00Z' })] } };
      if (method === 'POST' && url.endsWith('/meetings/m-1/decline')) return { body: meeting({ fairId: FAIR_ID, status: 'Declined', reason: 'Hết hàng', version: 2 }) };
      return undefined;
    });
    const hub = new FakeHub();
    renderPage(<AgendaPage fairId={FAIR_ID} hubFactory={async () => hub} now={() => Date.parse('2026-12-15T00:30:00Z')} />);

    const card = await screen.findByTestId('meeting-m-1');
    expect(within(card).getByTestId('meeting-status').textContent).toBe('Đang chờ trả lời');
    expect(within(screen.getByTestId('meeting-m-2')).getByTestId('meeting-status').textContent).toBe('Không có mặt');
    expect(within(card).getByTestId('meeting-waiting').textContent).toMatch(/Chờ bạn trả lời/);
    expect(within(card).getByText('Tại Gian A01')).toBeTruthy();
    expect(screen.getByTestId('agenda-today')).toBeTruthy();
    expect(screen.getByTestId('agenda-earlier')).toBeTruthy();

    fireEvent.click(within(card).getByTestId('meeting-decline'));
    fireEvent.click(within(card).getByTestId('decline-send'));
    expect(within(card).getByRole('alert').textContent).toBe('Hãy nêu lý do.');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(within(card).getByLabelText('Lý do từ chối'), { target: { value: 'Hết hàng' } });
    fireEvent.click(within(card).getByTestId('decline-send'));
    await waitFor(() => expect(screen.getByTestId('meeting-m-1').getAttribute('data-status')).toBe('Declined'));
    const sent = calls.find((c) => c.method === 'POST')!;
    expect(JSON.parse(sent.body!)).toEqual({ reason: 'Hết hàng' });
  });
});
