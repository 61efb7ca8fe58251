import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { ProductPage } from '../pages/ProductPage';
import { MyApplicationsPage } from '../pages/MyApplicationsPage';
import { ApplyPage } from '../pages/ApplyPage';
import { InboxPage } from '../pages/InboxPage';
import { ProducerPage } from '../pages/ProducerPage';
import { FairPage } from '../pages/FairPage';
import { FairsPage } from '../pages/FairsPage';
import { renderPage } from './render';
import { mockFetch } from './http';
import { FakeHub } from './fakeHub';
import { FAIR_ID, fairDetails, floorFixture } from './fixtures';
import { application, producer, product } from './applications';
import { rawCodesIn, visibleText } from './rawCodes';

const me = { userId: 'u2', email: 'htx3t@demo.ocop', roles: ['Producer'], displayName: 'HTX 3T', locale: 'vi', producerId: 'prod-3t' };

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('rawCodes helper', () => {
  it('finds codes as whole words in visible text only', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>Nhóm Food</p><p hidden>Approved</p><span aria-hidden="true">FirstCome</span><p>Foodstuff</p>';
    expect(visibleText(root)).not.toContain('Approved');
    expect(rawCodesIn(root)).toEqual(['Food']);
  });
});

describe('pages show names, not codes', () => {
  it('the product card at a fair', async () => {
    window.history.replaceState(null, '', `/products/p1?fair=${FAIR_ID}`);
    mockFetch(({ url }) => {
      if (url.startsWith('/api/products/p1'))
        return {
          body: {
            ...product('p1', { subGroup: 'FreshProduce', certificateLevel: 'Province' }),
            description: 'Cam ngọt, mọng nước.',
            photoUrl: '/api/products/p1/photo?v=abc',
            booths: [{ fairId: FAIR_ID, boothCode: 'A01', zone: 'A', zoneName: 'Thực phẩm', status: 'Confirmed' }],
            producer: { producerId: 'prod-3t', name: 'HTX 3T Cao Phong', district: 'Cao Phong', province: 'Hòa Bình', kind: 'Cooperative' },
          },
        };
      return undefined;
    });
    const { container } = renderPage(<ProductPage productId="p1" />);
    await screen.findByTestId('product-card-name');
    expect(screen.getByTestId('product-card-group').textContent).toBe('Thực phẩm · Nông sản tươi sống');
    expect(screen.getByTestId('product-card-booth').textContent).toContain('Gian A01 · Thực phẩm');
    expect(screen.getByTestId('product-card-contact').textContent).toContain('Đăng nhập');
    expect(rawCodesIn(container)).toEqual([]);
  });

  it('my applications', async () => {
    mockFetch(({ url }) => {
      if (url === '/api/me') return { body: me };
      if (url === '/api/fairs') return { body: [{ fairId: FAIR_ID, name: 'Hội chợ OCOP Hòa Bình 2025', status: 'Published' }] };
      if (url === '/api/me/applications')
        return { body: [application('a1', { status: 'Approved' }), application('a2', { status: 'Rejected', rejectionReason: 'Thiếu giấy' })] };
      return undefined;
    });
    const { container } = renderPage(<MyApplicationsPage hubFactory={async () => new FakeHub()} />);
    await screen.findByTestId('application-status-a1');
    expect(container.textContent).not.toContain('HSD');
    expect(rawCodesIn(container)).toEqual([]);
  });

  it('the apply page, with no error before the producer has done anything', async () => {
    mockFetch(({ url }) => {
      if (url === '/api/me') return { body: me };
      if (url === `/api/fairs/${FAIR_ID}`) return { body: fairDetails() };
      if (url === '/api/producers/me') return { body: producer([product('p1', { subGroup: 'Processed' })]) };
      if (url === '/api/me/applications') return { body: [] };
      if (url === `/api/fairs/${FAIR_ID}/floor`) return { body: floorFixture(1) };
      if (url === `/api/fairs/${FAIR_ID}/applications/check`)
        return { body: { eligible: false, reasons: [{ code: 'application.noProducts', message: 'Chọn ít nhất một sản phẩm.' }] } };
      return undefined;
    });
    const { container } = renderPage(<ApplyPage fairId={FAIR_ID} checkDelayMs={0} />);
    await screen.findByTestId('apply-form');
    await screen.findByTestId('eligibility-pending');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(container.textContent).not.toContain('HSD');
    expect(rawCodesIn(container)).toEqual([]);
  });

  it('an approved producer is not offered to apply again', async () => {
    mockFetch(({ url }) => {
      if (url === '/api/me') return { body: me };
      if (url === `/api/fairs/${FAIR_ID}`) return { body: fairDetails() };
      if (url === '/api/producers/me') return { body: producer([product('p1')]) };
      if (url === '/api/me/applications') return { body: [application('a1', { status: 'Approved' })] };
      return undefined;
    });
    const { container } = renderPage(<ApplyPage fairId={FAIR_ID} checkDelayMs={0} />);
    expect((await screen.findByTestId('apply-already')).textContent).toContain('Đã duyệt');
    expect(screen.queryByTestId('apply-form')).toBeNull();
    expect(rawCodesIn(container)).toEqual([]);
  });

  it("the producer's catalogue", async () => {
    window.history.replaceState(null, '', '/producer');
    mockFetch(({ url }) => {
      if (url === '/api/me') return { body: me };
      if (url === '/api/producers/me') return { body: producer([product('p1', { subGroup: 'FreshProduce' })]) };
      return undefined;
    });
    const { container } = renderPage(<ProducerPage />);
    await screen.findByTestId('product-p1');
    expect(screen.getByTestId('product-p1').textContent).toContain('Nông sản tươi sống');
    expect(container.textContent).not.toContain('HSD');
    expect(rawCodesIn(container)).toEqual([]);
  });

  it('the fair page and the fairs list', async () => {
    mockFetch(({ url }) => {
      if (url === '/api/me') return { body: me };
      if (url === `/api/fairs/${FAIR_ID}`) return { body: fairDetails() };
      if (url === `/api/fairs/${FAIR_ID}/floor`) return { body: floorFixture(5) };
      if (url === '/api/me/applications') return { body: [application('a1', { status: 'Approved' })] };
      if (url === '/api/fairs') return { body: [{ ...fairDetails(), fairId: FAIR_ID, boothCount: 5 }] };
      return undefined;
    });
    const hub = new FakeHub();
    hub.responders.set('JoinFairBatched', (_fairId, since) => ({ fairId: FAIR_ID, version: since as number, events: [], snapshot: null }));
    const fair = renderPage(<FairPage fairId={FAIR_ID} hubFactory={async () => hub} />);
    await screen.findByText(fairDetails().name);
    await waitFor(() => expect(screen.getByTestId('booth-A01')).toBeTruthy());
    expect(screen.queryByTestId('apply-button')).toBeNull();
    expect(rawCodesIn(fair.container)).toEqual([]);
    fair.unmount();

    const list = renderPage(<FairsPage />);
    await waitFor(() => expect(list.container.querySelector('[data-testid^=fair-card]')).toBeTruthy());
    expect(rawCodesIn(list.container)).toEqual([]);
  });

  it('the inbox', async () => {
    mockFetch(({ url }) => {
      if (url === '/api/me') return { body: me };
      if (url === '/api/me/notifications')
        return {
          body: [
            { id: 'n1', kind: 'booth.held', title: 'Hội chợ: bạn đang giữ gian hàng A01', body: 'Gian hàng A01 (khu A)', createdAt: '2025-03-01T01:00:00Z', facts: {} },
          ],
        };
      return undefined;
    });
    const { container } = renderPage(<InboxPage hubFactory={async () => new FakeHub()} />);
    await screen.findByTestId('notification-n1');
    await waitFor(() => expect(rawCodesIn(container)).toEqual([]));
  });
});
