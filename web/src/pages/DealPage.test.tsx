import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DealPage } from './DealPage';
import { DealsPage } from './DealsPage';
import { renderPage } from '../test/render';
import { FakeHub } from '../test/fakeHub';
import { mockFetch } from '../test/http';
import { FAIR_ID, fairDetails } from '../test/fixtures';
import { deal } from '../test/deals';
import { rawCodesIn, visibleText } from '../test/rawCodes';
import type { Deal, DealVersion } from '../lib/dealsApi';

const buyer = { userId: 'u1', email: 'lan@demo.ocop', roles: ['Buyer'], displayName: 'Lan', locale: 'vi', buyerId: 'buyer-1' };
const rice = { productId: 'p-rice', name: 'Gạo nếp cái hoa vàng', group: 'Food', priceRange: { min: 40000, max: 60000, unit: 'kg' }, capacityPerMonth: { quantity: 2, unit: 'tan' } };

const version = (d: Deal, writtenBy: 'Buyer' | 'Producer'): DealVersion =>
  ({ version: d.version, terms: d.terms, totals: d.totals, writtenBy, at: d.updatedAt, signatures: d.signatures.filter((s) => s.version === d.version) }) as DealVersion;

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('DealPage', () => {
  it('shows the other side’s new version live, marks what changed, and signs the version shown', async () => {
    const v1 = deal({ fairId: FAIR_ID, status: 'Proposed', signatures: [{ side: 'Buyer', userId: 'u1', version: 1, at: '2026-12-15T02:05:00Z' }], revision: 3 });
    const v2 = deal({
      fairId: FAIR_ID,
      status: 'Proposed',
      version: 2,
      revision: 4,
      signatures: [],
      terms: { ...v1.terms, lines: [{ ...v1.terms.lines[0], quantity: 3 }] },
      totals: { vnd: 90_000_000, tonnes: 3, otherUnits: {} },
      updatedAt: '2026-12-15T02:10:00Z',
    });
    let versions = [version(v1, 'Buyer')];
    const calls = mockFetch(({ url, method }) => {
      if (url === '/api/me') return { body: buyer };
      if (url === `/api/fairs/${FAIR_ID}`) return { body: fairDetails() };
      if (url === `/api/fairs/${FAIR_ID}/deals/d-1/versions`) return { body: { items: versions } };
      if (method === 'POST' && url === `/api/fairs/${FAIR_ID}/deals/d-1/sign`)
        return { body: { ...v2, signatures: [{ side: 'Buyer', userId: 'u1', version: 2, at: '2026-12-15T02:11:00Z' }], revision: 5 } };
      if (url === `/api/fairs/${FAIR_ID}/deals/d-1`) return { body: v1 };
      if (url === '/api/producers/prod-1') return { body: { producerId: 'prod-1', name: 'HTX Nếp Hoa Vàng', products: [rice] } };
      return undefined;
    });
    const hub = new FakeHub();
    renderPage(<DealPage fairId={FAIR_ID} dealId="d-1" hubFactory={async () => hub} />);

    expect((await screen.findByTestId('deal-status')).textContent).toBe('Chờ ký');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Hợp đồng tiêu thụ với HTX Nếp Hoa Vàng');
    expect(screen.getByTestId('signature-Buyer').getAttribute('data-signed')).toBe('true');
    expect(screen.queryByTestId('deal-sign')).toBeNull();
    expect(screen.getByTestId('deal-waiting').getAttribute('data-waiting')).toBe('them');
    expect(screen.getByTestId('deal-print').getAttribute('href')).toBe(`/fairs/${FAIR_ID}/deals/d-1/print`);
    expect(screen.getByTestId('deal-verify').getAttribute('href')).toBe('/deals/d-1/verify');

    // The exhibitor changes the quantity: the event brings version 2.
    versions = [version(v1, 'Buyer'), version(v2, 'Producer')];
    act(() => hub.emit('PrivateEvent', { type: 'DealChanged', data: v2 }));
    await waitFor(() => expect(screen.getByTestId('deal-version').getAttribute('data-version')).toBe('2'));
    expect(screen.getByTestId('signature-Buyer').getAttribute('data-signed')).toBe('false');
    expect(within(screen.getByTestId('deal-totals')).getByTestId('total-tonnes').textContent).toBe('3 tấn');
    expect(await screen.findByTestId('deal-new-version')).toBeTruthy();
    const compare = await screen.findByTestId('versions-compare');
    expect(within(compare).getByTestId('diff-changed-quantity').textContent).toContain('3');

    fireEvent.click(screen.getByTestId('deal-sign'));
    await waitFor(() => expect(screen.getByTestId('signature-Buyer').getAttribute('data-signed')).toBe('true'));
    // Names, never codes: kinds, statuses, sides, units.
    const shown = visibleText(document.body);
    expect(rawCodesIn(document.body)).toEqual([]);
    for (const code of ['ConsumptionContract', 'Proposed', 'Buyer', 'Producer', 'tan', 'Food']) expect(shown).not.toMatch(new RegExp(`\\b${code}\\b`));
    const sign = calls.find((c) => c.method === 'POST')!;
    expect(JSON.parse(sign.body!)).toEqual({ version: 2 });
    expect(sign.headers['Idempotency-Key']).toBeTruthy();
  });

  it('puts the server’s field errors under the fields of a change', async () => {
    const d = deal({ fairId: FAIR_ID, status: 'Draft' });
    mockFetch(({ url, method }) => {
      if (url === '/api/me') return { body: buyer };
      if (url === `/api/fairs/${FAIR_ID}`) return { body: fairDetails() };
      if (url === `/api/fairs/${FAIR_ID}/deals/d-1/versions`) return { body: { items: [version(d, 'Buyer')] } };
      if (method === 'PUT')
        return {
          status: 400,
          body: { title: 'Dữ liệu không hợp lệ', code: 'validation', errors: { 'lines[0].unitPriceVnd': ['Giá trị nằm ngoài khoảng cho phép.'] } },
        };
      if (url === `/api/fairs/${FAIR_ID}/deals/d-1`) return { body: d };
      if (url === '/api/producers/prod-1') return { body: { producerId: 'prod-1', name: 'HTX Nếp Hoa Vàng', products: [rice] } };
      return undefined;
    });
    renderPage(<DealPage fairId={FAIR_ID} dealId="d-1" hubFactory={async () => new FakeHub()} />);
    fireEvent.click(await screen.findByTestId('deal-change'));
    const form = screen.getByTestId('deal-change-form');
    // The page's own check first: a negative quantity never reaches the server.
    fireEvent.change(within(form).getByTestId('line-quantity-input'), { target: { value: '-5' } });
    fireEvent.click(within(form).getByTestId('deal-change-save'));
    expect(within(form).getByTestId('error-lines[0].quantity').textContent).toBe('Số không hợp lệ.');
    fireEvent.change(within(form).getByTestId('line-quantity-input'), { target: { value: '5' } });
    fireEvent.click(within(form).getByTestId('deal-change-save'));
    await waitFor(() => expect(within(form).getByTestId('error-lines[0].unitPriceVnd').textContent).toBe('Giá trị nằm ngoài khoảng cho phép.'));
  });
});

describe('DealPage after a reconnect', () => {
  it('fetches the deal again, for what it may have missed', async () => {
    let answer = deal({ fairId: FAIR_ID, status: 'Proposed' });
    const calls = mockFetch(({ url }) => {
      if (url === '/api/me') return { body: buyer };
      if (url === `/api/fairs/${FAIR_ID}`) return { body: fairDetails() };
      if (url === `/api/fairs/${FAIR_ID}/deals/d-1/versions`) return { body: { items: [version(answer, 'Buyer')] } };
      if (url === `/api/fairs/${FAIR_ID}/deals/d-1`) return { body: answer };
      if (url === '/api/producers/prod-1') return { body: { producerId: 'prod-1', name: 'HTX Nếp Hoa Vàng', products: [rice] } };
      return undefined;
    });
    const hub = new FakeHub();
    renderPage(<DealPage fairId={FAIR_ID} dealId="d-1" hubFactory={async () => hub} />);
    expect((await screen.findByTestId('deal-status')).textContent).toBe('Chờ ký');
    await waitFor(() => expect(screen.getByTestId('live-status').getAttribute('data-state')).toBe('live'));
    const before = calls.filter((c) => c.url === `/api/fairs/${FAIR_ID}/deals/d-1`).length;
    answer = deal({ fairId: FAIR_ID, status: 'Cancelled', cancelReason: 'Hết vụ', revision: 9 });
    act(() => hub.dropConnection());
    act(() => hub.restoreConnection());
    await waitFor(() => expect(screen.getByTestId('deal-status').textContent).toBe('Đã hủy'));
    expect(calls.filter((c) => c.url === `/api/fairs/${FAIR_ID}/deals/d-1`).length).toBeGreaterThan(before);
    expect(screen.getByTestId('deal-cancelled').textContent).toContain('Hết vụ');
    expect(screen.queryByTestId('deal-sign')).toBeNull();
  });
});

describe('DealsPage', () => {
  it('groups my deals by status with whose signature each waits for', async () => {
    mockFetch(({ url }) => {
      if (url === '/api/me') return { body: buyer };
      if (url === `/api/fairs/${FAIR_ID}`) return { body: fairDetails() };
      if (url === `/api/fairs/${FAIR_ID}/deals`)
        return {
          body: {
            items: [
              deal({ fairId: FAIR_ID, dealId: 'd-1', status: 'Proposed', signatures: [{ side: 'Producer', userId: 'u2', version: 1, at: '2026-12-15T02:00:00Z' }] }),
              deal({ fairId: FAIR_ID, dealId: 'd-2', status: 'Signed', terms: { ...deal().terms, validFrom: '2099-01-01' } }),
            ],
          },
        };
      return undefined;
    });
    renderPage(<DealsPage fairId={FAIR_ID} hubFactory={async () => new FakeHub()} />);
    const open = await screen.findByTestId('deals-open');
    expect(within(open).getByTestId('deal-waiting').getAttribute('data-waiting')).toBe('you');
    expect(within(open).getByTestId('deal-party').textContent).toBe('Với HTX Nếp Hoa Vàng');
    expect(within(screen.getByTestId('deals-signed')).getByTestId('deal-status').textContent).toBe('Đã ký');
  });
});
