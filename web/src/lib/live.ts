// One SignalR connection to /hubs/fairs with the policy the server expects:
// automatic reconnect for short drops, a restart with backoff when the
// connection closes for good, and a callback after every (re)connect so the
// caller re-joins its fair with the last version it has. The SignalR client
// is loaded on demand so the first page stays small.

import type { FairEvent, LiveState, PrivateEvent } from './types';

export const HUB_URL = '/hubs/fairs';

/** The part of a SignalR HubConnection this module uses. */
export interface HubConnectionLike {
  start(): Promise<void>;
  stop(): Promise<void>;
  invoke<T = unknown>(method: string, ...args: unknown[]): Promise<T>;
  on(method: string, handler: (...args: unknown[]) => void): void;
  onreconnecting(handler: (error?: Error) => void): void;
  onreconnected(handler: (connectionId?: string) => void): void;
  onclose(handler: (error?: Error) => void): void;
}

export interface LiveHandlers {
  onState?: (state: LiveState) => void;
  /** After the first start and after every reconnect or restart. */
  onConnected?: (hub: LiveConnection) => void | Promise<void>;
  onFairEvent?: (event: FairEvent) => void;
  onPrivateEvent?: (event: PrivateEvent) => void;
}

export interface LiveConnection {
  readonly state: LiveState;
  invoke<T = unknown>(method: string, ...args: unknown[]): Promise<T>;
  stop(): Promise<void>;
}

/** Delays for SignalR's automatic reconnect after a drop. */
export const RECONNECT_DELAYS_MS = [0, 2000, 5000, 10000, 20000, 30000];
/** Delays between restarts once the connection is closed for good. */
export const RESTART_DELAYS_MS = [1000, 2000, 5000, 10000, 20000, 30000];

async function defaultFactory(): Promise<HubConnectionLike> {
  const signalR = await import('@microsoft/signalr');
  return new signalR.HubConnectionBuilder()
    .withUrl(HUB_URL, { withCredentials: true })
    .withAutomaticReconnect(RECONNECT_DELAYS_MS)
    .configureLogging(signalR.LogLevel.Warning)
    .build() as unknown as HubConnectionLike;
}

/** Accepts one event or a batch of them. */
function eachEvent<T>(payload: unknown, handle: (event: T) => void): void {
  if (Array.isArray(payload)) for (const item of payload) handle(item as T);
  else if (payload && typeof payload === 'object') handle(payload as T);
}

/**
 * The events of a `FairEvents` message (what `JoinFairBatched` watchers get): consecutive, in version order, the
 * i-th with version `fromVersion + 1 + i`, all of the message's fair. A booth change comes as the array
 * `[code, status, producerId, producerName, holdExpiresAt, at]` (times in Unix milliseconds) and becomes a
 * `BoothChanged` whose data is the booth's occupancy, which the floor merges into the booth it has; anything else
 * comes as `{version, type, at, data}`.
 */
export function decodeFairEvents(payload: unknown): FairEvent[] {
  const batch = payload as { fairId?: unknown; fromVersion?: unknown; events?: unknown } | null;
  if (!batch || typeof batch.fairId !== 'string' || typeof batch.fromVersion !== 'number' || !Array.isArray(batch.events)) return [];
  const fairId = batch.fairId;
  const from = batch.fromVersion;
  return batch.events.flatMap((item: unknown, i): FairEvent[] => {
    const version = from + 1 + i;
    if (Array.isArray(item)) {
      // A seventh item, only on a booth the organiser placed by an override, is its reason.
      const [code, status, producerId, producerName, holdExpiresAt, at, overrideReason] = item as unknown[];
      if (typeof code !== 'string' || typeof status !== 'string') return [];
      return [
        {
          fairId,
          version,
          type: 'BoothChanged',
          at: typeof at === 'number' ? new Date(at).toISOString() : undefined,
          data: {
            code,
            status,
            producerId: typeof producerId === 'string' ? producerId : null,
            producerName: typeof producerName === 'string' ? producerName : null,
            holdExpiresAt: typeof holdExpiresAt === 'number' ? new Date(holdExpiresAt).toISOString() : null,
            overrideReason: typeof overrideReason === 'string' ? overrideReason : null,
          },
        },
      ];
    }
    if (item && typeof item === 'object' && typeof (item as FairEvent).type === 'string') return [{ ...(item as FairEvent), fairId, version }];
    return [];
  });
}

export function startLive(
  handlers: LiveHandlers,
  factory: () => Promise<HubConnectionLike> = defaultFactory,
): LiveConnection {
  let state: LiveState = 'reconnecting';
  let stopped = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let connection: HubConnectionLike | null = null;

  const setState = (next: LiveState) => {
    if (stopped || next === state) return;
    state = next;
    handlers.onState?.(next);
  };

  const handle: LiveConnection = {
    get state() {
      return state;
    },
    invoke<T>(method: string, ...args: unknown[]) {
      if (!connection || state !== 'live') return Promise.reject(new Error('not connected'));
      return connection.invoke<T>(method, ...args);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
      await connection?.stop().catch(() => undefined);
    },
  };

  const connected = async () => {
    attempt = 0;
    setState('live');
    try {
      await handlers.onConnected?.(handle);
    } catch (error) {
      console.warn('live: re-join failed', error);
    }
  };

  const scheduleStart = (immediate = false) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    const base = RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)];
    const delay = immediate ? 0 : base + Math.floor(Math.random() * 500);
    attempt++;
    timer = setTimeout(() => void start(), delay);
  };

  function onOnline() {
    if (!stopped && state === 'offline') {
      attempt = 0;
      scheduleStart(true);
    }
  }

  const start = async () => {
    timer = undefined;
    if (stopped) return;
    try {
      if (!connection) {
        connection = await factory();
        connection.on('FairEvent', (payload) => eachEvent<FairEvent>(payload, (e) => handlers.onFairEvent?.(e)));
        connection.on('FairEvents', (payload) => {
          for (const e of decodeFairEvents(payload)) handlers.onFairEvent?.(e);
        });
        connection.on('PrivateEvent', (payload) =>
          eachEvent<PrivateEvent>(payload, (e) => handlers.onPrivateEvent?.(e)),
        );
        connection.onreconnecting(() => setState('reconnecting'));
        connection.onreconnected(() => void connected());
        connection.onclose(() => {
          if (stopped) return;
          setState('offline');
          scheduleStart();
        });
        if (stopped) return;
      }
      await connection.start();
      if (stopped) {
        await connection.stop().catch(() => undefined);
        return;
      }
      await connected();
    } catch (error) {
      if (stopped) return;
      console.warn('live: connection failed', error);
      setState('offline');
      scheduleStart();
    }
  };

  if (typeof window !== 'undefined') window.addEventListener('online', onOnline);
  handlers.onState?.(state);
  void start();
  return handle;
}
