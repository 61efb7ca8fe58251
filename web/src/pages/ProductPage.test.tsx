import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { ProductPage } from './ProductPage';
import { renderPage } from '../test/render';
import { mockFetch } from '../test/http';
import { product } from '../test/applications';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ProductPage (public card)', () => {
  it('shows the card without sign-in', async () => {
    const calls = mockFetch(({ url }) => {
      if (url === '/api/products/p1')
        return {
          body: {
            ...product('p1', {
              certifications: ['VietGAP', 'Organic'],
              shopLinks: [
                { platform: 'Postmart', url: 'https://postmart.vn/cam' },
                { platform: 'Website', url: 'javascript:alert(1)' },
              ],
            }),
            producer: { producerId: 'prod-3t', name: 'HTX 3T Cao Phong', district: 'Cao Phong', province: 'Hòa Bình', kind: 'Cooperative' },
          },
        };
      return undefined;
    });
    renderPage(
<ProductPage productId="p1" />,
);
    expect((await screen.findByTestId('product-card-name')).textContent).toBe('Cam Cao Phong');
    expect(screen.getByTestId('product-card-stars').textContent).toContain('★★★★');
    expect(screen.getByTestId('product-card-producer').textContent).toContain('HTX 3T Cao Phong');
    expect(screen.getByTestId('product-card-district').textContent).toBe('Cao Phong, Hòa Bình');
    expect(screen.getByTestId('product-card-certificate').textContent).toContain('123/QĐ-UBND');
    expect(screen.getByTestId('product-card-expiry').textContent).toBe('10/05/2027');
    expect(screen.getByTestId('product-card-certifications').textContent).toBe('VietGAPHữu cơ');
    expect(screen.getByText('35.000 ₫ – 50.000 ₫/kg')).toBeTruthy();
    expect(screen.getByText('2 tấn/tháng')).toBeTruthy();
    expect(screen.getByTestId('product-qr').getAttribute('src')).toBe('/api/products/p1/qr.svg');
    expect(screen.getByTestId('shop-link-0').getAttribute('href')).toBe('https://postmart.vn/cam');
    expect(screen.queryByTestId('shop-link-1')).toBeNull(); // not a web address
    expect(calls.map((c) => c.url)).toContain('/api/products/p1');
    // Not signed in: the producer's contact is offered behind sign-in.
    expect(screen.getByTestId('product-card-sign-in')).toBeTruthy();
  });

  it('says when the product does not exist', async () => {
    mockFetch(() => undefined);
    renderPage(
<ProductPage productId="nope" />,
);
    expect((await screen.findByTestId('product-not-found')).textContent).toBe('Không tìm thấy sản phẩm.');
  });
});
