import type { HubConnectionLike } from '../lib/live';

type Handler = (...args: unknown[]) => void;

/** A scriptable stand-in for a SignalR HubConnection. */
export class FakeHub implements HubConnectionLike {
  handlers = new Map<string, Handler>();
  invocations: { method: string; args: unknown[] }[] = [];
  responders = new Map<string, (...args: unknown[]) => unknown>();
  startCalls = 0;
  failStarts = 0;
  private reconnecting?: (e?: Error) => void;
  private reconnected?: (id?: string) => void;
  private closed?: (e?: Error) => void;

  async start() {
    this.startCalls++;
    if (this.failStarts > 0) {
      this.failStarts--;
      throw new Error('start failed');
    }
  }
  async stop() {}
  async invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    this.invocations.push({ method, args });
    const responder = this.responders.get(method);
    return (responder ? await responder(...args) : undefined) as T;
  }
  on(method: string, handler: Handler) {
    this.handlers.set(method, handler);
  }
  onreconnecting(handler: (e?: Error) => void) {
    this.reconnecting = handler;
  }
  onreconnected(handler: (id?: string) => void) {
    this.reconnected = handler;
  }
  onclose(handler: (e?: Error) => void) {
    this.closed = handler;
  }

  // Test drivers
  emit(method: string, payload: unknown) {
    this.handlers.get(method)?.(payload);
  }
  dropConnection() {
    this.reconnecting?.();
  }
  restoreConnection() {
    this.reconnected?.('new-id');
  }
  closeForGood() {
    this.closed?.(new Error('gone'));
  }
  calls(method: string) {
    return this.invocations.filter((i) => i.method === method);
  }
}
