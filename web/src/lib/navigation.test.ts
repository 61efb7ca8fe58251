import { describe, expect, it } from 'vitest';
import { matchRoutes } from 'react-router';
import { routes } from '../routes';
import { safeNext } from './navigation';

/** The route a deep link opens, and its decoded params. */
function open(path: string) {
  const match = matchRoutes(routes, path)?.at(-1);
  return match ? { route: match.route.index ? '/' : match.route.path, params: match.params } : null;
}

describe('routes', () => {
  it('open deep links with their params', () => {
    expect(open('/')?.route).toBe('/');
    expect(open('/fairs/abc%20d')).toEqual({ route: 'fairs/:fairId', params: { fairId: 'abc d' } });
    expect(open('/fairs/abc/')?.params).toEqual({ fairId: 'abc' });
    expect(open('/fairs/f1/display')?.route).toBe('fairs/:fairId/display');
    expect(open('/products/p1')).toEqual({ route: 'products/:productId', params: { productId: 'p1' } });
    expect(open('/fairs')?.route).toBe('*');
    expect(open('/inbox')?.route).toBe('inbox');
  });

  it('only follows same-site paths after sign-in', () => {
    expect(safeNext('/fairs/1?x=1')).toBe('/fairs/1?x=1');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
