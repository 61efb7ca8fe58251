// A producer's shop links as the profile form edits them: one address per row, the platform recognised from the
// address as the server recognises it (CatalogRules.PlatformOf).

import { isWebUrl } from './catalogue';
import type { ShopPlatform } from './types';

export const MAX_PROFILE_SHOP_LINKS = 10;

const PLATFORM_HOSTS: readonly [string, ShopPlatform][] = [
  ['postmart.vn', 'Postmart'],
  ['voso.vn', 'Voso'],
  ['shopee.vn', 'Shopee'],
  ['shp.ee', 'Shopee'],
  ['sendo.vn', 'Sendo'],
  ['tiki.vn', 'Tiki'],
];

/** The platform of a web address ("Shopee" for https://shopee.vn/…), "Website" for any other; null when it is no http(s) address. */
export function platformOf(url: string): ShopPlatform | null {
  const text = url.trim();
  if (!isWebUrl(text)) return null;
  const host = new URL(text).hostname.toLowerCase();
  for (const [known, platform] of PLATFORM_HOSTS) if (host === known || host.endsWith(`.${known}`)) return platform;
  return 'Website';
}

/**
 * The rows to send (blank rows left out, addresses trimmed; the server names the platform) and, keyed like the
 * server's errors (`shopLinks[i].url`, by the index sent), the rows that are no web address.
 */
export function shopLinksToSend(rows: readonly string[]): { links: { url: string }[]; errors: Record<string, string[]>; rowOf: number[] } {
  const links: { url: string }[] = [];
  const rowOf: number[] = [];
  const errors: Record<string, string[]> = {};
  rows.forEach((row, i) => {
    const url = row.trim();
    if (!url) return;
    if (!isWebUrl(url)) errors[`shopLinks[${links.length}].url`] = ['invalidShopUrl'];
    rowOf.push(i);
    links.push({ url });
  });
  return { links, errors, rowOf };
}
