import { vi } from 'vitest';

export interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  credentials?: RequestCredentials;
}

type Route = (call: Call) => { status?: number; body?: unknown } | undefined;

/** Replaces global fetch with a router of canned answers; returns the call log. */
export function mockFetch(route: Route): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const call: Call = {
        method: init.method ?? 'GET',
        url: String(input),
        headers: (init.headers ?? {}) as Record<string, string>,
        body: init.body as string | undefined,
        credentials: init.credentials,
      };
      calls.push(call);
      const answer = route(call) ?? { status: 404, body: { title: 'Not Found', status: 404 } };
      const status = answer.status ?? 200;
      const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
      return new Response(text || null, {
        status,
        headers: text ? { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } : {},
      });
    }),
  );
  return calls;
}
