import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { NewDealPage } from './DealPage';
import { renderPage } from '../test/render';
import { mockFetch } from '../test/http';
import { FAIR_ID, fairDetails } from '../test/fixtures';
import { meeting } from '../test/meetings';
import { deal } from '../test/deals';

const buyer = { userId: 'u1', email: 'lan@demo.ocop', roles: ['Buyer'], displayName: 'Lan', locale: 'vi', buyerId: 'b-1' };
const products = [
  { productId: 'p-rice', name: 'Gạo nếp cái hoa vàng', group: 'Food', priceRange: { min: 40000, max: 60000, unit: 'kg' } },
  { productId: 'p-wine', name: 'Rượu cần', group: 'Beverages', priceRange: { min: 150000, max: 150000, unit: 'bottle' } },
];

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('NewDealPage', () => {
  it('drafts from a held meeting: the exhibitor’s products, a totals preview, one keyed create, then the deal', async () => {
    window.history.replaceState(null, '', `/fairs/${FAIR_ID}/deals/new?meetingId=m-1&producerId=p-1`);
    const calls = mockFetch(({ url, method }) => {
      if (url === '/api/me') return { body: buyer };
      if (url === `/api/fairs/${FAIR_ID}`) return { body: fairDetails() };
      if (url === `/api/fairs/${FAIR_ID}/meetings`) return { body: { items: [meeting({ fairId: FAIR_ID, status: 'Held' })] } };
      if (url === '/api/producers/p-1') return { body: { producerId: 'p-1', name: 'HTX Nếp Hoa Vàng', products } };
      if (method === 'POST' && url === `/api/fairs/${FAIR_ID}/deals`) return { status: 201, body: deal({ fairId: FAIR_ID, dealId: 'd-9' }) };
      return undefined;
    });
    const { router } = renderPage(<NewDealPage fairId={FAIR_ID} />);

    const form = await screen.findByTestId('deal-new-form');
    expect(screen.getByTestId('new-producer').textContent).toBe('HTX Nếp Hoa Vàng');
    const line0 = within(form).getByTestId('line-form-0');
    expect((within(line0).getByTestId('line-product') as HTMLSelectElement).value).toBe('p-rice');
    expect((within(line0).getByTestId('line-price') as HTMLInputElement).value).toBe('40000');
    fireEvent.change(within(line0).getByTestId('line-quantity-input'), { target: { value: '500' } });
    fireEvent.change(within(line0).getByTestId('line-months'), { target: { value: '3' } });

    // A second line in bottles: its quantity is listed apart, never added into tonnes.
    fireEvent.click(within(form).getByTestId('line-add'));
    const line1 = within(form).getByTestId('line-form-1');
    expect((within(line1).getByTestId('line-product') as HTMLSelectElement).value).toBe('p-wine');
    expect((within(line1).getByTestId('line-unit') as HTMLSelectElement).value).toBe('bottle');
    fireEvent.change(within(line1).getByTestId('line-quantity-input'), { target: { value: '100' } });
    const totals = screen.getByTestId('new-totals');
    expect(within(totals).getByTestId('total-tonnes').textContent).toBe('1,5 tấn');
    expect(within(totals).getByTestId('total-other').textContent).toBe('100 chai');
    expect(within(totals).getByTestId('total-vnd').textContent).toBe('75.000.000 ₫');

    fireEvent.click(within(form).getByTestId('deal-create'));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/fairs/${FAIR_ID}/deals/d-9`));
    const created = calls.filter((c) => c.method === 'POST');
    expect(created).toHaveLength(1);
    expect(created[0].headers['Idempotency-Key']).toBeTruthy();
    expect(JSON.parse(created[0].body!)).toEqual({
      kind: 'Memorandum',
      lines: [
        { productId: 'p-rice', quantity: 500, unit: 'kg', unitPriceVnd: 40000, months: 3 },
        { productId: 'p-wine', quantity: 100, unit: 'bottle', unitPriceVnd: 150000, months: null },
      ],
      deliveryTerms: null,
      market: null,
      validFrom: null,
      validTo: null,
      producerId: 'p-1',
      buyerId: 'b-1',
      meetingId: 'm-1',
    });
  });

  it('checks the form before sending and says what is wrong where', async () => {
    window.history.replaceState(null, '', `/fairs/${FAIR_ID}/deals/new?producerId=p-1`);
    const calls = mockFetch(({ url }) => {
      if (url === '/api/me') return { body: buyer };
      if (url === `/api/fairs/${FAIR_ID}`) return { body: fairDetails() };
      if (url === '/api/producers/p-1') return { body: { producerId: 'p-1', name: 'HTX Nếp Hoa Vàng', products } };
      return undefined;
    });
    renderPage(<NewDealPage fairId={FAIR_ID} />);
    const form = await screen.findByTestId('deal-new-form');
    fireEvent.change(within(form).getByTestId('line-price'), { target: { value: '12,5' } });
    fireEvent.click(within(form).getByTestId('market-export'));
    fireEvent.change(within(form).getByTestId('market-name'), { target: { value: 'J' } });
    fireEvent.click(within(form).getByTestId('deal-create'));
    expect(screen.getByTestId('error-lines[0].quantity').textContent).toBe('Bắt buộc nhập.');
    expect(screen.getByTestId('error-lines[0].unitPriceVnd').textContent).toBe('Đơn giá phải là số đồng chẵn.');
    expect(screen.getByTestId('error-market.name').textContent).toBe('Mã nước gồm 2 chữ cái (ví dụ JP, KR, US).');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });
});
