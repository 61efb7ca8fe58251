import { describe, expect, it } from 'vitest';
import { afterSignIn, isServerPage, passwordChecks, signInPath, validateSignUp, type PasswordRules } from './signup';
import { safeNext } from './navigation';

const identityDefaults: PasswordRules = {
  requiredLength: 8,
  maxLength: 256,
  requireDigit: true,
  requireLowercase: true,
  requireUppercase: true,
  requireNonAlphanumeric: true,
  requiredUniqueChars: 1,
};

const met = (password: string, rules = identityDefaults) =>
  Object.fromEntries(passwordChecks(password, rules).map((c) => [c.key, c.met]));

describe('password rules, as the server states them', () => {
  it('ticks each rule as the password grows', () => {
    expect(met('')).toEqual({ length: false, digit: false, lower: false, upper: false, symbol: false });
    expect(met('mat')).toEqual({ length: false, digit: false, lower: true, upper: false, symbol: false });
    expect(met('Mat-khau')).toEqual({ length: true, digit: false, lower: true, upper: true, symbol: true });
    expect(met('Mat-khau-9')).toEqual({ length: true, digit: true, lower: true, upper: true, symbol: true });
  });

  it('counts as Identity does: only ASCII letters and digits are not symbols', () => {
    expect(met('ĐẶvăn12')).toMatchObject({ upper: false, lower: true, symbol: true });
  });

  it('lists only the rules configured, with their numbers', () => {
    const loose: PasswordRules = { ...identityDefaults, requireDigit: false, requireNonAlphanumeric: false, requiredLength: 12, requiredUniqueChars: 4 };
    const checks = passwordChecks('aaaaaaaaaaAA', loose);
    expect(checks.map((c) => c.key)).toEqual(['length', 'lower', 'upper', 'unique']);
    expect(checks[0]).toEqual({ key: 'length', met: true, count: 12 });
    expect(checks[3]).toEqual({ key: 'unique', met: false, count: 4 });
  });
});

describe('the sign-up form', () => {
  it('asks for a role, a name, an e-mail and a strong password', () => {
    expect(validateSignUp({ role: '', displayName: ' ', email: 'x', password: 'abc', locale: 'vi' }, identityDefaults)).toEqual({
      role: ['signUpChooseRole'],
      displayName: ['required'],
      email: ['invalidEmail'],
      password: ['signUpWeakPassword'],
    });
    expect(
      validateSignUp({ role: 'Producer', displayName: 'HTX Cao Phong', email: 'htx@example.vn', password: 'Mat-khau-9', locale: 'en' }, identityDefaults),
    ).toEqual({});
  });
});

describe('where a sign-in leads', () => {
  it('follows only same-site paths', () => {
    expect(safeNext('/fairs/f1?booth=A01')).toBe('/fairs/f1?booth=A01');
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil.example', '/\t/evil.example', 'javascript:alert(1)', '', null]) {
      expect(safeNext(bad)).toBe('/');
    }
  });

  it('never goes back to the sign-in or sign-up page', () => {
    expect(afterSignIn('/login?next=%2Fx')).toBe('/');
    expect(afterSignIn('/signup')).toBe('/');
    expect(afterSignIn('/', '/producer')).toBe('/producer');
    expect(afterSignIn('/fairs/f1/apply')).toBe('/fairs/f1/apply');
  });

  it('knows the server’s own pages and builds the sign-in link', () => {
    expect(isServerPage('/hangfire')).toBe(true);
    expect(isServerPage('/orleans/')).toBe(true);
    expect(isServerPage('/api/docs/?x=1')).toBe(true);
    expect(isServerPage('/hangfire-not')).toBe(false);
    expect(isServerPage('/fairs/f1')).toBe(false);
    expect(signInPath('/fairs/f1?booth=A01')).toBe('/login?next=%2Ffairs%2Ff1%3Fbooth%3DA01');
    expect(signInPath('//evil')).toBe('/login?next=%2F');
  });
});
