import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, waitFor } from '@testing-library/react';
import { useReviewQueue } from './useReviewQueue';
import { keys } from '../lib/queries';
import { renderHookInApp } from '../test/render';
import { mockFetch, pathOf } from '../test/http';
import { FAIR_ID } from '../test/fixtures';
import { application } from '../test/applications';
import type { Application } from '../lib/types';

const LIST = `/api/fairs/${FAIR_ID}/applications`;

/** A server whose list answers the test hands out one by one; decisions answer at once. */
function server() {
  const pending: { url: string; answer: (status: number, body: unknown) => void }[] = [];
  const calls = mockFetch((call) => {
    if (call.url === `/api/fairs/${FAIR_ID}`) return { body: { fairId: FAIR_ID, name: 'Hội chợ' } };
    const single = /\/applications\/(a\d)\/approve$/.exec(call.url);
    if (single) return { body: application(single[1], { status: 'Approved' }) };
    return undefined;
  });
  const answered = globalThis.fetch;
  vi.stubGlobal('fetch', (input: Request) => {
    const url = pathOf(input);
    if (input.method !== 'GET' || !url.startsWith(LIST)) return answered(input);
    return new Promise<Response>((resolve, reject) => {
      input.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      pending.push({ url, answer: (status, body) => resolve(new Response(JSON.stringify(body), { status })) });
    });
  });
  return { calls, pending };
}

const ids = (list: readonly Application[] | null) => list?.map((a) => a.applicationId);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useReviewQueue', () => {
  it('shows a failed load until reload, which loads again', async () => {
    const { pending } = server();
    window.history.replaceState(null, '', `/fairs/${FAIR_ID}/applications`);
    const { result } = renderHookInApp(() => useReviewQueue(FAIR_ID));
    await waitFor(() => expect(pending).toHaveLength(1));
    expect(result.current.items).toBeNull();

    await act(async () => pending[0].answer(500, { title: 'Lỗi máy chủ', status: 500 }));
    await waitFor(() => expect(result.current.error).toBe('Lỗi máy chủ'));

    act(() => result.current.reload());
    await waitFor(() => expect(pending).toHaveLength(2));
    await act(async () => pending[1].answer(200, [application('a1')]));
    await waitFor(() => expect(ids(result.current.items)).toEqual(['a1']));
    expect(result.current.error).toBeNull();
  });

  it('loads the list of the new filters, keeps them in the address, and never shows an older answer', async () => {
    const { pending } = server();
    window.history.replaceState(null, '', `/fairs/${FAIR_ID}/applications`);
    const { result } = renderHookInApp(() => useReviewQueue(FAIR_ID));
    await waitFor(() => expect(pending).toHaveLength(1));

    act(() => result.current.setFilter('status', 'Approved'));
    await waitFor(() => expect(pending.map((p) => p.url)).toEqual([LIST, `${LIST}?status=Approved`]));
    expect(window.location.search).toBe('?status=Approved');

    await act(async () => pending[1].answer(200, [application('a2', { status: 'Approved' })]));
    await act(async () => pending[0].answer(200, [application('a1'), application('a3')]));
    await waitFor(() => expect(ids(result.current.items)).toEqual(['a2']));
    expect(result.current.filtered).toBe(true);
  });

  it('writes a decision into the list shown and marks the fair’s other lists stale', async () => {
    const { pending, calls } = server();
    window.history.replaceState(null, '', `/fairs/${FAIR_ID}/applications`);
    const { result, queryClient } = renderHookInApp(() => useReviewQueue(FAIR_ID));
    await waitFor(() => expect(pending).toHaveLength(1));
    await act(async () => pending[0].answer(200, [application('a1'), application('a2')]));
    await waitFor(() => expect(result.current.items).toHaveLength(2));
    queryClient.setQueryData([...keys.applications(FAIR_ID), { status: 'Submitted' }], [application('a1')]);

    act(() => result.current.decide('a1', 'approve'));
    expect(result.current.isBusy('a1')).toBe(true);
    await waitFor(() => expect(result.current.items?.find((a) => a.applicationId === 'a1')?.status).toBe('Approved'));
    expect(result.current.isBusy('a1')).toBe(false);
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([`${LIST}/a1/approve`]);
    expect(queryClient.getQueryState([...keys.applications(FAIR_ID), { status: 'Submitted' }])?.isInvalidated).toBe(true);
    expect(pending).toHaveLength(1); // the list shown took the answer: nothing loaded again
  });
});
