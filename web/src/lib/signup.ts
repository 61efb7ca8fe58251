// Accounts in the web app: the password rules as the server states them (GET /api/auth/password-rules) checked live
// as a new password is typed, the sign-up form's own checks, and where a sign-in leads next.

import type { components } from '../api/schema';
import type { FieldErrors } from './catalogue';
import { safeNext } from './navigation';

export type PasswordRules = components['schemas']['PasswordRulesResponse'];
export type SignUpRole = 'Producer' | 'Buyer';
export type PasswordRuleKey = 'length' | 'digit' | 'lower' | 'upper' | 'symbol' | 'unique';

export interface PasswordCheck {
  key: PasswordRuleKey;
  met: boolean;
  /** The number the rule names (characters, different characters). */
  count?: number;
}

// ASP.NET Core Identity's PasswordValidator: ASCII digits and letters; anything else is a symbol.
const isDigit = (c: string) => c >= '0' && c <= '9';
const isLower = (c: string) => c >= 'a' && c <= 'z';
const isUpper = (c: string) => c >= 'A' && c <= 'Z';

/** Each rule the server enforces, and whether `password` meets it (as the server counts: UTF-16 code units). */
export function passwordChecks(password: string, rules: PasswordRules): PasswordCheck[] {
  const chars = [...password];
  const checks: PasswordCheck[] = [
    { key: 'length', met: password.length >= rules.requiredLength && password.length <= rules.maxLength, count: rules.requiredLength },
  ];
  if (rules.requireDigit) checks.push({ key: 'digit', met: chars.some(isDigit) });
  if (rules.requireLowercase) checks.push({ key: 'lower', met: chars.some(isLower) });
  if (rules.requireUppercase) checks.push({ key: 'upper', met: chars.some(isUpper) });
  if (rules.requireNonAlphanumeric)
    checks.push({ key: 'symbol', met: chars.some((c) => !isDigit(c) && !isLower(c) && !isUpper(c)) });
  if (rules.requiredUniqueChars > 1)
    checks.push({ key: 'unique', met: new Set(password).size >= rules.requiredUniqueChars, count: rules.requiredUniqueChars });
  return checks;
}

export interface SignUpValues {
  role: SignUpRole | '';
  displayName: string;
  email: string;
  password: string;
  locale: 'vi' | 'en';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Client-side codes (fieldErrors.* texts) for what the server would refuse; empty when the form may be sent. */
export function validateSignUp(v: SignUpValues, rules: PasswordRules | undefined): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.role) errors.role = ['signUpChooseRole'];
  if (!v.displayName.trim()) errors.displayName = ['required'];
  else if (v.displayName.trim().length > 200) errors.displayName = ['tooLong'];
  if (!EMAIL.test(v.email.trim())) errors.email = ['invalidEmail'];
  if (!v.password) errors.password = ['required'];
  else if (rules && passwordChecks(v.password, rules).some((c) => !c.met)) errors.password = ['signUpWeakPassword'];
  return errors;
}

/** Pages the server serves itself (not routes of this app): reached by a full page load. */
export const SERVER_PAGES = ['/hangfire', '/orleans', '/api/docs'] as const;

export function isServerPage(path: string): boolean {
  const bare = path.split(/[?#]/)[0];
  return SERVER_PAGES.some((p) => bare === p || bare.startsWith(`${p}/`));
}

/** Where to go after signing in or up: a safe `next`, never back to the sign-in or sign-up page itself. */
export function afterSignIn(next: string | null | undefined, fallback = '/'): string {
  const path = safeNext(next);
  if (path === '/' || path.startsWith('/login') || path.startsWith('/signup')) return fallback;
  return path;
}

/** The sign-in page, coming back to `here` (a path of this site) afterwards. */
export function signInPath(here: string): string {
  return `/login?next=${encodeURIComponent(safeNext(here))}`;
}
