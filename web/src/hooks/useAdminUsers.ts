// The admin's accounts page: the list of accounts, and a form that makes organiser (or admin) accounts with the
// server's password rules checked as they are typed.

import { useCallback, useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../lib/api';
import type { FieldErrors } from '../lib/catalogue';
import { fieldErrorsOf, unplacedErrors } from '../lib/forms';
import { passwordChecks } from '../lib/signup';
import { currentLanguage } from '../i18n';

export type StaffRole = 'Organiser' | 'Admin';

export interface NewAccount {
  role: StaffRole;
  displayName: string;
  email: string;
  password: string;
  locale: 'vi' | 'en';
}

const usersKey = ['admin', 'users'] as const;
const FIELDS = ['role', 'displayName', 'email', 'password', 'locale'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const blank = (): NewAccount => ({ role: 'Organiser', displayName: '', email: '', password: '', locale: currentLanguage() });

export function useAdminUsers() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: usersKey, queryFn: ({ signal }) => api.users(signal) });
  const rules = useQuery({ queryKey: ['passwordRules'], queryFn: ({ signal }) => api.passwordRules(signal), staleTime: Infinity });
  const [values, setValues] = useState<NewAccount>(blank);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  const checks = useMemo(() => (rules.data ? passwordChecks(values.password, rules.data) : []), [rules.data, values.password]);
  const ownErrors = useMemo(() => {
    const e: FieldErrors = {};
    if (!values.displayName.trim()) e.displayName = ['required'];
    if (!EMAIL.test(values.email.trim())) e.email = ['invalidEmail'];
    if (!values.password) e.password = ['required'];
    else if (checks.some((c) => !c.met)) e.password = ['signUpWeakPassword'];
    return e;
  }, [values, checks]);
  const errors = tried ? { ...ownErrors, ...serverErrors } : serverErrors;

  const set = useCallback(<K extends keyof NewAccount>(key: K, value: NewAccount[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setServerErrors((e) => {
      if (!e[key]) return e;
      const rest = { ...e };
      delete rest[key];
      return rest;
    });
  }, []);

  const create = useCallback(async () => {
    setTried(true);
    setError(null);
    setCreated(null);
    if (Object.keys(ownErrors).length > 0) {
      setError(t('form.fixErrors'));
      return;
    }
    setBusy(true);
    try {
      const user = await api.createUser({ ...values, email: values.email.trim(), displayName: values.displayName.trim() });
      setCreated(user.email);
      setValues(blank());
      setTried(false);
      setServerErrors({});
      await queryClient.invalidateQueries({ queryKey: usersKey });
    } catch (e) {
      const fields = fieldErrorsOf(e);
      setServerErrors(fields);
      const rest = unplacedErrors(fields, FIELDS);
      setError(rest.length ? rest.join(' ') : Object.keys(fields).length ? t('form.fixErrors') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  }, [ownErrors, values, queryClient, t]);

  return { users: users.data, usersError: users.error, values, set, checks, errors, error, busy, created, create };
}
