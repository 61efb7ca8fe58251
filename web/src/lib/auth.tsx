import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from './api';
import { hasSavedLanguage, setLanguage } from '../i18n';
import type { Me } from './types';

interface AuthValue {
  me: Me | null;
  /** True until the first /api/me answer (or failure). */
  loading: boolean;
  refresh: () => Promise<Me | null>;
  login: (email: string, password: string) => Promise<Me | null>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function hasRole(me: Me | null, ...roles: string[]): boolean {
  return !!me && me.roles.some((r) => roles.includes(r));
}

/** Admins manage every fair; an organiser manages the fairs it created (the server answers 403 on the others). */
export function managesFair(me: Me | null, fair: { organiserId?: string } | null): boolean {
  if (hasRole(me, 'Admin')) return true;
  return hasRole(me, 'Organiser') && !!fair && (fair.organiserId === undefined || fair.organiserId === me?.userId);
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const user = await api.me();
      setMe(user);
      // Take the account's language unless this device chose one already.
      if (user && !hasSavedLanguage() && (user.locale === 'vi' || user.locale === 'en')) {
        setLanguage(user.locale, false);
      }
      return user;
    } catch {
      setMe(null);
      return null;
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const login = useCallback(
    async (email: string, password: string) => {
      await api.login(email, password);
      return refresh();
    },
    [refresh],
  );

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setMe(null);
    }
  }, []);

  const value = useMemo(
    () => ({ me, loading, refresh, login, logout }),
    [me, loading, refresh, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside <AuthProvider>');
  return value;
}
