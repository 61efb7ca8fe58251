// A fair's results board, live: the board from GET /api/fairs/{fairId}/board, then the fair stream (JoinFairBatched)
// replaces it with each BoardChanged's board (newer fair versions only) and hands each DealSigned to `onSigned`. After
// every (re)connect the board is fetched again (push is a hint, HTTP is the truth); a booth change refetches it too,
// a moment later (booths are counted by the floor, and a rush of holds makes one refetch). While offline it polls.

import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../lib/api';
import { isAnnouncement, newerBoard, type DealAnnouncement, type FairBoard } from '../lib/board';
import { startLive, type HubConnectionLike, type LiveConnection } from '../lib/live';
import type { LiveState } from '../lib/types';

export const boardKey = (fairId: string) => ['fairs', fairId, 'board'] as const;

/** How long after a booth change the board is fetched again (changes in between share the fetch). */
export const BOOTH_REFETCH_MS = 2000;
export const OFFLINE_POLL_MS = 20000;

export async function fetchBoard(fairId: string, signal?: AbortSignal): Promise<FairBoard> {
  return (await call(client.GET('/api/fairs/{fairId}/board', { params: { path: { fairId } }, signal }))) as unknown as FairBoard;
}

export interface BoardOptions {
  /** A signing as it happens (not the ones missed while disconnected). */
  onSigned?: (signed: DealAnnouncement) => void;
  /** For tests: how to make the hub connection. */
  hubFactory?: () => Promise<HubConnectionLike>;
}

export interface LiveBoard {
  board: FairBoard | null;
  error: unknown;
  liveState: LiveState;
  reload: () => void;
}

export function useBoard(fairId: string, options: BoardOptions = {}): LiveBoard {
  const queryClient = useQueryClient();
  const key = boardKey(fairId);
  const query = useQuery({
    queryKey: key,
    queryFn: async ({ signal }) => {
      // A push may have brought a newer board while this was on its way: keep the newer.
      const fetched = await fetchBoard(fairId, signal);
      return newerBoard(queryClient.getQueryData<FairBoard>(key) ?? null, fetched) ?? fetched;
    },
  });
  const [liveState, setLiveState] = useState<LiveState>('reconnecting');
  const optionsRef = useRef(options);
  optionsRef.current = options;

  useEffect(() => {
    const key = boardKey(fairId);
    let disposed = false;
    let hub: LiveConnection | null = null;
    let boothTimer: ReturnType<typeof setTimeout> | undefined;
    const refetch = () => void queryClient.refetchQueries({ queryKey: key, exact: true }, { cancelRefetch: false });
    const held = () => queryClient.getQueryData<FairBoard>(key) ?? null;

    hub = startLive(
      {
        onState: (state) => {
          if (!disposed) setLiveState(state);
        },
        onConnected: async (connection) => {
          await connection.invoke('JoinFairBatched', fairId, held()?.version ?? 0);
          refetch();
        },
        onFairEvent: (event) => {
          if (disposed || event.fairId !== fairId) return;
          if (event.type === 'BoardChanged') {
            const next = newerBoard(held(), event.data);
            if (next && next !== held()) queryClient.setQueryData(key, next);
          } else if (event.type === 'DealSigned' && isAnnouncement(event.data)) {
            optionsRef.current.onSigned?.(event.data);
          } else if (event.type === 'BoothChanged' && !boothTimer) {
            boothTimer = setTimeout(() => {
              boothTimer = undefined;
              if (!disposed) refetch();
            }, BOOTH_REFETCH_MS);
          }
        },
      },
      optionsRef.current.hubFactory,
    );

    const poll = setInterval(() => {
      if (hub?.state === 'offline') refetch();
    }, OFFLINE_POLL_MS);

    return () => {
      disposed = true;
      clearInterval(poll);
      if (boothTimer) clearTimeout(boothTimer);
      const closing = hub;
      hub = null;
      if (closing?.state === 'live') void closing.invoke('LeaveFair', fairId).catch(() => undefined);
      void closing?.stop();
    };
  }, [fairId, queryClient]);

  const { refetch } = query;
  return {
    board: query.data ?? null,
    error: query.data ? null : query.error,
    liveState,
    reload: () => void refetch(),
  };
}
