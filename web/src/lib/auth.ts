import { useCallback } from 'react';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api';
import { hasSavedLanguage, setLanguage } from '../i18n';
import { keys } from './queries';
import type { Me } from './types';

export interface Auth {
  me: Me | null;
  /** True until the first /api/me answer (or failure). */
  loading: boolean;
  refresh: () => Promise<Me | null>;
  login: (email: string, password: string) => Promise<Me | null>;
  logout: () => Promise<void>;
}

export function hasRole(me: Me | null, ...roles: string[]): boolean {
  return !!me && me.roles.some((r) => roles.includes(r));
}

/** Admins manage every fair; an organiser manages the fairs it created (the server answers 403 on the others). */
export function managesFair(me: Me | null, fair: { organiserId?: string } | null): boolean {
  if (hasRole(me, 'Admin')) return true;
  return hasRole(me, 'Organiser') && !!fair && (fair.organiserId === undefined || fair.organiserId === me?.userId);
}

/** The signed-in user (null when signed out, or when /api/me cannot be reached). */
export const meQuery = () =>
  queryOptions({
    queryKey: keys.me,
    queryFn: async ({ signal }): Promise<Me | null> => {
      const user = await api.me(signal).catch(() => null);
      // Take the account's language unless this device chose one already.
      if (user && !hasSavedLanguage() && (user.locale === 'vi' || user.locale === 'en')) setLanguage(user.locale, false);
      return user;
    },
    staleTime: Infinity,
  });

/** Who is signed in, from the query cache: every component asking shares one /api/me call. */
export function useAuth(): Auth {
  const queryClient = useQueryClient();
  const { data, isPending } = useQuery(meQuery());

  const refresh = useCallback(() => queryClient.fetchQuery({ ...meQuery(), staleTime: 0 }), [queryClient]);

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
      // What was loaded for this user is not the next one's.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== keys.me[0] });
      queryClient.setQueryData(keys.me, null);
    }
  }, [queryClient]);

  return { me: data ?? null, loading: isPending, refresh, login, logout };
}
