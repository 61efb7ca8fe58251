// Keeps a fair's floor live in the query cache (key `keys.floor(fairId)`): the HTTP snapshot is the query, and the
// hub (JoinFairBatched: one FairEvents message per floor commit) writes each event into it with setQueryData, in
// version order; a gap, reconnect or restart catches up from the last version held (through the hub if live, else
// `floor?sinceVersion=N`), and anything the catch-up cannot bridge invalidates the query, which fetches the floor
// again. While the hub is offline it polls now and then: push is a hint, HTTP is the truth.

import { useCallback, useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from './api';
import { applyFairEvent, applyFloorResponse, applyJoinResult, type ApplyResult } from './floorState';
import { startLive, type HubConnectionLike, type LiveConnection } from './live';
import { floorQuery, keys } from './queries';
import type { FairEvent, Floor, JoinResult, LiveState } from './types';

export const OFFLINE_POLL_MS = 20000;

function refetchFloor(queryClient: QueryClient, fairId: string): Promise<void> {
  return queryClient.refetchQueries({ queryKey: keys.floor(fairId), exact: true }, { cancelRefetch: false });
}

export interface LiveFloor {
  floor: Floor | null;
  error: unknown;
  liveState: LiveState;
  /** Fetch what was missed now (e.g. after an action of this user). */
  resync: () => void;
  /** Start over after a failed first load. */
  reload: () => void;
  /** Fetch the whole floor again, keeping the one shown until it comes (e.g. after a new floor plan). */
  refresh: () => void;
}

export interface LiveFloorOptions {
  onEvent?: (event: FairEvent) => void;
  /** For tests: how to make the hub connection. */
  hubFactory?: () => Promise<HubConnectionLike>;
}

export function useLiveFloor(fairId: string, options: LiveFloorOptions = {}): LiveFloor {
  const queryClient = useQueryClient();
  const query = useQuery(floorQuery(queryClient, fairId));
  const [liveState, setLiveState] = useState<LiveState>('reconnecting');
  const resyncRef = useRef<() => void>(() => undefined);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  useEffect(() => {
    const key = keys.floor(fairId);
    let disposed = false;
    let hub: LiveConnection | null = null;
    let syncing = false;
    let syncAgain = false;

    const held = () => queryClient.getQueryData<Floor>(key) ?? null;
    const commit = (result: ApplyResult) => {
      if (!disposed && result.status === 'applied' && result.floor) queryClient.setQueryData(key, result.floor);
    };
    /** The whole floor again (joining a fetch already on its way); the floor shown stays until it comes. */
    const refetch = () => refetchFloor(queryClient, fairId);

    /** Catch up from the version held, through the hub if live, else HTTP. */
    const catchUp = async () => {
      if (!held()) await refetch();
      const current = held();
      if (!current) return;
      let result: ApplyResult | null = null;
      if (hub && hub.state === 'live') {
        try {
          const joined = await hub.invoke<JoinResult>('JoinFairBatched', fairId, current.version);
          result = applyJoinResult(held(), joined);
        } catch (e) {
          console.warn('live: JoinFairBatched failed, catching up over HTTP', e);
        }
      }
      result ??= applyFloorResponse(held(), await api.floorSince(fairId, current.version));
      commit(result);
      if (result.status === 'resync') await refetch();
    };

    const resync = () => {
      if (disposed) return;
      if (syncing) {
        syncAgain = true;
        return;
      }
      syncing = true;
      void (async () => {
        try {
          do {
            syncAgain = false;
            await catchUp();
          } while (syncAgain && !disposed);
        } catch (e) {
          console.warn('live: resync failed', e);
        } finally {
          syncing = false;
        }
      })();
    };
    resyncRef.current = resync;

    hub = startLive(
      {
        onState: (state) => {
          if (!disposed) setLiveState(state);
        },
        onConnected: () => resync(),
        onFairEvent: (event) => {
          if (disposed || event.fairId !== fairId) return;
          const result = applyFairEvent(held(), event);
          if (result.status === 'resync') resync();
          else if (result.status === 'applied') {
            commit(result);
            optionsRef.current.onEvent?.(event);
          }
        },
      },
      optionsRef.current.hubFactory,
    );

    const poll = setInterval(() => {
      if (hub?.state === 'offline' && typeof navigator !== 'undefined' && navigator.onLine !== false) resync();
    }, OFFLINE_POLL_MS);

    return () => {
      disposed = true;
      clearInterval(poll);
      resyncRef.current = () => undefined;
      const closing = hub;
      hub = null;
      if (closing?.state === 'live') void closing.invoke('LeaveFair', fairId).catch(() => undefined);
      void closing?.stop();
    };
  }, [fairId, queryClient]);

  const resync = useCallback(() => resyncRef.current(), []);
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  const refresh = useCallback(() => void refetchFloor(queryClient, fairId), [queryClient, fairId]);
  return {
    floor: query.data ?? null,
    // A failed refresh keeps the floor shown; only a floor never loaded is an error.
    error: query.data ? null : query.error,
    liveState,
    resync,
    reload,
    refresh,
  };
}
