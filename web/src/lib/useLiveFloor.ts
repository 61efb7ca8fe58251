// Keeps a fair's floor live: loads the HTTP snapshot, joins the fair on the
// hub (JoinFairBatched: one FairEvents message per floor commit) with the last
// known version, applies the events in order and resyncs
// on any gap, reconnect or restart. While the hub is offline it polls
// `floor?sinceVersion=N` now and then: push is a hint, HTTP is the truth.

import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './api';
import {
  applyFairEvent,
  applyFloorResponse,
  applyJoinResult,
  type ApplyResult,
} from './floorState';
import { startLive, type HubConnectionLike, type LiveConnection } from './live';
import type { FairEvent, Floor, JoinResult, LiveState } from './types';

export const OFFLINE_POLL_MS = 20000;

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
  const [floor, setFloor] = useState<Floor | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [liveState, setLiveState] = useState<LiveState>('reconnecting');
  const [attempt, setAttempt] = useState(0);
  const resyncRef = useRef<() => void>(() => undefined);
  const refreshRef = useRef<() => void>(() => undefined);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  useEffect(() => {
    let disposed = false;
    let current: Floor | null = null;
    let hub: LiveConnection | null = null;
    let loading: Promise<void> | null = null;
    let syncing = false;
    let syncAgain = false;

    setFloor(null);
    setError(null);

    const commit = (result: ApplyResult) => {
      if (disposed || result.status !== 'applied' || !result.floor) return;
      current = result.floor;
      setFloor(result.floor);
    };

    const loadFull = (): Promise<void> => {
      loading ??= api
        .floor(fairId)
        .then((full) => {
          commit(applyFloorResponse(current, full));
          if (!disposed) setError(null);
        })
        .catch((e: unknown) => {
          if (!disposed && !current) setError(e);
          throw e;
        })
        .finally(() => {
          loading = null;
        });
      return loading;
    };

    /** Catch up from `current.version`, through the hub if live, else HTTP. */
    const catchUp = async () => {
      if (!current) {
        await loadFull();
        if (!current) return;
      }
      let result: ApplyResult | null = null;
      if (hub && hub.state === 'live') {
        try {
          const joined = await hub.invoke<JoinResult>('JoinFairBatched', fairId, current.version);
          result = applyJoinResult(current, joined);
        } catch (e) {
          console.warn('live: JoinFairBatched failed, catching up over HTTP', e);
        }
      }
      result ??= applyFloorResponse(current, await api.floorSince(fairId, current.version));
      commit(result);
      if (result.status === 'resync') await loadFull();
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
    refreshRef.current = () => {
      if (!disposed) loadFull().catch(() => undefined);
    };

    // First paint from HTTP, in parallel with the hub connecting.
    loadFull().catch(() => undefined);

    hub = startLive(
      {
        onState: (state) => {
          if (!disposed) setLiveState(state);
        },
        onConnected: () => resync(),
        onFairEvent: (event) => {
          if (disposed || event.fairId !== fairId) return;
          const result = applyFairEvent(current, event);
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
      refreshRef.current = () => undefined;
      const closing = hub;
      hub = null;
      if (closing?.state === 'live') void closing.invoke('LeaveFair', fairId).catch(() => undefined);
      void closing?.stop();
    };
  }, [fairId, attempt]);

  const resync = useCallback(() => resyncRef.current(), []);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const refresh = useCallback(() => refreshRef.current(), []);
  return { floor, error, liveState, resync, reload, refresh };
}
