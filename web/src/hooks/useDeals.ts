// The fair's deals for the signed-in user, so DealsPage is markup: a buyer's or an exhibitor's own deals grouped by
// status (waiting for signatures, signed, drafts, cancelled); the organiser's: the fair's signed and active deals.
// Kept current by `DealChanged` private events (the parties') and fetched again after a reconnect.

import { useCallback, useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../lib/api';
import { managesFair, useAuth } from '../lib/auth';
import { asOf, groupDeals, isDeal, todayIn, upsertDeal } from '../lib/deals';
import { dealsApi, type Deal, type MeetingSide } from '../lib/dealsApi';
import { DEFAULT_TIME_ZONE } from '../lib/format';
import type { HubConnectionLike } from '../lib/live';
import { fairQuery } from '../lib/queries';
import { usePrivateLive } from './usePrivateLive';

export const dealKeys = {
  list: (fairId: string) => ['fairs', fairId, 'deals'] as const,
  one: (fairId: string, dealId: string) => ['fairs', fairId, 'deals', 'one', dealId] as const,
  versions: (fairId: string, dealId: string) => ['fairs', fairId, 'deals', 'one', dealId, 'versions'] as const,
};

/** The list as the server answers it: `{items}` (or a bare array). */
export type DealList = { items: Deal[] };
export const itemsOf = (answer: unknown): Deal[] =>
  Array.isArray(answer) ? (answer as Deal[]) : ((answer as { items?: Deal[] } | null)?.items ?? []);

export interface DealsOptions {
  hubFactory?: () => Promise<HubConnectionLike>;
}

export function useDeals(fairId: string, options: DealsOptions = {}) {
  const queryClient = useQueryClient();
  const { me, loading: authLoading } = useAuth();
  const fair = useQuery(fairQuery(fairId)).data ?? null;
  const side: MeetingSide | null = me?.buyerId ? 'Buyer' : me?.producerId ? 'Producer' : null;
  const organiser = !side && managesFair(me, fair);
  const enabled = !!me && (!!side || organiser);

  const list = useQuery({
    queryKey: dealKeys.list(fairId),
    queryFn: async ({ signal }): Promise<DealList> => ({ items: itemsOf(await dealsApi.list(fairId, signal)) }),
    enabled,
    // `DealChanged` goes to the parties only; the organiser's list (the results board is its live view) looks again now and then.
    refetchInterval: organiser ? 30_000 : false,
  });
  const refetch = useCallback(() => void queryClient.invalidateQueries({ queryKey: dealKeys.list(fairId) }), [queryClient, fairId]);
  const live = usePrivateLive(enabled, {
    hubFactory: options.hubFactory,
    onReconnect: refetch,
    onEvent: (event) => {
      if (event.type !== 'DealChanged' || !isDeal(event.data) || event.data.fairId !== fairId) return;
      const deal = event.data;
      queryClient.setQueryData(dealKeys.list(fairId), (old: DealList | undefined) => ({ items: upsertDeal(old?.items ?? [], deal) }));
      queryClient.setQueryData(dealKeys.one(fairId, deal.dealId), deal);
    },
  });

  const today = todayIn(fair?.timeZone ?? DEFAULT_TIME_ZONE);
  const items = useMemo(() => (list.data ? list.data.items.map((d) => asOf(d, today)) : null), [list.data, today]);
  const groups = useMemo(() => (items ? groupDeals(items) : null), [items]);

  return {
    fair,
    side,
    organiser,
    signedIn: !!me,
    authLoading,
    items,
    groups,
    live,
    error: list.error ? errorMessage(list.error) : null,
  };
}
