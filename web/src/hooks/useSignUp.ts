// The sign-up page's data and actions: the server's password rules, the form, its checks (live, and the server's
// refusals per field in the user's language), and on success signing in and going on.

import { useCallback, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../lib/api';
import { useAuth } from '../lib/auth';
import type { FieldErrors } from '../lib/catalogue';
import { fieldErrorsOf, unplacedErrors } from '../lib/forms';
import { afterSignIn, isServerPage, passwordChecks, validateSignUp, type SignUpValues } from '../lib/signup';
import { currentLanguage } from '../i18n';

export const SIGN_UP_FIELDS = ['role', 'displayName', 'email', 'password', 'locale'] as const;

export function useSignUp(next: string | null) {
  const { t } = useTranslation();
  const { login } = useAuth();
  const navigate = useNavigate();
  const rulesQuery = useQuery({ queryKey: ['passwordRules'], queryFn: ({ signal }) => api.passwordRules(signal), staleTime: Infinity });
  const rules = rulesQuery.data;
  const [values, setValues] = useState<SignUpValues>(() => ({
    role: '',
    displayName: '',
    email: '',
    password: '',
    locale: currentLanguage(),
  }));
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const checks = useMemo(() => (rules ? passwordChecks(values.password, rules) : []), [rules, values.password]);
  const ownErrors = useMemo(() => validateSignUp(values, rules), [values, rules]);

  const set = useCallback(<K extends keyof SignUpValues>(key: K, value: SignUpValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    // A field's refusal holds until it changes.
    setServerErrors((e) => {
      if (!e[key]) return e;
      const rest = { ...e };
      delete rest[key];
      return rest;
    });
  }, []);

  /** Shown errors: the form's own once a submit was tried, then the server's. */
  const errors: FieldErrors = tried ? { ...ownErrors, ...serverErrors } : serverErrors;

  const submit = useCallback(async () => {
    setTried(true);
    setError(null);
    if (Object.keys(ownErrors).length > 0 || !values.role) {
      setError(t('form.fixErrors'));
      return;
    }
    setBusy(true);
    try {
      const email = values.email.trim();
      await api.register({
        email,
        password: values.password,
        role: values.role,
        displayName: values.displayName.trim(),
        locale: values.locale,
      });
      const me = await login(email, values.password);
      if (!me) {
        setError(t('login.noSession'));
        setBusy(false);
        return;
      }
      const to = values.role === 'Producer' ? '/producer' : afterSignIn(next);
      if (isServerPage(to)) window.location.assign(to);
      else void navigate(to, { replace: true });
    } catch (e) {
      const fields = fieldErrorsOf(e);
      setServerErrors(fields);
      const rest = unplacedErrors(fields, SIGN_UP_FIELDS);
      setError(rest.length ? rest.join(' ') : Object.keys(fields).length ? t('form.fixErrors') : errorMessage(e));
      setBusy(false);
    }
  }, [ownErrors, values, login, next, navigate, t]);

  return {
    values,
    set,
    rules,
    rulesError: rulesQuery.error,
    checks,
    errors,
    error,
    busy,
    submit,
  };
}
