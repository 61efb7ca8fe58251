// A fair's meetings as data and actions, so AgendaPage is markup. For a buyer or an exhibitor: their meetings grouped
// live / today / next / earlier by the fair's clock, the other party's name, whose answer each waits for and what they
// may do now (accept, decline with a reason, propose another slot, cancel, check in). For the organiser: every meeting
// by hour with counts by status. Kept current by `MeetingChanged` private events and refetched after a reconnect.

import { useCallback, useEffect, useMemo, useState } from 'react';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../lib/api';
import { managesFair, useAuth } from '../lib/auth';
import { byHour, countByStatus, groupAgenda, isMeeting, meetingActions, upsertMeeting, waitingFor } from '../lib/meetings';
import { meetingsApi, type Meeting, type MeetingAction, type MeetingSide } from '../lib/meetingsApi';
import { fairQuery, floorQuery } from '../lib/queries';
import type { HubConnectionLike } from '../lib/live';
import { matchKeys } from './useMatches';
import { usePrivateLive } from './usePrivateLive';

/** How often the agenda's clock moves (groups and check-in windows follow it). */
export const AGENDA_TICK_MS = 30_000;

export interface AgendaOptions {
  hubFactory?: () => Promise<HubConnectionLike>;
  /** The clock (tests pass a fake one). */
  now?: () => number;
}

export function useAgenda(fairId: string, options: AgendaOptions = {}) {
  const queryClient = useQueryClient();
  const { me, loading: authLoading } = useAuth();
  const clock = options.now ?? Date.now;
  const fair = useQuery(fairQuery(fairId)).data ?? null;
  const side: MeetingSide | null = me?.buyerId ? 'Buyer' : me?.producerId ? 'Producer' : null;
  const organiser = !side && managesFair(me, fair);
  const enabled = !!me && (!!side || organiser);

  const list = useQuery({
    queryKey: matchKeys.meetings(fairId),
    queryFn: ({ signal }) => meetingsApi.meetings(fairId, signal),
    enabled,
  });
  const refetch = useCallback(() => void queryClient.invalidateQueries({ queryKey: matchKeys.meetings(fairId) }), [queryClient, fairId]);
  const write = useCallback(
    (meeting: Meeting) =>
      queryClient.setQueryData(matchKeys.meetings(fairId), (old: { items: Meeting[] } | undefined) => ({
        items: upsertMeeting(old?.items ?? [], meeting),
      })),
    [queryClient, fairId],
  );
  const live = usePrivateLive(enabled, {
    hubFactory: options.hubFactory,
    onReconnect: refetch,
    onEvent: (event) => {
      if (event.type === 'MeetingChanged' && isMeeting(event.data) && event.data.fairId === fairId) write(event.data);
    },
  });

  // The other party's names: exhibitors from the floor, buyers from the exhibitor's interested buyers or the
  // organiser's list of registered buyers.
  const floor = useQuery({ ...floorQuery(queryClient, fairId), enabled }).data ?? null;
  const interested = useQuery({
    queryKey: matchKeys.interested(fairId),
    queryFn: ({ signal }) => meetingsApi.interestedBuyers(fairId, signal),
    enabled: side === 'Producer',
  }).data;
  const fairBuyers = useQuery({
    queryKey: ['fairs', fairId, 'buyers'],
    queryFn: ({ signal }) => meetingsApi.fairBuyers(fairId, signal),
    enabled: organiser,
  }).data;
  // Exhibitors without a booth on the floor yet: their public profiles, one query each (cached across pages).
  const boothless = useMemo(() => {
    const onFloor = new Set((floor?.booths ?? []).map((b) => b.producerId).filter(Boolean));
    return [...new Set((list.data?.items ?? []).map((m) => m.producerId))].filter((id) => !onFloor.has(id)).sort();
  }, [floor, list.data]);
  const profiles = useQueries({
    queries: (floor && side !== 'Producer' ? boothless : []).map((producerId) => ({
      queryKey: ['producers', producerId],
      queryFn: ({ signal }: { signal: AbortSignal }) => meetingsApi.producer(producerId, signal),
      staleTime: 5 * 60_000,
    })),
    combine: (results) => results.map((r) => r.data),
  });
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const p of profiles) if (p) map.set(p.producerId, p.name);
    for (const b of floor?.booths ?? []) if (b.producerId && b.producerName) map.set(b.producerId, b.producerName);
    for (const i of interested?.items ?? []) if (i.buyerId && i.organisation) map.set(i.buyerId, i.organisation);
    for (const b of fairBuyers?.items ?? []) map.set(b.buyerId, b.organisation);
    return map;
  }, [floor, interested, fairBuyers, profiles]);

  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), AGENDA_TICK_MS);
    return () => clearInterval(timer);
  }, [clock]);

  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const act = useMutation({
    mutationFn: ({ meeting, action }: { meeting: Meeting; action: MeetingAction }) => meetingsApi.act(fairId, meeting.meetingId, action),
    onMutate: ({ meeting }) => setRowErrors(({ [meeting.meetingId]: _, ...rest }) => rest),
    onSuccess: (meeting) => {
      if (isMeeting(meeting)) write(meeting);
      setNow(clock());
    },
    onError: (e, { meeting }) => {
      setRowErrors((r) => ({ ...r, [meeting.meetingId]: errorMessage(e) }));
      refetch();
    },
  });

  const items = useMemo(() => list.data?.items ?? null, [list.data]);
  const timeZone = fair?.timeZone;
  const groups = useMemo(() => (items ? groupAgenda(items, now, timeZone) : null), [items, now, timeZone]);
  const hours = useMemo(() => (items && organiser ? byHour(items, timeZone) : null), [items, organiser, timeZone]);
  const counts = useMemo(() => (items ? countByStatus(items) : null), [items]);

  return {
    fair,
    side,
    organiser,
    signedIn: !!me,
    authLoading,
    items,
    groups,
    hours,
    counts,
    now,
    live,
    error: list.error ? errorMessage(list.error) : null,
    rowErrors,
    busyId: act.isPending ? act.variables?.meeting.meetingId ?? null : null,
    /** The other party's name (the exhibitor for a buyer, the buyer for an exhibitor), or null when unknown. */
    otherParty: (m: Meeting) => names.get(side === 'Buyer' ? m.producerId : m.buyerId) ?? null,
    nameOf: (id: string) => names.get(id) ?? null,
    actionsOf: (m: Meeting) => (side ? meetingActions(m, side, now) : []),
    waitingOf: (m: Meeting) => (side ? waitingFor(m, side, now) : null),
    act: (meeting: Meeting, action: MeetingAction) => act.mutate({ meeting, action }),
  };
}
