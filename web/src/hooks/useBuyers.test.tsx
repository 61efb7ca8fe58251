import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, waitFor } from '@testing-library/react';
import { useBuyerProfile } from './useBuyerProfile';
import { useGate } from './useGate';
import { useMatchingHours } from './useMatchingHours';
import { mockFetch } from '../test/http';
import { renderHookInApp, renderPage } from '../test/render';
import { FAIR_ID, fairDetails } from '../test/fixtures';
import { emptyNeed } from '../lib/buyers';

afterEach(() => {
  vi.unstubAllGlobals();
});

const saved = {
  buyerId: 'b-1',
  organisation: 'Siêu thị Xanh',
  kind: 'Supermarket',
  province: null,
  contact: null,
  representatives: [{ name: 'An', phone: null }],
  needs: [{ needId: 'n-1', keywords: ['bưởi'], groups: [], minStars: 3, certifications: [], quantityPerMonth: null, priceBandVnd: null, markets: [] }],
};

describe('useBuyerProfile', () => {
  it('starts a new profile, shows no error before a save is tried, then the form’s own and sends nothing', async () => {
    const calls = mockFetch((c) => (c.url === '/api/buyers/me' && c.method === 'GET' ? { status: 404, body: { status: 404, title: 'Chưa có hồ sơ' } } : undefined));
    const { result } = renderHookInApp(() => useBuyerProfile('An'));
    await waitFor(() => expect(result.current.values).not.toBeNull());
    expect(result.current.isNew).toBe(true);
    expect(result.current.values!.representatives[0].name).toBe('An');
    expect(result.current.errors).toEqual({});

    await act(() => result.current.save());
    expect(result.current.errors).toMatchObject({ organisation: ['required'], kind: ['required'], 'needs[0].keywords': ['buyerKeywordsOrGroups'] });
    expect(result.current.error).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
  });

  it('shows the server’s refusal beside its field until that field changes, and keeps need ids after saving', async () => {
    let refuse = true;
    const calls = mockFetch((c) => {
      if (c.url !== '/api/buyers/me') return undefined;
      if (c.method === 'GET') return { body: { ...saved, needs: [] } };
      if (refuse) return { status: 400, body: { status: 400, title: 'Dữ liệu không hợp lệ', errors: { 'needs[0].keywords': ['Từ khóa không hợp lệ.'] } } };
      return { body: saved };
    });
    const { result } = renderHookInApp(() => useBuyerProfile());
    await waitFor(() => expect(result.current.values).not.toBeNull());
    act(() => result.current.addNeed());
    act(() => result.current.setNeed(0, { keywords: ['bưởi'] }));

    await act(() => result.current.save());
    expect(result.current.errors['needs[0].keywords']).toEqual(['Từ khóa không hợp lệ.']);
    // The message is beside its field, so the form only says to fix the marked fields.
    expect(result.current.error).not.toContain('Từ khóa');

    act(() => result.current.setNeed(0, { keywords: ['bưởi diễn'] }));
    expect(result.current.errors).toEqual({});

    refuse = false;
    await act(() => result.current.save());
    expect(result.current.saved).toBe(true);
    expect(result.current.values!.needs[0].needId).toBe('n-1');
    const put = calls.filter((c) => c.method === 'PUT');
    expect(put).toHaveLength(2);
    expect(JSON.parse(put[1].body!).needs[0].keywords).toEqual(['bưởi diễn']);
  });

  it('adds and removes representatives up to three', async () => {
    mockFetch((c) => (c.url === '/api/buyers/me' ? { body: saved } : undefined));
    const { result } = renderHookInApp(() => useBuyerProfile());
    await waitFor(() => expect(result.current.values).not.toBeNull());
    for (let i = 0; i < 4; i++) act(() => result.current.addRepresentative());
    expect(result.current.values!.representatives).toHaveLength(3);
    act(() => result.current.removeRepresentative(0));
    expect(result.current.values!.representatives).toHaveLength(2);
    act(() => result.current.removeNeed(0));
    act(() => result.current.addNeed());
    expect(result.current.values!.needs).toEqual([emptyNeed()]);
  });
});

const fairBuyer = (patch = {}) => ({
  fairId: FAIR_ID,
  buyerId: 'b-1',
  organisation: 'Siêu thị Xanh',
  kind: 'Supermarket',
  badgeCode: 'K7M2Q9',
  registeredAt: '2025-03-10T01:00:00Z',
  checkedInAt: '2025-03-15T02:05:00Z',
  ...patch,
});

describe('useGate', () => {
  it('checks a typed code in, keeps the scan, empties the field and reloads the overview', async () => {
    let present = 0;
    const calls = mockFetch((c) => {
      if (c.url === `/api/fairs/${FAIR_ID}/buyers`) return { body: { registered: 1, present, byKind: [{ kind: 'Supermarket', registered: 1, present }], items: [fairBuyer()] } };
      if (c.url === `/api/fairs/${FAIR_ID}/check-in`) {
        const code = JSON.parse(c.body!).badgeCode;
        if (code !== 'k7m2q9') return { status: 404, body: { status: 404, title: 'Không tìm thấy thẻ tham dự với mã này ở hội chợ này.', code: 'badge.unknown' } };
        present = 1;
        return { body: { buyer: fairBuyer(), alreadyCheckedIn: false } };
      }
      return undefined;
    });
    const { result } = renderHookInApp(() => useGate(FAIR_ID));
    await waitFor(() => expect(result.current.buyers?.present).toBe(0));

    act(() => result.current.setCode('  k7m2q9 '));
    await act(() => result.current.submitTyped());
    expect(result.current.last?.result?.buyer.organisation).toBe('Siêu thị Xanh');
    expect(result.current.code).toBe('');
    expect(JSON.parse(calls.find((c) => c.method === 'POST')!.body!)).toEqual({ badgeCode: 'k7m2q9' });
    await waitFor(() => expect(result.current.buyers?.present).toBe(1));

    act(() => result.current.setCode('XXXX'));
    await act(() => result.current.submitTyped());
    expect(result.current.last?.error).toBe('Không tìm thấy thẻ tham dự với mã này ở hội chợ này.');
    expect(result.current.code).toBe('XXXX');
    expect(result.current.scans).toHaveLength(2);
  });
});

describe('useMatchingHours', () => {
  it('proposes the fair’s days, and shows the server’s refusal per field', async () => {
    const calls = mockFetch((c) => {
      if (c.url === `/api/fairs/${FAIR_ID}`) return { body: fairDetails() };
      if (c.url === `/api/fairs/${FAIR_ID}/matching-hours` && c.method === 'GET') return { status: 404, body: { status: 404, code: 'meeting.noHours' } };
      if (c.url === `/api/fairs/${FAIR_ID}/matching-hours`)
        return { status: 400, body: { status: 400, title: 'Khung giờ kết nối không hợp lệ.', errors: { 'days[0].to': ['Khung giờ ngắn hơn một lượt gặp.'] } } };
      return undefined;
    });
    const { result } = renderHookInApp(() => useMatchingHours(FAIR_ID));
    await waitFor(() => expect(result.current.values).not.toBeNull());
    // 15/03 01:30 to 18/03 17:00 in Vietnam.
    expect(result.current.dates).toEqual(['2025-03-15', '2025-03-16', '2025-03-17', '2025-03-18']);
    expect(result.current.values!.days).toHaveLength(4);
    expect(result.current.isNew).toBe(true);

    await act(() => result.current.save());
    expect(result.current.errors['days[0].to']).toEqual(['Khung giờ ngắn hơn một lượt gặp.']);
    const body = JSON.parse(calls.find((c) => c.method === 'PUT')!.body!);
    expect(body.days[0]).toEqual({ date: '2025-03-15', from: '08:30:00', to: '11:30:00' });

    act(() => result.current.setDay(0, { to: '12:00' }));
    expect(result.current.errors['days[0].to']).toBeUndefined();
  });
});

/** As renderHookInApp, with a way to leave the page. */
function renderHookInAppWithUnmount<T>(hook: () => T) {
  const result = { current: undefined as T };
  function Probe() {
    result.current = hook();
    return null;
  }
  const { unmount } = renderPage(<Probe />);
  return { result, unmount };
}

describe('useGate camera', () => {
  it('checks a badge the camera keeps seeing in once, and stops the camera on leaving', async () => {
    const stop = vi.fn();
    let onRead: ((result: { getText: () => string } | undefined) => void) | null = null;
    vi.doMock('@zxing/browser', () => ({
      BrowserQRCodeReader: class {
        decodeFromConstraints(_c: unknown, _v: unknown, callback: typeof onRead) {
          onRead = callback;
          return Promise.resolve({ stop });
        }
      },
    }));
    vi.stubGlobal('navigator', { ...navigator, mediaDevices: { getUserMedia: vi.fn() } });
    const calls = mockFetch((c) => {
      if (c.url === `/api/fairs/${FAIR_ID}/buyers`) return { body: { registered: 1, present: 0, byKind: [], items: [] } };
      if (c.url === `/api/fairs/${FAIR_ID}/check-in`) return { body: { buyer: fairBuyer(), alreadyCheckedIn: false } };
      return undefined;
    });
    const { result, unmount } = renderHookInAppWithUnmount(() => useGate(FAIR_ID));
    await act(() => result.current.startCamera(document.createElement('video'), 'no camera'));
    expect(result.current.camera).toBe('on');
    await act(async () => {
      onRead!({ getText: () => ' K7M2-Q9AB ' });
      onRead!({ getText: () => 'K7M2-Q9AB' });
      onRead!(undefined);
    });
    await waitFor(() => expect(result.current.last?.result).toBeTruthy());
    expect(calls.filter((c) => c.url.endsWith('/check-in'))).toHaveLength(1);
    expect(JSON.parse(calls.find((c) => c.url.endsWith('/check-in'))!.body!)).toEqual({ badgeCode: 'K7M2-Q9AB' });
    unmount();
    expect(stop).toHaveBeenCalled();
    vi.doUnmock('@zxing/browser');
  });

  it('says so when there is no camera, and the typed code still works', async () => {
    vi.stubGlobal('navigator', { ...navigator, mediaDevices: undefined });
    mockFetch((c) => (c.url === `/api/fairs/${FAIR_ID}/buyers` ? { body: { registered: 0, present: 0, byKind: [], items: [] } } : undefined));
    const { result } = renderHookInApp(() => useGate(FAIR_ID));
    await act(() => result.current.startCamera(document.createElement('video'), 'Không mở được camera.'));
    expect(result.current.camera).toBe('failed');
    expect(result.current.cameraError).toBe('Không mở được camera.');
  });
});
