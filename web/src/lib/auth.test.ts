import { describe, expect, it } from 'vitest';
import { managesFair } from './auth';
import type { Me } from './types';

const me = (userId: string, ...roles: string[]): Me => ({ userId, email: `${userId}@demo.ocop`, roles } as Me);

describe('managesFair', () => {
  it('lets an organiser manage only the fairs it created', () => {
    expect(managesFair(me('u1', 'Organiser'), { organiserId: 'u1' })).toBe(true);
    expect(managesFair(me('u2', 'Organiser'), { organiserId: 'u1' })).toBe(false);
  });

  it('lets an admin manage every fair, and nobody else', () => {
    expect(managesFair(me('a', 'Admin'), { organiserId: 'u1' })).toBe(true);
    expect(managesFair(me('p', 'Producer'), { organiserId: 'p' })).toBe(false);
    expect(managesFair(null, { organiserId: 'u1' })).toBe(false);
    expect(managesFair(me('u1', 'Organiser'), null)).toBe(false);
  });
});
