// The signed-in user's private events (MeetingChanged, MatchesChanged, …) on the app's SignalR connection, for pages
// that keep a list current: each event goes to `onEvent`, and after a reconnect `onReconnect` runs so the page
// fetches again what it may have missed (as the floor map does).

import { useEffect, useRef, useState } from 'react';
import { startLive, type HubConnectionLike } from '../lib/live';
import type { LiveState, PrivateEvent } from '../lib/types';

export interface PrivateLiveOptions {
  onEvent: (event: PrivateEvent) => void;
  onReconnect: () => void;
  hubFactory?: () => Promise<HubConnectionLike>;
}

export function usePrivateLive(enabled: boolean, options: PrivateLiveOptions): LiveState {
  const latest = useRef(options);
  latest.current = options;
  const [state, setState] = useState<LiveState>('reconnecting');

  useEffect(() => {
    if (!enabled) return;
    let first = true;
    const live = startLive(
      {
        onState: setState,
        onConnected: () => {
          if (!first) latest.current.onReconnect();
          first = false;
        },
        onPrivateEvent: (event) => latest.current.onEvent(event),
      },
      latest.current.hubFactory,
    );
    return () => void live.stop();
  }, [enabled]);

  return state;
}
