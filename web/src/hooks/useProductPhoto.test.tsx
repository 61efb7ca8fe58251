import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, waitFor } from '@testing-library/react';
import { renderHookInApp } from '../test/render';
import { mockFetch } from '../test/http';
import { useProductPhoto } from './useProductPhoto';
import { MAX_PHOTO_BYTES } from '../lib/productCard';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useProductPhoto', () => {
  it('shows the stored photo, sends a new one as the body and removes it', async () => {
    const calls = mockFetch(({ url, method }) => {
      if (url === '/api/products/p1' && method === 'GET') return { body: { productId: 'p1', photoUrl: '/api/products/p1/photo?v=a' } };
      if (url === '/api/producers/me/products/p1/photo' && method === 'PUT') return { body: { photoUrl: '/api/products/p1/photo?v=b' } };
      if (url === '/api/producers/me/products/p1/photo' && method === 'DELETE') return { status: 204 };
      return undefined;
    });
    const { result } = renderHookInApp(() => useProductPhoto('p1'));
    await waitFor(() => expect(result.current.photoUrl).toBe('/api/products/p1/photo?v=a'));

    await act(() => result.current.upload(new File(['png-bytes'], 'cam.png', { type: 'image/png' })));
    expect(result.current.photoUrl).toBe('/api/products/p1/photo?v=b');
    expect(result.current.message).toBe('Đã lưu ảnh.');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.headers['Content-Type']).toBe('image/png');
    expect(put.body).toBe('png-bytes');

    await act(() => result.current.remove());
    expect(result.current.photoUrl).toBeNull();
  });

  it('does not send a file the server would refuse, and says why in words', async () => {
    const calls = mockFetch(() => undefined);
    const { result } = renderHookInApp(() => useProductPhoto('p1'));
    const big = new File([new Uint8Array(MAX_PHOTO_BYTES + 1)], 'big.jpg', { type: 'image/jpeg' });
    await act(() => result.current.upload(big));
    expect(result.current.error).toBe('Ảnh quá lớn (tối đa 5 MB).');
    await act(() => result.current.upload(new File(['GIF89a'], 'a.gif', { type: 'image/gif' })));
    expect(result.current.error).toBe('Ảnh phải là tệp JPEG, PNG hoặc WebP.');
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });
});
