import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, waitFor } from '@testing-library/react';
import { useAgenda } from './useAgenda';
import { renderHookInApp } from '../test/render';
import { FakeHub } from '../test/fakeHub';
import { mockFetch } from '../test/http';
import { FAIR_ID, fairDetails, floorFixture } from '../test/fixtures';
import { meeting } from '../test/meetings';
import type { Meeting } from '../lib/meetingsApi';

const buyer = { userId: 'u9', email: 'mua@demo.ocop', roles: ['Buyer'], displayName: 'Chị Lan', locale: 'vi', buyerId: 'b-1' };
const producer = { userId: 'u2', email: 'htx@demo.ocop', roles: ['Producer'], displayName: 'HTX', locale: 'vi', producerId: 'p-1' };
const organiser = { userId: 'org', email: 'btc@demo.ocop', roles: ['Organiser'], displayName: 'BTC', locale: 'vi' };

function setup(me: object, items: Meeting[], now: () => number) {
  window.history.replaceState(null, '', `/fairs/${FAIR_ID}/meetings`);
  let list = items;
  const calls = mockFetch(({ url, method }) => {
    if (url === '/api/me') return { body: me };
    if (url === `/api/fairs/${FAIR_ID}`) return { body: fairDetails({ timeZone: 'Asia/Ho_Chi_Minh', organiserId: 'org' }) };
    if (url === `/api/fairs/${FAIR_ID}/floor`) return { body: floorFixture(1) };
    if (url === `/api/fairs/${FAIR_ID}/meetings`) return { body: { items: list } };
    if (url === `/api/fairs/${FAIR_ID}/interested-buyers`)
      return { body: { items: [{ needId: 'n', producerId: 'p-1', producerName: 'HTX', productId: 'x', productName: 'x', boothCodes: [], score: 70, reasons: [], mark: 'None', buyerId: 'b-1', organisation: 'Gạo Sạch' }] } };
    if (url === `/api/fairs/${FAIR_ID}/buyers`) return { body: { registered: 1, present: 0, byKind: [], items: [{ fairId: FAIR_ID, buyerId: 'b-1', organisation: 'Gạo Sạch', kind: 'Other', badgeCode: 'X', registeredAt: '2026-12-01T00:00:00Z' }] } };
    const action = method === 'POST' && url.match(/\/meetings\/(m-[^/]+)\/([a-z-]+)$/);
    if (action) {
      const m = list.find((x) => x.meetingId === action[1])!;
      if (action[2] === 'check-in') return { body: { ...m, buyerCheckedIn: true, version: m.version + 1 } };
      if (action[2] === 'decline') return { status: 409, body: { status: 409, code: 'meeting.expired', title: 'Lời mời đã quá hạn.' } };
      return { body: { ...m, status: 'Accepted', version: m.version + 1 } };
    }
    return undefined;
  });
  const hub = new FakeHub();
  const rendered = renderHookInApp(() => useAgenda(FAIR_ID, { hubFactory: async () => hub, now }));
  return { ...rendered, calls, hub, replace: (next: Meeting[]) => (list = next) };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('useAgenda', () => {
  it('groups an exhibitor’s meetings by the fair’s clock and writes MeetingChanged in without a reload', async () => {
    const now = Date.parse('2026-12-15T00:30:00Z'); // 07:30 in Hà Nội
    const { result, hub, calls } = setup(producer, [meeting({ expiresAt: '2026-12-15T00:50:00Z' })], () => now);
    await waitFor(() => expect(result.current.groups?.today.map((m) => m.meetingId)).toEqual(['m-1']));
    expect(result.current.side).toBe('Producer');
    await waitFor(() => expect(result.current.otherParty(result.current.items![0])).toBe('Gạo Sạch'));
    expect(result.current.actionsOf(result.current.items![0])).toEqual(['accept', 'decline', 'propose', 'cancel']);
    expect(result.current.waitingOf(result.current.items![0])).toBe('you');
    await waitFor(() => expect(hub.startCalls).toBe(1));

    const arrived = meeting({ fairId: FAIR_ID, meetingId: 'm-2', startsAt: '2026-12-16T01:00:00Z', endsAt: '2026-12-16T01:20:00Z' });
    act(() => hub.emit('PrivateEvent', { type: 'MeetingChanged', data: arrived }));
    act(() => hub.emit('PrivateEvent', { type: 'MeetingChanged', data: { ...arrived, meetingId: 'm-x', fairId: 'other' } }));
    expect(result.current.groups?.next.map((m) => m.meetingId)).toEqual(['m-2']);
    act(() => hub.emit('PrivateEvent', { type: 'MeetingChanged', data: { ...arrived, status: 'Cancelled', version: 2 } }));
    expect(result.current.items?.find((m) => m.meetingId === 'm-2')?.status).toBe('Cancelled');
    expect(calls.filter((c) => c.url === `/api/fairs/${FAIR_ID}/meetings`)).toHaveLength(1);
  });

  it('refetches after a reconnect, so what was missed meanwhile shows', async () => {
    const now = Date.parse('2026-12-15T00:30:00Z');
    const { result, hub, replace } = setup(buyer, [meeting()], () => now);
    await waitFor(() => expect(result.current.items).toHaveLength(1));
    await waitFor(() => expect(hub.startCalls).toBe(1));
    replace([meeting({ status: 'Accepted', version: 2 })]);
    act(() => hub.dropConnection());
    expect(result.current.live).toBe('reconnecting');
    act(() => hub.restoreConnection());
    await waitFor(() => expect(result.current.items?.[0].status).toBe('Accepted'));
    expect(result.current.live).toBe('live');
  });

  it('opens check-in when the fake clock reaches the window and records it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setInterval', 'clearInterval'] });
    let now = Date.parse('2026-12-15T00:30:00Z'); // 30 minutes before the slot
    const { result } = setup(buyer, [meeting({ status: 'Accepted' })], () => now);
    await waitFor(() => expect(result.current.items).toHaveLength(1));
    expect(result.current.actionsOf(result.current.items![0])).toEqual(['propose', 'cancel']);

    now = Date.parse('2026-12-15T00:50:00Z'); // 10 minutes before: the window is open
    act(() => vi.advanceTimersByTime(30_000));
    expect(result.current.actionsOf(result.current.items![0])).toEqual(['propose', 'cancel', 'check-in']);
    act(() => result.current.act(result.current.items![0], { kind: 'check-in' }));
    await waitFor(() => expect(result.current.items?.[0].buyerCheckedIn).toBe(true));
    expect(result.current.actionsOf(result.current.items![0])).toEqual(['propose', 'cancel']);
  });

  it('shows a refused action by its localized title on the meeting', async () => {
    const now = Date.parse('2026-12-14T01:00:00Z');
    const { result } = setup(producer, [meeting()], () => now);
    await waitFor(() => expect(result.current.items).toHaveLength(1));
    act(() => result.current.act(result.current.items![0], { kind: 'decline', reason: 'Bận' }));
    await waitFor(() => expect(result.current.rowErrors['m-1']).toBe('Lời mời đã quá hạn.'));
  });

  it('gives the organiser every meeting by hour with counts and names', async () => {
    const now = Date.parse('2026-12-14T01:00:00Z');
    const { result } = setup(organiser, [meeting(), meeting({ meetingId: 'm-2', status: 'Accepted' })], () => now);
    await waitFor(() => expect(result.current.hours).toHaveLength(1));
    expect(result.current.organiser).toBe(true);
    expect(result.current.counts).toMatchObject({ Requested: 1, Accepted: 1 });
    await waitFor(() => expect(result.current.nameOf('b-1')).toBe('Gạo Sạch'));
  });
});
