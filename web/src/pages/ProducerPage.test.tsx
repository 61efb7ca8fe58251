import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ProducerPage } from './ProducerPage';
import { renderPage as renderInApp } from '../test/render';
import { mockFetch } from '../test/http';
import { producer, product } from '../test/applications';

const me = { userId: 'u2', email: 'htx3t@demo.ocop', roles: ['Producer'], displayName: 'HTX 3T', locale: 'vi' };

afterEach(() => {
  vi.unstubAllGlobals();
});

function renderPage() {
  renderInApp(
<ProducerPage />,
);
}

describe('ProducerPage', () => {
  it('creates a profile and shows field errors next to the fields', async () => {
    let saved = false;
    const calls = mockFetch(({ url, method, body }) => {
      if (url === '/api/me') return { body: me };
      if (url === '/api/producers/me' && method === 'GET') return saved ? { body: producer([]) } : { status: 404, body: { title: 'Not Found', status: 404 } };
      if (url === '/api/producers/me' && method === 'PUT') {
        const profile = JSON.parse(body!) as { phone: string | null };
        if (profile.phone === '12')
          return { status: 400, body: { title: 'Dữ liệu không hợp lệ', status: 400, errors: { Phone: ['Số điện thoại không hợp lệ.'], district: ['Bắt buộc nhập.'] } } };
        saved = true;
        return { body: producer([], { complete: false }) };
      }
      return undefined;
    });
    renderPage();
    await screen.findByTestId('profile-form');
    expect(screen.queryByTestId('add-product')).toBeNull(); // no catalogue before a profile
    fireEvent.change(screen.getByTestId('profile-name'), { target: { value: 'HTX Hà Phong' } });
    fireEvent.change(screen.getByTestId('profile-phone'), { target: { value: '12' } });
    fireEvent.click(screen.getByTestId('profile-save'));
    expect((await screen.findByTestId('error-phone')).textContent).toBe('Số điện thoại không hợp lệ.');
    expect(screen.getByTestId('error-district').textContent).toBe('Bắt buộc nhập.');
    expect(screen.getByTestId('profile-phone').getAttribute('aria-invalid')).toBe('true');
    // the error sits inside the phone field's label
    expect(screen.getByTestId('profile-phone').closest('label')!.contains(screen.getByTestId('error-phone'))).toBe(true);

    fireEvent.change(screen.getByTestId('profile-phone'), { target: { value: '0912 345 678' } });
    fireEvent.click(screen.getByTestId('profile-save'));
    await screen.findByTestId('profile-saved');
    expect(screen.queryByTestId('error-phone')).toBeNull();
    expect(screen.getByTestId('profile-incomplete')).toBeTruthy();
    expect(screen.getByTestId('add-product')).toBeTruthy();
    const put = calls.filter((c) => c.method === 'PUT').at(-1)!;
    expect(JSON.parse(put.body!)).toMatchObject({ name: 'HTX Hà Phong', kind: 'Cooperative', phone: '0912 345 678', email: null });
  });

  it('lists products with expiry warnings and adds, edits and deletes them', async () => {
    const list = [
      product('p1', { name: 'Cam Cao Phong' }),
      product('p2', { name: 'Rượu cam', expiringSoon: true, certificateExpiresOn: '2025-04-01' }),
      product('p3', { name: 'Nước cam lên men', expired: true, expiringSoon: false, certificateExpiresOn: '2024-12-31' }),
    ];
    const calls = mockFetch(({ url, method, body }) => {
      if (url === '/api/me') return { body: me };
      if (url === '/api/producers/me' && method === 'GET') return { body: producer(list) };
      if (url === '/api/producers/me/products' && method === 'POST') {
        const input = JSON.parse(body!) as { shopLinks: { url: string }[] };
        if (input.shopLinks.length > 0 && input.shopLinks[0].url.includes('bad'))
          return { status: 400, body: { title: 'Dữ liệu không hợp lệ', status: 400, errors: { 'shopLinks[0].url': ['invalidUrl'] } } };
        return { status: 201, body: product('p4', { ...input, certificateExpiresOn: '2028-01-02' } as never) };
      }
      if (url === '/api/producers/me/products/p1' && method === 'PUT')
        return { body: product('p1', JSON.parse(body!) as never) };
      if (url === '/api/producers/me/products/p3' && method === 'DELETE') return { status: 204 };
      return undefined;
    });
    renderPage();
    await screen.findByTestId('product-p1');
    expect(screen.queryByTestId('expiry-warning-p1')).toBeNull();
    expect(screen.getByTestId('expiry-warning-p2').getAttribute('data-state')).toBe('expiringSoon');
    expect(screen.getByTestId('expiry-warning-p2').textContent).toContain('01/04/2025');
    expect(screen.getByTestId('expiry-warning-p3').getAttribute('data-state')).toBe('expired');
    expect(screen.getByTestId('product-link-p1').getAttribute('href')).toBe('/products/p1');

    // add: the browser checks first, then the server's field errors land on the right row
    fireEvent.click(screen.getByTestId('add-product'));
    fireEvent.click(screen.getByTestId('product-save'));
    expect(screen.getByTestId('error-name').textContent).toBe('Bắt buộc nhập.');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByTestId('product-name'), { target: { value: 'Mật ong rừng Hợp Tiến' } });
    fireEvent.change(screen.getByTestId('product-group'), { target: { value: 'Food' } });
    fireEvent.change(screen.getByTestId('product-stars'), { target: { value: '3' } });
    fireEvent.change(screen.getByTestId('product-certificate-no'), { target: { value: '45/QĐ-UBND' } });
    fireEvent.change(screen.getByTestId('product-certificate-level'), { target: { value: 'District' } });
    fireEvent.change(screen.getByTestId('product-certified-on'), { target: { value: '2025-01-02' } });
    expect(screen.getByText('Để trống: hết hạn 02/01/2028 (36 tháng sau ngày công nhận).')).toBeTruthy();
    fireEvent.click(screen.getByTestId('product-cert-VietGAP'));
    fireEvent.click(screen.getByTestId('product-cert-ISO-22000'));
    fireEvent.change(screen.getByTestId('product-capacity-quantity'), { target: { value: '1,5' } });
    fireEvent.change(screen.getByTestId('product-capacity-unit'), { target: { value: 'ta' } });
    fireEvent.change(screen.getByTestId('product-price-min'), { target: { value: '250.000' } });
    fireEvent.change(screen.getByTestId('product-price-max'), { target: { value: '300.000' } });
    fireEvent.change(screen.getByTestId('product-price-unit'), { target: { value: 'bottle' } });
    fireEvent.click(screen.getByTestId('add-shop-link'));
    fireEvent.click(screen.getByTestId('add-shop-link'));
    fireEvent.change(screen.getByTestId('shop-link-platform-1'), { target: { value: 'Shopee' } });
    fireEvent.change(screen.getByTestId('shop-link-url-1'), { target: { value: 'https://bad.example' } });
    fireEvent.click(screen.getByTestId('product-save'));
    expect((await screen.findByTestId('error-shopLinks[1].url')).textContent).toBe(
      'Địa chỉ phải bắt đầu bằng https:// hoặc http://.',
    );
    fireEvent.change(screen.getByTestId('shop-link-url-1'), { target: { value: 'https://shopee.vn/mat-ong' } });
    fireEvent.click(screen.getByTestId('product-save'));
    await screen.findByTestId('product-p4');
    expect(screen.queryByTestId('product-form')).toBeNull();
    const post = calls.filter((c) => c.method === 'POST').at(-1)!;
    expect(JSON.parse(post.body!)).toEqual({
      name: 'Mật ong rừng Hợp Tiến',
      group: 'Food',
      subGroup: null,
      description: null,
      stars: 3,
      certificateNo: '45/QĐ-UBND',
      certificateLevel: 'District',
      certifiedOn: '2025-01-02',
      certificateExpiresOn: null,
      certifications: ['VietGAP', 'ISO 22000'],
      capacityPerMonth: { quantity: 1.5, unit: 'ta' },
      priceRange: { min: 250000, max: 300000, unit: 'bottle' },
      shopLinks: [{ platform: 'Shopee', url: 'https://shopee.vn/mat-ong' }],
    });

    // edit
    fireEvent.click(screen.getByTestId('edit-product-p1'));
    expect((screen.getByTestId('product-name') as HTMLInputElement).value).toBe('Cam Cao Phong');
    fireEvent.change(screen.getByTestId('product-stars'), { target: { value: '5' } });
    fireEvent.click(screen.getByTestId('product-save'));
    await waitFor(() => expect(screen.queryByTestId('product-form')).toBeNull());
    expect(JSON.parse(calls.find((c) => c.method === 'PUT')!.body!).stars).toBe(5);
    expect(screen.getByTestId('product-p1').textContent).toContain('★★★★★');

    // delete asks once more
    fireEvent.click(screen.getByTestId('delete-product-p3'));
    fireEvent.click(screen.getByTestId('confirm-delete-p3'));
    await waitFor(() => expect(screen.queryByTestId('product-p3')).toBeNull());
  });
});
