import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { FairPage } from './FairPage';
import { renderPage } from '../test/render';
import { FakeHub } from '../test/fakeHub';
import { mockFetch } from '../test/http';
import { FAIR_ID, fairDetails, floorFixture } from '../test/fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

function setup(me: unknown, status: 'Published' | 'Live' = 'Published') {
  mockFetch(({ url }) => {
    if (url === '/api/me') return me ? { body: me } : { status: 401, body: { title: 'Unauthorized', status: 401 } };
    if (url === `/api/fairs/${FAIR_ID}`) return { body: fairDetails({ status, allocationMode: 'FirstCome' }) };
    if (url === `/api/fairs/${FAIR_ID}/floor`) return { body: floorFixture(5) };
    return undefined;
  });
  const hub = new FakeHub();
  hub.responders.set('JoinFairBatched', (_fairId, since) => ({ fairId: FAIR_ID, version: since as number, events: [], snapshot: null }));
  window.history.replaceState(null, '', `/fairs/${FAIR_ID}`);
  return renderPage(<FairPage fairId={FAIR_ID} hubFactory={async () => hub} />);
}

describe('a signed-out visitor on a fair page', () => {
  it('is offered to sign in to apply, and comes back to the apply page', async () => {
    setup(null);
    const link = await screen.findByTestId('apply-sign-in');
    expect(link.getAttribute('href')).toBe(`/login?next=${encodeURIComponent(`/fairs/${FAIR_ID}/apply`)}`);
  });

  it('is offered to sign in to hold a free booth, and comes back to that booth', async () => {
    setup(null);
    fireEvent.click(await screen.findByTestId('booth-A01'));
    const link = await screen.findByTestId('booth-sign-in');
    expect(link.getAttribute('href')).toBe(`/login?next=${encodeURIComponent(`/fairs/${FAIR_ID}?booth=A01`)}`);
  });

  it('is not offered either once signed in', async () => {
    setup({ userId: 'b', email: 'b@demo.ocop', roles: ['Buyer'], displayName: 'B', locale: 'vi' });
    fireEvent.click(await screen.findByTestId('booth-A01'));
    await screen.findByTestId('booth-panel');
    await waitFor(() => expect(screen.queryByTestId('apply-sign-in')).toBeNull());
    expect(screen.queryByTestId('booth-sign-in')).toBeNull();
  });
});
