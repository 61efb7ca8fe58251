import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, waitFor } from '@testing-library/react';
import { useInterestedBuyers, useMatches, useMeetingRequest } from './useMatches';
import i18n from '../i18n';
import { renderHookInApp } from '../test/render';
import { FakeHub } from '../test/fakeHub';
import { mockFetch } from '../test/http';
import { FAIR_ID, fairDetails } from '../test/fixtures';
import type { MatchItem } from '../lib/meetingsApi';

const buyer = { userId: 'u9', email: 'mua@demo.ocop', roles: ['Buyer'], displayName: 'Chị Lan', locale: 'vi', buyerId: 'b-1' };
const producer = { userId: 'u2', email: 'htx@demo.ocop', roles: ['Producer'], displayName: 'HTX', locale: 'vi', producerId: 'p-1' };
const profile = {
  buyerId: 'b-1',
  organisation: 'Gạo Sạch',
  kind: 'CleanFoodStore',
  representatives: [],
  needs: [{ needId: 'n-1', keywords: ['gạo nếp'], groups: ['Food'], minStars: 3, certifications: [], markets: [] }],
};
const item = (producerId: string, score: number): MatchItem => ({
  needId: 'n-1',
  producerId,
  producerName: `HTX ${producerId}`,
  productId: `pr-${producerId}`,
  productName: 'Gạo nếp',
  boothCodes: ['A01'],
  score,
  reasons: [{ code: 'stars', message: '4 sao OCOP ≥ tối thiểu 3 sao', weight: 20, max: 20 }],
  mark: 'None',
});

function setup(options: { me?: object; profile?: object | null; registered?: boolean } = {}) {
  window.history.replaceState(null, '', `/fairs/${FAIR_ID}/matches`);
  let items = [item('p-a', 60), item('p-b', 85)];
  const calls = mockFetch(({ url, method }) => {
    if (url === '/api/me') return { body: options.me ?? buyer };
    if (url === `/api/fairs/${FAIR_ID}`) return { body: fairDetails() };
    if (url === '/api/buyers/me') return options.profile === null ? { status: 404, body: { status: 404, code: 'buyer.notFound' } } : { body: options.profile ?? profile };
    if (url === `/api/fairs/${FAIR_ID}/buyers/me`)
      return options.registered === false && method === 'GET'
        ? { status: 404, body: { status: 404, code: 'buyer.notRegistered' } }
        : { body: { fairId: FAIR_ID, buyerId: 'b-1', organisation: 'Gạo Sạch', kind: 'CleanFoodStore', badgeCode: 'ABC', registeredAt: '2026-12-01T00:00:00Z' } };
    if (url.startsWith(`/api/fairs/${FAIR_ID}/matches?`)) return { body: { items } };
    if (method === 'POST' && url.includes('/matches/')) return { body: { items: [] } };
    if (url === `/api/fairs/${FAIR_ID}/interested-buyers`)
      return { body: { items: [{ ...item('p-1', 70), buyerId: 'b-1', organisation: 'Gạo Sạch', buyerKind: 'CleanFoodStore' }] } };
    if (url.startsWith(`/api/fairs/${FAIR_ID}/meetings/slots?producerId=p-a`))
      return { body: { producerId: 'p-a', place: { boothCode: 'A01', capacity: 2 }, free: ['2026-12-15T01:00:00Z'] } };
    if (method === 'POST' && url === `/api/fairs/${FAIR_ID}/meetings`) return { status: 409, body: { status: 409, code: 'meeting.slotTaken', title: 'Giờ này đã kín.' } };
    return undefined;
  });
  const hub = new FakeHub();
  return { calls, hub, change: (next: MatchItem[]) => (items = next) };
}

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('useMatches', () => {
  it('ranks suppliers per need in the UI language and refetches on MatchesChanged and after a reconnect', async () => {
    const { calls, hub, change } = setup();
    const { result } = renderHookInApp(() => useMatches(FAIR_ID, { hubFactory: async () => hub }));
    await waitFor(() => expect(result.current.sections?.[0].items.map((i) => i.producerId)).toEqual(['p-b', 'p-a']));
    expect(result.current.sections?.[0].title).toEqual(['gạo nếp']);
    const first = calls.find((c) => c.url.startsWith(`/api/fairs/${FAIR_ID}/matches?`));
    expect(first?.headers['Accept-Language']).toBe('vi');
    await waitFor(() => expect(hub.startCalls).toBe(1));

    change([item('p-c', 90)]);
    act(() => hub.emit('PrivateEvent', { type: 'MatchesChanged', data: { fairId: 'other', side: 'buyer', cause: 'x' } }));
    act(() => hub.emit('PrivateEvent', { type: 'MatchesChanged', data: { fairId: FAIR_ID, side: 'buyer', cause: 'exhibitor' } }));
    await waitFor(() => expect(result.current.sections?.[0].items.map((i) => i.producerId)).toEqual(['p-c']));

    // Another language is another list: its sentences come from the server in that language.
    change([item('p-e', 20)]);
    await act(() => i18n.changeLanguage('en'));
    await waitFor(() => expect(result.current.sections?.[0].items.map((i) => i.producerId)).toEqual(['p-e']));
    expect(calls.filter((c) => c.url.startsWith(`/api/fairs/${FAIR_ID}/matches?`)).at(-1)?.headers['Accept-Language']).toBe('en');
    change([item('p-d', 10)]);
    act(() => hub.restoreConnection());
    await waitFor(() => expect(result.current.sections?.[0].items.map((i) => i.producerId)).toEqual(['p-d']));
    expect(calls.filter((c) => c.url.startsWith(`/api/fairs/${FAIR_ID}/matches?`)).at(-1)?.headers['Accept-Language']).toBe('en');
  });

  it('hides an exhibitor and undoes it, saving and unsaving by the mark', async () => {
    const { calls, hub } = setup();
    const { result } = renderHookInApp(() => useMatches(FAIR_ID, { hubFactory: async () => hub }));
    await waitFor(() => expect(result.current.sections).not.toBeNull());
    const a = result.current.sections![0].items.find((i) => i.producerId === 'p-a')!;
    act(() => result.current.dismiss(a));
    await waitFor(() => expect(result.current.dismissed.map((d) => d.producerId)).toEqual(['p-a']));
    act(() => result.current.undo(a));
    await waitFor(() => expect(result.current.dismissed).toEqual([]));
    act(() => result.current.save(a));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/matches/p-a/save'))).toBe(true));
    act(() => result.current.save({ ...a, mark: 'Saved' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/matches/p-a/clear'))).toBe(true));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url.split('/').pop())).toEqual(['dismiss', 'clear', 'save', 'clear']);
    expect(calls.filter((c) => c.method === 'POST').every((c) => !!c.headers['Idempotency-Key'])).toBe(true);
  });

  it('says what to do without a profile, and without a registration (registering on request)', async () => {
    const none = setup({ profile: null });
    const { result } = renderHookInApp(() => useMatches(FAIR_ID, { hubFactory: async () => none.hub }));
    await waitFor(() => expect(result.current.hasProfile).toBe(false));
    expect(none.calls.some((c) => c.url.includes('/matches'))).toBe(false);
  });

  it('registers a buyer who is not registered, then loads the matches', async () => {
    const { calls, hub } = setup({ registered: false });
    const { result } = renderHookInApp(() => useMatches(FAIR_ID, { hubFactory: async () => hub }));
    await waitFor(() => expect(result.current.registered).toBe(false));
    act(() => result.current.register());
    await waitFor(() => expect(result.current.sections).not.toBeNull());
    expect(calls.some((c) => c.method === 'POST' && c.url === `/api/fairs/${FAIR_ID}/buyers/me`)).toBe(true);
  });

  it('loads an exhibitor’s free slots and shows a refused request by its localized title', async () => {
    const { calls } = setup();
    const { result } = renderHookInApp(() => useMeetingRequest(FAIR_ID, 'p-a'));
    await waitFor(() => expect(result.current.slots?.free).toEqual(['2026-12-15T01:00:00Z']));
    act(() => result.current.request('2026-12-15T01:00:00Z', '  Hỏi giá  '));
    await waitFor(() => expect(result.current.requestError).toBe('Giờ này đã kín.'));
    const sent = calls.find((c) => c.method === 'POST' && c.url === `/api/fairs/${FAIR_ID}/meetings`);
    expect(JSON.parse(sent!.body!)).toEqual({ producerId: 'p-a', startsAt: '2026-12-15T01:00:00Z', note: 'Hỏi giá' });
  });
});

describe('useInterestedBuyers', () => {
  it('lists interested buyers for an exhibitor and refetches on its MatchesChanged', async () => {
    const { calls, hub } = setup({ me: producer });
    const { result } = renderHookInApp(() => useInterestedBuyers(FAIR_ID, { hubFactory: async () => hub }));
    await waitFor(() => expect(result.current.items?.[0].organisation).toBe('Gạo Sạch'));
    await waitFor(() => expect(hub.startCalls).toBe(1));
    act(() => hub.emit('PrivateEvent', { type: 'MatchesChanged', data: { fairId: FAIR_ID, side: 'producer', cause: 'buyer' } }));
    await waitFor(() => expect(calls.filter((c) => c.url === `/api/fairs/${FAIR_ID}/interested-buyers`)).toHaveLength(2));
  });
});
