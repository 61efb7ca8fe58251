// Everything the fair page shows and does, so the page is markup: the fair and its live floor (from the query
// cache), the booth selected and the map filters (kept in the address: ?booth=&zone=&group=), who may do what, and
// the booth actions (mutations whose answers show until the live floor has news of the booth).

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { BoothAction, BoothError } from '../components/BoothPanel';
import i18n from '../i18n';
import { ApiError, api, errorMessage } from '../lib/api';
import { hasRole, managesFair, useAuth } from '../lib/auth';
import {
  boothProblemKey,
  dimmedSet,
  filterFromSearch,
  filterGroups,
  holdsOpen,
  holdVerdict,
  mineSet,
  overlayBooths,
  pruneOverrides,
  type BoothFilter,
  type BoothOverride,
} from '../lib/booths';
import {
  applicationFor,
  exhibitorDistricts,
  exhibitorGroups,
  filterExhibitors,
  NO_EXHIBITOR_FILTER,
  withLiveBooths,
  type ExhibitorFilter,
} from '../lib/exhibitors';
import { PRODUCT_GROUPS } from '../lib/catalogue';
import { DEFAULT_TIME_ZONE } from '../lib/format';
import { fairQuery, keys, myApplicationsQuery, myBoothsQuery } from '../lib/queries';
import { mayOfferApply } from '../lib/applications';
import type { Booth, FairEvent } from '../lib/types';
import { useLiveFloor, type LiveFloorOptions } from '../lib/useLiveFloor';

/** The panel's text for a refused action: the server's problem, or ours for a known code without a title. */
export function boothError(error: unknown): BoothError {
  if (error instanceof ApiError) {
    const code = typeof error.problem.code === 'string' ? error.problem.code : null;
    const key = boothProblemKey(code);
    const message = error.problem.title || error.problem.detail ? errorMessage(error) : key ? i18n.t(key) : errorMessage(error);
    return { message, code };
  }
  return { message: errorMessage(error) };
}

/** The call behind each action of the booth panel. */
function boothCall(fairId: string, code: string, action: BoothAction, assignTo?: string, overrideReason?: string): Promise<Booth> {
  switch (action) {
    case 'block':
      return api.blockBooth(fairId, code);
    case 'unblock':
      return api.unblockBooth(fairId, code);
    case 'assign':
      return api.assignBooth(fairId, code, assignTo ?? '', overrideReason);
    case 'unassign':
      return api.unassignBooth(fairId, code);
    case 'hold':
      return api.holdBooth(fairId, code);
    case 'confirm':
      return api.confirmBooth(fairId, code);
    case 'release':
      return api.releaseBooth(fairId, code);
  }
}

interface ActionVariables {
  code: string;
  action: BoothAction;
  assignTo?: string;
  overrideReason?: string;
}

export function useFairPage(fairId: string, options: Pick<LiveFloorOptions, 'hubFactory'> = {}) {
  const { me, loading: authLoading } = useAuth();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();

  /** Sets or drops query parameters in place: no new history entry, no scroll. */
  const setParams = useCallback(
    (patch: Record<string, string | null>) =>
      setSearch(
        (params) => {
          const next = new URLSearchParams(params);
          for (const [key, value] of Object.entries(patch)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true, preventScrollReset: true },
      ),
    [setSearch],
  );

  const selected = search.get('booth') || null;
  const filter = useMemo(() => filterFromSearch(`?${search.toString()}`), [search]);
  const [actionError, setActionError] = useState<BoothError | null>(null);
  // Answers of this user's actions, shown until the live floor has news of the booth.
  const [overrides, setOverrides] = useState<ReadonlyMap<string, BoothOverride>>(() => new Map());

  const fairQueryResult = useQuery(fairQuery(fairId));
  const fair = fairQueryResult.data ?? null;
  const refreshFair = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: keys.fair(fairId), exact: true }),
    [queryClient, fairId],
  );

  // A FairChanged event carries the fair's summary only: fetch the details, and the floor in case its plan changed.
  const refreshFloor = useRef<() => void>(() => undefined);
  const onEvent = useCallback(
    (event: FairEvent) => {
      if (event.type !== 'FairChanged') return;
      refreshFair();
      refreshFloor.current();
    },
    [refreshFair],
  );
  const live = useLiveFloor(fairId, { onEvent, hubFactory: options.hubFactory });
  const { floor, resync } = live;
  refreshFloor.current = live.refresh;

  useEffect(() => {
    if (floor) setOverrides((prev) => pruneOverrides(floor.booths, prev) ?? prev);
  }, [floor]);

  // Booth codes the signed-in producer holds or confirmed; the booths' own producerId still tells if this fails.
  const producerId = hasRole(me, 'Producer') ? (me?.producerId ?? null) : null;
  const mineCodes = useQuery({ ...myBoothsQuery(fairId), enabled: !!producerId }).data;
  // A producer already in this fair's registration (approved, submitted, waitlisted) is not offered to apply.
  const myApplications = useQuery({ ...myApplicationsQuery(), enabled: hasRole(me, 'Producer') }).data;

  const action = useMutation({
    mutationFn: ({ code, action, assignTo, overrideReason }: ActionVariables) => boothCall(fairId, code, action, assignTo, overrideReason),
    onMutate: () => setActionError(null),
    onSuccess: (answer, { code }) => {
      if (!answer || typeof answer !== 'object' || answer.code !== code || typeof answer.status !== 'string') return;
      const base = queryClient.getQueryData<typeof floor>(keys.floor(fairId))?.booths.find((b) => b.code === code);
      setOverrides((prev) => new Map(prev).set(code, { booth: answer, base }));
    },
    onError: (e) => setActionError(boothError(e)),
    onSettled: (_answer, _error, { action }) => {
      resync(); // the live event will follow; fetch it now in case the hub is down
      if (producerId && (action === 'hold' || action === 'confirm' || action === 'release')) {
        void queryClient.invalidateQueries({ queryKey: keys.myBooths(fairId) });
      }
      // A refused hold may mean the application moved on since the page loaded: ask again.
      if (producerId && action === 'hold' && _error) void queryClient.invalidateQueries({ queryKey: ['me', 'applications'] });
    },
  });

  const booths = useMemo(() => (floor ? overlayBooths(floor.booths, overrides) : []), [floor, overrides]);
  const shownFloor = useMemo(() => (floor ? { ...floor, booths } : null), [floor, booths]);
  const mine = useMemo(() => mineSet(booths, producerId, mineCodes ?? []), [booths, producerId, mineCodes]);
  const dimmed = useMemo(() => dimmedSet(booths, floor?.zones ?? [], filter), [booths, floor, filter]);
  const groups = useMemo(() => filterGroups(floor?.zones ?? [], fair?.acceptedGroups ?? []), [floor, fair]);
  const booth = booths.find((b) => b.code === selected) ?? null;

  // Who exhibits: the list loads once, its booths follow the live floor.
  const exhibitorsQuery = useQuery({
    queryKey: [...keys.fair(fairId), 'exhibitors'] as const,
    queryFn: ({ signal }) => api.exhibitors(fairId, signal),
  });
  const exhibitors = useMemo(() => withLiveBooths(exhibitorsQuery.data ?? [], booths), [exhibitorsQuery.data, booths]);
  // On a phone the map and the list take turns.
  const [pane, setPane] = useState<'map' | 'list'>('map');
  const [exhibitorFilter, setExhibitorFilterState] = useState<ExhibitorFilter>(NO_EXHIBITOR_FILTER);
  const setExhibitorFilter = useCallback(
    (key: keyof ExhibitorFilter, value: string) => setExhibitorFilterState((f) => ({ ...f, [key]: value })),
    [],
  );
  const groupNames = useCallback(
    (g: string) => [i18n.t(`groups.${g}`, { lng: 'vi', defaultValue: g }), i18n.t(`groups.${g}`, { lng: 'en', defaultValue: g })],
    [],
  );
  const shownExhibitors = useMemo(
    () => filterExhibitors(exhibitors, exhibitorFilter, groupNames),
    [exhibitors, exhibitorFilter, groupNames],
  );
  const exhibitorChoices = useMemo(
    () => ({ groups: exhibitorGroups(exhibitors, PRODUCT_GROUPS), districts: exhibitorDistricts(exhibitors) }),
    [exhibitors],
  );
  const chosenExhibitorId = search.get('exhibitor') || null;
  const chosenExhibitor = exhibitors.find((e) => e.producerId === chosenExhibitorId) ?? null;
  const highlighted = useMemo(() => new Set(chosenExhibitor?.boothCodes ?? []), [chosenExhibitor]);
  /** Picks an exhibitor from the list: its booths are outlined and the first one opens. */
  const chooseExhibitor = useCallback(
    (producerId: string | null) => {
      const e = exhibitors.find((x) => x.producerId === producerId);
      setParams({ exhibitor: producerId, booth: e?.boothCodes[0] ?? null });
      setActionError(null);
    },
    [exhibitors, setParams],
  );

  // Whether this producer may hold the selected booth, as the server's BoothRules would answer.
  const applicationsQuery = useQuery({
    queryKey: ['me', 'applications'] as const,
    queryFn: ({ signal }) => api.myApplications(signal),
    enabled: !!producerId,
  });
  const application = applicationFor(
    applicationsQuery.isError ? null : applicationsQuery.data,
    fairId,
  );
  const verdict = booth
    ? holdVerdict({ fair, booth, zones: floor?.zones ?? [], producerId, application, myBooths: mine.size })
    : ({ kind: 'none' } as const);

  const select = useCallback(
    (code: string | null) => {
      setParams({ booth: code, exhibitor: null });
      setActionError(null);
    },
    [setParams],
  );
  const setFilter = useCallback((key: keyof BoothFilter, value: string) => setParams({ [key]: value || null }), [setParams]);

  const pending = action.isPending ? action.variables.action : null;
  const act = (kind: BoothAction, assignTo?: string, overrideReason?: string) => {
    if (!booth || action.isPending) return;
    action.mutate({ code: booth.code, action: kind, assignTo, overrideReason });
  };

  const fairError = fairQueryResult.error;
  const notFound =
    (fairError instanceof ApiError && fairError.status === 404) ||
    (live.error instanceof ApiError && live.error.status === 404 && !fair);

  return {
    fair,
    fairError,
    notFound,
    floor,
    floorError: live.error,
    liveState: live.liveState,
    reloadFloor: live.reload,
    refreshFair,
    booths,
    shownFloor,
    mine,
    dimmed,
    groups,
    filter,
    setFilter,
    selected,
    select,
    booth,
    pending,
    actionError,
    act,
    pane,
    setPane,
    exhibitors,
    exhibitorsError: exhibitorsQuery.error,
    exhibitorsLoading: exhibitorsQuery.isPending,
    shownExhibitors,
    exhibitorFilter,
    setExhibitorFilter,
    clearExhibitorFilter: () => setExhibitorFilterState(NO_EXHIBITOR_FILTER),
    exhibitorChoices,
    chosenExhibitor,
    chooseExhibitor,
    highlighted,
    verdict,
    applicationStatus: application?.status ?? null,
    canManage: managesFair(me, fair),
    canHold: !!producerId && holdsOpen(fair),
    organiserAllocates: !!producerId && !!fair && fair.allocationMode !== 'FirstCome',
    // Producers apply while registration is open, unless an application of theirs is still in play.
    canApply: mayOfferApply(hasRole(me, 'Producer'), fair?.status, myApplications, fairId),
    /** Nobody is signed in (known once /api/me answered): apply and hold links lead to sign-in first. */
    signedOut: !authLoading && !me,
    holdsOpen: holdsOpen(fair),
    timeZone: fair?.timeZone || DEFAULT_TIME_ZONE,
  };
}
