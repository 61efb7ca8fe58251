import { describe, expect, it } from 'vitest';
import { platformOf, shopLinksToSend } from './shopLinks';

describe('shop links', () => {
  it('recognises platforms as the server does', () => {
    expect(platformOf('https://shopee.vn/htx')).toBe('Shopee');
    expect(platformOf(' https://m.shopee.vn/htx ')).toBe('Shopee');
    expect(platformOf('https://tiki.vn/cua-hang/x')).toBe('Tiki');
    expect(platformOf('https://postmart.vn/x')).toBe('Postmart');
    expect(platformOf('http://htx.example.vn')).toBe('Website');
    expect(platformOf('https://notshopee.vn')).toBe('Website');
    expect(platformOf('javascript:alert(1)')).toBeNull();
    expect(platformOf('shopee.vn/htx')).toBeNull();
  });

  it('sends the filled rows and flags the ones that are no web address by the index sent', () => {
    const { links, errors, rowOf } = shopLinksToSend(['', ' https://shopee.vn/a ', 'ftp://x', 'https://b.vn']);
    expect(links).toEqual([{ url: 'https://shopee.vn/a' }, { url: 'ftp://x' }, { url: 'https://b.vn' }]);
    expect(errors).toEqual({ 'shopLinks[1].url': ['invalidShopUrl'] });
    expect(rowOf).toEqual([1, 2, 3]);
  });
});
