// One deal as data and actions, so DealPage is markup: its terms, totals and status as of today, every version with
// its signatures, what the signed-in side may do now (sign this version, propose, change — a new version —, cancel
// with a reason, follow up at 3 and 6 months, allow prices on the public page), and field errors from the server's
// problems. Kept current by `DealChanged` private events and fetched again after a reconnect, so one side sees the
// other's new version without reloading. `useNewDeal` is the form that drafts a deal, prefilled from a held meeting.

import { useCallback, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, errorMessage, newIdempotencyKey } from '../lib/api';
import { useAuth } from '../lib/auth';
import type { FieldErrors } from '../lib/catalogue';
import {
  asOf,
  dealActions,
  emptyLine,
  formToNewDeal,
  formToTerms,
  formTotals,
  isDeal,
  sideIn,
  termsToForm,
  todayIn,
  upsertDeal,
  validateDealForm,
  waitingFor,
  type DealForm,
  emptyDealForm,
  suggestedUnitPrice,
} from '../lib/deals';
import { dealsApi, type Deal, type DealVersion, type FollowUpBody, type MeetingSide } from '../lib/dealsApi';
import { DEFAULT_TIME_ZONE } from '../lib/format';
import { fieldErrorsOf } from '../lib/forms';
import type { HubConnectionLike } from '../lib/live';
import { meetingsApi } from '../lib/meetingsApi';
import { fairQuery } from '../lib/queries';
import type { Product } from '../lib/types';
import { dealKeys, type DealList } from './useDeals';
import { matchKeys } from './useMatches';
import { usePrivateLive } from './usePrivateLive';

export interface DealOptions {
  hubFactory?: () => Promise<HubConnectionLike>;
}

export type DealAction =
  | { kind: 'sign'; version: number }
  | { kind: 'propose' }
  | { kind: 'change'; form: DealForm }
  | { kind: 'cancel'; reason: string }
  | { kind: 'followUp'; body: FollowUpBody }
  | { kind: 'showPrices'; show: boolean };

/** The exhibitor's products (its public profile), for the lines' product choice. */
function useProducerProducts(producerId: string | null) {
  const producer = useQuery({
    queryKey: ['producers', 'public', producerId ?? ''] as const,
    queryFn: ({ signal }) => api.publicProducer(producerId!, signal),
    enabled: !!producerId,
    staleTime: 5 * 60_000,
  });
  return { producer: producer.data ?? null, products: (producer.data?.products ?? []) as Product[], error: producer.error };
}

/** A line's unit and price as the product's card suggests them. */
export function suggestLine(product: Product | undefined) {
  const unit = product?.priceRange?.unit ?? product?.capacityPerMonth?.unit ?? 'kg';
  return { ...emptyLine(product?.productId ?? '', unit), unitPrice: suggestedUnitPrice(product) };
}

const versionsOf = (answer: unknown): DealVersion[] =>
  (Array.isArray(answer) ? (answer as DealVersion[]) : ((answer as { items?: DealVersion[] } | null)?.items ?? [])).slice().sort((a, b) => a.version - b.version);

export function useDeal(fairId: string, dealId: string, options: DealOptions = {}) {
  const queryClient = useQueryClient();
  const { me, loading: authLoading } = useAuth();
  const fair = useQuery(fairQuery(fairId)).data ?? null;
  const enabled = !!me;

  const one = useQuery({ queryKey: dealKeys.one(fairId, dealId), queryFn: ({ signal }) => dealsApi.get(fairId, dealId, signal), enabled });
  const versions = useQuery({
    queryKey: dealKeys.versions(fairId, dealId),
    queryFn: async ({ signal }) => versionsOf(await dealsApi.versions(fairId, dealId, signal)),
    enabled: enabled && one.isSuccess,
  });

  const write = useCallback(
    (deal: Deal) => {
      const held = queryClient.getQueryData<Deal>(dealKeys.one(fairId, dealId));
      if (held && held.revision > deal.revision) return;
      queryClient.setQueryData(dealKeys.one(fairId, dealId), deal);
      queryClient.setQueryData(dealKeys.list(fairId), (old: DealList | undefined) => (old ? { items: upsertDeal(old.items, deal) } : old));
      if (!held || held.version !== deal.version || held.revision !== deal.revision)
        void queryClient.invalidateQueries({ queryKey: dealKeys.versions(fairId, dealId) });
    },
    [queryClient, fairId, dealId],
  );
  const refetch = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: dealKeys.one(fairId, dealId) });
  }, [queryClient, fairId, dealId]);

  const live = usePrivateLive(enabled, {
    hubFactory: options.hubFactory,
    onReconnect: refetch,
    onEvent: (event) => {
      if (event.type === 'DealChanged' && isDeal(event.data) && event.data.dealId === dealId) write(event.data);
    },
  });

  const today = todayIn(fair?.timeZone ?? DEFAULT_TIME_ZONE);
  const deal = useMemo(() => (one.data ? asOf(one.data as Deal, today) : null), [one.data, today]);
  const side: MeetingSide | null = deal ? sideIn(deal, me) : null;
  const { products } = useProducerProducts(side ? (deal?.parties.producerId ?? null) : null);

  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  // Versions this page wrote itself: the "the other side changed the terms" notice is not for them.
  const own = useRef(new Set<number>());
  const act = useMutation({
    mutationFn: async (action: DealAction): Promise<Deal> => {
      switch (action.kind) {
        case 'sign':
          return dealsApi.sign(fairId, dealId, action.version);
        case 'propose':
          return dealsApi.propose(fairId, dealId);
        case 'change':
          return dealsApi.change(fairId, dealId, formToTerms(action.form));
        case 'cancel':
          return dealsApi.cancel(fairId, dealId, action.reason);
        case 'followUp':
          return dealsApi.followUp(fairId, dealId, action.body);
        case 'showPrices':
          return dealsApi.showPrices(fairId, dealId, action.show);
      }
    },
    onMutate: () => {
      setFieldErrors({});
      setNotice(null);
    },
    onSuccess: (answer, action) => {
      if (isDeal(answer) && action.kind === 'change') own.current.add(answer.version);
      if (isDeal(answer)) write(answer);
      else refetch();
    },
    onError: (error) => {
      setFieldErrors(fieldErrorsOf(error));
      // A refusal may mean the deal moved on (another version, the other side's signature): show it as it is now.
      if (error instanceof ApiError && error.status === 409) refetch();
    },
  });

  return {
    fair,
    signedIn: !!me,
    authLoading,
    deal,
    versions: versions.data ?? null,
    side,
    products,
    actions: deal && side ? dealActions(deal, side) : [],
    waiting: deal && side ? waitingFor(deal, side) : null,
    live,
    loadError: one.error ? errorMessage(one.error) : null,
    notFound: one.error instanceof ApiError && (one.error.status === 404 || one.error.status === 403),
    busy: act.isPending ? act.variables?.kind ?? null : null,
    /** True for a version this page wrote (or is writing now), as opposed to one the other side sent. */
    ownVersion: (version: number) => own.current.has(version) || (act.isPending && act.variables?.kind === 'change'),
    error: act.error ? errorMessage(act.error) : null,
    errorCode: act.error instanceof ApiError ? (act.error.problem.code ?? null) : null,
    fieldErrors,
    notice,
    setNotice,
    /** Runs an action; resolves true when the server took it. */
    act: (action: DealAction) =>
      act.mutateAsync(action).then(
        () => true,
        () => false,
      ),
    /** Checks a change before sending it (the server's rules, the exhibitor's products). */
    check: (form: DealForm) => {
      const errors = validateDealForm(form, products.length ? products.map((p) => p.productId) : undefined);
      setFieldErrors(errors);
      return Object.keys(errors).length === 0;
    },
    formOf: () => (deal ? termsToForm(deal.terms) : emptyDealForm()),
  };
}

export interface NewDealSearch {
  meetingId?: string | null;
  producerId?: string | null;
  buyerId?: string | null;
}

export function useNewDeal(fairId: string, search: NewDealSearch) {
  const queryClient = useQueryClient();
  const { me, loading: authLoading } = useAuth();
  const fair = useQuery(fairQuery(fairId)).data ?? null;
  const side: MeetingSide | null = me?.buyerId ? 'Buyer' : me?.producerId ? 'Producer' : null;

  const meetings = useQuery({
    queryKey: matchKeys.meetings(fairId),
    queryFn: ({ signal }) => meetingsApi.meetings(fairId, signal),
    enabled: !!side && !!search.meetingId,
  });
  const meeting = search.meetingId ? (meetings.data?.items.find((m) => m.meetingId === search.meetingId) ?? null) : null;
  const producerId = meeting?.producerId ?? search.producerId ?? (side === 'Producer' ? (me?.producerId ?? null) : null);
  const buyerId = meeting?.buyerId ?? search.buyerId ?? (side === 'Buyer' ? (me?.buyerId ?? null) : null);
  const { producer, products, error: producerError } = useProducerProducts(producerId);

  const [form, setFormState] = useState<DealForm | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  // One key per attempt at these terms: a retry of the same form (a lost answer) is the same request.
  const key = useRef(newIdempotencyKey());
  const current = form ?? (products.length ? { ...emptyDealForm(), lines: [suggestLine(products[0])] } : null);
  const setForm = (next: DealForm) => {
    key.current = newIdempotencyKey();
    setFormState(next);
  };

  const create = useMutation({
    mutationFn: (f: DealForm) => dealsApi.create(fairId, formToNewDeal(f, { producerId: producerId!, buyerId: buyerId!, meetingId: search.meetingId }), key.current),
    onSuccess: (deal) => {
      if (isDeal(deal)) {
        queryClient.setQueryData(dealKeys.one(fairId, deal.dealId), deal);
        queryClient.setQueryData(dealKeys.list(fairId), (old: DealList | undefined) => (old ? { items: upsertDeal(old.items, deal) } : old));
      }
    },
    onError: (error) => setFieldErrors(fieldErrorsOf(error)),
  });

  return {
    fair,
    signedIn: !!me,
    authLoading,
    side,
    meeting,
    meetingLoading: meetings.isLoading,
    producerId,
    buyerId,
    producer,
    producerError: producerError ? errorMessage(producerError) : null,
    products,
    form: current,
    setForm,
    totals: current ? formTotals(current) : null,
    fieldErrors,
    busy: create.isPending,
    error: create.error ? errorMessage(create.error) : null,
    /** Checks the form and sends it; resolves the new deal, or null when refused or not valid. */
    submit: async (): Promise<Deal | null> => {
      if (!current || !producerId || !buyerId) return null;
      const errors = validateDealForm(current, products.map((p) => p.productId));
      setFieldErrors(errors);
      if (Object.keys(errors).length) return null;
      try {
        const deal = await create.mutateAsync(current);
        return isDeal(deal) ? deal : null;
      } catch {
        return null;
      }
    },
  };
}
