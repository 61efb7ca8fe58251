import { vi } from 'vitest';

export interface Call {
  method: string;
  /** Path and query of a same-origin call (`/api/fairs/x?sinceVersion=5`), else the whole URL. */
  url: string;
  /** Request headers, named the usual way (`Accept-Language`, `Idempotency-Key`). */
  headers: Record<string, string>;
  body?: string;
  credentials?: RequestCredentials;
}

type Route = (call: Call) => { status?: number; body?: unknown } | undefined;

/** `accept-language` → `Accept-Language`: Headers keep names in lower case. */
const headerName = (name: string) => name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());

/** The path and query of a same-origin URL (what the app's calls are matched on). */
export function pathOf(input: RequestInfo | URL): string {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, window.location.origin);
  return url.origin === window.location.origin ? url.pathname + url.search : url.href;
}

/** Reads what a test needs to see of a call, whether it came as a Request or as (url, init). */
async function callOf(input: RequestInfo | URL, init: RequestInit = {}): Promise<Call> {
  if (typeof Request !== 'undefined' && input instanceof Request) {
    const headers: Record<string, string> = {};
    input.headers.forEach((value, name) => (headers[headerName(name)] = value));
    const body = input.body ? await input.clone().text() : undefined;
    return { method: input.method, url: pathOf(input), headers, body, credentials: input.credentials };
  }
  return {
    method: init.method ?? 'GET',
    url: pathOf(input),
    headers: (init.headers ?? {}) as Record<string, string>,
    body: init.body as string | undefined,
    credentials: init.credentials,
  };
}

/** Replaces global fetch with a router of canned answers; returns the call log. */
export function mockFetch(route: Route): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const call = await callOf(input, init);
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
