import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { AgendaPage } from './AgendaPage';
import { renderPage } from '../test/render';
import { FakeHub } from '../test/fakeHub';
import { mockFetch } from '../test/http';
import { FAIR_ID, fairDetails, floorFixture } from '../test/fixtures';
import { meeting } from '../test/meetings';

const buyer = { userId: 'u1', email: 'lan@demo.ocop', roles: ['Buyer'], displayName: 'Lan', locale: 'vi', buyerId: 'b-1' };

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('AgendaPage and deals', () => {
  it('offers "Lập biên bản" on a held meeting only, prefilled with the meeting and the exhibitor', async () => {
    mockFetch(({ url }) => {
      if (url === '/api/me') return { body: buyer };
      if (url === `/api/fairs/${FAIR_ID}`) return { body: fairDetails() };
      if (url === `/api/fairs/${FAIR_ID}/floor`) return { body: floorFixture(1) };
      if (url === `/api/fairs/${FAIR_ID}/meetings`)
        return {
          body: {
            items: [
              meeting({ fairId: FAIR_ID, status: 'Held', buyerCheckedIn: true, producerCheckedIn: true }),
              meeting({ fairId: FAIR_ID, meetingId: 'm-2', status: 'Accepted', startsAt: '2026-12-15T02:00:00Z', endsAt: '2026-12-15T02:20:00Z' }),
            ],
          },
        };
      if (url.startsWith('/api/producers/')) return { body: { producerId: 'p-1', name: 'HTX', products: [] } };
      return undefined;
    });
    renderPage(<AgendaPage fairId={FAIR_ID} hubFactory={async () => new FakeHub()} now={() => Date.parse('2026-12-15T01:30:00Z')} />);
    const held = await screen.findByTestId('meeting-m-1');
    const link = within(held).getByTestId('meeting-deal');
    expect(link.textContent).toBe('Lập biên bản');
    expect(link.getAttribute('href')).toBe(`/fairs/${FAIR_ID}/deals/new?meetingId=m-1&producerId=p-1`);
    expect(within(screen.getByTestId('meeting-m-2')).queryByTestId('meeting-deal')).toBeNull();
    expect(screen.getByTestId('agenda-deals').getAttribute('href')).toBe(`/fairs/${FAIR_ID}/deals`);
  });
});
