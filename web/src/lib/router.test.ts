import { describe, expect, it } from 'vitest';
import { matchPath, safeNext } from './router';

describe('router', () => {
  it('matches paths with params', () => {
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/fairs/:fairId', '/fairs/abc%20d')).toEqual({ fairId: 'abc d' });
    expect(matchPath('/fairs/:fairId', '/fairs/abc/')).toEqual({ fairId: 'abc' });
    expect(matchPath('/fairs/:fairId', '/fairs')).toBeNull();
    expect(matchPath('/inbox', '/login')).toBeNull();
  });

  it('only follows same-site paths after sign-in', () => {
    expect(safeNext('/fairs/1?x=1')).toBe('/fairs/1?x=1');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
