// A buyer's ranked suppliers at a fair as data and actions, so MatchesPage is markup: the profile's needs as sections,
// the matches (refetched live on a `MatchesChanged` private event and after a reconnect), save / dismiss / undo,
// registration for the fair, and a meeting request for an exhibitor's free slot. Also the exhibitor's side:
// useInterestedBuyers.

import { useCallback, useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/api';
import { useAuth } from '../lib/auth';
import { isMatchesChanged, sectionsByNeed, withMark } from '../lib/matches';
import { isMeeting } from '../lib/meetings';
import { meetingsApi, type MatchItem, type MatchesSide } from '../lib/meetingsApi';
import { fairQuery } from '../lib/queries';
import type { HubConnectionLike } from '../lib/live';
import { usePrivateLive } from './usePrivateLive';

export const matchKeys = {
  buyerProfile: ['buyers', 'me'] as const,
  registration: (fairId: string) => ['fairs', fairId, 'buyers', 'me'] as const,
  /** Matches and interested buyers carry sentences in the UI language: each language is its own entry. */
  matches: (fairId: string, lang?: string) => (lang ? (['fairs', fairId, 'matches', lang] as const) : (['fairs', fairId, 'matches'] as const)),
  interested: (fairId: string, lang?: string) =>
    lang ? (['fairs', fairId, 'interested-buyers', lang] as const) : (['fairs', fairId, 'interested-buyers'] as const),
  slots: (fairId: string, producerId: string) => ['fairs', fairId, 'meetings', 'slots', producerId] as const,
  meetings: (fairId: string) => ['fairs', fairId, 'meetings'] as const,
};

interface LiveOptions {
  hubFactory?: () => Promise<HubConnectionLike>;
}

/** Keeps a list current on `MatchesChanged` for this fair and side (and after a reconnect). */
function useMatchesLive(fairId: string, side: MatchesSide, enabled: boolean, refetch: () => void, options: LiveOptions) {
  return usePrivateLive(enabled, {
    hubFactory: options.hubFactory,
    onReconnect: refetch,
    onEvent: (event) => {
      if (event.type === 'MatchesChanged' && isMatchesChanged(event.data, fairId, side)) refetch();
    },
  });
}

export function useMatches(fairId: string, options: LiveOptions = {}) {
  const queryClient = useQueryClient();
  const lang = useTranslation().i18n.language;
  const { me } = useAuth();
  const isBuyer = !!me?.buyerId;
  const fair = useQuery(fairQuery(fairId)).data ?? null;
  const profile = useQuery({ queryKey: matchKeys.buyerProfile, queryFn: ({ signal }) => meetingsApi.buyerProfile(signal), enabled: isBuyer });
  const registration = useQuery({
    queryKey: matchKeys.registration(fairId),
    queryFn: ({ signal }) => meetingsApi.registration(fairId, signal),
    enabled: isBuyer,
  });
  const ready = isBuyer && !!profile.data && !!registration.data;
  const matches = useQuery({
    queryKey: matchKeys.matches(fairId, lang),
    queryFn: ({ signal }) => meetingsApi.matches(fairId, signal),
    enabled: ready,
  });
  const refetch = useCallback(() => void queryClient.invalidateQueries({ queryKey: matchKeys.matches(fairId) }), [queryClient, fairId]);
  const live = useMatchesLive(fairId, 'buyer', ready, refetch, options);

  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  /** Exhibitors dismissed on this page, so the dismissal can be undone. */
  const [dismissed, setDismissed] = useState<MatchItem[]>([]);

  const mark = useMutation({
    mutationFn: ({ item, to }: { item: MatchItem; to: 'save' | 'dismiss' | 'clear' }) => meetingsApi.mark(fairId, item.producerId, to),
    onMutate: ({ item }) => setRowErrors(({ [item.producerId]: _, ...rest }) => rest),
    onSuccess: (_answer, { item, to }) => {
      const next = to === 'save' ? 'Saved' : to === 'dismiss' ? 'Dismissed' : 'None';
      queryClient.setQueryData(matchKeys.matches(fairId, lang), (old: { items: MatchItem[] } | undefined) =>
        old ? { items: withMark(old.items, item.producerId, next) } : old,
      );
      if (to === 'dismiss') setDismissed((d) => [item, ...d.filter((x) => x.producerId !== item.producerId)]);
      if (to === 'clear') setDismissed((d) => d.filter((x) => x.producerId !== item.producerId));
      refetch();
    },
    onError: (e, { item }) => setRowErrors((r) => ({ ...r, [item.producerId]: errorMessage(e) })),
  });

  const register = useMutation({
    mutationFn: () => meetingsApi.register(fairId),
    onSuccess: (answer) => queryClient.setQueryData(matchKeys.registration(fairId), answer),
  });

  const sections = useMemo(
    () => (profile.data && matches.data ? sectionsByNeed(profile.data.needs, matches.data.items) : null),
    [profile.data, matches.data],
  );

  const firstError = profile.error ?? registration.error ?? matches.error;
  return {
    fair,
    isBuyer,
    loading: isBuyer && (profile.isPending || registration.isPending || (ready && matches.isPending)),
    /** Null while loading; false when the buyer has no profile yet. */
    hasProfile: profile.data === undefined ? null : profile.data !== null,
    registered: registration.data === undefined ? null : registration.data !== null,
    sections,
    live,
    error: firstError ? errorMessage(firstError) : null,
    rowErrors,
    busy: mark.isPending ? mark.variables?.item.producerId ?? null : null,
    save: (item: MatchItem) => mark.mutate({ item, to: item.mark === 'Saved' ? 'clear' : 'save' }),
    dismiss: (item: MatchItem) => mark.mutate({ item, to: 'dismiss' }),
    undo: (item: MatchItem) => mark.mutate({ item, to: 'clear' }),
    dismissed,
    register: () => register.mutate(),
    registering: register.isPending,
    registerError: register.error ? errorMessage(register.error) : null,
  };
}

/** An exhibitor's free slots for the calling buyer, and a request for one. */
export function useMeetingRequest(fairId: string, producerId: string | null) {
  const queryClient = useQueryClient();
  const slots = useQuery({
    queryKey: matchKeys.slots(fairId, producerId ?? ''),
    queryFn: ({ signal }) => meetingsApi.slots(fairId, producerId!, signal),
    enabled: !!producerId,
    staleTime: 0,
  });
  const request = useMutation({
    mutationFn: ({ startsAt, note }: { startsAt: string; note?: string }) =>
      meetingsApi.request(fairId, producerId!, startsAt, note?.trim() || undefined),
    onSuccess: (meeting) => {
      if (isMeeting(meeting)) void queryClient.invalidateQueries({ queryKey: matchKeys.meetings(fairId) });
      void queryClient.invalidateQueries({ queryKey: matchKeys.slots(fairId, producerId ?? '') });
    },
  });
  return {
    slots: slots.data ?? null,
    loadingSlots: slots.isPending && !!producerId,
    slotsError: slots.error ? errorMessage(slots.error) : null,
    request: (startsAt: string, note?: string) => request.mutate({ startsAt, note }),
    requesting: request.isPending,
    requested: request.data ?? null,
    requestError: request.error ? errorMessage(request.error) : null,
    reset: () => request.reset(),
  };
}

/** The exhibitor's interested buyers at a fair, live on `MatchesChanged`. */
export function useInterestedBuyers(fairId: string, options: LiveOptions = {}) {
  const queryClient = useQueryClient();
  const lang = useTranslation().i18n.language;
  const { me } = useAuth();
  const isProducer = !!me?.producerId;
  const fair = useQuery(fairQuery(fairId)).data ?? null;
  const list = useQuery({
    queryKey: matchKeys.interested(fairId, lang),
    queryFn: ({ signal }) => meetingsApi.interestedBuyers(fairId, signal),
    enabled: isProducer,
  });
  const refetch = useCallback(() => void queryClient.invalidateQueries({ queryKey: matchKeys.interested(fairId) }), [queryClient, fairId]);
  const live = useMatchesLive(fairId, 'producer', isProducer, refetch, options);
  const items = useMemo(() => (list.data ? [...list.data.items].sort((a, b) => b.score - a.score) : null), [list.data]);
  return { fair, isProducer, items, live, error: list.error ? errorMessage(list.error) : null };
}
